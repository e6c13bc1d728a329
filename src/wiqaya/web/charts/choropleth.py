"""The country-risk choropleth: projected once per view, coloured per request.

Each country is an ``<a>`` to its page around a ``<path id="c-ISO3">`` with a
``<title>`` (hover text and accessible name), so the map works with a
keyboard, a screen reader and no JavaScript.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from markupsafe import Markup

from wiqaya.web.geo import countries

WIDTH = 1000.0
# Colours as SVG presentation attributes as well as classes: the stylesheet
# wins in the browser, and WeasyPrint's SVG renderer still colours the PDF.
# (Presentation attributes are not style attributes: a strict CSP allows them.)
FILL = {
    "nodata": "#d9d9d6",
    "q0": "#ffffb2",
    "q1": "#fecc5c",
    "q2": "#fd8d3c",
    "q3": "#f03b20",
    "q4": "#bd0026",
}
SEA = "#dfeaf3"


@dataclass(frozen=True)
class View:
    key: str
    lon_min: float
    lon_max: float
    lat_min: float
    lat_max: float
    # Latitude whose scale is true: an equirectangular projection centred on
    # the region keeps shapes recognisable without a projection library.
    lat_true: float


VIEWS = {
    "region": View("region", -20.0, 66.0, -6.0, 44.0, 22.0),
    "world": View("world", -170.0, 180.0, -57.0, 80.0, 0.0),
}


def _scale(view: View) -> tuple[float, float]:
    kx = WIDTH / (view.lon_max - view.lon_min)
    ky = kx / math.cos(math.radians(view.lat_true))
    return kx, ky


def height(view: View) -> float:
    _kx, ky = _scale(view)
    return round((view.lat_max - view.lat_min) * ky, 1)


def project(view: View, lon: float, lat: float) -> tuple[float, float]:
    kx, ky = _scale(view)
    return (lon - view.lon_min) * kx, (view.lat_max - lat) * ky


@lru_cache(maxsize=4)
def projected_paths(view_key: str) -> dict[str, str]:
    """ISO3 -> SVG path data for every country that shows in the view."""
    view = VIEWS[view_key]
    kx, ky = _scale(view)
    margin = 2.0
    out: dict[str, str] = {}
    for code in countries.all_codes():
        parts = []
        for ring in countries.rings(code):
            lons, lats = ring[0::2], ring[1::2]
            if (
                max(lons) < view.lon_min - margin
                or min(lons) > view.lon_max + margin
                or max(lats) < view.lat_min - margin
                or min(lats) > view.lat_max + margin
            ):
                continue
            # Whole pixels are enough at this width; repeated points are dropped.
            coords: list[str] = []
            for lon, lat in zip(lons, lats, strict=True):
                point = f"{(lon - view.lon_min) * kx:.0f} {(view.lat_max - lat) * ky:.0f}"
                if not coords or coords[-1] != point:
                    coords.append(point)
            if len(coords) >= 3:
                parts.append("M" + "L".join(coords) + "Z")
        if parts:
            out[code] = "".join(parts)
    return out


@dataclass(frozen=True)
class Bin:
    low: float
    high: float | None  # None: and above
    css: str


def bins_for(values: list[float]) -> list[Bin]:
    """Five classes: fixed probability bands for scores in [0, 1], else data quantiles."""
    if not values:
        return []
    top = max(values)
    if top <= 1.0 and min(values) >= 0.0:
        edges = [0.0, 0.05, 0.1, 0.25, 0.5]
    else:
        ordered = sorted(v for v in values if v > 0) or [0.0]
        edges = [0.0]
        for q in (0.2, 0.4, 0.6, 0.8):
            edge = ordered[min(len(ordered) - 1, int(q * len(ordered)))]
            edge = float(_nice(edge))
            if edge > edges[-1]:
                edges.append(edge)
    out = []
    for i, low in enumerate(edges):
        high = edges[i + 1] if i + 1 < len(edges) else None
        out.append(Bin(low, high, f"q{i + 5 - len(edges)}"))
    return out


def _nice(value: float) -> float:
    if value <= 0:
        return 0.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def bin_of(value: float, bins: list[Bin]) -> str:
    for b in reversed(bins):
        if value >= b.low:
            return b.css
    return bins[0].css if bins else "nodata"


def render_map(
    values: dict[str, float],
    *,
    view_key: str,
    lang: str,
    label: str,
    href: Callable[[str], str],
    describe: Callable[[str, float | None], str],
    bins: list[Bin],
    highlight: set[str] | None = None,
) -> Markup:
    """The map as inline SVG. ``describe(code, value)`` gives each country's hover text."""
    view = VIEWS.get(view_key, VIEWS["region"])
    paths = projected_paths(view.key)
    h = height(view)
    out = [
        f'<svg class="map" viewBox="0 0 {WIDTH:.0f} {h}" role="group" direction="ltr" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg" '
        f'preserveAspectRatio="xMidYMid meet">',
        f'<rect class="sea" fill="{SEA}" width="{WIDTH:.0f}" height="{h}"/>',
    ]
    # Countries with data come last so their outlines draw on top.
    order = sorted(paths, key=lambda c: (c in values, c))
    for code in order:
        value = values.get(code)
        css = bin_of(value, bins) if value is not None else "nodata"
        fill = FILL[css]
        if highlight and code in highlight:
            css += " focus"
        title = escape(describe(code, value))
        out.append(
            f'<a href="{escape(href(code))}" class="country" data-iso3="{code}">'
            f"<title>{title}</title>"
            f'<path id="c-{code}" class="{css}" fill="{fill}" stroke="#ffffff" '
            f'stroke-width="0.6" d="{paths[code]}"/></a>'
        )
    out.append("</svg>")
    return Markup("".join(out))
