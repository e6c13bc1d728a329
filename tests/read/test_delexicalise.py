"""The detector judges what happened, not which country it happened in."""

from __future__ import annotations

from wiqaya.language.arabic import normalise
from wiqaya.read.delexicalise import COUNTRY, GROUP, PLACE, sentence_norm
from wiqaya.read.detector import load_detector
from wiqaya.read.phrases import tokenize
from wiqaya.read.pipeline import DocumentInput, read_document

MOSUL = "قتل عشرة أشخاص في اشتباكات بين الجيش العراقي والمسلحين في الموصل."
FASHER = "قتل عشرة أشخاص في اشتباكات بين الجيش السوداني والمسلحين في الفاشر."


def _norm(text: str) -> str:
    return sentence_norm(text, tokenize(text))


def test_country_words_and_places_become_their_class_and_the_rest_stays() -> None:
    kept = [normalise(w) for w in ["قتل", "عشرة", "أشخاص", "في", "اشتباكات", "بين", "الجيش"]]
    assert _norm(MOSUL).split() == [*kept, COUNTRY, normalise("والمسلحين"), "في", PLACE]


def test_one_word_stays_one_word() -> None:
    # The clause features count positions from the trigger.
    text = "تظاهر آلاف الطلاب في الخرطوم وبغداد احتجاجا على قرار الحكومة المصرية."
    assert len(_norm(text).split()) == len(tokenize(text))


def test_an_iraqi_and_a_sudanese_clash_look_the_same_to_the_detector() -> None:
    assert _norm(MOSUL) == _norm(FASHER)
    det = load_detector()
    a, b = det.probabilities([_norm(MOSUL), _norm(FASHER)])
    assert (a == b).all()


def test_named_armed_groups_are_a_class_but_generic_actors_are_not() -> None:
    text = "قتل عشرة أشخاص في اشتباكات بين قوات الدعم السريع والجيش السوداني في الفاشر."
    words = _norm(text).split()
    assert words[6:9] == [GROUP, GROUP, GROUP]
    assert normalise("والجيش") in words
    # A body or a movement without a state is who acted, not where.
    assert normalise("القاعدة") in _norm("فجر انتحاري من تنظيم القاعدة نفسه في سوق.").split()


def test_a_sudanese_clash_is_coded_as_an_iraqi_one_is() -> None:
    for text in (MOSUL, FASHER):
        events = read_document(DocumentInput("x", text, "ar")).events
        assert [e.event_type for e in events] == ["ASSAULT"], text
        assert events[0].location is not None


def test_the_pipeline_hands_the_detector_what_training_saw() -> None:
    from wiqaya.read import pipeline

    seen: list[str] = []
    det = load_detector()

    class Spy:
        types, thresholds = det.types, det.thresholds

        def probabilities(self, norms: list[str]):  # noqa: ANN202 - numpy array
            seen.extend(norms)
            return det.probabilities(norms)

    pipeline.read_documents([DocumentInput("x", FASHER, "ar")], detector=Spy())  # type: ignore[arg-type]
    assert seen == [_norm(FASHER)]
