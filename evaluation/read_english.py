"""English event coding on the PETRARCH validation suite and the PLOVER gold examples.

    PYTHONPATH=src python -m evaluation.read_english

1. ``PETR_Validate_records_2_02.xml`` (evaluate="true" sentences): share of
   expected events found with the right type, source and target, and the share
   of extra events, as UniversalPetrarch reports them (68.27% / 22.95%). Types
   are compared as PLOVER types (the gold CAMEO code mapped through
   CAMEO2PLOVER-2021); actors as the gold CAMEO actor code against ours
   (country + sector). The suite's actors are invented countries (Arnor,
   Gondor) whose dictionary (PETR_Validate_actors_2_02.txt) is not shipped with
   the data, so the type-only share is printed too.
2. ``PLOVER_GSR_CAMEO.txt``: PLOVER type accuracy (gold type among the types
   coded for the sentence, and the first coded type equal to gold). Older
   PLOVER names are mapped to the 2021 ontology: DEMAND→REQUEST,
   DISAPPROVE→ACCUSE, FIGHT→ASSAULT, INVESTIGATE→ACCUSE.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from wiqaya.read.actors import DATA
from wiqaya.read.pipeline import DocumentInput, read_documents

EN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "english_event_gsr"
OLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def cameo_to_plover() -> dict[str, str]:
    out = {}
    for line in (DATA / "CAMEO2PLOVER-2021.txt").read_text("utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def plover_of(code: str, table: dict[str, str]) -> str | None:
    for k in (code, code[:3], code[:2]):
        if k in table:
            return OLD.get(table[k], table[k])
    return None


def petr_suite() -> None:
    table = cameo_to_plover()
    # The file is not well-formed XML (comments contain "--"), so each
    # <Sentence> element is cut out and parsed on its own.
    raw = (EN / "PETR_Validate_records_2_02.xml").read_text("utf-8")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    sents = []
    for m in re.finditer(r"<Sentence\b[^>]*>.*?</Sentence>", raw, flags=re.S):
        # Drop the CoNLL parse (it holds bare "<" and "&") before parsing.
        chunk = re.sub(r"<Parse>.*?</Parse>", "", m.group(), flags=re.S)
        try:
            s = ET.fromstring(chunk)
        except ET.ParseError:
            continue
        if s.get("evaluate") == "true":
            sents.append(s)
    docs = [
        DocumentInput(s.get("id", str(i)), " ".join((s.findtext("Text") or "").split()), "en")
        for i, s in enumerate(sents)
    ]
    results = read_documents(docs, detector=False)
    expected = correct = type_only = produced = extra = 0
    for s, res in zip(sents, results, strict=True):
        gold = [
            (
                plover_of(c.get("eventcode", ""), table),
                c.get("sourcecode", ""),
                c.get("targetcode", ""),
            )
            for c in s.iter("EventCoding")
        ]
        ours = [
            (
                e.event_type,
                f"{e.source.country or ''}{e.source.sector or ''}",
                f"{e.target.country or ''}{e.target.sector or ''}",
            )
            for e in res.events
        ]
        expected += len(gold)
        produced += len(ours)
        for g in gold:
            correct += g in ours
            type_only += any(o[0] == g[0] for o in ours)
        gold_types = {g[0] for g in gold}
        extra += sum(1 for o in ours if o[0] not in gold_types)
    print(
        f"PETR validation suite: {len(sents)} sentences, {expected} expected events, {produced} coded"  # noqa: E501
    )
    print(f"  correct (type+source+target): {correct / expected:.2%}   (UniversalPetrarch 68.27%)")
    print(f"  right type only:              {type_only / expected:.2%}")
    print(
        f"  extra events (type not expected): {extra / max(produced, 1):.2%} of coded  "
        f"(UniversalPetrarch 22.95%)"
    )


def plover_gsr() -> None:
    data = json.loads((EN / "PLOVER_GSR_CAMEO.txt").read_text("utf-8"))
    rows = [d for d in data if d.get("text") and d.get("event") and d["event"] != "DOCUMENT"]
    results = read_documents(
        [DocumentInput(d["id"], d["text"], "en") for d in rows], detector=False
    )
    among = first = coded = 0
    for d, res in zip(rows, results, strict=True):
        gold = OLD.get(d["event"], d["event"])
        types = [e.event_type for e in res.events]
        coded += bool(types)
        among += gold in types
        first += bool(types) and types[0] == gold
    n = len(rows)
    print(
        f"PLOVER GSR: {n} sentences; gold type among coded {among / n:.3f}; "
        f"first coded type = gold {first / n:.3f}; sentences with any event {coded / n:.3f}"
    )


def main() -> None:
    petr_suite()
    plover_gsr()


if __name__ == "__main__":
    main()
