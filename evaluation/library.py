"""Known-item evaluation of the library search: recall@1, recall@10 and MRR per ranking mode.

    PYTHONPATH=src python -m evaluation.library [--queries FILE] [--pax FILE] [--show-misses]

Imports PA-X from ``../shared/data/pax/pax_data_cleaned.csv`` (beside the
repository; never copied into it) into a throw-away SQLite database, then
runs every query of ``evaluation/library_queries.jsonl`` (query, lang,
targets = acceptable PA-X AgtIds) in lexical-only, embeddings-only and hybrid
mode. A query counts as found at rank r when any of its targets is at r.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from wiqaya.config import Settings
from wiqaya.remember import service
from wiqaya.runtime import open_runtime

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_QUERIES = ROOT / "evaluation" / "library_queries.jsonl"
DEFAULT_PAX = ROOT.parent / "shared" / "data" / "pax" / "pax_data_cleaned.csv"


def load_queries(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def evaluate(index, queries: list[dict], mode: str) -> tuple[dict, list]:  # type: ignore[no-untyped-def]
    ranks = []
    for q in queries:
        hits = index.search(q["query"], limit=10, mode=mode).hits
        ids = [h.item.public_id for h in hits]
        rank = next((i + 1 for i, x in enumerate(ids) if x in set(q["targets"])), None)
        ranks.append((q, rank, ids[:3]))
    n = len(ranks)
    figures = {
        "recall@1": sum(1 for _, r, _ in ranks if r == 1) / n,
        "recall@10": sum(1 for _, r, _ in ranks if r is not None) / n,
        "mrr": sum(1 / r for _, r, _ in ranks if r) / n,
    }
    return figures, ranks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=Path, default=DEFAULT_QUERIES)
    ap.add_argument("--pax", type=Path, default=DEFAULT_PAX)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    if not args.pax.is_file():
        print(f"PA-X not found at {args.pax}", file=sys.stderr)
        return 2
    queries = load_queries(args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        runtime = open_runtime(Settings(home=Path(tmp), database_url=f"sqlite:///{tmp}/eval.db"))
        try:
            service.import_pax(runtime, args.pax)
            index = service.get_index(runtime)
            langs = {"all": queries}
            for lang in ("ar", "en"):
                langs[lang] = [q for q in queries if q.get("lang") == lang]
            print(
                f"{len(queries)} known-item queries ({len(langs['ar'])} Arabic, "
                f"{len(langs['en'])} English) over {len(index.items)} library items"
            )
            print(f"{'mode':<10}{'queries':<9}{'recall@1':>10}{'recall@10':>11}{'MRR':>8}")
            for mode in ("lexical", "semantic", "hybrid"):
                for lang, qs in langs.items():
                    figures, ranks = evaluate(index, qs, mode)
                    print(
                        f"{mode:<10}{lang:<9}{figures['recall@1']:>10.3f}"
                        f"{figures['recall@10']:>11.3f}{figures['mrr']:>8.3f}"
                    )
                    if args.show_misses and lang == "all":
                        for q, r, top in ranks:
                            if r != 1:
                                print(f"    rank {r}: {q['query']} -> {top} want {q['targets']}")
        finally:
            runtime.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
