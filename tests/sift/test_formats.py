"""Format and dataset readers on real Arabic text: what they yield, and what they set aside."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime

from wiqaya.config import PACKAGE_DATA
from wiqaya.sift.formats import InputFile, Limits, read_input
from wiqaya.sift.items import BattleDeathsRow, EventRow, Problem, RawDocument, Reason

from .corpus import SENTENCES

LIMITS = Limits(
    max_file_bytes=10_000_000,
    max_archive_bytes=50_000_000,
    max_archive_members=100,
    max_compression_ratio=200,
)
S = SENTENCES


def read(name: str, data: bytes | str, limits: Limits = LIMITS) -> list:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return list(read_input(InputFile(f"/in/{name}", name, data), limits))


def docs(items: list) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def problems(items: list) -> list[tuple[str, str]]:
    return [(i.reason.value, i.locator) for i in items if isinstance(i, Problem)]


def test_text_and_markdown() -> None:
    (doc,) = docs(read("note.txt", S[0] + "\n" + S[1] + "\n"))
    assert doc.text == S[0] + "\n" + S[1] + "\n"
    assert doc.title is None and doc.locator == ""
    (md,) = docs(read("brief.md", "# موجز الأسبوع\n\n" + S[2]))
    assert md.title == "موجز الأسبوع"
    assert md.text.endswith(S[2])


def test_csv_documents_with_bad_rows_keep_the_good_ones() -> None:
    body = (
        "id,title,date,url,lang,text\n"
        f'a1,عنوان,2024-05-17,https://ex.org/1,ar,"{S[0]}"\n'
        f'a2,,17/05/2024,,,"{S[1]}"\n'  # day-first date: refused, not guessed
        "a3,too,many,fields,here,x,y\n"
        'a4,,,,,""\n'
        f'a5,multi,2024-06-01T10:00:00Z,,,"{S[2]}\n{S[3]}"\n'
        f'a6,,,,,"{S[4]}"\n'
    )
    items = read("docs.csv", body)
    got = docs(items)
    assert [d.external_id for d in got] == ["a1", "a5", "a6"]
    assert got[0].published_at == datetime(2024, 5, 17)
    assert got[0].url == "https://ex.org/1" and got[0].lang == "ar" and got[0].title == "عنوان"
    assert got[1].text == f"{S[2]}\n{S[3]}"
    assert got[1].published_at == datetime(2024, 6, 1, 10, 0)
    assert got[2].locator == "line:8"  # the multi-line record took lines 6-7
    assert problems(items) == [
        ("invalid-date", "line:3"),
        ("malformed-row", "line:4"),
        ("empty", "line:5"),
    ]


def test_newswire_ids_date_rows_without_a_date_column() -> None:
    # The bundled OEDA sentences have no date column, but their Gigaword ids
    # (AAW_ARB_20080913.0007-59: Asharq Al-Awsat, 13 Sep 2008) carry the date.
    body = (
        "id,text\n"
        f'AAW_ARB_20080913.0007-59,"{S[0]}"\n'
        f'AAW_ARB_20081331.0001-2,"{S[1]}"\n'  # no 31st of a 13th month: no date
        f'e6874d82b9c4d010_38,"{S[2]}"\n'
    )
    got = docs(read("gsr.csv", body))
    assert [d.published_at for d in got] == [datetime(2008, 9, 13), None, None]
    # An explicit date column wins over the id.
    (dated,) = docs(read("d.csv", f'id,date,text\nAAW_ARB_20080913.0007,2009-01-02,"{S[0]}"\n'))
    assert dated.published_at == datetime(2009, 1, 2)


def test_csv_in_windows_1256_with_semicolons() -> None:
    body = "text;id\n" + "".join(f'"{s}";{i}\n' for i, s in enumerate(S[:5]))
    got = docs(read("legacy.csv", body.encode("cp1256")))
    assert [d.text for d in got] == S[:5]
    assert {d.encoding for d in got} == {"windows-1256"}


def test_csv_unterminated_quote_is_a_malformed_row() -> None:
    body = f'text\n"{S[0]}"\n"{S[1]}\n'
    items = read("broken.csv", body)
    assert [d.text for d in docs(items)] == [S[0]]
    assert problems(items) == [("malformed-row", "line:3")]


def test_csv_without_text_column() -> None:
    assert problems(read("x.csv", "name,value\na,1\n")) == [("no-text-column", "")]


def test_jsonl_documents_and_bad_lines() -> None:
    lines = [
        json.dumps({"id": 7, "text": S[0], "date": "2024-05-17", "lang": "ar"}, ensure_ascii=False),
        "{not json",
        json.dumps(["a", "list"]),
        "",
        json.dumps({"title": "no text"}),
        json.dumps({"text": S[1], "date": "yesterday"}, ensure_ascii=False),
        json.dumps({"text": S[2]}),  # \\u escapes: ensure_ascii output decodes the same
    ]
    items = read("feed.jsonl", "\n".join(lines))
    got = docs(items)
    assert [d.text for d in got] == [S[0], S[2]]
    assert got[0].external_id == "7" and got[0].locator == "line:1"
    assert got[1].locator == "line:7"
    assert problems(items) == [
        ("malformed-row", "line:2"),
        ("malformed-row", "line:3"),
        ("no-text-column", "line:5"),
        ("invalid-date", "line:6"),
    ]


def test_html_page_main_text_in_windows_1256() -> None:
    page = (
        '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="windows-1256">'
        "<title>احتجاجات في تونس</title>"
        '<meta property="article:published_time" content="2024-05-17T10:00:00Z">'
        '<link rel="canonical" href="https://example.org/a/1"></head><body>'
        "<nav>الرئيسية | أخبار | رياضة</nav><article><h1>احتجاجات في تونس</h1>"
        f"<p>{S[1]}</p><p>{S[5]}</p></article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    (doc,) = docs(read("page.html", page.encode("cp1256")))
    assert S[1] in doc.text and S[5] in doc.text
    assert "جميع الحقوق محفوظة" not in doc.text
    assert doc.encoding == "windows-1256"
    assert doc.title == "احتجاجات في تونس"
    assert doc.url == "https://example.org/a/1"
    assert doc.lang == "ar"
    assert doc.published_at is not None and doc.published_at.date() == date(2024, 5, 17)


def test_html_without_main_text() -> None:
    assert problems(
        read(
            "empty.html",
            "<html><head><script>var a=1;</script></head><body><img src=a.png></body></html>",
        )
    ) == [("no-main-text", "")]


def _rss(entries: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>وكالة</title><language>ar</language>" + entries + "</channel></rss>"
    )


def test_rss_feed_entries() -> None:
    feed = _rss(
        f"<item><title>خبر أول</title><link>https://ex.org/1</link><guid>g1</guid>"
        f"<pubDate>Fri, 17 May 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;{S[0]}&lt;/p&gt;"
        f"</description></item><item><title>بلا نص</title><description></description></item>"
        f"<item><title>ثان</title><guid>g3</guid><description>{S[1]}</description></item>"
    )
    items = read("news.rss", feed)
    got = docs(items)
    assert [d.text for d in got] == [S[0], S[1]]
    assert got[0].title == "خبر أول" and got[0].url == "https://ex.org/1"
    assert got[0].external_id == "g1" and got[0].lang == "ar"
    assert got[0].published_at == datetime(2024, 5, 17, 10, 0)
    assert [d.locator for d in got] == ["entry:1", "entry:3"]
    assert problems(items) == [("empty", "entry:2")]


def test_atom_feed() -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>t</title><entry><id>urn:1</id><title>عاجل</title>"
        '<link href="https://ex.org/a"/><updated>2024-03-02T08:00:00Z</updated>'
        f'<content type="html">&lt;b&gt;{S[7]}&lt;/b&gt;</content></entry></feed>'
    )
    (doc,) = docs(read("news.atom", feed))
    assert doc.text == S[7] and doc.external_id == "urn:1"
    assert doc.published_at == datetime(2024, 3, 2, 8, 0)


def test_broken_feed() -> None:
    assert problems(read("bad.xml", "<?xml version='1.0'?><nothing/>")) == [("broken-feed", "")]


def _zip(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_members_are_read_and_traversal_refused() -> None:
    inner = _zip({"deep.txt": S[9].encode("utf-8")})
    data = _zip(
        {
            "a/one.txt": S[0].encode("cp1256"),
            "a/two.csv": f"text\n{S[1]}\n".encode(),
            "../../etc/evil.txt": S[2].encode(),
            "/abs.txt": S[3].encode(),
            "nested.zip": inner,
        }
    )
    items = read("bundle.zip", data)
    got = docs(items)
    assert [d.text for d in got] == [S[0], S[1], S[9]]
    assert got[0].origin == "/in/bundle.zip!/a/one.txt"
    assert got[2].origin == "/in/bundle.zip!/nested.zip!/deep.txt"
    assert sorted(r for r, _ in problems(items)) == ["path-traversal", "path-traversal"]


def test_zip_bombs() -> None:
    zeros = _zip({"zeros.txt": b"0" * 5_000_000})
    assert problems(read("ratio.zip", zeros)) == [("zip-bomb", "")]
    many = _zip({f"f{i}.txt": S[i].encode() for i in range(5)})
    small = Limits(10_000_000, 50_000_000, max_archive_members=3, max_compression_ratio=200)
    assert problems(read("many.zip", many, small)) == [("zip-bomb", "")]
    tight = Limits(
        10_000_000, max_archive_bytes=100, max_archive_members=10, max_compression_ratio=200
    )
    assert problems(read("big.zip", many, tight)) == [("zip-bomb", "")]
    nest = _zip({"x.txt": b"x"})
    for _ in range(3):
        nest = _zip({"n.zip": nest}, compression=zipfile.ZIP_STORED)
    assert [r for r, _ in problems(read("nest.zip", nest))] == ["zip-bomb"]


def test_broken_zip() -> None:
    assert problems(read("bad.zip", b"PK\x03\x04 not really a zip")) == [("broken-archive", "")]


def test_binary_and_empty_files() -> None:
    assert problems(read("image.png", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))) == [
        ("binary", "")
    ]
    assert problems(read("blank.txt", b"  \n\t ")) == [("empty", "")]


def test_ucdp_battle_deaths_file() -> None:
    path = PACKAGE_DATA / "bundled" / "ucdp" / "BattleDeaths_v25_1.csv"
    items = read(path.name, path.read_bytes())
    rows = [i for i in items if isinstance(i, BattleDeathsRow)]
    assert not problems(items)
    assert len(rows) > 1900
    first = rows[0].values
    assert first["conflict_id"] == 11447 and first["dyad_id"] == 10006
    assert first["year"] == 1991 and first["bd_best"] == 100
    assert first["location"] == "Ethiopia" and first["gwno_loc"] == "530"
    assert first["version"] == "25.1"


def test_ucdp_bad_values_are_quarantined_by_line() -> None:
    header = "conflict_id,dyad_id,location_inc,year,bd_best,bd_low,bd_high,gwno_loc\n"
    body = header + "1,2,Iraq,2014,500,400,600,645\n3,4,Syria,2015,many,,,652\n5,6,,2016,,,,\n"
    items = read("BattleDeaths_v24_1.csv", body)
    rows = [i for i in items if isinstance(i, BattleDeathsRow)]
    assert [r.values["version"] for r in rows] == ["24.1"]
    assert problems(items) == [("invalid-value", "line:3"), ("invalid-value", "line:4")]


def test_acled_like_events() -> None:
    body = (
        "event_date,event_type,sub_event_type,actor1,actor2,country,iso3,admin1,location,"
        "latitude,longitude,fatalities,notes\n"
        "17 May 2024,Protests,Peaceful protest,Protesters (Iraq),,Iraq,IRQ,Baghdad,Baghdad,"
        f'33.34,44.40,0,"{S[0]}"\n'
        "2024-05-18,Battles,Armed clash,Military Forces of Sudan,RSF,Sudan,SDN,North Darfur,"
        "El Fasher,13.63,25.35,12,\n"
        "sometime,Battles,,A,B,Sudan,SDN,,,,,1,\n"
        "2024-05-19,Riots,,A,B,Sudan,SDN,,,north,,1,\n"
    )
    items = read("events.csv", body)
    rows = [i for i in items if isinstance(i, EventRow)]
    assert [r.values["event_date"] for r in rows] == [date(2024, 5, 17), date(2024, 5, 18)]
    assert rows[0].values["notes"] == S[0] and rows[1].values["fatalities"] == 12
    assert rows[1].values["latitude"] == 13.63
    assert problems(items) == [("invalid-date", "line:4"), ("invalid-value", "line:5")]
    assert len({r.values["row_hash"] for r in rows}) == 2


def test_unknown_suffix_is_sniffed() -> None:
    (doc,) = docs(read("README", S[4]))
    assert doc.text == S[4]
    assert isinstance(Reason("zip-bomb"), Reason)
