"""Source and target countries of events told in reported speech (helper arsource).

    PYTHONPATH=src python -m evaluation.arabic_sources_probe [--list]

``evaluation/arabic_sources_probe.jsonl``: 107 sentences written on 2026-11-25 in the
register of 2015-2026 wire news, before any rule of the round was changed and before
the reader's output on them was looked at, for the attribution shapes in which the
source of an event is not the first actor of the sentence: an official or a spokesman
who says that a force acted («قال مسؤول إسرائيلي إن الجيش قصف»), a news agency that
quotes sources («نقلت وكالة رويترز عن مصادر أمنية أن»), a correspondent, «بحسب / وفق /
حسب» with a ministry or a monitor, media that report («ذكرت وسائل إعلام إيرانية أن»), a
speaker's own state named «بلاده», an announcer of its own act («أعلن الجيش أنه قصف»),
accusations («اتهم … بأنه»). Seventeen sentences (ids ``s..``) are the other case,
where the speaker acts by speaking (threats, condemnations, demands, accusations), so
that a rule taking the reported clause's subject does not overshoot. A ``null`` side
is not scored. None is copied from the blind sets. Rules were written from it, so its
figures after the round say what the round fixed, not how well the reader generalises.

Scored like ``arabic_targets_probe`` (:func:`evaluation.coding_modern.score`): a gold
event is found when the sentence's output has an event of its type; a role is right
when such an event carries the gold country.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from evaluation.coding_modern import extract, load, score

PROBE = Path(__file__).with_name("arabic_sources_probe.jsonl")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print misses and wrong roles")
    args = ap.parse_args(argv)
    rows = load(PROBE)
    score(rows, extract(rows), args.list)


if __name__ == "__main__":
    main()
