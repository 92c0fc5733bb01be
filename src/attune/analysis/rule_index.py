"""Choose, for one message, the few rules of a table that are worth trying.

Both detectors (:mod:`attune.analysis.patterns`, :mod:`attune.analysis.risk`)
ask a :class:`RuleIndex` which of their rules to run on a message. A rule is
chosen when

1. one of its hand-written prefilter ``keys`` is a token of the message (or
   one of its ``chars`` occurs in the text) -- exactly how the detectors have
   always chosen rules, so this step decides which rules *may* report; and
2. the message meets what one alternative of the rule's pattern needs
   (:func:`attune.analysis.prefilter.rule_needs`): whole words, the first
   letters of a word, a phrase, and finally the rule's regex.

Step 2 only drops rules that could not have matched anyway, so it never
changes a result; it drops nearly all of them, which is what makes scanning
a long chat history cheap.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from attune.analysis.prefilter import PREFIX, Need, rule_needs, split_alternatives
from attune.analysis.textnorm import Prepared

__all__ = ["RuleIndex", "needs_for"]

_Pairs = tuple[tuple[frozenset[str], frozenset[str]], ...]


def pattern_key(pattern: str) -> str:
    """The key of a rule's pattern in the shipped table of needs."""
    return hashlib.sha1(pattern.encode("utf-8")).hexdigest()[:16]


def needs_for(regex: re.Pattern[str]) -> tuple[Need, ...]:
    """:func:`rule_needs` of ``regex``, read from the shipped table when it is there.

    Reading the patterns takes about a second, so the results ship as a table
    (``prefilter_table.py``, written by ``python -m attune.analysis.rule_index``);
    a rule missing from it (just edited) is read at import instead.
    """
    from attune.analysis.prefilter_table import TABLE

    got = TABLE.get(pattern_key(regex.pattern))
    if got is None:
        return rule_needs(regex)
    patterns = split_alternatives(regex.pattern)
    return tuple(
        Need(
            tuple(frozenset(c.split()) for c in clauses),
            tuple(tuple(p.split("|")) for p in phrases),
            patterns[alt],
            anchored,
        )
        for alt, anchored, clauses, phrases in got
    )


class RuleIndex:
    """Which rules of a table can fire on a message; see the module docstring.

    The most selective clause of every alternative is tested for all
    alternatives at once: each word maps to an int with one bit per
    alternative whose clause holds it, so a few ``|`` and ``&`` over the
    message's words leave only the alternatives still possible.
    """

    def __init__(
        self,
        regexes: list[re.Pattern[str]],
        keys: list[frozenset[str]],
        chars: list[tuple[str, ...]] | None = None,
    ) -> None:
        key_mask: dict[str, int] = {}
        for i, words in enumerate(keys):
            for word in words:
                key_mask[word] = key_mask.get(word, 0) | (1 << i)
        char_mask: dict[str, int] = {}
        for i, cs in enumerate(chars or []):
            for c in cs:
                char_mask[c] = char_mask.get(c, 0) | (1 << i)

        self._prefix_rules = 0  # rules with a clause on the first letters of a word
        self._alt_rule: list[int] = []
        self._alt_rest: list[_Pairs] = []  # clauses after the first, as (words, prefixes)
        self._alt_phrases: list[tuple[tuple[str, ...], ...]] = []
        self._alt_test: list[Any] = []  # the rule's regex.match (anchored) or .search
        # Per stage k (the first two clauses of each alternative): word -> the
        # alternatives whose k-th clause holds it, the same for first letters, and
        # the alternatives with fewer than k + 1 clauses (they pass that stage).
        stage_words: list[dict[str, int]] = [{}, {}]
        stage_prefixes: list[dict[str, int]] = [{}, {}]
        lacking = [0, 0]
        for i, regex in enumerate(regexes):
            for need in needs_for(regex):
                bit = 1 << len(self._alt_rule)
                self._alt_rule.append(i)
                pairs = []
                for clause in need.clauses:
                    prefixes = frozenset(e[:-1] for e in clause if e.endswith("*"))
                    if prefixes:
                        self._prefix_rules |= 1 << i
                    pairs.append((frozenset(e for e in clause if not e.endswith("*")), prefixes))
                for k in range(2):
                    if k >= len(pairs):
                        lacking[k] |= bit
                        continue
                    for word in pairs[k][0]:
                        stage_words[k][word] = stage_words[k].get(word, 0) | bit
                    for start in pairs[k][1]:
                        stage_prefixes[k][start] = stage_prefixes[k].get(start, 0) | bit
                self._alt_rest.append(tuple(pairs[2:]))
                self._alt_phrases.append(need.phrases)
                self._alt_test.append(regex.match if need.anchored else regex.search)
        alts_of = [0] * len(regexes)
        for a, i in enumerate(self._alt_rule):
            alts_of[i] |= 1 << a
        # key -> (the rules it selects, their alternatives)
        self._key_table = {
            key: (mask, sum(alts_of[i] for i in _bits(mask))) for key, mask in key_mask.items()
        }
        self._keys = frozenset(self._key_table)
        self._char_table = tuple(
            (char, mask, sum(alts_of[i] for i in _bits(mask))) for char, mask in char_mask.items()
        )
        self._stages = tuple(
            (frozenset(w), w, frozenset(p), p, lack)
            for w, p, lack in zip(stage_words, stage_prefixes, lacking, strict=True)
        )

    def candidates(self, text: str, prepared: Prepared, needs: bool = True) -> list[int]:
        """Indices, in order, of the rules worth trying on one message.

        ``prepared`` is :func:`attune.analysis.textnorm.prepare` of ``text``;
        ``needs=False`` applies the hand-written keys only (step 1 of the module
        docstring).
        """
        folded, toks, words = prepared
        rules = alts = 0
        key_table = self._key_table
        for token in self._keys.intersection(toks):
            r, a = key_table[token]
            rules |= r
            alts |= a
        for char, r, a in self._char_table:
            if char in text:
                rules |= r
                alts |= a
        if not rules or not needs:
            return _bits(rules)
        starts = {w[:PREFIX] for w in words} if rules & self._prefix_rules else None
        for word_set, word_bits, prefix_set, prefix_bits, hit in self._stages:
            for word in word_set.intersection(words):
                hit |= word_bits[word]
            if starts:
                for start in prefix_set.intersection(starts):
                    hit |= prefix_bits[start]
            alts &= hit
            if not alts:
                return []
        accepted = 0
        alt_rule = self._alt_rule
        while alts:
            a = alts.bit_length() - 1
            alts ^= 1 << a
            rule = 1 << alt_rule[a]
            if accepted & rule:
                continue
            for need_words, need_prefixes in self._alt_rest[a]:
                if need_words.isdisjoint(words) and (
                    starts is None or need_prefixes.isdisjoint(starts)
                ):
                    break
            else:
                if self._test(a, folded):
                    accepted |= rule
        return _bits(accepted)

    def _test(self, a: int, folded: str) -> bool:
        """Whether alternative ``a``'s phrases occur and its rule's regex can match.

        The whole rule's regex stands in for the alternative's own: it matches
        wherever the alternative does, and it is compiled already. (An
        alternative anchored at the start only needs a try at position 0.)
        """
        for phrase in self._alt_phrases[a]:
            for p in phrase:
                if p in folded:
                    break
            else:
                return False
        return self._alt_test[a](folded) is not None


def _bits(mask: int) -> list[int]:
    """Positions of the set bits of ``mask``, lowest first."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def write_table(path: str) -> int:
    """Write the table of needs of every shipped rule to ``path``; returns the rule count.

    Per rule, one entry per alternative: (index among the rule's top-level
    alternatives, anchored, clauses as space-separated words, phrases as
    ``|``-separated strings).
    """
    from attune.analysis.pattern_rules import R
    from attune.analysis.risk_rules import RULES

    lines = [
        '"""What each shipped rule needs before it can match: generated, do not edit.',
        "",
        "Written by ``python -m attune.analysis.rule_index`` from",
        ":func:`attune.analysis.prefilter.rule_needs`, keyed by a hash of the pattern;",
        "see :func:`attune.analysis.rule_index.write_table` for the layout.",
        '"""',
        "",
        "# ruff: noqa: E501",
        "",
        "from typing import Any",
        "",
        "# fmt: off",
        "TABLE: dict[str, Any] = {",
    ]
    done: set[str] = set()
    for regex in [r.regex for r in R] + [r.regex for r in RULES]:
        key = pattern_key(regex.pattern)
        if key in done:
            continue
        done.add(key)
        patterns = split_alternatives(regex.pattern)
        entry = tuple(
            (
                patterns.index(n.pattern),
                n.anchored,
                tuple(" ".join(sorted(c)) for c in n.clauses),
                tuple("|".join(p) for p in n.phrases),
            )
            for n in rule_needs(regex)
        )
        lines.append(f"    {key!r}: {entry!r},")
    lines += ["}", "# fmt: on"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return len(done)


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    from pathlib import Path

    out = Path(__file__).with_name("prefilter_table.py")
    print(f"wrote {write_table(str(out))} rules to {out}")
