"""The variables list counts per (variable, country) first; it must equal the plain aggregate."""

from __future__ import annotations

from sqlalchemy import func, select

from wiqaya.store.api_reads import series_variables
from wiqaya.store.models.assess import SeriesPoint


def test_series_variables_equals_the_plain_count(runtime) -> None:  # type: ignore[no-untyped-def]
    points = [
        SeriesPoint(
            country=country,
            freq="year",
            period=str(year),
            variable=variable,
            value=float(year),
            provenance="test",
        )
        for variable, countries, years in (
            ("ucdp.bd_best", ("IRQ", "SYR", "YEM"), range(2000, 2010)),
            ("events.PROTEST", ("IRQ",), range(2015, 2018)),
            ("ewp.popsize.log2", ("SDN", "SSD"), range(1990, 1991)),
        )
        for country in countries
        for year in years
    ]
    with runtime.sessions() as session, session.begin():
        session.add_all(points)
    with runtime.sessions() as session:
        got = series_variables(session)
        plain = session.execute(
            select(
                SeriesPoint.variable,
                func.count(func.distinct(SeriesPoint.country)),
                func.count(),
            )
            .group_by(SeriesPoint.variable)
            .order_by(SeriesPoint.variable)
        ).all()
    assert got == [tuple(r) for r in plain]
    assert got == [("events.PROTEST", 1, 3), ("ewp.popsize.log2", 2, 2), ("ucdp.bd_best", 3, 30)]
