"""Message analysis ("tone check"): emotions, patterns, safety risk and a gentler rewrite.

Pure functions over text, for the library, the CLI, the web app and the coach.
``analyze`` runs the whole pipeline over a batch; the components can also be
called on their own.

>>> from attune.analysis import analyze_one
>>> analyze_one("thank you so much").emotions[0].label
'gratitude'

The component functions ``detect_patterns``, ``assess_risk`` and
``rewrite_message`` are imported on first use, so that ``import
attune.analysis`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from attune.analysis.pipeline import Component, Pipeline, analyze, analyze_one
from attune.analysis.types import Analysis, Label, PatternHit, Risk

if TYPE_CHECKING:
    from attune.analysis.emotions import predict_emotions
    from attune.analysis.patterns import detect_patterns
    from attune.analysis.rewrite import rewrite_message
    from attune.analysis.risk import assess_risk

__all__ = [
    "Analysis",
    "Component",
    "Label",
    "PatternHit",
    "Pipeline",
    "Risk",
    "analyze",
    "analyze_one",
    "assess_risk",
    "detect_patterns",
    "predict_emotions",
    "rewrite_message",
]

_LAZY = {
    "predict_emotions": "attune.analysis.emotions",
    "detect_patterns": "attune.analysis.patterns",
    "assess_risk": "attune.analysis.risk",
    "rewrite_message": "attune.analysis.rewrite",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'attune.analysis' has no attribute {name!r}")
