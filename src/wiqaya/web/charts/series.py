"""Sparklines, line charts (with an optional interval band) and bar charts as SVG.

Time runs left to right in both languages, as in Arabic newspapers' charts
and in the numbers themselves; labels are SVG text in the page's language,
with ``direction`` set so Arabic is laid out right to left and shaped by the
browser. Series colours are CSS classes ``s0``..``s5``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

MAX_SERIES = 6
# Okabe-Ito, colour-blind safe; also written as presentation attributes so
# WeasyPrint's SVG renderer colours the PDF the same way.
COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")


def sparkline(values: Sequence[float | None], *, label: str, width: int = 120, height: int = 28):
    """A tiny trend line; gaps where a value is missing. ``label`` is its accessible name."""
    present = [v for v in values if v is not None]
    if len(values) < 2 or not present:
        return Markup(
            f'<svg class="spark" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{escape(label)}"><title>{escape(label)}</title></svg>'
        )
    low, high = min(present), max(present)
    span = (high - low) or 1.0
    step = (width - 4) / (len(values) - 1)
    segments: list[list[str]] = [[]]
    for i, v in enumerate(values):
        if v is None:
            if segments[-1]:
                segments.append([])
            continue
        x = 2 + i * step
        y = height - 3 - (v - low) / span * (height - 6)
        segments[-1].append(f"{x:.1f},{y:.1f}")
    lines = "".join(
        f'<polyline fill="none" stroke="#0b5394" stroke-width="1.5" points="{" ".join(s)}"/>'
        for s in segments
        if len(s) > 1
    ) + "".join(
        f'<circle fill="#0b5394" cx="{s[0].split(",")[0]}" cy="{s[0].split(",")[1]}" r="1.5"/>'
        for s in segments
        if len(s) == 1
    )
    return Markup(
        f'<svg class="spark" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>{lines}</svg>'
    )


@dataclass
class Line:
    label: str
    values: Sequence[float | None]
    low: Sequence[float | None] | None = None  # interval band, when known
    high: Sequence[float | None] | None = None


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _text(x: float, y: float, text: str, *, lang: str, anchor: str, css: str = "") -> str:
    """Label text. ``anchor`` is visual (left/middle/right), whatever the direction."""
    rtl = lang == "ar"
    svg_anchor = {
        "middle": "middle",
        "left": "end" if rtl else "start",
        "right": "start" if rtl else "end",
    }[anchor]
    direction = "rtl" if rtl else "ltr"
    cls = f' class="{css}"' if css else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{svg_anchor}" direction="{direction}" '
        f'unicode-bidi="embed" lang="{lang}"{cls}>{escape(text)}</text>'
    )


def line_chart(
    periods: Sequence[str],
    lines: Sequence[Line],
    *,
    title: str,
    lang: str,
    period_label: Callable[[str], str],
    number: Callable[[float], str],
    kind: str = "line",  # line | bar (bar draws the first series only)
    width: int = 640,
    height: int = 240,
    label_every: bool = False,  # categories (bar charts of types) label every bar
) -> Markup:
    """A chart of one or more series over ``periods``, with a legend and axis labels."""
    lines = list(lines)[:MAX_SERIES]
    legend_rows = 0 if len(lines) <= 1 else math.ceil(len(lines) / 3)
    top = 26 + legend_rows * 18
    left, right, bottom = 48, 16, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    everything = [
        v for line in lines for seq in (line.values, line.high or []) for v in seq if v is not None
    ]
    lowest = min(
        [*everything, *(v for line in lines for v in (line.low or []) if v is not None)],
        default=0.0,
    )
    # Negative values (growth rates, changes) extend the axis below zero.
    y_min = -_nice_max(-lowest) if lowest < 0 else 0.0
    y_max = _nice_max(max(everything) if everything else 1.0)
    if max(everything, default=0.0) <= 0 and y_min < 0:
        y_max = 0.0
    n = max(1, len(periods))
    step = plot_w / max(1, n - 1) if kind == "line" else plot_w / n

    def x_at(i: int) -> float:
        if kind == "line" and n == 1:
            return left + plot_w / 2  # a single period sits in the middle
        return left + (i * step if kind == "line" else (i + 0.5) * step)

    def y_at(v: float) -> float:
        return top + plot_h - ((v - y_min) / (y_max - y_min)) * plot_h

    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" direction="ltr" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        _text(width / 2, 16, title, lang=lang, anchor="middle", css="chart-title"),
    ]
    # Legend: right-aligned rows in Arabic, left-aligned in English.
    if legend_rows:
        col_w = (width - left - right) / 3
        for i, line in enumerate(lines):
            row, col = divmod(i, 3)
            y = 34 + row * 18
            if lang == "ar":
                x = width - right - col * col_w
                out.append(
                    f'<rect class="s{i} swatch" fill="{COLOURS[i]}" x="{x - 12:.1f}" y="{y - 9}" '
                    'width="10" height="10"/>'
                )
                out.append(_text(x - 16, y, line.label, lang=lang, anchor="right"))
            else:
                x = left + col * col_w
                out.append(
                    f'<rect class="s{i} swatch" fill="{COLOURS[i]}" x="{x:.1f}" y="{y - 9}" '
                    'width="10" height="10"/>'
                )
                out.append(_text(x + 14, y, line.label, lang=lang, anchor="left"))
    # Grid and value axis.
    for k in range(5):
        v = y_min + (y_max - y_min) * k / 4
        y = y_at(v)
        out.append(
            f'<line class="grid" stroke="#e4e8ec" x1="{left}" x2="{width - right}" y1="{y:.1f}" '
            f'y2="{y:.1f}"/>'
        )
        out.append(_text(left - 6, y + 4, number(v), lang="en", anchor="right", css="tick"))
    # Period axis: first, middle and last labels keep it legible.
    if periods:
        marks = list(range(n)) if label_every else sorted({0, (n - 1) // 2, n - 1})
        for i in marks:
            out.append(
                _text(
                    x_at(i),
                    height - 8,
                    period_label(periods[i]),
                    lang=lang,
                    anchor="middle",
                    css="tick",
                )
            )
    for i, line in enumerate(lines):
        if kind == "bar" and i == 0:
            bar_w = max(1.0, step * 0.7)
            for j, v in enumerate(line.values):
                if v is None:
                    continue
                y = y_at(v)
                out.append(
                    f'<rect class="s0 bar" fill="{COLOURS[0]}" '
                    f'x="{x_at(j) - bar_w / 2:.1f}" y="{y:.1f}" '
                    f'width="{bar_w:.1f}" height="{max(0.0, y_at(0.0) - y):.1f}">'
                    f"<title>{escape(period_label(periods[j]))}: {escape(number(v))}</title>"
                    "</rect>"
                )
            continue
        if line.low is not None and line.high is not None:
            # A whisker per point shows the interval even for a single period.
            for j, (lo, hi) in enumerate(zip(line.low, line.high, strict=False)):
                if lo is not None and hi is not None:
                    out.append(
                        f'<line class="s{i} whisker" stroke="{COLOURS[i]}" stroke-width="1.5" '
                        f'x1="{x_at(j):.1f}" x2="{x_at(j):.1f}" y1="{y_at(lo):.1f}" '
                        f'y2="{y_at(hi):.1f}"/>'
                    )
            upper = [(x_at(j), y_at(h)) for j, h in enumerate(line.high) if h is not None]
            lower = [(x_at(j), y_at(lo)) for j, lo in enumerate(line.low) if lo is not None]
            if len(upper) > 1 and len(lower) > 1:
                ring = upper + list(reversed(lower))
                pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in ring)
                out.append(
                    f'<polygon class="s{i} band" fill="{COLOURS[i]}" fill-opacity="0.25" '
                    f'points="{pts}"/>'
                )
        segment: list[str] = []
        for j, v in enumerate(line.values):
            if v is None:
                if len(segment) > 1:
                    out.append(
                        f'<polyline class="s{i} line" fill="none" stroke="{COLOURS[i]}" '
                        f'stroke-width="2" points="{" ".join(segment)}"/>'
                    )
                segment = []
                continue
            segment.append(f"{x_at(j):.1f},{y_at(v):.1f}")
            out.append(
                f'<circle class="s{i} dot" fill="{COLOURS[i]}" '
                f'cx="{x_at(j):.1f}" cy="{y_at(v):.1f}" r="2.5">'
                f"<title>{escape(line.label)} · {escape(period_label(periods[j]))}: "
                f"{escape(number(v))}</title></circle>"
            )
        if len(segment) > 1:
            out.append(
                f'<polyline class="s{i} line" fill="none" stroke="{COLOURS[i]}" '
                f'stroke-width="2" points="{" ".join(segment)}"/>'
            )
    out.append("</svg>")
    return Markup("".join(out))
