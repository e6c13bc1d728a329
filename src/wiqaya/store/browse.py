"""Read-only queries behind the dashboard, the exports and the monthly brief.

Every function takes a session and plain filter values and returns plain
dataclasses, so the web pages, the exports and ``wiqaya brief`` show the same
numbers. Each one answers with empty results (never an error) when the
tables it reads are still empty. Nothing here writes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Date, Select, and_, func, literal, or_, select, type_coerce
from sqlalchemy.orm import Session

from wiqaya.read import place_names
from wiqaya.store import search_fold
from wiqaya.store.models.assess import ForecastScore, SeriesPoint
from wiqaya.store.models.read import Event, IndicatorHit, PlaceMention
from wiqaya.store.models.sift import Document, Source

# Bounds so no page or export can ask the database for everything at once.
MAX_PAGE_SIZE = 200
MAX_EXPORT_ROWS = 100_000
SPARK_PERIODS = 12
MAX_FORECASTS = 4


# ---------------------------------------------------------------- helpers


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def month_of(session: Session, column):  # type: ignore[no-untyped-def]
    """``YYYY-MM`` of a date or timestamp column, on either back end."""
    if _is_sqlite(session):
        return func.substr(column, 1, 7)
    return func.to_char(column, "YYYY-MM")


def event_day(session: Session):  # type: ignore[no-untyped-def]
    """When an event happened: its own date, else its document's publication date."""
    published = (
        func.date(Document.published_at)
        if _is_sqlite(session)
        else func.cast(Document.published_at, Date)
    )
    return type_coerce(func.coalesce(Event.event_date, published), Date)


def shift_month(month: str, delta: int) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    index = year * 12 + (mon - 1) + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_range(last: str, count: int) -> list[str]:
    return [shift_month(last, -i) for i in range(count - 1, -1, -1)]


def month_bounds(month: str) -> tuple[date, date]:
    """First day of ``month`` and first day of the next one."""
    nxt = shift_month(month, 1)
    return date(int(month[:4]), int(month[5:7]), 1), date(int(nxt[:4]), int(nxt[5:7]), 1)


# ---------------------------------------------------------------- forecasts


@dataclass(frozen=True)
class ForecastChoice:
    model_name: str
    target: str
    freq: str
    latest_period: str
    rows: int

    @property
    def key(self) -> str:
        return f"{self.model_name}:{self.target}"


def forecast_choices(session: Session) -> list[ForecastChoice]:
    """Every (model, target) with scores, most recent first: the map's forecast menu."""
    rows = session.execute(
        select(
            ForecastScore.model_name,
            ForecastScore.target,
            ForecastScore.freq,
            func.max(ForecastScore.period),
            func.count(),
        ).group_by(ForecastScore.model_name, ForecastScore.target, ForecastScore.freq)
    ).all()
    choices = [ForecastChoice(*r) for r in rows]
    return sorted(choices, key=lambda c: (c.latest_period, c.rows, c.key), reverse=True)


def pick_forecast(session: Session, key: str | None) -> ForecastChoice | None:
    choices = forecast_choices(session)
    for choice in choices:
        if choice.key == key:
            return choice
    return choices[0] if choices else None


@dataclass
class ForecastPoint:
    period: str
    score: float
    low: float | None
    high: float | None
    model_version: str
    drivers: list[dict] = field(default_factory=list)


def _interval(quantiles: str | None) -> tuple[float | None, float | None]:
    if not quantiles:
        return None, None
    try:
        q = json.loads(quantiles)
        values = {float(k): float(v) for k, v in q.items()}
    except (ValueError, TypeError, AttributeError):
        return None, None
    if not values:
        return None, None
    return values[min(values)], values[max(values)]


def _drivers(raw: str | None) -> list[dict]:
    try:
        value = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [d for d in value if isinstance(d, dict)] if isinstance(value, list) else []


def forecast_history(
    session: Session,
    choice: ForecastChoice,
    *,
    countries: Iterable[str] | None = None,
    since: str | None = None,
    detail: bool = True,
) -> dict[str, dict[str, ForecastPoint]]:
    """country -> period -> the newest score of that model and target.

    ``detail=False`` skips the interval and drivers (JSON) that rankings never show.
    """
    stmt = select(
        ForecastScore.country,
        ForecastScore.period,
        ForecastScore.score,
        ForecastScore.quantiles if detail else literal(None),
        ForecastScore.model_version,
        ForecastScore.drivers if detail else literal(None),
        ForecastScore.made_at,
    ).where(
        ForecastScore.model_name == choice.model_name,
        ForecastScore.target == choice.target,
        ForecastScore.freq == choice.freq,
    )
    if countries is not None:
        stmt = stmt.where(ForecastScore.country.in_(list(countries)))
    if since:
        stmt = stmt.where(ForecastScore.period >= since)
    out: dict[str, dict[str, ForecastPoint]] = defaultdict(dict)
    made: dict[tuple[str, str], datetime] = {}
    for country, period, score, quantiles, version, drivers, made_at in session.execute(stmt):
        key = (country, period)
        if key in made and made[key] >= made_at:
            continue
        made[key] = made_at
        low, high = _interval(quantiles)
        out[country][period] = ForecastPoint(
            period, float(score), low, high, version, _drivers(drivers)
        )
    return out


def _nth_latest_period(session: Session, choice: ForecastChoice, n: int) -> str | None:
    """The oldest of the ``n`` latest periods scored, so rankings read only those."""
    rows = session.scalars(
        select(ForecastScore.period)
        .where(
            ForecastScore.model_name == choice.model_name,
            ForecastScore.target == choice.target,
            ForecastScore.freq == choice.freq,
        )
        .distinct()
        .order_by(ForecastScore.period.desc())
        .limit(n)
    ).all()
    return rows[-1] if rows else None


# ---------------------------------------------------------------- risk per country


@dataclass
class CountryRisk:
    country: str
    value: float
    previous: float | None
    trend: list[float | None]  # oldest first, one value per period in ``periods``
    events: int = 0

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.value - self.previous


@dataclass
class RiskTable:
    metric: str  # forecast | events
    periods: list[str]
    rows: list[CountryRisk]
    choice: ForecastChoice | None = None

    @property
    def latest(self) -> str | None:
        return self.periods[-1] if self.periods else None

    def by_country(self) -> dict[str, CountryRisk]:
        return {r.country: r for r in self.rows}


DEATHS_VARIABLE = "ucdp.bd_best"


def series_risk(
    session: Session,
    variable: str,
    freq: str,
    *,
    periods: int = SPARK_PERIODS,
    countries: list[str] | None = None,
    until: str | None = None,
) -> RiskTable:
    """Rank countries by a stored series (e.g. UCDP battle deaths) in its latest period
    (up to ``until`` when given)."""
    cond = [SeriesPoint.variable == variable, SeriesPoint.freq == freq]
    if until is not None:
        cond.append(SeriesPoint.period <= until)
    recent = session.scalars(
        select(SeriesPoint.period)
        .where(*cond)
        .distinct()
        .order_by(SeriesPoint.period.desc())
        .limit(periods)
    ).all()
    metric = "deaths" if variable == DEATHS_VARIABLE else variable
    if not recent:
        return RiskTable(metric, [], [])
    span = sorted(recent)
    stmt = select(SeriesPoint.country, SeriesPoint.period, SeriesPoint.value).where(
        *cond, SeriesPoint.period >= span[0]
    )
    if countries is not None:
        stmt = stmt.where(SeriesPoint.country.in_(countries))
    values: dict[str, dict[str, float]] = defaultdict(dict)
    for country, period, value in session.execute(stmt):
        values[country][period] = float(value)
    last = span[-1]
    rows = []
    for country, points in values.items():
        if last not in points:
            continue
        before = points.get(span[-2]) if len(span) > 1 else None
        rows.append(CountryRisk(country, points[last], before, [points.get(p) for p in span]))
    rows.sort(key=lambda r: (-r.value, r.country))
    return RiskTable(metric, span, rows)


def default_metric(session: Session) -> str:
    """What the map shows first: forecasts, else coded events, else battle deaths."""
    if session.scalar(select(ForecastScore.id).limit(1)) is not None:
        return "forecast"
    if session.scalar(select(Event.id).where(Event.country.is_not(None)).limit(1)) is not None:
        return "events"
    if has_series(session, DEATHS_VARIABLE):
        return "deaths"
    return "forecast"


def has_series(session: Session, variable: str) -> bool:
    return (
        session.scalar(select(SeriesPoint.id).where(SeriesPoint.variable == variable).limit(1))
        is not None
    )


def event_date_coverage(session: Session) -> tuple[int, int]:
    """(events with a country, of which dated by themselves or their document)."""
    day = event_day(session)
    base = (
        select(func.count())
        .select_from(Event)
        .join(Document, Document.id == Event.document_id)
        .where(Event.country.is_not(None))
    )
    total = session.scalar(base) or 0
    dated = session.scalar(base.where(day.is_not(None))) or 0
    return int(total), int(dated)


def latest_event_month(session: Session) -> str | None:
    day = event_day(session)
    value = session.scalar(select(func.max(day)).join(Document, Document.id == Event.document_id))
    if value is None:
        return None
    return str(value)[:7]


def event_counts_by_month(
    session: Session,
    months: list[str],
    *,
    countries: Iterable[str] | None = None,
) -> dict[str, dict[str, int]]:
    """country -> month -> number of coded events, over ``months`` (contiguous)."""
    if not months:
        return {}
    start, _ = month_bounds(months[0])
    _, end = month_bounds(months[-1])
    day = event_day(session)
    month = month_of(session, day).label("m")
    stmt = (
        select(Event.country, month, func.count())
        .join(Document, Document.id == Event.document_id)
        .where(Event.country.is_not(None), day >= start, day < end)
        .group_by(Event.country, month)
    )
    if countries is not None:
        stmt = stmt.where(Event.country.in_(list(countries)))
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for country, m, n in session.execute(stmt):
        out[country][m] = int(n)
    return out


def risk_table(
    session: Session,
    metric: str,
    *,
    window: int = 1,
    forecast_key: str | None = None,
    periods: int = SPARK_PERIODS,
    countries: Iterable[str] | None = None,
) -> RiskTable:
    """Countries ranked by risk: the latest forecast score, or events over the last
    ``window`` months, with the previous value and a trend for sparklines."""
    wanted = list(countries) if countries is not None else None
    if metric == "forecast":
        choice = pick_forecast(session, forecast_key)
        if choice is None:
            return RiskTable(metric, [], [], None)
        since = _nth_latest_period(session, choice, periods)
        history = forecast_history(session, choice, countries=wanted, since=since, detail=False)
        all_periods = sorted({p for h in history.values() for p in h})[-periods:]
        rows = []
        for country, points in history.items():
            if choice.latest_period not in points:
                continue
            current = points[choice.latest_period]
            earlier = [p for p in sorted(points) if p < choice.latest_period]
            previous = points[earlier[-1]].score if earlier else None
            trend = [points[p].score if p in points else None for p in all_periods]
            rows.append(CountryRisk(country, current.score, previous, trend))
        rows.sort(key=lambda r: (-r.value, r.country))
        return RiskTable(metric, all_periods, rows, choice)

    if metric == "deaths":
        return series_risk(session, DEATHS_VARIABLE, "year", periods=periods, countries=wanted)

    last = latest_event_month(session)
    if last is None:
        return RiskTable("events", [], [])
    span = max(periods, 2 * window)
    months = month_range(last, span)
    counts = event_counts_by_month(session, months, countries=wanted)
    rows = []
    for country, per_month in counts.items():
        now = sum(per_month.get(m, 0) for m in months[-window:])
        before = sum(per_month.get(m, 0) for m in months[-2 * window : -window])
        if now == 0 and before == 0:
            continue
        trend: list[float | None] = [float(per_month.get(m, 0)) for m in months[-periods:]]
        rows.append(CountryRisk(country, float(now), float(before), trend, events=now))
    rows.sort(key=lambda r: (-r.value, r.country))
    return RiskTable("events", months[-periods:], rows)


# ---------------------------------------------------------------- one country


@dataclass
class Series:
    key: str  # e.g. events.ASSAULT, indicators.hate_speech, ucdp.bd_best
    freq: str
    points: list[tuple[str, float]]


@dataclass
class EventRow:
    id: int
    event_type: str
    cameo: str | None
    country: str | None
    location: str | None
    day: date | None
    source_actor: str | None
    target_actor: str | None
    evidence: str
    confidence: float
    coder_version: str
    document_id: int
    document_title: str | None
    document_url: str | None
    document_lang: str | None
    source_name: str
    lat: float | None = None
    lon: float | None = None


@dataclass
class CountryProfile:
    country: str
    months: list[str]
    events_by_type: dict[str, list[int]]  # type -> counts aligned with months
    indicators: dict[str, list[int]]  # indicator -> counts aligned with months
    stored_series: list[Series]  # everything assess wrote, grouped by variable
    forecasts: list[tuple[ForecastChoice, list[ForecastPoint]]]  # every model and target
    latest_events: list[EventRow]
    total_events: int
    # Counts by type over all time: what can be shown when events carry no date.
    type_totals: dict[str, int] = field(default_factory=dict)
    indicator_totals: dict[str, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (
            self.total_events or self.stored_series or self.forecasts or self.indicator_totals
        )


def _event_select(session: Session) -> Select:  # type: ignore[type-arg]
    return (
        select(
            Event.id,
            Event.event_type,
            Event.cameo,
            Event.country,
            Event.location_name,
            event_day(session).label("day"),
            Event.source_text,
            Event.target_text,
            Event.evidence,
            Event.confidence,
            Event.coder_version,
            Document.id,
            Document.title,
            Document.url,
            Document.lang,
            Source.name,
            Event.lat,
            Event.lon,
        )
        .join(Document, Document.id == Event.document_id)
        .join(Source, Source.id == Document.source_id)
    )


def country_profile(
    session: Session,
    country: str,
    *,
    months: int = 24,
    forecast_key: str | None = None,
    latest: int = 15,
) -> CountryProfile:
    country = country.upper()
    last = latest_event_month(session)
    month_list = month_range(last, months) if last else []
    by_type: dict[str, list[int]] = {}
    if month_list:
        start, _ = month_bounds(month_list[0])
        day = event_day(session)
        m = month_of(session, day).label("m")
        rows = session.execute(
            select(Event.event_type, m, func.count())
            .join(Document, Document.id == Event.document_id)
            .where(Event.country == country, day >= start)
            .group_by(Event.event_type, m)
        ).all()
        index = {mm: i for i, mm in enumerate(month_list)}
        for etype, mm, n in rows:
            if mm in index:
                by_type.setdefault(etype, [0] * len(month_list))[index[mm]] += int(n)

    indicators: dict[str, list[int]] = {}
    if month_list:
        start, _ = month_bounds(month_list[0])
        hit_day = type_coerce(
            func.coalesce(
                IndicatorHit.hit_date,
                func.date(Document.published_at)
                if _is_sqlite(session)
                else func.cast(Document.published_at, Date),
            ),
            Date,
        )
        m = month_of(session, hit_day).label("m")
        index = {mm: i for i, mm in enumerate(month_list)}
        for ind, mm, n in session.execute(
            select(IndicatorHit.indicator, m, func.count())
            .join(Document, Document.id == IndicatorHit.document_id)
            .where(IndicatorHit.country == country, hit_day >= start)
            .group_by(IndicatorHit.indicator, m)
        ):
            if mm in index:
                indicators.setdefault(ind, [0] * len(month_list))[index[mm]] += int(n)

    stored: dict[tuple[str, str], list[tuple[str, float]]] = defaultdict(list)
    for variable, freq, period, value in session.execute(
        select(SeriesPoint.variable, SeriesPoint.freq, SeriesPoint.period, SeriesPoint.value)
        .where(SeriesPoint.country == country)
        .order_by(SeriesPoint.variable, SeriesPoint.period)
    ):
        stored[(variable, freq)].append((period, float(value)))

    forecasts = []
    choices = forecast_choices(session)
    # The chosen model first, then the others, a handful at most.
    choices.sort(key=lambda c: c.key != forecast_key)
    for choice in choices[:MAX_FORECASTS]:
        history = forecast_history(session, choice, countries=[country]).get(country, {})
        if history:
            forecasts.append((choice, [history[p] for p in sorted(history)]))

    type_totals = {
        etype: int(n)
        for etype, n in session.execute(
            select(Event.event_type, func.count())
            .where(Event.country == country)
            .group_by(Event.event_type)
            .order_by(func.count().desc())
        )
    }
    indicator_totals = {
        ind: int(n)
        for ind, n in session.execute(
            select(IndicatorHit.indicator, func.count())
            .where(IndicatorHit.country == country)
            .group_by(IndicatorHit.indicator)
            .order_by(func.count().desc())
        )
    }
    total = (
        session.scalar(select(func.count()).select_from(Event).where(Event.country == country)) or 0
    )
    latest_rows = session.execute(
        _event_select(session)
        .where(Event.country == country)
        .order_by(event_day(session).desc().nulls_last(), Event.id.desc())
        .limit(latest)
    ).all()
    return CountryProfile(
        country=country,
        months=month_list,
        events_by_type=dict(sorted(by_type.items(), key=lambda kv: -sum(kv[1]))),
        indicators=dict(sorted(indicators.items(), key=lambda kv: -sum(kv[1]))),
        stored_series=[Series(k[0], k[1], v) for k, v in sorted(stored.items())],
        forecasts=forecasts,
        latest_events=[EventRow(*r) for r in latest_rows],
        total_events=int(total),
        type_totals=type_totals,
        indicator_totals=indicator_totals,
    )


# ---------------------------------------------------------------- events browser


@dataclass(frozen=True)
class EventFilter:
    country: str | None = None
    event_type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    lang: str | None = None
    q: str | None = None  # substring of evidence, actors or location
    document_id: int | None = None

    def apply(self, session: Session, stmt: Select) -> Select:  # type: ignore[type-arg]
        day = event_day(session)
        if self.country:
            stmt = stmt.where(Event.country == self.country.upper())
        if self.event_type:
            stmt = stmt.where(Event.event_type == self.event_type.upper())
        if self.date_from:
            stmt = stmt.where(day >= self.date_from)
        if self.date_to:
            stmt = stmt.where(day <= self.date_to)
        if self.lang:
            stmt = stmt.where(Document.lang == self.lang)
        if self.document_id:
            stmt = stmt.where(Event.document_id == self.document_id)
        if self.q:
            stmt = stmt.where(
                or_(
                    _contains(session, Event.evidence, self.q),
                    _contains(session, Event.source_text, self.q),
                    _contains(session, Event.target_text, self.q),
                    _contains(session, Event.location_name, self.q),
                    # A place searched in Arabic («بغداد») is stored by its
                    # gazetteer name ("Baghdad").
                    Event.location_name.in_(place_names.stored_names(self.q)),
                )
            )
        return stmt


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(session: Session, column, query: str):  # noqa: ANN001, ANN202 - SQL expressions
    """``column`` holds ``query``; for an Arabic query, whatever the hamza, final
    letters and vowel marks of either."""
    if not search_fold.is_arabic(query):
        return column.like(f"%{_escape_like(query)}%", escape="\\")
    dialect = session.get_bind().dialect.name
    pattern = f"%{_escape_like(search_fold.fold(query) or '')}%"
    return search_fold.folded(column, dialect).like(pattern, escape="\\")


@dataclass
class Page:
    rows: list
    total: int
    page: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


def browse_events(session: Session, flt: EventFilter, *, page: int = 1, size: int = 50) -> Page:
    size = max(1, min(size, MAX_PAGE_SIZE))
    page = max(1, page)
    count_stmt = flt.apply(
        session,
        select(func.count()).select_from(Event).join(Document, Document.id == Event.document_id),
    )
    total = session.scalar(count_stmt) or 0
    stmt = flt.apply(session, _event_select(session))
    stmt = stmt.order_by(event_day(session).desc().nulls_last(), Event.id.desc())
    rows = session.execute(stmt.limit(size).offset((page - 1) * size)).all()
    return Page([EventRow(*r) for r in rows], int(total), page, size)


def iter_events(session: Session, flt: EventFilter) -> Iterator[EventRow]:
    """Every event matching the filter (bounded), in the browser's order, for exports."""
    stmt = flt.apply(session, _event_select(session))
    stmt = stmt.order_by(event_day(session).desc().nulls_last(), Event.id.desc())
    for r in session.execute(stmt.limit(MAX_EXPORT_ROWS)):
        yield EventRow(*r)


def event_facets(session: Session) -> tuple[list[str], list[str]]:
    """Event types and countries present, for the filter menus."""
    types = session.scalars(select(Event.event_type).distinct().order_by(Event.event_type)).all()
    countries = session.scalars(
        select(Event.country).where(Event.country.is_not(None)).distinct().order_by(Event.country)
    ).all()
    return list(types), list(countries)


# ---------------------------------------------------------------- documents browser


@dataclass(frozen=True)
class DocumentFilter:
    lang: str | None = None
    source: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    q: str | None = None  # substring of title or text
    country: str | None = None  # documents with an event or place in this country

    def apply(self, session: Session, stmt: Select) -> Select:  # type: ignore[type-arg]
        when = func.coalesce(Document.published_at, Document.fetched_at)
        if self.lang:
            stmt = stmt.where(Document.lang == self.lang)
        if self.source:
            stmt = stmt.where(Source.name == self.source)
        if self.date_from:
            stmt = stmt.where(when >= datetime.combine(self.date_from, datetime.min.time()))
        if self.date_to:
            stmt = stmt.where(when <= datetime.combine(self.date_to, datetime.max.time()))
        if self.q:
            stmt = stmt.where(
                or_(
                    _contains(session, Document.title, self.q),
                    _contains(session, Document.text, self.q),
                )
            )
        if self.country:
            stmt = stmt.where(
                select(Event.id)
                .where(and_(Event.document_id == Document.id, Event.country == self.country))
                .exists()
            )
        return stmt


@dataclass
class DocumentRow:
    id: int
    title: str | None
    excerpt: str
    lang: str | None
    source: str
    doc_type: str
    url: str | None
    published_at: datetime | None
    ingested_at: datetime
    events: int


def _document_select() -> Select:  # type: ignore[type-arg]
    n_events = (
        select(func.count())
        .select_from(Event)
        .where(Event.document_id == Document.id)
        .scalar_subquery()
    )
    return select(
        Document.id,
        Document.title,
        func.substr(Document.text, 1, 300),
        Document.lang,
        Source.name,
        Document.doc_type,
        Document.url,
        Document.published_at,
        Document.ingested_at,
        n_events,
    ).join(Source, Source.id == Document.source_id)


def _document_order(stmt: Select) -> Select:  # type: ignore[type-arg]
    when = func.coalesce(Document.published_at, Document.fetched_at)
    return stmt.order_by(when.desc(), Document.id.desc())


def browse_documents(
    session: Session, flt: DocumentFilter, *, page: int = 1, size: int = 50
) -> Page:
    size = max(1, min(size, MAX_PAGE_SIZE))
    page = max(1, page)
    count_stmt = flt.apply(
        session,
        select(func.count()).select_from(Document).join(Source, Source.id == Document.source_id),
    )
    total = session.scalar(count_stmt) or 0
    stmt = _document_order(flt.apply(session, _document_select()))
    rows = session.execute(stmt.limit(size).offset((page - 1) * size)).all()
    return Page([DocumentRow(*r) for r in rows], int(total), page, size)


def iter_documents(session: Session, flt: DocumentFilter) -> Iterator[DocumentRow]:
    stmt = _document_order(flt.apply(session, _document_select()))
    for r in session.execute(stmt.limit(MAX_EXPORT_ROWS)):
        yield DocumentRow(*r)


def document_facets(session: Session) -> tuple[list[str], list[str]]:
    """Languages and source names present, for the filter menus."""
    langs = session.scalars(
        select(Document.lang).where(Document.lang.is_not(None)).distinct().order_by(Document.lang)
    ).all()
    sources = session.scalars(select(Source.name).order_by(Source.name)).all()
    return list(langs), list(sources)


# ---------------------------------------------------------------- monthly brief


@dataclass
class Citation:
    document_id: int
    title: str | None
    excerpt: str
    source: str
    published_at: datetime | None
    url: str | None
    lang: str | None
    country: str | None
    event_type: str


@dataclass
class BriefData:
    month: str
    forecast: RiskTable  # as of the month (monthly model) or its year (yearly model)
    events: RiskTable  # coded events in the month, against the month before
    deaths: RiskTable  # UCDP battle deaths, latest year up to the month's year
    basis: str  # forecast | events | deaths | none: what risers and fallers compare
    risers: list[CountryRisk]
    fallers: list[CountryRisk]
    events_in_month: int
    documents_in_month: int
    citations: list[Citation]
    citations_undated: bool = False  # evidence had no date, so it is not from the month

    @property
    def ranked(self) -> RiskTable:
        return {"forecast": self.forecast, "events": self.events, "deaths": self.deaths}.get(
            self.basis, self.events
        )


def available_months(session: Session) -> list[str]:
    """Months with events, documents or forecast scores, newest first."""
    day = event_day(session)
    months: set[str] = set()
    months.update(
        m
        for m in session.scalars(
            select(month_of(session, day))
            .join(Document, Document.id == Event.document_id)
            .distinct()
        )
        if m
    )
    months.update(
        m
        for m in session.scalars(
            select(month_of(session, Document.published_at))
            .where(Document.published_at.is_not(None))
            .distinct()
        )
        if m
    )
    months.update(
        p
        for p in session.scalars(
            select(ForecastScore.period).where(ForecastScore.freq == "month").distinct()
        )
        if p
    )
    return sorted(months, reverse=True)


def _forecast_as_of(session: Session, choice: ForecastChoice, month: str) -> RiskTable:
    """Scores of one model as of ``month``: that month for monthly models, else the latest
    year up to the month's year, with the previous period for the change."""
    until = month if choice.freq == "month" else month[:4]
    periods = session.scalars(
        select(ForecastScore.period)
        .where(
            ForecastScore.model_name == choice.model_name,
            ForecastScore.target == choice.target,
            ForecastScore.freq == choice.freq,
            ForecastScore.period <= until,
        )
        .distinct()
        .order_by(ForecastScore.period.desc())
        .limit(SPARK_PERIODS)
    ).all()
    if not periods or (choice.freq == "month" and periods[0] != month):
        return RiskTable("forecast", [], [], choice)
    span = sorted(periods)
    history = forecast_history(session, choice, since=span[0], detail=False)
    rows = []
    for country, points in history.items():
        if span[-1] not in points:
            continue
        previous = points.get(span[-2]) if len(span) > 1 else None
        trend = [points[p].score if p in points else None for p in span]
        rows.append(
            CountryRisk(
                country,
                points[span[-1]].score,
                previous.score if previous else None,
                trend,
            )
        )
    rows.sort(key=lambda r: (-r.value, r.country))
    return RiskTable("forecast", span, rows, choice)


def brief_data(session: Session, month: str, *, top: int = 5, citations: int = 12) -> BriefData:
    """Everything the monthly brief reports for ``month`` (YYYY-MM)."""
    start, end = month_bounds(month)
    # Monthly models first (they speak of the month itself), then yearly ones.
    forecast = RiskTable("forecast", [], [], None)
    for choice in sorted(forecast_choices(session), key=lambda c: c.freq != "month"):
        table = _forecast_as_of(session, choice, month)
        if table.rows:
            forecast = table
            break

    months = month_range(month, SPARK_PERIODS)
    counts = event_counts_by_month(session, months)
    ev_rows = []
    for country, per_month in counts.items():
        now = per_month.get(month, 0)
        before = per_month.get(shift_month(month, -1), 0)
        if now or before:
            trend = [float(per_month.get(m, 0)) for m in months]
            ev_rows.append(CountryRisk(country, float(now), float(before), trend, events=now))
    ev_rows.sort(key=lambda r: (-r.value, r.country))
    events = RiskTable("events", months, ev_rows)
    deaths = series_risk(session, DEATHS_VARIABLE, "year", until=month[:4])

    basis = "none"
    # A month with no coded events yet (the forecast month, before its news is
    # read) would show every country "falling" to zero: events then say nothing.
    month_has_events = any(r.events for r in ev_rows)
    for name, table in (("forecast", forecast), ("events", events), ("deaths", deaths)):
        if name == "events" and not month_has_events:
            continue
        if any(r.change for r in table.rows):
            basis = name
            break
    ranked = {"forecast": forecast, "events": events, "deaths": deaths}.get(basis)
    changing = [r for r in (ranked.rows if ranked else []) if r.change]
    risers = sorted((r for r in changing if (r.change or 0) > 0), key=lambda r: -(r.change or 0))
    fallers = sorted((r for r in changing if (r.change or 0) < 0), key=lambda r: r.change or 0)

    day = event_day(session)
    in_month = and_(day >= start, day < end)
    n_events = (
        session.scalar(
            select(func.count())
            .select_from(Event)
            .join(Document, Document.id == Event.document_id)
            .where(in_month)
        )
        or 0
    )
    n_docs = (
        session.scalar(
            select(func.count())
            .select_from(Document)
            .where(
                Document.published_at >= datetime.combine(start, datetime.min.time()),
                Document.published_at < datetime.combine(end, datetime.min.time()),
            )
        )
        or 0
    )
    # Evidence: the most confident event per document in the month, for the
    # countries the brief talks about first. Without any dated evidence in the
    # month, undated evidence for those countries is cited and marked as such.
    focus = [r.country for r in (risers[:top] + fallers[:top] + forecast.rows[:top])]
    cites = _citations(session, in_month, focus, citations)
    undated = False
    if not cites and n_events == 0:
        cites = _citations(session, day.is_(None), focus, citations)
        undated = bool(cites)
    return BriefData(
        month=month,
        forecast=forecast,
        events=events,
        deaths=deaths,
        basis=basis,
        risers=risers[:top],
        fallers=fallers[:top],
        events_in_month=int(n_events),
        documents_in_month=int(n_docs),
        citations=cites,
        citations_undated=undated,
    )


def _citations(session: Session, when, focus: list[str], limit: int) -> list[Citation]:  # type: ignore[no-untyped-def]
    stmt = (
        select(
            Document.id,
            Document.title,
            Event.evidence,
            Source.name,
            Document.published_at,
            Document.url,
            Document.lang,
            Event.country,
            Event.event_type,
        )
        .join(Document, Document.id == Event.document_id)
        .join(Source, Source.id == Document.source_id)
        .where(when)
    )
    # The brief's countries when it has any; otherwise any located evidence.
    where_country = Event.country.in_(focus) if focus else Event.country.is_not(None)
    stmt = stmt.where(where_country)
    seen: set[int] = set()
    out: list[Citation] = []
    for row in session.execute(stmt.order_by(Event.confidence.desc(), Event.id).limit(limit * 10)):
        if row[0] in seen:
            continue
        seen.add(row[0])
        out.append(Citation(*row))
        if len(out) >= limit:
            break
    return out


# ---------------------------------------------------------------- one document


@dataclass
class Highlight:
    start: int
    end: int
    kind: str  # event | indicator
    label: str  # PLOVER type or indicator key
    ref: int  # event or indicator-hit id


@dataclass
class DocumentDetail:
    id: int
    title: str | None
    text: str
    lang: str | None
    source: str
    doc_type: str
    url: str | None
    published_at: datetime | None
    ingested_at: datetime
    events: list[EventRow]
    highlights: list[Highlight]
    places: list[tuple[str, str | None, str]]  # surface, country, status


def document_detail(session: Session, document_id: int) -> DocumentDetail | None:
    row = session.execute(
        select(
            Document.id,
            Document.title,
            Document.text,
            Document.lang,
            Source.name,
            Document.doc_type,
            Document.url,
            Document.published_at,
            Document.ingested_at,
        )
        .join(Source, Source.id == Document.source_id)
        .where(Document.id == document_id)
    ).first()
    if row is None:
        return None
    events = [
        EventRow(*r)
        for r in session.execute(
            _event_select(session).where(Event.document_id == document_id).order_by(Event.id)
        )
    ]
    highlights = [
        Highlight(start, end, "event", etype, eid)
        for eid, etype, start, end in session.execute(
            select(Event.id, Event.event_type, Event.span_start, Event.span_end).where(
                Event.document_id == document_id,
                Event.span_start.is_not(None),
                Event.span_end.is_not(None),
            )
        )
    ]
    highlights += [
        Highlight(start, end, "indicator", ind, hid)
        for hid, ind, start, end in session.execute(
            select(
                IndicatorHit.id,
                IndicatorHit.indicator,
                IndicatorHit.span_start,
                IndicatorHit.span_end,
            ).where(
                IndicatorHit.document_id == document_id,
                IndicatorHit.span_start.is_not(None),
                IndicatorHit.span_end.is_not(None),
            )
        )
    ]
    places = [
        (surface, country, status)
        for surface, country, status in session.execute(
            select(PlaceMention.surface, PlaceMention.country, PlaceMention.status)
            .where(PlaceMention.document_id == document_id)
            .order_by(PlaceMention.span_start)
        )
    ]
    return DocumentDetail(*row, events=events, highlights=highlights, places=places)
