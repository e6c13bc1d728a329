"""The dashboard in a real browser: Debian's Chromium driven by Playwright.

One seeded SQLite database and one server for the module; every page in both
languages (screenshots in ``test-artifacts/``), the language switch, filters,
exports that obey the filters, the map's click-through, keyboard use, and no
request leaving the machine. ``open_page`` is the one place that opens a page
in a language, so a login step can be added there when security lands.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from tests.dashboard_seed import seed_dashboard

from wiqaya.config import Settings
from wiqaya.runtime import open_runtime
from wiqaya.store.engine import transaction
from wiqaya.store.security import add_user
from wiqaya.web.app import create_app

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("WIQAYA_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = {
    "map": "/",
    "map-events": "/map?metric=events&window=6",
    "watchlist": "/watchlist",
    "country": "/country/IRQ",
    "events": "/events",
    "documents": "/documents",
    "document": "/documents/1",
    "brief": "/brief",
    "ingested": "/ingested",
}


# WCAG 2 contrast of every visible HTML text element against its effective
# background: 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
CONTRAST_JS = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => { for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3); }
    return [255, 255, 255]; };
  const out = [];
  for (const el of document.querySelectorAll('body *:not(svg):not(svg *)')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const st = getComputedStyle(el);
    if (st.visibility === 'hidden' || el.closest('.skip, .sr-only')) continue;
    const fg = lum(rgb(st.color).slice(0, 3)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight) >= 700;
    const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    if (ratio < need)
      out.push(`${el.tagName} ${ratio.toFixed(2)} ${el.textContent.trim().slice(0, 30)}`);
  }
  return out;
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    home = tmp_path_factory.mktemp("browser")
    db = home / "wiqaya.db"
    shutil.copyfile(sqlite_template, db)
    runtime = open_runtime(Settings(home=home, database_url=f"sqlite:///{db}"), migrate=False)
    with runtime.sessions() as session:
        seeded = seed_dashboard(session)
    # Pages need a signed-in viewer (deny by default); the browser signs in once.
    password = f"pw-{uuid.uuid4().hex}"
    with transaction(runtime.sessions) as session:
        add_user(session, "browser-viewer", "viewer", password)
    port = _free_port()
    config = uvicorn.Config(create_app(runtime), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", seeded, ("browser-viewer", password)
    srv.should_exit = True
    thread.join(timeout=10)
    runtime.close()


@pytest.fixture(scope="module")
def context(server, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium package")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
        )
        base, _seeded, (username, password) = server
        login = ctx.new_page()
        login.goto(f"{base}/login")
        login.fill("input[name=username]", username)
        login.fill("input[name=password]", password)
        login.click("form[action='/login'] button[type=submit]")
        login.wait_for_load_state()
        assert "/login" not in login.url, "signing in through the login form failed"
        login.close()
        yield ctx
        ctx.close()


@pytest.fixture
def page(context, server) -> Iterator:
    base = server[0]
    pg = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith((base, "data:")) else outside.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    pg.close()
    assert not outside, f"requests left the machine: {outside}"
    assert not errors, f"page errors: {errors}"


@pytest.fixture
def open_page(page, server) -> Callable:
    """Open ``path`` in ``lang``: the single place to add a login step later."""
    base = server[0]

    def go(path: str, lang: str):  # type: ignore[no-untyped-def]
        sep = "&" if "?" in path else "?"
        response = page.goto(f"{base}{path}{sep}lang={lang}")
        assert response is not None and response.status == 200, path
        return page

    return go


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_in_both_languages(open_page, name: str, lang: str) -> None:
    pg = open_page(PAGES[name], lang)
    assert pg.get_attribute("html", "lang") == lang
    assert pg.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    direction = pg.evaluate("getComputedStyle(document.body).direction")
    assert direction == ("rtl" if lang == "ar" else "ltr")
    # RTL: the page heading starts at the right-hand edge.
    box = pg.locator("main h1").first.bounding_box()
    assert box is not None
    if lang == "ar":
        assert box["x"] + box["width"] > 1280 * 0.6
    else:
        assert box["x"] < 1280 * 0.4
    # Every image-like SVG has an accessible name.
    unnamed = pg.evaluate(
        "[...document.querySelectorAll('svg[role=img]')]"
        ".filter(s => !s.getAttribute('aria-label')).length"
    )
    assert unnamed == 0
    low = pg.evaluate(CONTRAST_JS)
    assert not low, f"text below WCAG AA contrast: {low[:5]}"
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}-{lang}.png"), full_page=True)


def test_language_switch_is_remembered(open_page, server) -> None:
    base = server[0]
    pg = open_page("/watchlist", "ar")
    pg.click("a.lang-switch")
    pg.wait_for_load_state()
    assert pg.get_attribute("html", "lang") == "en"
    pg.goto(f"{base}/map")  # no parameter: the cookie remembers English
    assert pg.get_attribute("html", "dir") == "ltr"
    pg.click("a.lang-switch")
    pg.wait_for_load_state()
    assert pg.get_attribute("html", "dir") == "rtl"


def test_map_click_through_to_country(open_page) -> None:
    pg = open_page("/", "ar")
    title = pg.locator("#c-IRQ").evaluate("p => p.parentElement.querySelector('title').textContent")
    assert title.startswith("العراق")
    pg.locator("#c-IRQ").click()
    pg.wait_for_url(re.compile(r"/country/IRQ$"))
    assert "العراق" in pg.locator("main h1").inner_text()
    assert pg.locator("svg.chart").count() == 4


def test_filters_and_export_obey_them(open_page, server) -> None:
    seeded = server[1]
    pg = open_page("/events", "en")
    pg.select_option("select[name=country]", "SDN")
    pg.select_option("select[name=type]", "PROTEST")
    pg.click("form.filters button[type=submit]")
    pg.wait_for_url(re.compile(r"country=SDN"))
    shown = int(re.search(r"(\d+) results", pg.locator("main").inner_text()).group(1))
    assert 0 < shown < seeded.events_by_country["SDN"] + 1
    with pg.expect_download() as info:
        pg.click("a.export[data-format=csv]")
    body = Path(info.value.path()).read_bytes()
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == shown
    assert {(r["country"], r["event_type"]) for r in rows} == {("SDN", "PROTEST")}


def test_keyboard_skip_link_and_visible_focus(open_page) -> None:
    pg = open_page("/watchlist", "ar")
    pg.keyboard.press("Tab")
    focused = pg.evaluate("document.activeElement.className")
    assert focused == "skip"
    outline = pg.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    pg.keyboard.press("Enter")
    assert pg.evaluate("location.hash") == "#main"
    # Tabbing on reaches the country links; each shows a focus ring.
    pg.keyboard.press("Tab")
    for _ in range(30):
        if pg.evaluate("document.activeElement.closest('table') !== null"):
            break
        pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.getAttribute('href')").startswith("/country/")
    assert pg.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"


def test_arabic_letters_are_joined(open_page) -> None:
    """Shaped Arabic is narrower than the same letters forced apart by ZWNJ."""
    pg = open_page("/country/IRQ", "ar")
    widths = pg.evaluate(
        """() => {
          const probe = (text) => { const s = document.createElement('span');
            s.textContent = text; document.querySelector('main').appendChild(s);
            const w = s.getBoundingClientRect().width; s.remove(); return w; };
          const word = 'الاعتداءات';
          return [probe(word), probe([...word].join('\\u200c'))];
        }"""
    )
    joined, separate = widths
    assert joined < separate


def test_map_by_keyboard(open_page) -> None:
    pg = open_page("/", "en")
    pg.focus("a.skip[href='#h-map-table']")
    pg.keyboard.press("Enter")
    assert pg.evaluate("location.hash") == "#h-map-table"
    pg.locator("#c-SYR").evaluate("p => p.parentElement.focus()")
    assert pg.evaluate("document.activeElement.getAttribute('data-iso3')") == "SYR"
    pg.keyboard.press("Enter")
    pg.wait_for_url(re.compile(r"/country/SYR$"))
    assert "Syria" in pg.locator("main h1").inner_text()
