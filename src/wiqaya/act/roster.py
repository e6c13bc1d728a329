"""Match a mediation request to a team deployable within 72 hours (pure; no database).

Rules, in order:
1. Deployable: the expert can arrive on one of the first four days of the
   deployment (start .. start + 72 h), an availability window covers the
   arrival day through the last day, and no day in that span is booked.
2. Relevant: shares at least one requested theme (any theme if none requested).
3. Ranked by score: 3 per requested theme, 2 per requested language, 2 for
   the requested region, 1 for arriving on the first day; ties by name.
4. The team is chosen greedily for coverage (themes, then languages), then the
   gender-balance rule is applied: a team of two or more includes at least
   ``max(1, floor(0.4 * size))`` women (UN SG report 2011, para 63: more senior
   women mediators). When no further qualified woman is available the team is
   returned with the rule marked unmet and the reason, never silently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from wiqaya.errors import InputError
from wiqaya.store.act import ExpertView

DEPLOY_WITHIN_DAYS = 3  # 72 hours
WOMEN_SHARE = 0.4
MAX_TEAM = 20
MAX_DURATION = 180


@dataclass(frozen=True)
class Request:
    themes: tuple[str, ...]
    languages: tuple[str, ...]
    region: str | None
    start: date
    size: int = 3
    duration_days: int = 14

    @property
    def last_day(self) -> date:
        return self.start + timedelta(days=self.duration_days - 1)


@dataclass(frozen=True)
class Match:
    expert_id: int
    name: str
    gender: str
    score: int
    arrival: date
    reasons: tuple[str, ...]
    themes: frozenset[str]
    languages: frozenset[str]
    is_example: bool
    in_region: bool = False


@dataclass
class Team:
    request: Request
    members: list[Match]
    ranked: list[Match]
    women_required: int
    gender_rule_met: bool
    notes: list[str] = field(default_factory=list)
    # (joined, replaced) names of the gender-balance swaps, for pages that say
    # the notes in another language.
    swaps: list[tuple[str, str]] = field(default_factory=list)
    uncovered_themes: list[str] = field(default_factory=list)
    uncovered_languages: list[str] = field(default_factory=list)


def make_request(
    themes: list[str],
    languages: list[str],
    region: str | None,
    start: date,
    size: int = 3,
    duration_days: int = 14,
) -> Request:
    if not 1 <= size <= MAX_TEAM:
        raise InputError(f"team size must be between 1 and {MAX_TEAM}", code="E-ACT-060")
    if not 1 <= duration_days <= MAX_DURATION:
        raise InputError(f"duration must be between 1 and {MAX_DURATION} days", code="E-ACT-061")
    from wiqaya.store.act import check_day

    check_day(start, "start")

    def norm(values: list[str]) -> tuple[str, ...]:
        return tuple(
            sorted(
                {v.strip().lower().replace(" ", "_").replace("-", "_") for v in values if v.strip()}
            )
        )

    from wiqaya.store.models.act import THEMES

    wanted = norm(themes)
    unknown = [t for t in wanted if t not in THEMES]
    if unknown:
        raise InputError(
            f"unknown theme(s) {', '.join(unknown)}; one of: {', '.join(THEMES)}", code="E-ACT-062"
        )
    reg = region.strip().lower().replace(" ", "_").replace("-", "_") if region else None
    return Request(wanted, norm(languages), reg or None, start, size, duration_days)


def women_required(size: int) -> int:
    return 0 if size < 2 else max(1, math.floor(WOMEN_SHARE * size))


def arrival_day(expert: ExpertView, req: Request) -> date | None:
    """The earliest day within 72 hours from which the expert is free to the end."""
    for offset in range(DEPLOY_WITHIN_DAYS + 1):
        day = req.start + timedelta(days=offset)
        if day > req.last_day:
            break
        covered = any(s <= day and e >= req.last_day for s, e in expert.windows)
        if not covered:
            continue
        span = (req.last_day - day).days + 1
        if any(day + timedelta(days=i) in expert.booked_days for i in range(span)):
            continue
        return day
    return None


def score(expert: ExpertView, req: Request) -> Match | None:
    arrival = arrival_day(expert, req)
    if arrival is None:
        return None
    themes = expert.themes & set(req.themes) if req.themes else frozenset()
    if req.themes and not themes:
        return None
    langs = expert.languages & set(req.languages)
    region = req.region is not None and req.region in expert.regions
    points = (
        3 * len(themes) + 2 * len(langs) + (2 if region else 0) + (1 if arrival == req.start else 0)
    )
    reasons = []
    if themes:
        reasons.append("themes: " + ", ".join(sorted(themes)))
    if langs:
        reasons.append("languages: " + ", ".join(sorted(langs)))
    if region:
        reasons.append(f"works in {req.region}")
    hours = (arrival - req.start).days * 24
    reasons.append(f"can arrive {arrival.isoformat()} ({hours} h after the start, within 72 h)")
    return Match(
        expert.id,
        expert.name,
        expert.gender,
        points,
        arrival,
        tuple(reasons),
        frozenset(themes),
        frozenset(langs),
        expert.is_example,
        region,
    )


def match_team(req: Request, experts: list[ExpertView]) -> Team:
    ranked = sorted(
        (m for m in (score(e, req) for e in experts) if m is not None),
        key=lambda m: (-m.score, m.name, m.expert_id),
    )
    team: list[Match] = []
    need_t, need_l = set(req.themes), set(req.languages)
    pool = list(ranked)
    while pool and len(team) < req.size:
        # Greedy coverage: what a candidate adds to the team, then its own score.
        best = max(
            pool,
            key=lambda m: (
                3 * len(m.themes & need_t) + 2 * len(m.languages & need_l),
                m.score,
                -ranked.index(m),
            ),
        )
        team.append(best)
        pool.remove(best)
        need_t -= best.themes
        need_l -= best.languages

    required = women_required(min(req.size, len(team)) if team else req.size)
    notes: list[str] = []
    swaps: list[tuple[str, str]] = []
    women_in = [m for m in team if m.gender == "woman"]
    spare_women = [m for m in ranked if m.gender == "woman" and m not in team]
    while len(women_in) < required and spare_women:
        # Replace the lowest-ranked man or other-gender member by the best spare woman.
        out = max((m for m in team if m.gender != "woman"), key=lambda m: ranked.index(m))
        inn = spare_women.pop(0)
        team[team.index(out)] = inn
        women_in.append(inn)
        notes.append(f"gender balance: {inn.name} replaces {out.name}")
        swaps.append((inn.name, out.name))
    met = len(women_in) >= required
    if not met:
        notes.append(
            f"gender balance not met: {required} women required, {len(women_in)} qualified "
            "and deployable within 72 hours"
        )
    if len(team) < req.size:
        notes.append(f"only {len(team)} deployable expert(s) match; {req.size} requested")
    team.sort(key=lambda m: ranked.index(m))
    covered_t = set().union(*(m.themes for m in team)) if team else set()
    covered_l = set().union(*(m.languages for m in team)) if team else set()
    return Team(
        request=req,
        members=team,
        ranked=ranked,
        women_required=required,
        gender_rule_met=met,
        notes=notes,
        swaps=swaps,
        uncovered_themes=sorted(set(req.themes) - covered_t),
        uncovered_languages=sorted(set(req.languages) - covered_l),
    )


def team_dict(team: Team) -> dict[str, object]:
    def member(m: Match) -> dict[str, object]:
        return {
            "expert_id": m.expert_id,
            "name": m.name,
            "gender": m.gender,
            "score": m.score,
            "arrival": m.arrival.isoformat(),
            "reasons": list(m.reasons),
            "is_example": m.is_example,
        }

    req = team.request
    return {
        "request": {
            "themes": list(req.themes),
            "languages": list(req.languages),
            "region": req.region,
            "start": req.start.isoformat(),
            "size": req.size,
            "duration_days": req.duration_days,
        },
        "team": [member(m) for m in team.members],
        "eligible": len(team.ranked),
        "women_required": team.women_required,
        "gender_rule_met": team.gender_rule_met,
        "uncovered_themes": team.uncovered_themes,
        "uncovered_languages": team.uncovered_languages,
        "notes": team.notes,
    }
