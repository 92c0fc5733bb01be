"""The value types the analysis pipeline produces.

They are plain frozen dataclasses so that results are cheap to build for a
whole chat history and easy to turn into the JSON of the analysis contract
(see ``Analysis.to_dict``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

RiskLevel = Literal["none", "concern", "crisis"]
RiskCategory = Literal["self_harm", "violence", "abuse"]

HARMFUL_PATTERNS: tuple[str, ...] = (
    "criticism",
    "contempt",
    "defensiveness",
    "stonewalling",
    "sarcasm",
    "ultimatum",
    "scorekeeping",
    "mind_reading",
    "dismissal",
)
POSITIVE_MARKERS: tuple[str, ...] = (
    "appreciation",
    "repair_attempt",
    "validation",
    "i_statement",
    "bid",
)
PATTERN_LABELS: tuple[str, ...] = HARMFUL_PATTERNS + POSITIVE_MARKERS


@dataclass(frozen=True, slots=True)
class Label:
    """A label with a score in [0, 1]."""

    label: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": round(self.score, 4)}


@dataclass(frozen=True, slots=True)
class PatternHit:
    """A pattern found in a text: which, how sure, where, and why in one line."""

    label: str
    score: float
    start: int
    end: int
    why: str

    @property
    def harmful(self) -> bool:
        return self.label in HARMFUL_PATTERNS

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "score": round(self.score, 4),
            "start": self.start,
            "end": self.end,
            "why": self.why,
        }


@dataclass(frozen=True, slots=True)
class Risk:
    """The safety triage of one text."""

    level: RiskLevel = "none"
    category: RiskCategory | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "category": self.category,
            "start": self.start,
            "end": self.end,
        }


NO_RISK = Risk()


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the pipeline found in one text."""

    text: str
    emotions: tuple[Label, ...] = ()
    patterns: tuple[PatternHit, ...] = ()
    risk: Risk = field(default=NO_RISK)
    rewrite: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of SPEC.md's analysis contract."""
        return {
            "text": self.text,
            "emotions": [e.to_dict() for e in self.emotions],
            "patterns": [p.to_dict() for p in self.patterns],
            "risk": self.risk.to_dict(),
            "rewrite": self.rewrite,
        }
