"""Gentle rewrite: NVC shape, keeps the topic, never adds a harmful pattern."""

from __future__ import annotations

import json
from pathlib import Path

from attune.analysis.patterns import detect_patterns
from attune.analysis.rewrite import rewrite_message

DEV = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "patterns_dev.jsonl"


def rewrite(text: str) -> str | None:
    return rewrite_message(text, detect_patterns([text])[0])


def test_none_when_nothing_harmful() -> None:
    assert rewrite("Thank you for dinner, it was lovely.") is None
    assert rewrite("I'll be home around six.") is None


def test_keeps_topic_and_marks_blanks() -> None:
    out = rewrite("You never help with the dishes, you're so lazy.")
    assert out is not None
    assert "dishes" in out
    for blank in ("[what you felt]", "[what you need]"):
        assert blank in out
    assert "lazy" not in out and "never" not in out


def test_observation_feeling_need_request_order() -> None:
    out = rewrite("You're always on your phone when I'm talking.")
    assert out is not None
    assert "phone" in out
    positions = [out.index(w) for w in ("When", "I felt", "I need", "Would you be willing")]
    assert positions == sorted(positions)


def test_stonewalling_becomes_a_pause_with_a_return_time() -> None:
    out = rewrite("I'm done talking about this.")
    assert out is not None and "break" in out and "[a time" in out


def test_no_rewrite_of_the_dev_set_carries_a_harmful_pattern() -> None:
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines()]
    rewrites = [
        rewrite_message(t, hits) for t, hits in zip(texts, detect_patterns(texts), strict=True)
    ]
    produced = [r for r in rewrites if r is not None]
    assert len(produced) > 300
    for hits in detect_patterns(produced):
        assert not [h for h in hits if h.harmful]
