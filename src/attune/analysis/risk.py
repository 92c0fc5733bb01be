"""Safety triage: find suicidal thinking, self-harm, violence and abuse in a message.

Each text gets a :class:`~attune.analysis.types.Risk`: the level (``none``,
``concern`` or ``crisis``), the category (``self_harm``, ``violence`` or
``abuse``) and the span of the words that raised it. The rules (see
:mod:`attune.analysis.risk_rules`) cover indirect and slang phrasings, and the
triage leans towards flagging: missing a crisis costs more than a false alarm.

What it does not flag: figures of speech ("this traffic is killing me", "I could
murder a burger", "shoot me a text", "I'm dying to see you"). Those phrases never
match a rule in the first place; a few hyperbole-prone phrases ("I wanna die")
are cancelled only by a clear joke marker, and threats to "kill you" by
laughter ("I'll kill you if you spoil the finale lol").

A denied or past self-harm mention ("I would never hurt myself", "I used to
cut") is ``concern`` with category ``self_harm`` instead of ``crisis``, unless
the message also says *now* ("not tonight", "yet").

Usage::

    >>> from attune.analysis.risk import assess_risk
    >>> assess_risk(["everyone would be better off without me"])[0].level
    'crisis'
    >>> assess_risk(["this traffic is killing me"])[0].level
    'none'

The common case (no trigger word) costs a word-set lookup, so calling it on
every message, one text at a time, is cheap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attune.analysis.risk_rules import RULES, RiskRule
from attune.analysis.rule_index import RuleIndex
from attune.analysis.textnorm import first_chars, prepare, word_starts
from attune.analysis.types import NO_RISK, Risk

__all__ = ["assess_risk"]

_FIRST = [first_chars(rule.regex) for rule in RULES]
# Prefilter: a rule runs only when one of its keys occurs in the message and the
# message holds the words its pattern cannot match without.
_INDEX = RuleIndex([rule.regex for rule in RULES], [rule.keys for rule in RULES])
# Tests switch these off to check that neither filter ever changes a result.
_USE_PREFILTER = True
_USE_NEEDS = True

_NEGATION_RE = re.compile(
    r"(?:\b(?:never|not|no longer|don'?t|dont|do not|wouldn'?t|won'?t|wont|isn'?t|am not|"
    r"i'?m not|im not|didn'?t)\b(?:\s+\w+){0,3}\s*$)|(?:\bused to\b(?:\s+\w+){0,2}\s*$)|"
    r"(?:\b(?:asked|asks|ask) (?:me )?(?:if|whether|about)\b[^.!?]{0,30}$)"
)
_NOW_RE = re.compile(r"\b(?:tonight|today|yet|right now|this time|anymore|any more)\b")
_JOKE_RE = re.compile(r"\b(?:lol|lmao|lmfao|haha\w*|jk|rofl)\b|😂|🤣|💀|😆|😅")
_LEVEL = {"none": 0, "concern": 1, "crisis": 2}


def _assess(text: str) -> Risk:
    if not text:
        return NO_RISK
    prepared = prepare(text)
    folded = prepared.folded
    if _USE_PREFILTER:
        chosen = _INDEX.candidates(text, prepared, _USE_NEEDS)
        if not chosen:
            return NO_RISK
    else:
        chosen = list(range(len(RULES)))
    starts = word_starts(folded)
    best: Risk = NO_RISK
    best_rank = 0
    for i in chosen:
        rule = RULES[i]
        first = _FIRST[i]
        if first is None:
            found = [m for m in rule.regex.finditer(folded)]
        else:
            positions = sorted(p for c, ps in starts.items() if c in first for p in ps)
            found = [m for p in positions if (m := rule.regex.match(folded, p)) is not None]
        for m in found:
            level = _level(rule, m, folded)
            if level == "none":
                continue
            category = rule.category
            rank = _LEVEL[level] * 10 + (2 if category == "self_harm" else 1)
            if rank > best_rank:
                best_rank = rank
                best = Risk(level=level, category=category, start=m.start(), end=m.end())  # type: ignore[arg-type]
            break
        if best_rank >= 22:  # a self-harm crisis: nothing ranks higher
            break
    return best


def _level(rule: RiskRule, m: re.Match[str], folded: str) -> str:
    """The level this match raises once its context is read."""
    if rule.unless is not None and rule.unless.search(folded):
        return "none"
    if rule.kind == "weak" and _JOKE_RE.search(folded):
        return "none"
    if (
        rule.kind == "threat"
        and _JOKE_RE.search(folded)
        and "gun" not in folded
        and ("knife" not in folded)
    ):
        return "none"
    if rule.category == "self_harm" and rule.level == "crisis":
        before = folded[max(0, m.start() - 40) : m.start()]
        if _NEGATION_RE.search(before) and not _NOW_RE.search(folded[m.end() : m.end() + 40]):
            return "concern"
    return rule.level


def assess_risk(texts: Sequence[str]) -> list[Risk]:
    """Triage each text for safety risk: level, category and evidence span.

    ``start``/``end`` are character offsets into the original text of the words
    that raised the level; they are ``None`` when the level is ``none``.

    >>> r = assess_risk(["He checks my phone every night."])[0]
    >>> r.level, r.category
    ('concern', 'abuse')
    """
    return [_assess(text) for text in texts]
