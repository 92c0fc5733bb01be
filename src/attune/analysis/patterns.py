"""Find the patterns that erode connection, and the positive markers, in messages.

Nine harmful patterns (criticism, contempt, defensiveness, stonewalling,
sarcasm, ultimatum, scorekeeping, mind reading, dismissal) and five positive
markers (appreciation, repair attempt, validation, I-statement, bid) are found
by rules over families of phrasings (see :mod:`attune.analysis.pattern_rules`).
Each hit carries the span of text that triggered it and a one-line reason.

The rules are context aware in the ways that matter most in real messages:

* **quoted or reported speech** (``she told me "you always do this"``) is not
  the writer's own pattern;
* **negation frames** ("I'm not saying you never help", "I don't think you're
  overreacting") cancel the harmful reading;
* **hedges** ("I feel like you...") soften criticism and mind reading;
* **honest questions** ("Do you always take the bus?") are not criticism, and
  warm endings ("you always make me laugh") are appreciation, not criticism;
* **sarcasm** cancels the praise words it wraps ("thanks for nothing").

Usage::

    >>> from attune.analysis.patterns import detect_patterns
    >>> [h.label for h in detect_patterns(["You never listen. Leave me alone."])[0]]
    ['criticism', 'stonewalling']

A rule runs only when its prefilter words are present and the message holds
what its pattern cannot match without (:mod:`attune.analysis.rule_index`), so
most messages cost a few set operations and a whole chat history scans quickly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attune.analysis.pattern_rules import R, Rule
from attune.analysis.rule_index import RuleIndex
from attune.analysis.textnorm import (
    clause_end,
    clause_start,
    expand,
    first_chars,
    prepare,
    word_starts,
)
from attune.analysis.types import HARMFUL_PATTERNS, PATTERN_LABELS, PatternHit

__all__ = ["PATTERN_THRESHOLD", "detect_patterns", "score_patterns"]

#: A label is reported when its score reaches this value.
PATTERN_THRESHOLD = 0.5
# How much a cancelling context keeps of a rule's weight (below the threshold).
_DAMPEN = 0.3

_HARMFUL = frozenset(HARMFUL_PATTERNS)


def _first(rule: Rule) -> frozenset[str]:
    chars = first_chars(rule.regex)
    if chars is None:  # pragma: no cover - every shipped rule has a known first character
        raise ValueError(f"rule for {rule.label} can start anywhere; anchor it on a word")
    return chars


_RULES = [(rule, _first(rule)) for rule in R]
# Prefilter: a rule runs only when one of its keys (or chars) occurs in the message
# and the message holds what its pattern cannot match without.
_INDEX = RuleIndex([r.regex for r in R], [r.keys for r in R], [r.chars for r in R])
# Tests switch these off to check that neither filter ever changes a result.
_USE_PREFILTER = True
_USE_NEEDS = True

_QUOTE_RE = re.compile(r'"[^"\n]*(?:"|$)')
_REPORT_RE = re.compile(
    r"\b(?!(?:i|and|then|just|you|u|we|also|nobody|never|no)\b)"
    r"(?:[a-z]+|my [a-z]+|his [a-z]+|her [a-z]+|"
    r"their [a-z]+|the [a-z]+) (?:said|says|told (?:me|him|her|them|us|everyone|the [a-z]+)|"
    r"tells (?:me|him|her|them|us)|keeps? saying|kept saying|used to say|was like|texted(?: me)?|"
    r"wrote|yelled|screamed|shouted|goes|went like)\b"
)
_REPORT_VERBS = (
    "said",
    "says",
    "told",
    "tells",
    "saying",
    "say",
    "like",
    "texted",
    "wrote",
    "yelled",
    "screamed",
    "shouted",
    "goes",
)
_NEG_FRAME_RE = re.compile(
    r"\b(?:not|never|n't|nt|didn'?t|don'?t|dont|wasn'?t|isn'?t|wouldn'?t|would never|"
    r"i'?d never)\s+(?:\w+\s+){0,2}?(?:saying|say|said|mean|meant|think|thought|calling|call|"
    r"accusing|claiming|implying|suggesting|trying to (?:say|blame)|that)\b|"
    r"(?:it'?s|its|it is) not that\b|\bnot because\b"
)
_HEDGE_RE = re.compile(
    r"\b(?:i feel like|it feels like|i feel as if|it seems like|sometimes i worry|i wonder if|"
    r"i'?m afraid that|i worry that)\b"
)
_YESNO_RE = re.compile(
    expand(r"^\s*(?:do|does|did|are|is|have|has|will|would|can|could|were)\s+(?:{you}|{youre})\b")
)
_HAVE_TO_RE = re.compile(r"\b(?:have to|gotta|got to|need to|has to)\b")
_WARM_EMOJI = ("😄", "😊", "😁", "😆", "🥰", "😍", "❤", "💕", "😘", "😀", "🙂", "☺", "💛", "💖")
_SOFTENED_BY_WARMTH = frozenset({"criticism", "mind_reading", "sarcasm", "dismissal"})
_SINCERE_ONLY = frozenset({"appreciation", "validation"})
_UNLESS_WHOLE_MESSAGE = frozenset({"stonewalling", "scorekeeping"})
_CONDITIONAL_SENSITIVE = frozenset({"criticism", "stonewalling"})
_IF_BEFORE_RE = re.compile(expand(r"\bif(?: {you}| {youre}| i)?\s*$"))


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and stray punctuation from the edges of a span."""
    while start < end and (text[start].isspace() or text[start] in ".,;:!?-"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Context:
    """Lazily computed facts about one folded message."""

    __slots__ = ("folded", "_regions", "warm")

    def __init__(self, folded: str, text: str) -> None:
        self.folded = folded
        self._regions: list[tuple[int, int]] | None = None
        self.warm = any(e in text for e in _WARM_EMOJI)

    def quoted(self, start: int, end: int) -> bool:
        if self._regions is None:
            regions = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(self.folded)]
            has_report = any(v in self.folded for v in _REPORT_VERBS)
            for m in _REPORT_RE.finditer(self.folded) if has_report else ():
                stop = re.search(r"[.!?\n]", self.folded[m.end() :])
                regions.append((m.end(), m.end() + stop.start() if stop else len(self.folded)))
            self._regions = regions
        return any(a <= start and end <= b for a, b in self._regions)


def _dampened(rule: Rule, m: re.Match[str], ctx: _Context) -> bool:
    """True when the context cancels this match (quote, negation, hedge, ...)."""
    folded = ctx.folded
    start, end = m.start(), m.end()
    if ctx.quoted(start, end):
        return True
    if rule.unless is not None:
        whole = rule.label in _UNLESS_WHOLE_MESSAGE
        rest = folded[end:] if whole else folded[end : clause_end(folded, end)]
        if rule.unless.search(rest) or (
            rule.label == "dismissal"
            and rule.unless.search(folded[clause_start(folded, start) : start])
        ):
            return True
    if rule.label not in _HARMFUL:
        return False
    if ctx.warm and rule.label in _SOFTENED_BY_WARMTH:
        return True
    cstart = clause_start(folded, start)
    before = folded[cstart:start]
    if _NEG_FRAME_RE.search(before):
        return True
    if rule.label in ("criticism", "mind_reading"):
        if _HEDGE_RE.search(before):
            return True
        # An honest yes/no question ("Do you always take the bus?") is not an accusation.
        sentence_end = re.search(r"[.!?\n]", folded[end:])
        closing = folded[end + sentence_end.start()] if sentence_end else ""
        if (
            closing == "?"
            and _YESNO_RE.search(folded[cstart:end])
            and not _HAVE_TO_RE.search(folded)
        ):
            return True
    # Conditionals ("if you never try...", "if u dont call me") describe, not accuse.
    return rule.label in _CONDITIONAL_SENSITIVE and bool(_IF_BEFORE_RE.search(before))


_Found = dict[str, tuple[float, int, int, str]]


def _analyse(text: str) -> _Found:
    """Score every label for one message: label -> (score, start, end, why)."""
    if not text:
        return {}
    prepared = prepare(text)
    folded = prepared.folded
    if _USE_PREFILTER:
        todo = _INDEX.candidates(text, prepared, _USE_NEEDS)
        if not todo:
            return {}
        chosen = [_RULES[i] for i in todo]
    else:
        chosen = _RULES
    starts = word_starts(folded)
    ctx = _Context(folded, text)
    miss: dict[str, float] = {}  # product of (1 - weight) per label
    best: dict[str, tuple[float, int, int, str]] = {}
    for rule, first in chosen:
        match = rule.regex.match
        for pos in sorted(p for c, ps in starts.items() if c in first for p in ps):
            m = match(folded, pos)
            if m is None:
                continue
            weight = rule.weight * (_DAMPEN if _dampened(rule, m, ctx) else 1.0)
            miss[rule.label] = miss.get(rule.label, 1.0) * (1.0 - weight)
            if weight > best.get(rule.label, (0.0,))[0]:
                best[rule.label] = (weight, m.start(), m.end(), rule.why)
            if weight >= PATTERN_THRESHOLD:
                break
    found: _Found = {}
    for label, (_, start, end, why) in best.items():
        s, e = _span(text, start, end)
        found[label] = (1.0 - miss[label], s, e, why)
    return _resolve(found)


def _resolve(found: _Found) -> _Found:
    """Settle labels that contradict each other in one message."""
    fired = {k for k, v in found.items() if v[0] >= PATTERN_THRESHOLD}
    if not fired:
        return found
    drop: set[str] = set()
    if "sarcasm" in fired:
        drop |= _SINCERE_ONLY  # praise inside sarcasm is not sincere
    for harm in fired & _HARMFUL:
        _, hs, he, _ = found[harm]
        for pos in fired - _HARMFUL:
            _, ps, pe, _ = found[pos]
            if ps < he and hs < pe:
                drop.add(pos)
    if "repair_attempt" in fired and "bid" in fired:
        _, rs, re_, _ = found["repair_attempt"]
        _, bs, be, _ = found["bid"]
        if bs < re_ and rs < be:
            drop.add("bid")
    for label in drop & fired:
        score, s, e, why = found[label]
        found[label] = (min(score, PATTERN_THRESHOLD) * _DAMPEN, s, e, why)
    return found


def score_patterns(texts: Sequence[str]) -> list[dict[str, float]]:
    """Score every pattern label for each text, including those below the threshold.

    >>> score_patterns(["You never listen."])[0]["criticism"] >= PATTERN_THRESHOLD
    True
    """
    out: list[dict[str, float]] = []
    for text in texts:
        found = _analyse(text)
        out.append(
            {
                label: round(found[label][0], 4) if label in found else 0.0
                for label in PATTERN_LABELS
            }
        )
    return out


def detect_patterns(texts: Sequence[str]) -> list[tuple[PatternHit, ...]]:
    """Find the patterns above their decision threshold in each text, in label order.

    Returns one tuple per text; each :class:`PatternHit` has the label, its score,
    the ``start``/``end`` character offsets of the triggering words in the original
    text, and a one-line ``why``.

    >>> hit = detect_patterns(["Calm down, it's not a big deal."])[0][0]
    >>> hit.label, hit.start
    ('dismissal', 0)
    """
    out: list[tuple[PatternHit, ...]] = []
    order = {label: i for i, label in enumerate(PATTERN_LABELS)}
    for text in texts:
        found = _analyse(text)
        if not found:  # most messages
            out.append(())
            continue
        hits = [
            PatternHit(label=label, score=round(score, 4), start=s, end=e, why=why)
            for label, (score, s, e, why) in found.items()
            if score >= PATTERN_THRESHOLD
        ]
        hits.sort(key=lambda h: order[h.label])
        out.append(tuple(hits))
    return out
