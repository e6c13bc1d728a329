"""Build the offline country boundaries and names the map draws from.

Inputs are two npm packages unpacked by ``npm pack`` (see docs/dashboard.md):
``world-atlas`` 2.0.2 (Natural Earth 1:50m as TopoJSON, ISC) and
``i18n-iso-countries`` 7.14.0 (ISO 3166 codes and country names incl. Arabic, MIT).
Output is one compact, versioned JSON file inside the package, keyed by ISO3:
decoded rings in lon/lat rounded to 0.05 degree, plus the Arabic and English names.

    python scripts/build_boundaries.py /tmp/npm/world-atlas/package \\
        /tmp/npm/i18n-iso-countries/package src/wiqaya/web/geo/countries.v1.json

Run it again only to change the source version; the output is committed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

VERSION = "countries.v1 (world-atlas 2.0.2 countries-50m; i18n-iso-countries 7.14.0)"
STEP = 0.05  # degrees: ~5 km, finer than a map of the region can show.
# A point closer than this to the last kept one adds nothing visible at the
# scale of a regional map (~1 px at 1000 px across 90 degrees).
MIN_GAP = 0.1
# Natural Earth features without an ISO numeric id: drawn with the state ISO
# recognises, or under Kosovo's user-assigned code (XKK in i18n-iso-countries). Others are left out.
NO_ID = {"Somaliland": "SOM", "N. Cyprus": "CYP", "Kosovo": "XKK"}


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(
    ring: list[int], arcs: list[list[tuple[float, float]]]
) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # Consecutive arcs share their joining point.
        points.extend(arc if not points else arc[1:])
    return points


def simplify(points: list[tuple[float, float]], gap: float = MIN_GAP) -> list[float]:
    flat: list[float] = []
    last = None
    for lon, lat in points:
        q = (round(round(lon / STEP) * STEP, 2), round(round(lat / STEP) * STEP, 2))
        if last is None or max(abs(q[0] - last[0]), abs(q[1] - last[1])) >= gap:
            flat.extend(q)
            last = q
    return flat


def main(atlas_dir: Path, names_dir: Path, out: Path) -> None:
    topo = json.loads((atlas_dir / "countries-50m.json").read_text())
    codes = json.loads((names_dir / "codes.json").read_text())
    ar = json.loads((names_dir / "langs" / "ar.json").read_text())["countries"]
    en = json.loads((names_dir / "langs" / "en.json").read_text())["countries"]
    by_numeric = {num: (a2, a3) for a2, a3, num, *_ in codes}
    arcs = decode_arcs(topo)

    def first(name: str | list[str]) -> str:
        return name[0] if isinstance(name, list) else name

    countries: dict[str, dict] = {}
    for a2, a3, num, *_ in codes:
        countries[a3] = {
            "numeric": num,
            "alpha2": a2,
            "ar": first(ar.get(a2, a3)),
            "en": first(en.get(a2, a3)),
            "rings": [],
        }

    for geom in topo["objects"]["countries"]["geometries"]:
        num = geom.get("id")
        a3 = by_numeric[num][1] if num in by_numeric else NO_ID.get(geom["properties"]["name"])
        if a3 is None:
            continue
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = [ring_points(ring, arcs) for polygon in polygons for ring in polygon]
        kept = [flat for flat in map(simplify, rings) if len(flat) >= 6]
        if not kept:
            # A small state (Bahrain, Malta) must stay on the map: keep its
            # rings at full rounding precision rather than lose it.
            kept = [f for f in (simplify(r, gap=0) for r in rings) if len(f) >= 6]
        countries[a3]["rings"].extend(kept)

    payload = {
        "version": VERSION,
        "licences": [
            "world-atlas: ISC (Mike Bostock), Natural Earth: public domain",
            "i18n-iso-countries: MIT",
        ],
        "countries": {k: v for k, v in sorted(countries.items())},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
    drawn = sum(1 for v in countries.values() if v["rings"])
    print(
        f"wrote {out}: {len(countries)} countries, {drawn} with boundaries, "
        f"{out.stat().st_size // 1024} KiB"
    )


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
