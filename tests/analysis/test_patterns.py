"""Pattern detection: hard cases, spans, texting style, and dev-set regression thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import attune.analysis.patterns as patterns_mod
from attune.analysis.patterns import PATTERN_THRESHOLD, detect_patterns, score_patterns
from attune.analysis.types import HARMFUL_PATTERNS, PATTERN_LABELS

REPO = Path(__file__).resolve().parents[2]
DEV = REPO / "benchmarks" / "data" / "patterns_dev.jsonl"


def labels(text: str) -> set[str]:
    return {h.label for h in detect_patterns([text])[0]}


def harmful(text: str) -> set[str]:
    return labels(text) & set(HARMFUL_PATTERNS)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("You never help with the dishes.", "criticism"),
        ("u never text back", "criticism"),
        ("ur so selfish omg", "criticism"),
        ("You're pathetic.", "contempt"),
        ("🙄", "contempt"),
        ("It's not my fault.", "defensiveness"),
        ("What about when you forgot my birthday?", "defensiveness"),
        ("I'm done talking about this.", "stonewalling"),
        ("whatever.", "stonewalling"),
        ("Thanks for nothing.", "sarcasm"),
        ("Oh great, another weekend alone.", "sarcasm"),
        ("If you don't stop drinking, I'm leaving.", "ultimatum"),
        ("That's the third time this week.", "scorekeeping"),
        ("You did that on purpose.", "mind_reading"),
        ("You're overreacting.", "dismissal"),
        ("calm down its not a big deal", "dismissal"),
        ("Thank you for picking up the kids today.", "appreciation"),
        ("I'm sorry I snapped at you.", "repair_attempt"),
        ("That makes sense.", "validation"),
        ("I feel hurt when plans change at the last minute.", "i_statement"),
        ("wanna watch a movie tonight?", "bid"),
    ],
)
def test_each_label_fires_on_a_plain_example(text: str, label: str) -> None:
    assert label in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "You always make me laugh.",  # supportive "you always"
        "You never fail to surprise me.",
        "Do you always take the bus to work?",  # honest question
        "I'm not saying you never help, I just need more help this week.",  # negation frame
        "I don't think you're overreacting at all.",
        'She told me "you always do this" and walked off.',  # quoted speech
        "My boss said I'm too sensitive, which stung.",  # reported speech
        "If you never try, you'll never know.",  # generic conditional
        "This is the last chance to get early-bird tickets.",
        "Thanks a lot for the ride, really.",
        "It's not a big deal if we're a bit late, the party runs till midnight.",
        "I don't want to talk about work right now, tell me about your day instead.",
        "Can we talk about it later when we're both calm?",
        "Oh great, you're home early! 😊",
        "lmk when ur home",
    ],
)
def test_hard_negatives_are_not_flagged_harmful(text: str) -> None:
    assert harmful(text) == set()


def test_negation_turns_dismissal_into_validation() -> None:
    assert labels("You're not overreacting.") == {"validation"}


def test_sarcasm_cancels_the_praise_it_wraps() -> None:
    found = labels("thanks for forgetting my birthday, really appreciate it")
    assert "sarcasm" in found and "appreciation" not in found


def test_span_points_at_the_triggering_words() -> None:
    text = "Honestly, You NEVER listen to me."
    hit = next(h for h in detect_patterns([text])[0] if h.label == "criticism")
    assert text[hit.start : hit.end] == "You NEVER"
    assert hit.score >= PATTERN_THRESHOLD and hit.why


def test_span_survives_curly_quotes_and_emoji() -> None:
    text = "😤 you’re such an idiot"
    hit = next(h for h in detect_patterns([text])[0] if h.label == "contempt")
    assert text[hit.start : hit.end].lower().endswith("idiot")


def test_multi_label_message() -> None:
    assert {"criticism", "ultimatum"} <= labels("You never listen, so this is your last chance.")


def test_scores_cover_every_label_and_match_detections() -> None:
    text = "You never listen. Whatever."
    scores = score_patterns([text])[0]
    assert set(scores) == set(PATTERN_LABELS)
    reported = {h.label for h in detect_patterns([text])[0]}
    assert reported == {k for k, v in scores.items() if v >= PATTERN_THRESHOLD}


def test_empty_and_batch_shapes() -> None:
    assert detect_patterns([]) == []
    assert detect_patterns(["", "ok see you soon"]) == [(), ()]


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]


def test_prefilter_never_changes_results(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [str(r["text"]) for r in _rows()]
    fast = detect_patterns(texts)
    monkeypatch.setattr(patterns_mod, "_USE_PREFILTER", False)
    assert detect_patterns(texts) == fast


@pytest.mark.parametrize("split", ["dev", "heldout", "heldout2"])
def test_dev_set_quality_thresholds(split: str) -> None:
    """Regression guard on the project's own labelled set (see benchmarks/eval_patterns.py)."""
    rows = [r for r in _rows() if r["split"] == split]
    pred = [{h.label for h in hits} for hits in detect_patterns([str(r["text"]) for r in rows])]
    gold = [set(r["labels"]) for r in rows]  # type: ignore[arg-type]
    tp = sum(len(p & g) for p, g in zip(pred, gold, strict=True))
    fp = sum(len(p - g) for p, g in zip(pred, gold, strict=True))
    fn = sum(len(g - p) for p, g in zip(pred, gold, strict=True))
    micro_f1 = 2 * tp / (2 * tp + fp + fn)
    harm = set(HARMFUL_PATTERNS)
    healthy = [p for p, g in zip(pred, gold, strict=True) if not g & harm]
    flag_rate = sum(1 for p in healthy if p & harm) / len(healthy)
    assert micro_f1 >= 0.85
    assert flag_rate <= 0.10
