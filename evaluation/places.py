"""Place resolution accuracy on Wiqaya's own set of Arabic and English sentences.

    PYTHONPATH=src python -m evaluation.places

The set (``src/wiqaya/data/read/places_eval.jsonl``, written for Wiqaya) names
places across the Middle East, North Africa, the Sahel and the Horn, including
the ambiguous طرابلس, عمان, تونس, الجزائر, الكويت. A sentence counts as right
when the mention of the named place resolves to the gold ISO3; an
``ambiguous`` or missing mention counts as wrong.
"""

from __future__ import annotations

import json

from wiqaya.read.actors import DATA
from wiqaya.read.pipeline import DocumentInput, read_document


def main() -> None:
    rows = [json.loads(x) for x in (DATA / "places_eval.jsonl").read_text("utf-8").splitlines()]
    ok = 0
    by_lang = {"ar": [0, 0], "en": [0, 0]}
    misses = []
    for r in rows:
        res = read_document(DocumentInput("x", r["text"]))
        hit = next((m for m in res.places if r["place"] in m.surface), None)
        right = bool(hit and hit.status == "resolved" and hit.country == r["country"])
        ok += right
        lang = "en" if r["text"].isascii() else "ar"
        by_lang[lang][0] += right
        by_lang[lang][1] += 1
        if not right:
            misses.append(
                (r["place"], r["country"], hit.status if hit else "missed", hit and hit.country)
            )
    print(f"place resolution: country accuracy {ok / len(rows):.3f} ({ok}/{len(rows)})")
    for lang, (a, n) in by_lang.items():
        print(f"  {lang}: {a / n:.3f} ({a}/{n})")
    for m in misses:
        print("  miss:", *m)


if __name__ == "__main__":
    main()
