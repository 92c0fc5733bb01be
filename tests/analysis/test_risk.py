"""Safety triage: slang and indirect crises, coercive control, figures of speech, thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import attune.analysis.risk as risk_mod
from attune.analysis.risk import assess_risk
from attune.analysis.types import NO_RISK

DEV = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "risk_dev.jsonl"


def one(text: str):  # noqa: ANN201 - tiny helper
    return assess_risk([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "kms",
        "thinking about unaliving tbh",
        "I don't want to wake up tomorrow.",
        "Everyone would be better off without me.",
        "i've been saving up my pills",
        "I wrote goodbye letters to my kids.",
        "i cut myself last night",
        "If you leave me I'll kill myself.",
    ],
)
def test_self_harm_slang_and_indirect_phrasings_are_crisis(text: str) -> None:
    risk = one(text)
    assert (risk.level, risk.category) == ("crisis", "self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "He choked me until I almost passed out.",
        "He held a knife to my neck.",
        "She threatened to hurt the kids.",
        "I'm going to kill you.",
        "i got hit again",
    ],
)
def test_violence_and_threats_are_crisis(text: str) -> None:
    risk = one(text)
    assert (risk.level, risk.category) == ("crisis", "violence")


@pytest.mark.parametrize(
    "text",
    [
        "He checks my phone every night.",
        "She installed a tracking app on my phone.",
        "He won't let me see my friends.",
        "I need his permission to go anywhere.",
        "He takes my paycheck and gives me an allowance.",
        "He threatens to take the kids if I leave.",
        "He pressures me into sex when I say no.",
        "Give me your phone.",
    ],
)
def test_coercive_control_is_concern_abuse(text: str) -> None:
    risk = one(text)
    assert (risk.level, risk.category) == ("concern", "abuse")


@pytest.mark.parametrize(
    "text",
    [
        "This traffic is killing me.",
        "I could murder a burger right now.",
        "That was a killer workout.",
        "I'm dying to see you.",
        "That joke killed.",
        "My feet are killing me.",
        "I'd kill for a coffee.",
        "I'm dead tired.",
        "Shoot me a text when you land.",
        "I'll kill you if you spoil the finale lol",
        "I cut my finger chopping onions.",
        "Can you check my phone? I think the screen is cracked.",
    ],
)
def test_figures_of_speech_are_not_flagged(text: str) -> None:
    assert one(text) == NO_RISK


def test_denied_self_harm_is_concern_not_crisis() -> None:
    assert one("I would never hurt myself, I just need to vent.").level == "concern"
    assert one("I'm not going to kill myself tonight, but I want to.").level == "crisis"


def test_evidence_span_points_at_the_words() -> None:
    text = "Honestly? Everyone would be better off without me."
    risk = one(text)
    assert risk.start is not None and risk.end is not None
    assert "better off without me" in text[risk.start : risk.end]


def test_single_text_call_and_empty() -> None:
    assert assess_risk([""]) == [NO_RISK]
    assert assess_risk([]) == []


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]


def test_prefilter_never_changes_results(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [str(r["text"]) for r in _rows()]
    fast = assess_risk(texts)
    monkeypatch.setattr(risk_mod, "_USE_PREFILTER", False)
    assert assess_risk(texts) == fast


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_own_set_thresholds(split: str) -> None:
    """Regression guard on the project's own sets (see benchmarks/eval_risk.py)."""
    rows = [r for r in _rows() if r["split"] == split]
    risks = assess_risk([str(r["text"]) for r in rows])
    by_set: dict[str, list[tuple[dict[str, object], object]]] = {}
    for row, risk in zip(rows, risks, strict=True):
        by_set.setdefault(str(row["set"]), []).append((row, risk))
    crisis = by_set["crisis"]
    assert sum(r.level == "crisis" for _, r in crisis) / len(crisis) >= 0.95  # type: ignore[attr-defined]
    assert sum(r.level != "none" for _, r in crisis) / len(crisis) >= 0.98  # type: ignore[attr-defined]
    abuse = by_set["abuse"]
    assert sum(r.level != "none" for _, r in abuse) / len(abuse) >= 0.90  # type: ignore[attr-defined]
    figures = by_set["figures"]
    assert sum(r.level != "none" for _, r in figures) / len(figures) <= 0.05  # type: ignore[attr-defined]
