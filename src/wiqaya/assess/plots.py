"""Calibration plots as self-contained SVG, drawn on the server (no JavaScript, no fonts fetched).

Arabic labels are plain text in ``<text>`` elements so the browser shapes them;
right-to-left text gets ``direction="rtl"``. Only numbers go through
formatting; every label is escaped.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 420, 360
LEFT, RIGHT, TOP, BOTTOM = 58, 20, 40, 52
COLOURS = ("#0b6e4f", "#c44536", "#33658a", "#8a6d3b")


def _scale(value: float, lo: float, hi: float, a: float, b: float) -> float:
    if hi == lo:
        return a
    return a + (value - lo) / (hi - lo) * (b - a)


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``value``."""
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * 10**exponent >= value:
            return step * 10**exponent
    return 10 ** (exponent + 1)


def _text(x: float, y: float, text: str, rtl: bool, **attrs: str) -> str:
    extra = " ".join(f'{k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    direction = ' direction="rtl"' if rtl else ""
    return f'<text x="{x:.1f}" y="{y:.1f}"{direction} {extra}>{escape(text)}</text>'


def calibration_svg(
    series: dict[str, list[tuple[float, float]]],
    *,
    title: str,
    x_label: str,
    y_label: str,
    rtl: bool = False,
    limit: float | None = None,
    sizes: dict[str, list[int]] | None = None,
    legend: str = "top",
) -> str:
    """Observed against forecast, with the diagonal of perfect calibration.

    ``series`` maps a legend label to (forecast, observed) points.
    """
    pts = [p for values in series.values() for p in values]
    hi = limit if limit is not None else _nice_ceiling(max([0.01, *[max(x, y) for x, y in pts]]))
    x0, x1 = LEFT, WIDTH - RIGHT
    y0, y1 = HEIGHT - BOTTOM, TOP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{escape(title)}" '
        # The page around may be right-to-left: the chart's own layout is not.
        'font-family="Amiri, Noto Naskh Arabic, DejaVu Sans, sans-serif" font-size="12" '
        'direction="ltr">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{x0}" y="{y1}" width="{x1 - x0}" height="{y0 - y1}" fill="#fafafa" '
        'stroke="#999"/>',
        f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}" stroke="#999" stroke-dasharray="4 3"/>',
    ]
    for i in range(5):
        v = hi * i / 4
        gx = _scale(v, 0, hi, x0, x1)
        gy = _scale(v, 0, hi, y0, y1)
        parts.append(_text(gx, y0 + 16, f"{v:.3g}", False, text_anchor="middle"))
        parts.append(_text(x0 - 6, gy + 4, f"{v:.3g}", False, text_anchor="end"))
    parts.append(_text(WIDTH / 2, 22, title, rtl, text_anchor="middle", font_size="14"))
    parts.append(_text((x0 + x1) / 2, HEIGHT - 14, x_label, rtl, text_anchor="middle"))
    parts.append(
        f'<text transform="translate(16 {(y0 + y1) / 2:.1f}) rotate(-90)"'
        f"{' direction=' + chr(34) + 'rtl' + chr(34) if rtl else ''} "
        f'text-anchor="middle">{escape(y_label)}</text>'
    )
    for k, (name, values) in enumerate(series.items()):
        colour = COLOURS[k % len(COLOURS)]
        coords = [
            (_scale(min(x, hi), 0, hi, x0, x1), _scale(min(y, hi), 0, hi, y0, y1))
            for x, y in values
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for j, (cx, cy) in enumerate(coords):
            label = f"{values[j][0]:.3g} → {values[j][1]:.3g}"
            if sizes and name in sizes:
                label += f" (n={sizes[name][j]})"
            parts.append(
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{colour}">'
                f"<title>{escape(label)}</title></circle>"
            )
        if legend == "top":
            ly, lx = y1 + 16 + 16 * k, x0 + 10
        else:
            ly, lx = y0 - 12 - 16 * (len(series) - 1 - k), (x0 + x1) / 2
        parts.append(f'<rect x="{lx}" y="{ly - 9}" width="12" height="4" fill="{colour}"/>')
        parts.append(_text(lx + 18, ly - 3, name, False, dominant_baseline="middle"))
    parts.append("</svg>")
    return "\n".join(parts)


def onset_reliability_svg(report: dict, labels: dict[str, str], rtl: bool) -> str:
    rel = report["reliability"]
    series = {
        labels[name]: [(b["mean_forecast"], b["observed_rate"]) for b in bins]
        for name, bins in rel.items()
    }
    sizes = {labels[name]: [b["count"] for b in bins] for name, bins in rel.items()}
    return calibration_svg(
        series,
        title=labels["title"],
        x_label=labels["x"],
        y_label=labels["y"],
        rtl=rtl,
        sizes=sizes,
    )


def quantile_calibration_svg(report: dict, labels: dict[str, str], rtl: bool) -> str:
    cal = report.get("quantile_calibration_active") or report["quantile_calibration"]
    levels = cal["levels"]
    series = {
        labels[name]: list(zip(levels, cal[name], strict=True))
        for name in ("wiqaya", "last", "bootstrap")
    }
    return calibration_svg(
        series,
        title=labels["title"],
        x_label=labels["x"],
        y_label=labels["y"],
        rtl=rtl,
        limit=1.0,
        legend="bottom",
    )
