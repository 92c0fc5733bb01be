"""The analysis pipeline: named components that each add one field of an ``Analysis``.

A component declares what it needs (fields added by components before it) and
what it adds. The default pipeline runs, in order:

=========  ================  ==========================================
name       needs             adds
=========  ================  ==========================================
emotions   (nothing)         ``emotions``: GoEmotions labels with scores
patterns   (nothing)         ``patterns``: patterns with spans and reasons
risk       (nothing)         ``risk``: safety triage
rewrite    patterns, risk    ``rewrite``: a gentler wording, or None
=========  ================  ==========================================

Components work on a whole batch of texts at once, which is what makes a
chat history of 200,000 messages quick to analyse.

>>> pipeline = Pipeline()
>>> [a.emotions[0].label for a in pipeline.analyze(["thank you so much!"])]
['gratitude']
>>> Pipeline(["emotions"]).names
('emotions',)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring_ascii
from typing import Any

from attune.analysis.types import NO_RISK, Analysis, Label, PatternHit, Risk
from attune.errors import AnalysisError

Found = Mapping[str, Sequence[Any]]
RunFn = Callable[[Sequence[str], Found], Sequence[Any]]

ANALYSIS_FIELDS: tuple[str, ...] = ("emotions", "patterns", "risk", "rewrite")


@dataclass(frozen=True, slots=True)
class Component:
    """One named step of the pipeline.

    ``run(texts, found)`` gets the batch and, in ``found``, the per-text results
    of the fields in ``needs``; it returns one result per text for ``adds``.
    """

    name: str
    adds: str
    run: RunFn
    needs: tuple[str, ...] = ()


def _emotions(texts: Sequence[str], found: Found) -> Sequence[Any]:
    from attune.analysis.emotions import predict_emotions

    return predict_emotions(texts)


def _patterns(texts: Sequence[str], found: Found) -> Sequence[Any]:
    from attune.analysis.patterns import detect_patterns

    hits: Sequence[Any] = detect_patterns(texts)
    return hits


def _risk(texts: Sequence[str], found: Found) -> Sequence[Any]:
    from attune.analysis.risk import assess_risk

    risks: Sequence[Any] = assess_risk(texts)
    return risks


def _rewrite(texts: Sequence[str], found: Found) -> Sequence[Any]:
    """Rewrite texts with harmful patterns; never texts the safety triage flagged.

    A gentler wording is coaching, and coaching is the wrong tool when someone
    may be in danger or under coercive control (SPEC.md, Safety).
    """
    from attune.analysis.rewrite import rewrite_message

    out: list[str | None] = [None] * len(texts)
    risks: Sequence[Risk] = found["risk"]
    hits_per_text: Sequence[tuple[PatternHit, ...]] = found["patterns"]
    for i, hits in enumerate(hits_per_text):
        if hits and risks[i].level == "none" and any(h.harmful for h in hits):
            out[i] = rewrite_message(texts[i], hits)
    return out


COMPONENTS: dict[str, Component] = {
    c.name: c
    for c in (
        Component("emotions", "emotions", _emotions),
        Component("patterns", "patterns", _patterns),
        Component("risk", "risk", _risk),
        Component("rewrite", "rewrite", _rewrite, needs=("patterns", "risk")),
    )
}
DEFAULT_COMPONENTS: tuple[str, ...] = ("emotions", "patterns", "risk", "rewrite")


class Pipeline:
    """Runs components over batches of texts and assembles one ``Analysis`` per text.

    Give component names (from ``COMPONENTS``) or ``Component`` objects, in
    the order to run them. Fields no component adds keep their empty defaults.
    """

    def __init__(self, components: Sequence[str | Component] = DEFAULT_COMPONENTS) -> None:
        resolved: list[Component] = []
        added: set[str] = set()
        for item in components:
            if isinstance(item, str):
                if item not in COMPONENTS:
                    raise AnalysisError(
                        f"No analysis component named {item!r}. Available: {', '.join(COMPONENTS)}."
                    )
                item = COMPONENTS[item]
            if item.adds not in ANALYSIS_FIELDS:
                raise AnalysisError(
                    f"Component {item.name!r} adds {item.adds!r}, which is not a field of an "
                    f"analysis. Fields: {', '.join(ANALYSIS_FIELDS)}."
                )
            if item.adds in added:
                raise AnalysisError(f"Two components add {item.adds!r}; keep only one of them.")
            missing = [n for n in item.needs if n not in added]
            if missing:
                raise AnalysisError(
                    f"Component {item.name!r} needs {', '.join(missing)}, which no earlier "
                    f"component adds. Put a component that adds it before {item.name!r}."
                )
            added.add(item.adds)
            resolved.append(item)
        self.components: tuple[Component, ...] = tuple(resolved)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.components)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.names)!r})"

    def run(self, texts: Sequence[str]) -> dict[str, Sequence[Any]]:
        """Each added field's per-text results, in input order."""
        found: dict[str, Sequence[Any]] = {}
        for component in self.components:
            result = component.run(texts, found)
            if len(result) != len(texts):
                raise AnalysisError(
                    f"Component {component.name!r} returned {len(result)} results for "
                    f"{len(texts)} texts; it must return exactly one per text."
                )
            found[component.adds] = result
        return found

    def analyze(self, texts: Sequence[str]) -> list[Analysis]:
        """One ``Analysis`` per text, in order.

        Repeated texts in a batch (chats are full of "ok" and "love you") are
        analysed once; every component is a pure function of the text.

        >>> Pipeline(["emotions"]).analyze(["I'm scared"])[0].emotions[0].label
        'fear'
        """
        first: dict[str, int] = {}
        for text in texts:
            first.setdefault(text, len(first))
        unique = list(first)
        if len(unique) < len(texts):
            results = self._analyze_unique(unique)
            return [results[first[text]] for text in texts]
        return self._analyze_unique(unique)

    def _analyze_unique(self, texts: list[str]) -> list[Analysis]:
        found = self.run(texts)
        n = len(texts)
        emotions: Sequence[tuple[Label, ...]] = found.get("emotions", [()] * n)
        patterns: Sequence[tuple[PatternHit, ...]] = found.get("patterns", [()] * n)
        risks: Sequence[Risk] = found.get("risk", [NO_RISK] * n)
        rewrites: Sequence[str | None] = found.get("rewrite", [None] * n)
        return [
            Analysis(text, tuple(e), tuple(p), r, w)
            for text, e, p, r, w in zip(texts, emotions, patterns, risks, rewrites, strict=True)
        ]

    def analyze_one(self, text: str) -> Analysis:
        """The ``Analysis`` of a single text."""
        return self.analyze([text])[0]

    def analyze_json(self, texts: Sequence[str]) -> str:
        """The analysis contract's JSON lines for ``texts``, each ending in a newline."""
        return "".join(to_json_line(a) for a in self.analyze(texts))


_NO_RISK_JSON = json.dumps(NO_RISK.to_dict())


def to_json_line(analysis: Analysis) -> str:
    """``json.dumps(analysis.to_dict())`` plus a newline, built faster for the common case."""
    emotions = ", ".join(
        f'{{"label": {encode_basestring_ascii(e.label)}, "score": {float(round(e.score, 4))!r}}}'
        for e in analysis.emotions
    )
    patterns = json.dumps([p.to_dict() for p in analysis.patterns]) if analysis.patterns else "[]"
    risk = _NO_RISK_JSON if analysis.risk == NO_RISK else json.dumps(analysis.risk.to_dict())
    rewrite = "null" if analysis.rewrite is None else encode_basestring_ascii(analysis.rewrite)
    return (
        f'{{"text": {encode_basestring_ascii(analysis.text)}, "emotions": [{emotions}], '
        f'"patterns": {patterns}, "risk": {risk}, "rewrite": {rewrite}}}\n'
    )


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def analyze(texts: Sequence[str]) -> list[Analysis]:
    """Analyse a batch of texts with the default pipeline, one ``Analysis`` each.

    >>> [a.text for a in analyze(["good morning", "thanks!"])]
    ['good morning', 'thanks!']
    """
    return default_pipeline().analyze(texts)


def analyze_one(text: str) -> Analysis:
    """Analyse one text with the default pipeline."""
    return default_pipeline().analyze_one(text)
