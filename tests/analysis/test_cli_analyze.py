"""``attune analyze``: the analysis contract of SPEC.md, through click's runner."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from typing import Any

import pytest
from click.testing import CliRunner

from attune.analysis.pipeline import COMPONENTS, Component
from attune.analysis.types import Risk
from attune.cli import main

KEYS = {"text", "emotions", "patterns", "risk", "rewrite"}


@pytest.fixture(autouse=True)
def components(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use the real components; stand in for any that has not been written yet."""

    def nothing(texts: Sequence[str], found: Any) -> list[Any]:
        return [()] * len(texts)

    stand_ins = {
        "patterns": Component("patterns", "patterns", nothing),
        "risk": Component("risk", "risk", lambda texts, found: [Risk()] * len(texts)),
        "rewrite": Component(
            "rewrite", "rewrite", lambda t, f: [None] * len(t), needs=("patterns", "risk")
        ),
    }
    for name, component in stand_ins.items():
        if importlib.util.find_spec(f"attune.analysis.{name}") is None:
            monkeypatch.setitem(COMPONENTS, name, component)


def run(data: bytes, *args: str) -> Any:
    return CliRunner().invoke(main, ["analyze", *args], input=data)


def lines_of(result: Any) -> list[dict[str, Any]]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_plain_lines_give_one_object_each_in_order() -> None:
    texts = ["thank you so much", "I love you", "what do you mean?", "haha that is hilarious"]
    out = lines_of(run(("\n".join(texts) + "\n").encode()))
    assert [o["text"] for o in out] == texts
    for o in out:
        assert set(o) == KEYS
        assert o["risk"].keys() == {"level", "category", "start", "end"}
        assert o["risk"]["level"] in {"none", "concern", "crisis"}
    assert out[0]["emotions"][0]["label"] == "gratitude"
    assert out[3]["emotions"][0]["label"] == "amusement"


def test_emotions_are_label_score_pairs_highest_first() -> None:
    (o,) = lines_of(run(b"I'm so sorry, that was completely my fault\n"))
    scores = [e["score"] for e in o["emotions"]]
    assert o["emotions"] and all(set(e) == {"label", "score"} for e in o["emotions"])
    assert scores == sorted(scores, reverse=True)


def test_empty_lines_give_empty_results_so_lines_still_match() -> None:
    out = lines_of(run(b"hello\n\nthanks\n"))
    assert [o["text"] for o in out] == ["hello", "", "thanks"]
    assert out[1]["emotions"] == [] and out[1]["patterns"] == [] and out[1]["rewrite"] is None


def test_windows_line_endings_and_a_missing_final_newline() -> None:
    out = lines_of(run(b"first\r\nsecond"))
    assert [o["text"] for o in out] == ["first", "second"]


def test_empty_input_gives_no_output() -> None:
    result = run(b"")
    assert result.exit_code == 0 and result.stdout == ""


def test_unicode_text_round_trips() -> None:
    text = "Ich vermisse dich \u2764\ufe0f \u2014 \u00e7a va? \U0001f622"
    (o,) = lines_of(run(text.encode() + b"\n"))
    assert o["text"] == text


def test_jsonl_reads_the_text_field_and_skips_blank_lines() -> None:
    data = (
        json.dumps({"text": "thank you so much", "sender": "Sam"})
        + "\n\n"
        + json.dumps({"text": "line one\nline two"})
        + "\n"
    ).encode()
    out = lines_of(run(data, "--jsonl"))
    assert [o["text"] for o in out] == ["thank you so much", "line one\nline two"]
    assert out[0]["emotions"][0]["label"] == "gratitude"


def test_jsonl_line_without_text_names_the_line() -> None:
    data = b'{"text": "hi"}\n{"body": "private words"}\n'
    result = run(data, "--jsonl")
    assert result.exit_code == 1
    assert 'Line 2 has no "text" field' in result.output
    assert "private words" not in result.output


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"text": "unterminated}', "Line 3 is not valid JSON"),
        (b'["text", "a list"]', "Line 3 is a JSON list, not an object"),
        (b'{"text": 42}', 'Line 3: "text" is a JSON int, not a string'),
    ],
)
def test_jsonl_bad_lines_name_the_line(line: bytes, message: str) -> None:
    result = run(b'{"text": "a"}\n{"text": "b"}\n' + line + b"\n", "--jsonl")
    assert result.exit_code == 1
    assert message in result.output


def test_bytes_that_are_not_utf8_name_the_line_and_leave_the_text_out() -> None:
    result = run(b"fine\nalso fine\nsecret \xff\xfe words\n")
    assert result.exit_code == 1
    assert "Line 3 is not valid UTF-8" in result.output
    assert "byte 8" in result.output
    assert "secret" not in result.output
    assert "Traceback" not in result.output


def test_output_is_deterministic() -> None:
    data = b"you never listen\nthanks for dinner\nI'm scared\n"
    assert run(data).stdout == run(data).stdout


def test_help_describes_the_input_forms() -> None:
    result = CliRunner().invoke(main, ["analyze", "--help"])
    assert result.exit_code == 0
    assert "--jsonl" in result.output and "one JSON object" in result.output
