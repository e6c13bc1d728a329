"""Which words the Arabic trigger stems fire in, over the dev sentences, per PLOVER type.

    PYTHONPATH=src python -m evaluation.arabic_trigger_words [--loose] [--top N]

The gold data codes PROTEST and ASSAULT only, so the other types' triggers have
no precision figure; this lists, per type, the words their stems match (first
match per sentence, as the coder takes it) with counts, so that a reader can
judge them. ``--loose`` shows the match the detector is trained on (any three
letters before the stem, no blocked spellings) instead of the coder's
(:meth:`wiqaya.read.detector.StemMatcher.is_word_of`).
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter

from evaluation.train_detector import GSR
from wiqaya.read.detector import arabic_triggers
from wiqaya.read.events import PLOVER_TYPES, trigger_matchers
from wiqaya.read.phrases import tokenize
from wiqaya.read.senses import wrong_sense


def dev_sentences() -> list[str]:
    texts: set[str] = set()
    for kind in ("protest", "assault"):
        with (GSR / f"{kind}_detection.dev.csv").open(encoding="utf-8") as fh:
            texts.update(row["text"] for row in csv.DictReader(fh))
    return sorted(texts)


def trigger_words(texts: list[str], loose: bool = False) -> dict[str, Counter[str]]:
    """PLOVER type → Counter of the words its first trigger spans, one per sentence."""
    # The coder's match: its recoded types (``coded_as_ar``) and sense rules.
    matcher = arabic_triggers() if loose else trigger_matchers()["ar"]
    strict = frozenset() if loose else frozenset(PLOVER_TYPES)
    reject = None if loose else wrong_sense
    out: dict[str, Counter[str]] = {t: Counter() for t in PLOVER_TYPES}
    for text in texts:
        words = [t.norm for t in tokenize(text)]
        for label, (i, end) in matcher.find(words, strict=strict, reject=reject).items():
            out[label][" ".join(words[i:end])] += 1
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--loose", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    texts = dev_sentences()
    words = trigger_words(texts, args.loose)
    print(f"{len(texts)} distinct Arabic dev sentences; {'loose' if args.loose else 'coder'} match")
    for etype, counts in sorted(words.items(), key=lambda kv: -sum(kv[1].values())):
        top = " ".join(f"{w}:{c}" for w, c in counts.most_common(args.top))
        print(f"{etype:9s} {sum(counts.values()):4d}  {top}")


if __name__ == "__main__":
    main()
