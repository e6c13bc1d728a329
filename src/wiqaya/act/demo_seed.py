"""Seed the demo with clearly-labelled EXAMPLE situations, experts and a fund, plus real partners.

What is real and what is an example, so nobody mistakes one for the other:
- Alerts come from the bundled alert rules run over real UCDP battle-death
  series (``ucdp.bd_best``, country-year). When the assess stage has not
  produced that series, the seed derives it from the bundled UCDP 25.1 file
  for six countries (provenance ``act-demo-seed:ucdp-25.1``; a dyad located
  in several countries counts toward each).
- Situations, responses, bookings, allocations and experts are EXAMPLES
  (``is_example``, shown with a badge): responses are dated relative to the
  real warning to illustrate the clock; outcomes are read from the next
  year's real battle deaths.
- Partners, memberships and mandates are public facts, each with its source
  (the seed documents in ``shared/seeds`` or the founding instrument).
Running it again adds nothing.
"""

from __future__ import annotations

import csv
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select

from wiqaya.act import service
from wiqaya.assess.battle_deaths import battle_location
from wiqaya.config import PACKAGE_DATA
from wiqaya.runtime import Runtime
from wiqaya.store import act as store
from wiqaya.store.engine import transaction
from wiqaya.store.models.assess import SeriesPoint
from wiqaya.store.warn import AlertFilter, list_alerts
from wiqaya.store.writelock import begin_write
from wiqaya.warn.run import run_rules

log = logging.getLogger(__name__)
UCDP_FILE = PACKAGE_DATA / "bundled" / "ucdp" / "BattleDeaths_v25_1.csv"
SEED_BY = "system:demo-seed"
# Gleditsch-Ward numbers of the demo countries (UCDP's locations) -> ISO3.
DEMO_COUNTRIES = {
    "645": "IRQ",
    "652": "SYR",
    "620": "LBY",
    "625": "SDN",
    "678": "YEM",
    "520": "SOM",
}
COALITION_SOURCE = (
    "Bahrain Center for Strategic, International and Energy Studies, on the coalition against "
    "Daesh (seed document alliances-coalition-against-daesh.ar.txt)"
)
NATO_SOURCE = (
    "Rewaq Baghdad Center for Public Policy, 'Iraq - NATO: filling the vacuum' "
    "(seed document iraq-nato-mission.ar.txt)"
)
JEDDAH = "Jeddah Communiqué of 11 September 2014 (US and ten Arab states)"


@dataclass
class SeedSummary:
    series_points: int = 0
    alerts_created: int = 0
    situations: int = 0
    responses: int = 0
    experts: int = 0
    bookings: int = 0
    partners: int = 0
    allocations: int = 0
    notes: list[str] = field(default_factory=list)


def _ucdp_series() -> dict[tuple[str, str], float]:
    totals: Counter[tuple[str, str]] = Counter()
    with UCDP_FILE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for g in battle_location(row["gwno_loc"], row.get("gwno_battle")):
                iso = DEMO_COUNTRIES.get(g)
                if iso:
                    totals[(iso, row["year"])] += int(row["bd_best"])
    years = range(1989, 2025)
    return {
        (iso, str(y)): float(totals.get((iso, str(y)), 0))
        for iso in DEMO_COUNTRIES.values()
        for y in years
    }


def ensure_series(runtime: Runtime) -> int:
    """Derive the yearly battle-death series for the demo countries if assess has not."""
    with transaction(runtime.sessions) as s:
        begin_write(s)
        have = s.scalar(
            select(func.count())
            .select_from(SeriesPoint)
            .where(SeriesPoint.variable == "ucdp.bd_best")
        )
        if have:
            return 0
        added = 0
        for (iso, year), value in sorted(_ucdp_series().items()):
            s.add(
                SeriesPoint(
                    country=iso,
                    freq="year",
                    period=year,
                    variable="ucdp.bd_best",
                    value=value,
                    provenance="act-demo-seed:ucdp-25.1",
                )
            )
            added += 1
        return added


def _series_value(runtime: Runtime, country: str, year: int) -> float | None:
    with runtime.sessions() as s:
        return s.scalar(
            select(SeriesPoint.value).where(
                SeriesPoint.country == country,
                SeriesPoint.variable == "ucdp.bd_best",
                SeriesPoint.freq == "year",
                SeriesPoint.period == str(year),
            )
        )


def _change_alert(runtime: Runtime, country: str, start: str) -> tuple[int, date] | None:
    with runtime.sessions() as s:
        rows, _ = list_alerts(
            s, AlertFilter(country=country, rule="battle-deaths-surge"), limit=500
        )
    for a in rows:
        if a.period_start == start:
            return a.id, a.warned_at.date()
    return None


# (title_en, title_ar, country, region, change start, actors,
#  [(days after the warning, response type, actor, note)])
SITUATIONS = [
    (
        "EXAMPLE: Syria, onset of war 2011",
        "مثال: سوريا، بداية الحرب 2011",
        "SYR",
        "MENA",
        "2011",
        [("Government of Syria", "party"), ("Free Syrian Army", "party")],
        [
            (10, "statement_of_concern", "UN Secretary-General", "Illustrative."),
            (
                53,
                "special_envoy",
                "United Nations and League of Arab States",
                "Dated to match the public appointment of the joint UN-League of Arab States "
                "special envoy (23 February 2012).",
            ),
        ],
    ),
    (
        "EXAMPLE: Iraq, Daesh offensive 2013-2014",
        "مثال: العراق، هجوم داعش 2013-2014",
        "IRQ",
        "MENA",
        "2013",
        [
            ("Government of Iraq", "party"),
            ("Daesh (ISIL)", "party"),
            ("Kurdistan Regional Government", "party"),
        ],
        [
            (21, "rapid_response_funding", "EXAMPLE Rapid-Response Fund", "Illustrative."),
            (35, "good_offices_sg", "UN Secretary-General", "Illustrative."),
            (40, "standby_mediation_team", "Standby team of mediation experts", "Illustrative."),
        ],
    ),
    (
        "EXAMPLE: Libya 2011",
        "مثال: ليبيا 2011",
        "LBY",
        "MENA",
        "2011",
        [("Government of Libya", "party"), ("National Transitional Council", "party")],
        [
            (45, "fact_finding_mission", "UN Human Rights Council", "Illustrative."),
            (90, "good_offices_regional", "African Union", "Illustrative."),
        ],
    ),
    (
        "EXAMPLE: Sudan 2023",
        "مثال: السودان 2023",
        "SDN",
        "Horn of Africa",
        "2023",
        [("Sudanese Armed Forces", "party"), ("Rapid Support Forces", "party")],
        [],  # no response recorded: the clock keeps running
    ),
]

EXPERTS = [
    # name, gender, themes, languages, regions
    (
        "EXAMPLE Mariam Haddad",
        "woman",
        ["process_design", "gender_inclusion"],
        ["ar", "en", "fr"],
        ["mena", "levant"],
    ),
    ("EXAMPLE Karim Mansour", "man", ["ceasefire_security"], ["ar", "en"], ["mena", "gulf"]),
    (
        "EXAMPLE Layla Othman",
        "woman",
        ["power_sharing", "constitution_making"],
        ["ar", "en", "ku"],
        ["mena"],
    ),
    (
        "EXAMPLE Yusuf Abdi",
        "man",
        ["wealth_sharing", "ceasefire_security"],
        ["so", "en", "ar"],
        ["horn_of_africa"],
    ),
    (
        "EXAMPLE Amina Diallo",
        "woman",
        ["gender_inclusion", "process_design"],
        ["fr", "en", "ar"],
        ["sahel", "maghreb"],
    ),
    ("EXAMPLE Omar Benali", "man", ["constitution_making"], ["ar", "fr"], ["maghreb", "mena"]),
    (
        "EXAMPLE Huda Al-Sayed",
        "woman",
        ["ceasefire_security", "power_sharing"],
        ["ar", "en"],
        ["mena", "gulf"],
    ),
    (
        "EXAMPLE Daniel Okafor",
        "man",
        ["process_design", "wealth_sharing"],
        ["en"],
        ["horn_of_africa", "sahel"],
    ),
    ("EXAMPLE Salma Yassin", "woman", ["wealth_sharing"], ["ar", "en"], ["mena", "horn_of_africa"]),
    (
        "EXAMPLE Faris Jaber",
        "man",
        ["power_sharing", "ceasefire_security"],
        ["ar"],
        ["mena", "levant"],
    ),
]

# name_en, name_ar, kind, iso3, founded, source
ORGANISATIONS = [
    (
        "League of Arab States",
        "جامعة الدول العربية",
        "regional_organisation",
        None,
        date(1945, 3, 22),
        "Pact of the League of Arab States, 22 March 1945",
    ),
    (
        "African Union",
        "الاتحاد الأفريقي",
        "regional_organisation",
        None,
        date(2002, 7, 9),
        "Launched at Durban, 9 July 2002",
    ),
    (
        "Gulf Cooperation Council",
        "مجلس التعاون لدول الخليج العربية",
        "regional_organisation",
        None,
        date(1981, 5, 25),
        "Charter signed at Abu Dhabi, 25 May 1981",
    ),
    (
        "European Union",
        "الاتحاد الأوروبي",
        "regional_organisation",
        None,
        date(1993, 11, 1),
        "Treaty of Maastricht in force, 1 November 1993",
    ),
    (
        "North Atlantic Treaty Organization",
        "حلف شمال الأطلسي (الناتو)",
        "regional_organisation",
        None,
        date(1949, 4, 4),
        "North Atlantic Treaty, 4 April 1949",
    ),
    (
        "Organisation of Islamic Cooperation",
        "منظمة التعاون الإسلامي",
        "regional_organisation",
        None,
        date(1969, 9, 25),
        "Rabat summit, 25 September 1969",
    ),
    (
        "UN Assistance Mission for Iraq (UNAMI)",
        "بعثة الأمم المتحدة لمساعدة العراق (يونامي)",
        "un_mission",
        None,
        date(2003, 8, 14),
        "UN Security Council resolution 1500 (2003)",
    ),
    (
        "Global Coalition against Daesh",
        "التحالف الدولي ضد داعش",
        "coalition",
        None,
        date(2014, 9, 1),
        COALITION_SOURCE,
    ),
]
# The ten Arab states and the United States of the Jeddah Communiqué.
JEDDAH_STATES = [
    ("Bahrain", "البحرين", "BHR"), ("Egypt", "مصر", "EGY"), ("Iraq", "العراق", "IRQ"),
    ("Jordan", "الأردن", "JOR"), ("Kuwait", "الكويت", "KWT"), ("Lebanon", "لبنان", "LBN"),
    ("Oman", "عُمان", "OMN"), ("Qatar", "قطر", "QAT"),
    ("Saudi Arabia", "المملكة العربية السعودية", "SAU"),
    ("United Arab Emirates", "الإمارات العربية المتحدة", "ARE"),
    ("United States", "الولايات المتحدة", "USA"),
]  # fmt: skip
OTHER_STATES = [("Syria", "سوريا", "SYR"), ("Libya", "ليبيا", "LBY"), ("Sudan", "السودان", "SDN")]


def _partner(runtime: Runtime, summary: SeedSummary, **fields) -> int:  # type: ignore[no-untyped-def]
    with runtime.sessions() as s:
        existing = store.find_partner(s, fields["name_en"])
    if existing is not None:
        return existing.id
    summary.partners += 1
    return service.add_partner(runtime, by=SEED_BY, **fields)["id"]


def seed_partners(runtime: Runtime, summary: SeedSummary) -> dict[str, int]:
    ids: dict[str, int] = {}
    for name_en, name_ar, kind, iso3, founded, source in ORGANISATIONS:
        ids[name_en] = _partner(
            runtime,
            summary,
            name_en=name_en,
            name_ar=name_ar,
            kind=kind,
            iso3=iso3,
            founded_on=founded,
            source=source,
        )
    for name_en, name_ar, iso3 in JEDDAH_STATES + OTHER_STATES:
        ids[name_en] = _partner(
            runtime, summary, name_en=name_en, name_ar=name_ar, kind="state", iso3=iso3
        )
    nato = ids["North Atlantic Treaty Organization"]
    ids["NTM-I"] = _partner(
        runtime,
        summary,
        name_en="NATO Training Mission-Iraq",
        name_ar="بعثة الناتو للتدريب في العراق",
        kind="mission",
        parent_id=nato,
        founded_on=date(2004, 8, 14),
        source=NATO_SOURCE,
    )
    ids["NMI"] = _partner(
        runtime,
        summary,
        name_en="NATO Mission Iraq",
        name_ar="بعثة الناتو في العراق",
        kind="mission",
        parent_id=nato,
        founded_on=date(2018, 7, 12),
        source=NATO_SOURCE,
    )
    coalition = ids["Global Coalition against Daesh"]
    with runtime.sessions() as s:
        known = {m.member_id for _, m in store.members_as_of(s, coalition, date(2100, 1, 1))}
        has_mandates = {
            pid: bool(store.mandates(s, pid)) for pid in (coalition, ids["NTM-I"], ids["NMI"])
        }
    for name_en, _, _ in JEDDAH_STATES:
        if ids[name_en] not in known:
            service.add_membership(
                runtime, coalition, ids[name_en], date(2014, 9, 11), source=JEDDAH, by=SEED_BY
            )
    if not has_mandates[coalition]:
        service.add_mandate(
            runtime,
            coalition,
            starts_on=date(2014, 9, 1),
            by=SEED_BY,
            description_en=(
                "Confront Daesh on every front: dismantle its networks, cut its "
                "financing, stop the flow of foreign fighters, stabilise "
                "liberated areas and counter its propaganda."
            ),
            description_ar=(
                "مواجهة تنظيم داعش على مختلف الجبهات وتفكيك شبكاته، وتدمير بناه "
                "الاقتصادية والمالية، ومنع تدفق المقاتلين الأجانب، ودعم "
                "الاستقرار في المناطق المحررة، ومجابهة دعايته."
            ),
            legal_basis="Coalition of states formed September 2014",
            source=COALITION_SOURCE,
        )
        service.add_mandate(
            runtime,
            coalition,
            starts_on=date(2017, 1, 1),
            size=79,
            by=SEED_BY,
            description_en=(
                "79 members committed to the coalition's lines of effort (count "
                "as reported in 2017)."
            ),
            description_ar="التزام أعضاء التحالف الدولي الـ 79 بمواجهة تنظيم داعش.",
            source=COALITION_SOURCE,
        )
    if not has_mandates[ids["NTM-I"]]:
        service.add_mandate(
            runtime,
            ids["NTM-I"],
            starts_on=date(2004, 8, 14),
            ends_on=date(2005, 12, 31),
            size=50,
            by=SEED_BY,
            description_en="Train and help develop the Iraqi security forces; non-combat.",
            description_ar="المساعدة في تطوير وتدريب قوات الأمن العراقية، دون مهام قتالية.",
            legal_basis=(
                "UN Security Council resolution 1546 and the request of the Iraqi "
                "Interim Government; Istanbul summit, June 2004"
            ),
            source=NATO_SOURCE,
        )
        service.add_mandate(
            runtime,
            ids["NTM-I"],
            starts_on=date(2005, 1, 1),
            ends_on=date(2011, 12, 31),
            size=360,
            by=SEED_BY,
            description_en=(
                "Enlarged training mission; about 15,000 Iraqi security "
                "personnel trained 2004-2011."
            ),
            description_ar=(
                "توسيع البعثة إلى 360 عنصراً؛ تدريب نحو 15000 عنصر أمن عراقي بين 2004 و2011."
            ),
            legal_basis="UN Security Council resolution 1546",
            source=NATO_SOURCE,
        )
    if not has_mandates[ids["NMI"]]:
        service.add_mandate(
            runtime,
            ids["NMI"],
            starts_on=date(2018, 7, 12),
            size=500,
            by=SEED_BY,
            description_en=(
                "Non-combat advisory and capacity-building mission, advising the "
                "Ministry of Defence and the Office of the National Security "
                "Adviser in Baghdad."
            ),
            description_ar=(
                "بعثة استشارية غير قتالية لبناء القدرات، مقرها الاستشاري في "
                "بغداد لدى وزارة الدفاع ومستشارية الأمن الوطني."
            ),
            legal_basis="Request of the Government of Iraq",
            source=NATO_SOURCE,
        )
        service.add_mandate(
            runtime,
            ids["NMI"],
            starts_on=date(2020, 2, 18),
            size=4000,
            by=SEED_BY,
            description_en=(
                "Announced intention to grow the mission from about 500 towards "
                "4,000 personnel, subject to security conditions and the Iraqi "
                "government's consent."
            ),
            description_ar=(
                "إعلان نية زيادة عناصر البعثة من 500 إلى 4000 وفقاً للظروف "
                "الأمنية وموافقة الحكومة العراقية."
            ),
            legal_basis="Request and consent of the Government of Iraq",
            source=NATO_SOURCE,
        )
    return ids


def seed_experts(runtime: Runtime, summary: SeedSummary, today: date) -> dict[str, int]:
    ids = {}
    for i, (name, gender, themes, langs, regions) in enumerate(EXPERTS):
        with runtime.sessions() as s:
            existing = store.find_expert(s, name)
        if existing is not None:
            ids[name] = existing.id
            continue
        # Staggered windows so the 72-hour rule visibly includes and excludes people.
        start = today - timedelta(days=30) + timedelta(days=2 * (i % 4))
        windows = [(start, today + timedelta(days=180 - 10 * i))]
        ids[name] = service.add_expert(
            runtime,
            by=SEED_BY,
            name=name,
            gender=gender,
            themes=themes,
            languages=langs,
            regions=regions,
            windows=windows,
            notes="EXAMPLE expert (fictitious person).",
            is_example=True,
        )["id"]
        summary.experts += 1
    return ids


def _outcome_from_data(
    runtime: Runtime, country: str, alarm_year: int
) -> tuple[str, date, str] | None:
    before = _series_value(runtime, country, alarm_year)
    after = _series_value(runtime, country, alarm_year + 1)
    if before is None or after is None:
        return None
    if after < 0.5 * before:
        label = "de-escalated"
    elif after > 1.5 * before:
        label = "escalated"
    else:
        label = "stable"
    note = (
        f"From UCDP battle deaths: {before:,.0f} in {alarm_year}, {after:,.0f} in {alarm_year + 1}."
    )
    return label, date(alarm_year + 1, 12, 31), note


def seed_examples(runtime: Runtime, *, today: date | None = None) -> SeedSummary:
    """Create the demo's example records; safe to run any number of times."""
    today = today or date.today()
    summary = SeedSummary()
    summary.series_points = ensure_series(runtime)
    summary.alerts_created = run_rules(runtime).created
    partners = seed_partners(runtime, summary)
    experts = seed_experts(runtime, summary, today)

    with runtime.sessions() as s:
        fund = store.find_fund(s, "EXAMPLE Rapid-Response Fund")
    fund_id = (
        fund.id
        if fund
        else service.create_fund(
            runtime,
            by=SEED_BY,
            name="EXAMPLE Rapid-Response Fund",
            currency="USD",
            initial_minor=50_000_000,
            is_example=True,
        )["id"]
    )

    links = {
        "IRQ": [
            ("NMI", "training and advice"),
            ("Global Coalition against Daesh", "military campaign against Daesh"),
            ("UN Assistance Mission for Iraq (UNAMI)", "UN political mission"),
        ],
        "SYR": [("League of Arab States", "regional body, joint envoy")],
        "LBY": [("African Union", "regional good offices")],
        "SDN": [("African Union", "regional body"), ("League of Arab States", "regional body")],
    }
    for title_en, title_ar, iso, region, start, actors, responses in SITUATIONS:
        found = _change_alert(runtime, iso, start)
        if found is None:
            summary.notes.append(f"no {start} surge alert for {iso}: {title_en} not created")
            continue
        alert_id, warned = found
        with runtime.sessions() as s:
            existing = store.find_situation(s, title_en)
        if existing is not None:
            continue
        sit = service.create_situation(
            runtime,
            by=SEED_BY,
            title_en=title_en,
            title_ar=title_ar,
            region=region,
            country=iso,
            summary="EXAMPLE situation file built on a real alert (UCDP battle deaths).",
            actors=[{"name": n, "role": r} for n, r in actors],
            alert_ids=[alert_id],
            is_example=True,
        )
        summary.situations += 1
        for key, role in links.get(iso, []):
            service.link_partner(runtime, sit["id"], partners[key], role, by=SEED_BY)
        for days, kind, actor, note in responses:
            on = warned + timedelta(days=days)
            service.add_response(
                runtime,
                sit["id"],
                by=SEED_BY,
                response_type=kind,
                actor=actor,
                taken_on=on,
                notes=f"EXAMPLE response. {note}",
                is_example=True,
            )
            summary.responses += 1
            if kind == "rapid_response_funding":
                service.allocate(
                    runtime,
                    fund_id,
                    sit["id"],
                    7_500_000,
                    purpose="EXAMPLE: mediation support and a fact-finding visit",
                    by=SEED_BY,
                    is_example=True,
                )
                summary.allocations += 1
        if responses:
            outcome = _outcome_from_data(runtime, iso, warned.year - 1)
            if outcome:
                service.add_outcome(
                    runtime,
                    sit["id"],
                    by=SEED_BY,
                    outcome=outcome[0],
                    observed_on=outcome[1],
                    notes=outcome[2],
                    is_example=True,
                )
    # A current example deployment: the standby team for the Iraq example file, booked now.
    with runtime.sessions() as s:
        iraq = store.find_situation(s, "EXAMPLE: Iraq, Daesh offensive 2013-2014")
        already = store.list_bookings(s, situation_id=iraq.id)[1] if iraq else 1
    if iraq is not None and not already:
        for name in ("EXAMPLE Huda Al-Sayed", "EXAMPLE Karim Mansour"):
            service.book(
                runtime,
                [experts[name]],
                today + timedelta(days=7),
                today + timedelta(days=20),
                situation_id=iraq.id,
                by=SEED_BY,
                is_example=True,
            )
            summary.bookings += 1
    log.info("demo seed: %s", summary)
    return summary
