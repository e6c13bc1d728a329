"""Gather what a month's brief says: risers and fallers, map, forecast table, evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from wiqaya.act import latency as latency_mod
from wiqaya.errors import InputError, NotFoundError
from wiqaya.store import act as act_store
from wiqaya.store import warn as warn_store
from wiqaya.store.browse import (
    BriefData,
    available_months,
    brief_data,
    forecast_choices,
    has_series,
    month_bounds,
)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass
class Brief:
    month: str
    lang: str
    data: BriefData
    generated_at: datetime
    # New alerts warned in the month, each with the documents cited as evidence.
    alerts: list[dict[str, Any]] = field(default_factory=list)
    # Situations active in the month: their responses and warning-to-action clock.
    situations: list[dict[str, Any]] = field(default_factory=list)

    @property
    def basis(self) -> str:
        """What risers and fallers compare: forecast, events, deaths, or none."""
        return self.data.basis


def resolve_month(session: Session, month: str) -> str:
    """``latest`` -> the newest month with data; otherwise a checked ``YYYY-MM``."""
    if month == "latest":
        months = available_months(session)
        if months:
            return months[0]
        # No dated month at all, but yearly forecasts or battle deaths exist:
        # brief on the current month, which reads the latest year up to now.
        if forecast_choices(session) or has_series(session, "ucdp.bd_best"):
            return datetime.now(UTC).strftime("%Y-%m")
        raise NotFoundError(
            "there is no month with data to brief on yet; ingest and read documents first "
            "(e.g. `wiqaya demo --no-serve`)",
            code="E-NF-070",
        )
    if not MONTH.match(month):
        raise InputError(f"--month must be YYYY-MM or 'latest', got {month!r}", code="E-INP-070")
    return month


def compose(session: Session, month: str, lang: str) -> Brief:
    if lang not in ("ar", "en"):
        raise InputError(f"--lang must be ar or en, got {lang!r}", code="E-INP-071")
    resolved = resolve_month(session, month)
    generated = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    alerts, situations = _warn_and_act(session, resolved, generated)
    return Brief(
        month=resolved,
        lang=lang,
        data=brief_data(session, resolved),
        generated_at=generated,
        alerts=alerts,
        situations=situations,
    )


def _cites(titles: dict[int, tuple[str | None, str | None]], ids: list[Any]) -> list[dict]:  # type: ignore[type-arg]
    out = []
    for i in ids:
        if isinstance(i, int) and i in titles:
            title, url = titles[i]
            out.append({"document_id": i, "title": title, "url": url})
    return out


def _warn_and_act(
    session: Session, month: str, generated: datetime
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The month's new alerts and the situations active in it, with latency and evidence."""
    start, end = month_bounds(month)
    alerts = [
        warn_store.alert_dict(a) for a in warn_store.alerts_warned_between(session, start, end)
    ]
    filed = act_store.alert_situations(session, [a["id"] for a in alerts])
    sit_ids = act_store.situations_active_between(session, start, end)
    sit_alerts = {i: act_store.situation_alerts(session, i) for i in sit_ids}
    doc_ids = {
        d for a in alerts for d in (a["evidence"].get("documents") or []) if isinstance(d, int)
    }
    for rows in sit_alerts.values():
        for a in rows:
            doc_ids.update(
                d
                for d in (warn_store.alert_dict(a)["evidence"].get("documents") or [])
                if isinstance(d, int)
            )
    titles = warn_store.document_titles(session, sorted(doc_ids))
    for a in alerts:
        a["situation_id"] = filed.get(a["id"])
        a["citations"] = _cites(titles, a["evidence"].get("documents") or [])
    clocks = {
        r.situation_id: latency_mod.make_clock(r, generated.date())
        for r in (act_store.clock_rows(session, sit_ids) if sit_ids else [])
    }
    situations = []
    for sid in sit_ids:
        sit = act_store.situation_dict(act_store.get_situation(session, sid))
        responses = [
            act_store.response_dict(r) for r in act_store.situation_responses(session, sid)
        ]
        cited: list[Any] = []
        for a in sit_alerts[sid]:
            cited.extend(warn_store.alert_dict(a)["evidence"].get("documents") or [])
        situations.append(
            {
                **sit,
                "clock": clocks.get(sid),
                "responses": responses,
                "alert_ids": [a.id for a in sit_alerts[sid]],
                "citations": _cites(titles, list(dict.fromkeys(cited))),
            }
        )
    return alerts, situations
