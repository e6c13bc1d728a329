"""Every dashboard page, empty and with data, in Arabic and English (server side)."""

from __future__ import annotations

import csv
import io
import json
import re

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from tests.act_seed import (
    GROUP_AR,
    GROUP_EN,
    MEDIATOR_AR,
    MEDIATOR_EN,
    TITLE_AR,
    TITLE_EN,
    seed_act,
)
from tests.dashboard_seed import FORMULA_TITLE, Seeded
from tests.helpers import logged_in_client

PAGES = ["/", "/map", "/watchlist", "/country/IRQ", "/events", "/documents", "/brief", "/ingested"]
INLINE = re.compile(r"<script(?![^>]*\bsrc=)|\son[a-z]+\s*=|\sstyle\s*=", re.IGNORECASE)


def _html_attrs(body: str) -> tuple[str, str]:
    m = re.search(r'<html lang="(\w+)" dir="(\w+)">', body)
    assert m, body[:200]
    return m.group(1), m.group(2)


@pytest.mark.parametrize("path", PAGES)
def test_empty_pages_render_in_both_languages(client: TestClient, path: str) -> None:
    ar = client.get(path)
    assert ar.status_code == 200
    assert _html_attrs(ar.text) == ("ar", "rtl")
    assert not INLINE.search(ar.text), INLINE.search(ar.text)
    en = client.get(path, params={"lang": "en"})
    assert en.status_code == 200
    assert _html_attrs(en.text) == ("en", "ltr")
    assert "E-GEN-500" not in en.text


def test_empty_states_explain_what_to_do(client: TestClient) -> None:
    assert "No coded events yet" in client.get("/map?metric=events&lang=en").text
    assert "لا توجد وثائق مطابقة" in client.get("/documents?lang=ar").text
    assert "There is no data to brief on yet" in client.get("/brief?lang=en").text
    country = client.get("/country/SDN?lang=en").text
    assert "No data for this country yet" in country
    assert "No alerts for this country yet" in country
    assert "No situation files for this country yet" in country
    assert "No partners recorded for this country yet" in country


def test_country_page_shows_alerts_situations_partners(client: TestClient, runtime) -> None:  # type: ignore[no-untyped-def]
    act = seed_act(runtime)
    en = client.get("/country/SDN?lang=en").text
    assert not INLINE.search(en)
    assert "Assaults tripled against the previous quarter" in en
    assert "deaths_surge" in en and "High" in en
    assert f'href="/situations/{act.situation_id}"' in en
    assert TITLE_EN in en
    assert "9 days" in en  # first alert (10th) to first response (19th)
    assert f'href="/partners/{act.mediator_id}"' in en and MEDIATOR_EN in en
    assert f'href="/partners/{act.group_id}"' in en and GROUP_EN in en
    ar = client.get("/country/SDN?lang=ar").text
    assert TITLE_AR in ar and GROUP_AR in ar and MEDIATOR_AR in ar
    assert "تضاعفت الاعتداءات" in ar
    assert "لا إنذارات لهذه الدولة بعد" not in ar
    # Another country still shows its empty states.
    assert "No alerts for this country yet" in client.get("/country/IRQ?lang=en").text


def test_home_is_the_map_with_iso3_paths(client: TestClient) -> None:
    body = client.get("/").text
    assert '<svg class="map"' in body
    for code in ("IRQ", "SYR", "BHR", "PSE", "MAR"):
        assert f'id="c-{code}"' in body
        assert f'href="/country/{code}"' in body
    # The hover title names the country in the page's language.
    assert re.search(r"<title>العراق \(IRQ\)", body)


def test_language_switch_is_remembered(client: TestClient) -> None:
    first = client.get("/watchlist?lang=en")
    assert first.cookies.get("wiqaya_lang") == "en"
    again = client.get("/watchlist")
    assert _html_attrs(again.text) == ("en", "ltr")
    # The switch link keeps the page's filters and flips the language.
    filtered = client.get("/events?country=IRQ&type=PROTEST").text
    assert re.search(
        r'class="lang-switch" href="/events\?country=IRQ&amp;type=PROTEST&amp;lang=ar"', filtered
    )


def test_map_colours_countries_with_data(client: TestClient, seeded: Seeded) -> None:
    body = client.get("/map").text
    irq = re.search(r'<path id="c-IRQ" class="(q\d)"', body)
    assert irq, "Iraq has a forecast score and must be coloured"
    assert re.search(r'<path id="c-FRA" class="nodata"', body)
    events = client.get("/map?metric=events&window=6&lang=en").text
    assert re.search(r"<title>Iraq \(IRQ\): \d+", events)
    assert "Event intensity" in events


def test_watchlist_ranks_and_filters_by_region(client: TestClient, seeded: Seeded) -> None:
    body = client.get("/watchlist?lang=en").text
    ranked = re.findall(r'<a href="/country/(\w{3})">', body)
    # Seeded scores grow with the country's index: Egypt first, Iraq last.
    assert ranked[0] == "EGY" and ranked[-1] == "IRQ"
    assert body.count('<svg class="spark"') == len(ranked) == 6
    assert "▲" in body and "▼" in body
    gulf = client.get("/watchlist?region=gulf&lang=en").text
    assert re.findall(r'<a href="/country/(\w{3})">', gulf) == ["YEM"]
    events = client.get("/watchlist?metric=events&window=12").text
    assert set(re.findall(r'<a href="/country/(\w{3})">', events)) == set(seeded.events_by_country)
    assert "No open alerts for these countries yet" in body
    assert 'href="/alerts?country=' not in body


def test_watchlist_counts_open_alerts(client: TestClient, seeded: Seeded, runtime) -> None:  # type: ignore[no-untyped-def]
    seed_act(runtime, country="EGY")
    en = client.get("/watchlist?lang=en").text
    assert '<a href="/alerts?country=EGY" title="1 open alerts">1</a>' in en
    assert "No open alerts for these countries yet" not in en
    ar = client.get("/watchlist?lang=ar").text
    assert 'href="/alerts?country=EGY"' in ar and "الإنذارات المفتوحة" in ar


def test_country_page_shows_series_and_evidence(client: TestClient, seeded: Seeded) -> None:
    body = client.get("/country/irq").text
    assert _html_attrs(body) == ("ar", "rtl")
    assert body.count('<svg class="chart"') == 4  # forecast, events, indicators, battle deaths
    assert "اعتداء" in body and "احتجاج" in body
    assert "وفيات المعارك" in body and 'class="s0 band"' in body
    assert 'direction="rtl"' in body  # Arabic chart labels laid out right to left
    assert "أحداث: اعتداء" in body  # forecast driver, named as the series are
    # Hostile content is shown as text, and the javascript: URL is not a link.
    assert "&lt;script&gt;x&lt;/script&gt;" in body and "<script>x" not in body
    assert 'href="javascript:' not in body
    missing = client.get("/country/ZZZ")
    assert missing.status_code == 404 and "ZZZ" in missing.text


def test_events_browser_filters(client: TestClient, seeded: Seeded) -> None:
    def count(query: str) -> int:
        body = client.get("/events?lang=en&" + query).text
        return int(re.search(r"([\d,]+) results", body).group(1).replace(",", ""))

    total = sum(seeded.events_by_country.values())
    assert count("") == total
    assert count("country=SDN") == seeded.events_by_country["SDN"]
    assert count("type=ASSAULT") + count("type=PROTEST") == total
    assert count("from=2024-06-01&to=2024-06-30") > 0
    assert count("from=2024-06-01") < total
    assert count("doclang=en") == 3
    word = seeded.arabic_texts[0].split()[2]
    assert 1 <= count(f"q={word}") < total
    bad = client.get("/events?from=31/02/2024&lang=en").text
    assert "could not be understood" in bad and "from" in bad


def test_arabic_search_ignores_hamza_final_letters_and_marks(
    client: TestClient, seeded: Seeded
) -> None:
    def count(path: str, query: str) -> int:
        body = client.get(f"{path}?lang=en&q={query}").text
        return int(re.search(r"([\d,]+) results", body).group(1).replace(",", ""))

    def plain_of(w: str) -> str:
        return w.replace("أ", "ا").replace("إ", "ا").replace("ة", "ه")

    texts = " ".join(seeded.arabic_texts)
    # A seeded word with a hamza seat or a ta marbuta, as the wire wrote it, whose
    # plain spelling appears nowhere as such: only folding can find it.
    word = next(
        w
        for w in texts.split()
        if len(w) > 4 and w.isalpha() and plain_of(w) != w and plain_of(w) not in texts
    )
    plain = plain_of(word)
    marked = word[0] + "\u064e" + word[1:]  # a fatha after the first letter
    for path in ("/events", "/documents"):
        as_written = count(path, word)
        assert as_written > 0
        assert count(path, plain) >= as_written  # typed without hamza or with «ه»
        assert count(path, marked) == count(path, plain)  # typed with a vowel mark
    # English search is untouched.
    assert count("/documents", "Zzzqx") == 0


def test_places_are_named_in_the_page_language(client: TestClient, seeded: Seeded) -> None:
    arabic = client.get("/events?country=IRQ&lang=ar").text
    english = client.get("/events?country=IRQ&lang=en").text
    assert "<bdi>بغداد</bdi>" in arabic and "<bdi>Baghdad</bdi>" not in arabic
    assert "<bdi>Baghdad</bdi>" in english
    # Searching the place in Arabic, with a clitic, finds the events stored at "Baghdad"
    # (none of the seeded evidence holds «وبغداد» itself).
    assert not any("وبغداد" in t for t in seeded.arabic_texts)
    found = client.get("/events?lang=en&q=وبغداد").text
    n = int(re.search(r"([\d,]+) results", found).group(1).replace(",", ""))
    assert n == arabic.count("<bdi>بغداد</bdi>") > 0


def test_documents_browser_filters(client: TestClient, seeded: Seeded) -> None:
    body = client.get("/documents?doclang=en&lang=en").text
    assert "3 results" in body
    body = client.get("/documents?source=oeda-arabic-gsr-dev&country=SDN&lang=en").text
    assert re.search(r"[1-9]\d* results", body)
    arabic = client.get("/documents?lang=ar").text
    assert seeded.titles[3] in arabic
    # The document type is a word in the page's language, not the stored code.
    assert "خبر" in arabic and "<bdi>news</bdi>" not in arabic


def test_exports_obey_filters(client: TestClient, seeded: Seeded) -> None:
    query = "country=IRQ&type=PROTEST"
    page = client.get(f"/events?{query}&lang=en").text
    shown = int(re.search(r"(\d+) results", page).group(1))
    assert f'href="/events/export/csv?{query.replace("&", "&amp;")}"' in page

    raw = client.get(f"/events/export/csv?{query}")
    assert raw.headers["content-type"].startswith("text/csv")
    assert raw.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.content.decode("utf-8-sig"))))
    assert len(rows) == shown
    assert {r["country"] for r in rows} == {"IRQ"} and {r["event_type"] for r in rows} == {
        "PROTEST"
    }
    hostile = [r for r in rows if r["evidence"].startswith("'=")]
    assert hostile and hostile[0]["evidence"] == "'=1+1 <script>x</script>"

    table = pq.read_table(io.BytesIO(client.get(f"/events/export/parquet?{query}").content))
    assert table.num_rows == shown
    assert set(table.column("country").to_pylist()) == {"IRQ"}

    geo = json.loads(client.get(f"/events/export/geojson?{query}").content)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == shown
    points = [f for f in geo["features"] if f["geometry"]]
    assert points and points[0]["geometry"]["coordinates"] == [44.4, 33.3]

    docs = client.get("/documents/export/csv?doclang=ar")
    doc_rows = list(csv.DictReader(io.StringIO(docs.content.decode("utf-8-sig"))))
    assert all(r["lang"] == "ar" for r in doc_rows)
    assert "'" + FORMULA_TITLE in {r["title"] for r in doc_rows}

    refused = client.get("/events/export/csv?from=notadate")
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "E-INP-081"


def test_brief_page_and_downloads(client: TestClient, seeded: Seeded) -> None:
    body = client.get("/brief?lang=en").text
    assert "Monthly horizon-scanning brief: June 2024" in body
    assert "Top risers" in body and '<svg class="map"' in body
    assert "No new alerts were raised in this month." in body
    ar = client.get("/brief?month=2024-03&lang=ar").text
    assert "مارس 2024" in ar
    html = client.get("/brief/download/2024-06.html?lang=ar")
    assert html.status_code == 200 and 'dir="rtl"' in html.text
    assert client.get("/brief/download/2024-6.pdf").status_code == 400


def test_map_falls_back_to_battle_deaths(client: TestClient, runtime) -> None:  # type: ignore[no-untyped-def]
    from wiqaya.store.models.assess import SeriesPoint

    with runtime.sessions() as session:
        for country, year, value in (
            ("SYR", "2023", 900),
            ("SYR", "2024", 1200),
            ("MLI", "2024", 300),
        ):
            session.add(
                SeriesPoint(
                    country=country,
                    freq="year",
                    period=year,
                    variable="ucdp.bd_best",
                    value=value,
                    provenance="test",
                )
            )
        session.commit()
    body = client.get("/?lang=en").text
    assert "Battle deaths (UCDP)" in body and "As of 2024" in body
    assert re.search(r'<path id="c-SYR" class="q\d"', body)
    assert re.search(r"<title>Syrian Arab Republic \(SYR\): 1,200", body)
    watch = client.get("/watchlist?metric=deaths&lang=en").text
    assert re.findall(r'<a href="/country/(\w{3})">', watch) == ["SYR", "MLI"]


def test_document_page_highlights_evidence(client: TestClient, seeded: Seeded) -> None:
    events = client.get("/events?country=SYR&lang=ar").text
    doc_id = re.search(r'<a href="/documents/(\d+)">', events).group(1)
    body = client.get(f"/documents/{doc_id}").text
    assert _html_attrs(body) == ("ar", "rtl")
    mark = re.search(r'<mark id="event-\d+" title="([^"]+)">([^<]+)</mark>', body)
    assert mark and mark.group(1) in ("احتجاج", "اعتداء")
    assert mark.group(2) in seeded.arabic_texts[int(doc_id) - 1]
    missing = client.get("/documents/999999?lang=en")
    assert missing.status_code == 404 and "no document number 999999" in missing.text


def test_risk_api(client: TestClient, seeded: Seeded) -> None:
    body = client.get("/api/v1/risk").json()
    assert body["metric"] == "forecast" and body["model"] == seeded.forecast_key
    assert body["rows"][0]["country"] == "EGY" and body["rows"][0]["name_ar"] == "مصر"
    events = client.get("/api/v1/risk?metric=events&window=12&region=mashreq").json()
    assert {r["country"] for r in events["rows"]} == {"IRQ", "SYR"}
    bad = client.get("/api/v1/risk?region=atlantis")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "E-INP-076"
    assert client.get("/api/v1/risk?window=99").json()["error"]["code"] == "E-INP-422"


@pytest.fixture
def yearly(runtime):  # type: ignore[no-untyped-def]
    """What the bundled demo data gives: undated documents and events, a yearly
    forecast for one year, and UCDP battle deaths by year."""
    import hashlib
    import json as _json

    from wiqaya.store.models.assess import ForecastScore, SeriesPoint
    from wiqaya.store.models.read import Event
    from wiqaya.store.models.sift import Document, Source

    with runtime.sessions() as session:
        source = Source(name="undated-gsr", kind="dataset")
        session.add(source)
        session.flush()
        for i, (country, etype) in enumerate(
            (("SYR", "ASSAULT"), ("SYR", "PROTEST"), ("YEM", "ASSAULT"))
        ):
            text = f"هاجم مسلحون نقطة تفتيش في المدينة ({i})"
            digest = hashlib.sha256(text.encode()).hexdigest()
            doc = Document(
                source_id=source.id,
                title=f"خبر {i}",
                text=text,
                lang="ar",
                content_hash=digest,
                text_sha256=digest,
            )
            session.add(doc)
            session.flush()
            session.add(
                Event(
                    document_id=doc.id,
                    event_type=etype,
                    evidence=text,
                    country=country,
                    confidence=0.8,
                    coder_version="t",
                    span_start=0,
                    span_end=9,
                )
            )
        for country, score in (("SYR", 0.3), ("YEM", 0.2), ("SDN", 0.1)):
            session.add(
                ForecastScore(
                    model_name="ewp-like",
                    model_version="1",
                    target="mass_killing_onset",
                    country=country,
                    freq="year",
                    period="2025",
                    score=score,
                    quantiles=_json.dumps({"0.1": score / 2, "0.9": score * 2}),
                    drivers=_json.dumps(
                        [
                            {
                                "feature": "bd",
                                "label_ar": "وفيات المعارك",
                                "label_en": "Battle deaths",
                                "contribution": 0.5,
                            }
                        ]
                    ),
                )
            )
        for country, y23, y24 in (("SYR", 3000, 1200), ("YEM", 800, 2500), ("SDN", 100, 9000)):
            for year, value in (("2023", y23), ("2024", y24)):
                session.add(
                    SeriesPoint(
                        country=country,
                        freq="year",
                        period=year,
                        variable="ucdp.bd_best",
                        value=value,
                        provenance="t",
                    )
                )
                session.add(
                    SeriesPoint(
                        country=country,
                        freq="year",
                        period=year,
                        variable="ewp.bd",
                        value=value / 100,
                        provenance="t",
                    )
                )
        session.commit()


def test_pages_with_undated_events_and_yearly_scores(client: TestClient, yearly) -> None:  # type: ignore[no-untyped-def]
    events_map = client.get("/map?metric=events&lang=en").text
    assert "3 coded events have no date" in events_map
    home = client.get("/?lang=en").text
    assert "Onset of mass killing" in home and "As of 2025" in home
    country = client.get("/country/SYR?lang=en").text
    assert "Events by type (total)" in country and "carry no dates" in country
    assert 'class="s0 whisker"' in country  # the single yearly forecast shows its interval
    assert "Series behind the forecasts" in country  # the driver's stored series


def test_brief_falls_back_to_years_and_undated_evidence(client: TestClient, yearly) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/brief?lang=en").text
    assert "compare UCDP battle deaths in 2024 with the year before" in body
    risers = body[body.index('id="h-b-risers"') : body.index('id="h-b-fallers"')]
    assert risers.index("Sudan") < risers.index("Yemen")  # +8,900 before +1,700
    assert "Syrian Arab Republic" in body[body.index('id="h-b-fallers"') :]
    assert "Onset of mass killing, as of 2025" in body
    assert "the evidence below is undated" in body and "هاجم مسلحون" in body


def test_hostile_ids_and_page_numbers_never_fail_the_server(runtime) -> None:  # type: ignore[no-untyped-def]
    # Unicode digits pass str.isdigit but not int() («¹») or read as numbers («٣»);
    # 20 digits overflow a 64-bit id column; 5,000 digits exceed int()'s limit.
    client = logged_in_client(runtime, raise_server_exceptions=False)
    paths = [
        "/api/v1/documents/{}",
        "/api/v1/library/agreements/{}",
        "/api/v1/library/items/{}",
        "/api/v1/events/{}",
        "/api/v1/situations/{}",
        "/documents/{}",
        "/library/items/{}",
        "/situations/{}",
        "/partners/{}",
        "/events?page={}",
        "/documents?page={}",
    ]
    huge = "9" * 20
    for value in ["¹", "٣", huge, "9" * 5000, "L¹", "D²", "D" + huge, "L" + huge]:
        for path in paths:
            status = client.get(path.format(value)).status_code
            assert status < 500, (path, value[:20], status)
