"""Source and target country of the whole Arabic pipeline on the gold coding files.

    PYTHONPATH=src python -m evaluation.arabic_pipeline_roles

``evaluation.read_arabic`` scores the role ranker cross-validated, before the
pipeline's rules that follow it (the attacker the words name, a strike that
hits where it falls, a country across a border). This runs ``read_documents``
with the shipped detector and ranker over every sentence of
``*_coding.dev.xml`` and counts, where the gold country is not ``None``, the
sentences whose first event of the gold type carries it. The shipped models
were fitted on these sentences, so the figures are in-sample: use them to
compare two trees (a rule's effect), never as an accuracy.
"""

from __future__ import annotations

from evaluation.read_arabic import coding_sentences
from wiqaya.read.pipeline import DocumentInput, read_documents


def main() -> None:
    for kind in ("protest", "assault"):
        sents = coding_sentences(kind)
        docs = [DocumentInput(str(i), s["text"], "ar") for i, s in enumerate(sents)]
        found = s_n = s_ok = t_n = t_ok = 0
        for s, res in zip(sents, read_documents(docs), strict=True):
            ev = next((e for e in res.events if e.event_type == kind.upper()), None)
            found += ev is not None
            if s["source"] != "None":
                s_n += 1
                s_ok += bool(ev and ev.source.country == s["source"])
            if s["target"] != "None":
                t_n += 1
                t_ok += bool(ev and ev.target.country == s["target"])
        print(
            f"{kind.upper():8s} coded {found}/{len(sents)}  source {s_ok}/{s_n}  "
            f"target {t_ok}/{t_n}  (in-sample: compare trees, not an accuracy)"
        )


if __name__ == "__main__":
    main()
