"""Fixtures for the coach tests.

Until the analysis engine's risk, pattern and rewrite modules are in the tree,
small stand-ins are installed here (tests only) so the coach's own behaviour
can be tested; once the real modules exist they are used instead.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import types
from collections.abc import Iterator, Sequence

import pytest

from attune.analysis.types import NO_RISK, PatternHit, Risk


def _missing(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is None
    except ModuleNotFoundError:
        return True


_CRISIS_SELF = re.compile(
    r"kill myself|end my life|suicid|hurt myself|want to die|don'?t want to be alive|"
    r"not be here anymore|cut myself",
    re.I,
)
_CRISIS_VIOLENCE = re.compile(
    r"threatened to kill|going to kill (?:him|her|them)|hit me|choked", re.I
)
_CONCERN = re.compile(
    r"checks my phone|tracks my|won'?t let me see|controls (?:all )?(?:the|my) money|"
    r"afraid of (?:him|her|them)|forced me|isolat",
    re.I,
)


def _assess_risk(texts: Sequence[str]) -> list[Risk]:
    out = []
    for t in texts:
        for rx, level, cat in (
            (_CRISIS_SELF, "crisis", "self_harm"),
            (_CRISIS_VIOLENCE, "crisis", "violence"),
            (_CONCERN, "concern", "abuse"),
        ):
            m = rx.search(t)
            if m:
                out.append(Risk(level, cat, m.start(), m.end()))  # type: ignore[arg-type]
                break
        else:
            out.append(NO_RISK)
    return out


_PATTERNS = (
    (re.compile(r"you (?:always|never)", re.I), "criticism", "attacks character"),
    (re.compile(r"pathetic|idiot|loser|disgusting", re.I), "contempt", "mockery or disgust"),
    (re.compile(r"calm down|too sensitive", re.I), "dismissal", "brushes feelings aside"),
)


def _detect_patterns(texts: Sequence[str]) -> list[tuple[PatternHit, ...]]:
    out = []
    for t in texts:
        hits = []
        for rx, label, why in _PATTERNS:
            m = rx.search(t)
            if m:
                hits.append(PatternHit(label, 0.9, m.start(), m.end(), why))
        out.append(tuple(hits))
    return out


def _rewrite_message(text: str, hits: Sequence[PatternHit]) -> str:
    return "When [what happened], I felt [feeling]. Could we [request]?"


def _install(name: str, **attrs: object) -> None:
    module = types.ModuleType(name)
    for k, v in attrs.items():
        setattr(module, k, v)
    sys.modules[name] = module


STAND_INS: list[str] = []
if _missing("attune.analysis.risk"):
    _install("attune.analysis.risk", assess_risk=_assess_risk)
    STAND_INS.append("risk")
if _missing("attune.analysis.patterns"):
    _install("attune.analysis.patterns", detect_patterns=_detect_patterns)
    STAND_INS.append("patterns")
if _missing("attune.analysis.rewrite"):
    _install("attune.analysis.rewrite", rewrite_message=_rewrite_message)
    STAND_INS.append("rewrite")


@pytest.fixture
def people(store):  # type: ignore[no-untyped-def]
    """Two paired people (Alex and Sam) in the US."""
    from conftest import make_pair

    return make_pair(store)


@pytest.fixture
def alone(store) -> Iterator[int]:  # type: ignore[no-untyped-def]
    from attune.domain import create_person

    yield create_person(store, "robin", "Robin").id
