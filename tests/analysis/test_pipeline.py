"""The pipeline: named components, what they need, the contract's JSON, chunked streaming."""

from __future__ import annotations

import io
import json
import sys
import types
from collections.abc import Sequence
from typing import Any

import pytest

from attune.analysis import Analysis, Component, Label, PatternHit, Pipeline, Risk
from attune.analysis.pipeline import COMPONENTS, to_json_line
from attune.analysis.stream import analyze_stream
from attune.errors import AnalysisError


def fake_patterns(texts: Sequence[str], found: Any) -> list[tuple[PatternHit, ...]]:
    out = []
    for t in texts:
        i = t.find("always")
        out.append((PatternHit("criticism", 0.9, i, i + 6, "says always"),) if i >= 0 else ())
    return out


def fake_risk(texts: Sequence[str], found: Any) -> list[Risk]:
    return [Risk("crisis", "self_harm", 0, len(t)) if "hurt myself" in t else Risk() for t in texts]


STAND_INS = [
    "emotions",
    Component("patterns", "patterns", fake_patterns),
    Component("risk", "risk", fake_risk),
    "rewrite",
]


@pytest.fixture
def fake_rewrite(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A stand-in rewrite module that records which texts it was asked to rewrite."""
    calls: list[str] = []

    def rewrite_message(text: str, patterns: Sequence[PatternHit]) -> str | None:
        calls.append(text)
        return "When ___ happens, I feel ___."

    module = types.ModuleType("attune.analysis.rewrite")
    module.rewrite_message = rewrite_message  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "attune.analysis.rewrite", module)
    return calls


def test_components_fill_their_fields_in_input_order(fake_rewrite: list[str]) -> None:
    texts = ["thank you so much", "you always forget", "I want to hurt myself, you always do"]
    result = Pipeline(STAND_INS).analyze(texts)
    assert [a.text for a in result] == texts
    assert result[0].emotions[0].label == "gratitude"
    assert result[0].patterns == () and result[0].risk == Risk() and result[0].rewrite is None
    assert result[1].patterns[0].label == "criticism"
    assert result[1].rewrite == "When ___ happens, I feel ___."
    assert result[2].risk.level == "crisis"


def test_rewrite_runs_only_on_harmful_texts_without_risk(fake_rewrite: list[str]) -> None:
    Pipeline(STAND_INS).analyze(
        ["thank you", "you always forget", "I want to hurt myself, you always do"]
    )
    assert fake_rewrite == ["you always forget"]


def test_fields_of_components_left_out_keep_their_empty_defaults() -> None:
    (a,) = Pipeline(["emotions"]).analyze(["I love you"])
    assert a.emotions[0].label == "love"
    assert a.patterns == () and a.risk == Risk() and a.rewrite is None


def test_a_component_must_come_after_what_it_needs() -> None:
    with pytest.raises(AnalysisError, match="'rewrite' needs patterns, risk"):
        Pipeline(["emotions", "rewrite"])
    with pytest.raises(AnalysisError, match="needs risk"):
        Pipeline([Component("patterns", "patterns", fake_patterns), "rewrite"])


def test_unknown_component_names_the_available_ones() -> None:
    with pytest.raises(AnalysisError, match="No analysis component named 'tone'.*emotions"):
        Pipeline(["tone"])


def test_component_must_add_a_field_once() -> None:
    with pytest.raises(AnalysisError, match="not a field"):
        Pipeline([Component("x", "mood", fake_patterns)])
    with pytest.raises(AnalysisError, match="Two components add 'patterns'"):
        Pipeline(
            [Component("a", "patterns", fake_patterns), Component("b", "patterns", fake_patterns)]
        )


def test_a_component_returning_the_wrong_count_is_caught() -> None:
    broken = Component("risk", "risk", lambda texts, found: [Risk()])
    with pytest.raises(AnalysisError, match="returned 1 results for 2 texts"):
        Pipeline([broken]).analyze(["a", "b"])


def test_default_pipeline_has_the_four_components_in_order() -> None:
    assert Pipeline().names == ("emotions", "patterns", "risk", "rewrite")
    assert set(COMPONENTS) == {"emotions", "patterns", "risk", "rewrite"}


@pytest.mark.parametrize(
    "analysis",
    [
        Analysis("plain"),
        Analysis('quo"te \\ back\nslash \u00e9 \U0001f600 \x00', (Label("joy", 0.123456789),)),
        Analysis(
            "you always",
            (Label("anger", 0.5), Label("annoyance", 1 / 3)),
            (PatternHit("criticism", 0.87654, 0, 10, 'a "why"'),),
            Risk("concern", "abuse", 0, 3),
            "When ___, I feel ___. \u2014",
        ),
    ],
)
def test_json_line_is_exactly_the_contract_dict(analysis: Analysis) -> None:
    line = to_json_line(analysis)
    assert line.endswith("\n") and line.count("\n") == 1
    assert line[:-1] == json.dumps(analysis.to_dict())
    assert json.loads(line)["text"] == analysis.text


def test_streaming_over_processes_keeps_order_and_matches_one_process() -> None:
    lines = [f"message {i}: thank you" if i % 3 else f"I miss you ({i})" for i in range(400)]
    data = ("\n".join(lines) + "\n").encode()
    single = "".join(analyze_stream(io.BytesIO(data), jobs=1, components=["emotions"]))
    multi = "".join(
        analyze_stream(io.BytesIO(data), jobs=2, components=["emotions"], chunk_bytes=512)
    )
    assert multi == single
    assert [json.loads(x)["text"] for x in multi.splitlines()] == lines


def test_default_pipeline_over_processes_matches_one_process() -> None:
    lines = ["you never listen to me", "thank you so much", "", "I miss you"] * 40
    data = ("\n".join(lines) + "\n").encode()
    single = "".join(analyze_stream(io.BytesIO(data), jobs=1))
    multi = "".join(analyze_stream(io.BytesIO(data), jobs=2, chunk_bytes=256))
    assert multi == single
    out = [json.loads(x) for x in multi.splitlines()]
    assert [o["text"] for o in out] == lines
    assert out[0]["patterns"] and out[1]["emotions"][0]["label"] == "gratitude"


def test_repeated_texts_are_analysed_once_and_returned_for_every_line() -> None:
    seen: list[str] = []

    def counting(texts: Sequence[str], found: Any) -> list[Risk]:
        seen.extend(texts)
        return [Risk("concern", "abuse", 0, 1) if t == "b" else Risk() for t in texts]

    result = Pipeline([Component("risk", "risk", counting)]).analyze(["a", "b", "a", "a", "b"])
    assert seen == ["a", "b"]
    assert [(a.text, a.risk.level) for a in result] == [
        ("a", "none"),
        ("b", "concern"),
        ("a", "none"),
        ("a", "none"),
        ("b", "concern"),
    ]
