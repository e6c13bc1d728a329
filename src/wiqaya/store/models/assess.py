"""Country-period series and forecast scores (the assess stage), read by warn, act and web."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from wiqaya.store.models.base import Base, utcnow


class SeriesPoint(Base):
    """One value of one variable for one country and period.

    ``variable`` names what is counted, e.g. ``events.ASSAULT``,
    ``indicators.hate_speech`` or ``ucdp.bd_best``; ``provenance`` says which
    data and coder or dataset version produced it.
    """

    __tablename__ = "series_points"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    country: Mapped[str] = mapped_column(String(3))
    freq: Mapped[str] = mapped_column(String(8))  # month | year
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM or YYYY
    variable: Mapped[str] = mapped_column(String(80))
    value: Mapped[float] = mapped_column(Float)
    provenance: Mapped[str] = mapped_column(String(120))
    computed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("country", "freq", "period", "variable", name="uq_series_points_key"),
        Index("ix_series_points_variable_period", "variable", "freq", "period"),
        # The variables list (API) groups every point by variable and country: an
        # index-only scan instead of sorting the whole table (decision 088).
        Index("ix_series_points_variable_country", "variable", "country"),
    )


class ForecastScore(Base):
    """A model's score for one country and period, with its version and its drivers."""

    __tablename__ = "forecast_scores"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_name: Mapped[str] = mapped_column(String(80))
    model_version: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(60))
    country: Mapped[str] = mapped_column(String(3))
    freq: Mapped[str] = mapped_column(String(8))
    period: Mapped[str] = mapped_column(String(7))
    # Probability for binary targets; the median for count targets.
    score: Mapped[float] = mapped_column(Float)
    # JSON object {"0.05": ..., "0.95": ...} for distributional targets.
    quantiles: Mapped[str | None] = mapped_column(Text, nullable=True)
    rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    change: Mapped[float | None] = mapped_column(Float, nullable=True)
    # JSON list of {"feature", "label_ar", "label_en", "contribution"}, largest first.
    drivers: Mapped[str | None] = mapped_column(Text, nullable=True)
    made_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint(
            "model_name",
            "model_version",
            "target",
            "country",
            "freq",
            "period",
            name="uq_forecast_scores_key",
        ),
        Index("ix_forecast_scores_target_period", "target", "period"),
    )


class ForecastGap(Base):
    """A country a model could not score for a period, and why (never a silent zero)."""

    __tablename__ = "forecast_gaps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_name: Mapped[str] = mapped_column(String(80))
    model_version: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(60))
    country: Mapped[str] = mapped_column(String(3))
    freq: Mapped[str] = mapped_column(String(8))
    period: Mapped[str] = mapped_column(String(7))
    reason: Mapped[str] = mapped_column(Text)
    made_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint(
            "model_name",
            "model_version",
            "target",
            "country",
            "freq",
            "period",
            name="uq_forecast_gaps_key",
        ),
        Index("ix_forecast_gaps_target_period", "target", "period"),
    )


class BacktestReport(Base):
    """Measured figures and calibration curves of one backtest run, for the report page."""

    __tablename__ = "backtest_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target: Mapped[str] = mapped_column(String(60), index=True)
    model: Mapped[str] = mapped_column(String(120))
    first_year: Mapped[int] = mapped_column(Integer)
    last_year: Mapped[int] = mapped_column(Integer)
    # JSON: the dictionary built by wiqaya.assess.report.
    body: Mapped[str] = mapped_column(Text)
    made_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
