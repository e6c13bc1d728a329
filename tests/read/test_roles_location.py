"""Role-ranker features that relate a candidate to the event's location (read16).

Real sentences of ``protest_coding.dev.xml``. The ranker was fitted on these
sentences, so the end-to-end checks guard the shipped behaviour and the
feature wiring; the out-of-fold figures are in docs/read-arabic.md.
"""

from __future__ import annotations

import pytest

from wiqaya.read.event_roles import location_of, role_candidates
from wiqaya.read.pipeline import DocumentInput, pending_events, read_document
from wiqaya.read.roles import FEATURES

PESHAWAR = (
    "وقد اجتاح حشد المتظاهرين شوارع بيشاور على هتافات «الله اكبر» و«لنسحق اميركا» او «لا"
    " لإمداد الحلف الاطلسي» كما افاد مراسل لوكالة الصحافة الفرنسية."
)
COLUMBIA = (
    "وشكلت التظاهرات التي شارك فيها مئات المتظاهرين خارج الحرم الجامعي للتعبير عن غضبهم"
    " لمنح الرئيس الايراني «منصة للكلام، ولافتات كتب عليها «اوقفوا احمدي نجاد، هتلر ايران»"
    " والاعلانات المضادة في الصحف، شكلت عامل ضغط على رئيس جامعة كولومبيا، الذي وجه اسئلة"
    " محرجة وحساسة للرئيس الايراني وبلهجة حادة."
)
TIBET = (
    "وكان 1000 لاجئ من التبت على الاقل قد احتشدوا خارج نصب «جانتار مانتار» التذكاري بوسط"
    " نيودلهي للاعراب عن تضامنهم مع المتظاهرين في التبت وسلموا خطابا لمكتب الامم المتحدة في"
    " المدينة لمطالبة الامين العام للمنظمة بان كي مون بالتدخل ومطالبة الحكومة الصينية بوقف"
    " «القمع غير الانساني للتبتيين في التبت» وإطلاق سراح المعتقلين."
)
LONDON = (
    "17 مارس: مظاهرة في ساحة غروفنور سكوير بلندن ضد الحرب الأميركية في فيتنام 19 – 23 مارس:"
    " طلاب في جامعة هوارد في واشنطن يسجلون مرحلة غير مسبوقة من التحرك الطلابي بالجامعات"
    " الأميركية، إذ نظموا مظاهرات تستمر 5 أيام احتلوا خلالها مبنى الإدارة في الجامعة ذات"
    " الأغلبية السوداء."
)
ANKARA = "وندد 125 ألف متظاهر السبت بالمشروع في انقرة عند ضريح اتاتورك مؤسس تركيا العلمانية."


def _protest_candidates(text: str, role: str) -> tuple[list, object]:
    _, events = pending_events([DocumentInput("t", text, "ar")], detector=False)
    p, trig = next((p, t) for p, t, _ in events if t.event_type == "PROTEST")
    return role_candidates(p, trig, role), location_of(p)


def _column(name: str) -> int:
    return FEATURES.index(name)


def test_sector_only_actor_of_a_country_named_location_is_marked() -> None:
    # «بيشاور» sits inside the actor «المتظاهرين شوارع بيشاور», so the location
    # is «اميركا» of the slogan, a country name.
    cands, loc = _protest_candidates(PESHAWAR, "target")
    assert loc is not None and loc.place is not None and loc.place.kind == "country"
    sector_only = [c for c in cands if c.kind == "sector_only"]
    assert sector_only
    assert all(c.features[_column("sector_only_country_place")] == 1.0 for c in sector_only)
    others = [c for c in cands if c.kind != "sector_only"]
    assert all(c.features[_column("sector_only_country_place")] == 0.0 for c in others)


def test_sector_only_actor_of_a_city_location_is_not_marked() -> None:
    cands, loc = _protest_candidates(ANKARA, "source")
    assert loc is not None and loc.place is not None and loc.place.kind != "country"
    assert all(c.features[_column("sector_only_country_place")] == 0.0 for c in cands)
    # One country named: the sector-only actors are not among many countries.
    assert all(c.features[_column("sector_only_many")] == 0.0 for c in cands)


def test_sector_only_actor_among_several_named_countries_is_marked() -> None:
    # India (New Delhi), the UN and China are named besides the refugees.
    cands, _ = _protest_candidates(TIBET, "source")
    sector_only = [c for c in cands if c.kind == "sector_only"]
    assert sector_only
    assert all(c.features[_column("sector_only_many")] == 1.0 for c in sector_only)
    assert all(
        c.features[_column("sector_only_many")] == 0.0 for c in cands if c.kind != "sector_only"
    )


def test_bare_place_in_the_location_country_is_marked() -> None:
    # «بلندن» is the location (GBR); «فيتنام» and «واشنطن» are bare places
    # elsewhere; the students, a sector-only actor, borrow GBR but are no place.
    cands, loc = _protest_candidates(LONDON, "target")
    assert loc is not None and loc.country == "GBR"
    col = _column("place_in_location_country")
    marked = {(c.mention.country, c.kind) for c in cands if c.features[col] == 1.0}
    assert marked == {("GBR", "place_city")}
    assert any(c.mention.country == "VNM" and not c.mention.text for c in cands)
    # «تركيا» in «مؤسس تركيا العلمانية» is an actor mention with words, not a bare place.
    cands, _ = _protest_candidates(ANKARA, "source")
    marked = [c for c in cands if c.features[col] == 1.0]
    assert [(c.mention.text, c.mention.country) for c in marked] == [("", "TUR")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # Before read16 the target was PAK (the city) and COL (the university).
        (PESHAWAR, "USA"),
        (COLUMBIA, "IRN"),
        # Already USA before read16; the bare London place must not take it.
        (LONDON, "USA"),
    ],
)
def test_protest_target_is_the_country_protested_against(text: str, target: str) -> None:
    events = [
        e for e in read_document(DocumentInput("x", text, "ar")).events if e.event_type == "PROTEST"
    ]
    assert events
    assert events[0].target.country == target
