"""Word clauses read out of a rule's regular expression, to skip rules cheaply.

A rule can only match a text that holds certain whole words: ``{you} always``
needs "always" and one of "you", "u", "ya"... :func:`word_clauses` finds such
words in the compiled pattern and returns them as *clauses*: any text the rule
matches contains at least one word of every clause. Testing the clauses
against the set of words of a message is a few set operations, far cheaper
than trying the regex, and it never skips a rule that could match, because the
clauses come from the pattern itself rather than from a hand-written list.

A "word" here is a maximal run of ``[a-z0-9]`` in the folded text: an
apostrophe splits ("you're" holds "you" and "re"); see
:func:`attune.analysis.textnorm.prepare`. :class:`attune.analysis.rule_index.RuleIndex`
puts the clauses to use.

The analysis is deliberately conservative. A run of literal letters counts as
a word only where the pattern guarantees a non-word character (or the edge of
the text) on both sides of it; anything it cannot read (``\\w+``, ``[^.!?]``,
long products of alternatives) simply contributes no clause.
"""

from __future__ import annotations

import itertools
import re
import re._constants as C  # noqa: N812 - the opcode names read like the sre docs
import re._parser as sre_parse
from dataclasses import dataclass
from typing import Any

__all__ = ["PREFIX", "Clauses", "Need", "rule_needs", "split_alternatives", "word_clauses"]

Clauses = tuple[frozenset[str], ...]

_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_RUN_RE = re.compile(r"[a-z0-9]+")
_CAP = 4096  # most strings a run of fixed alternatives may expand to
_REPEAT_CAP = 3  # most repetitions of a fixed piece expanded
PREFIX = 4  # "abus*" in a clause: some word of the message starts with "abus"
# Words too common to narrow anything down; the clause builder avoids them.
_COMMON = frozenset(
    [
        "i",
        "you",
        "u",
        "a",
        "an",
        "the",
        "to",
        "it",
        "is",
        "so",
        "me",
        "my",
        "be",
        "do",
        "can",
        "not",
        "just",
        "that",
        "this",
        "what",
        "and",
        "of",
        "for",
        "on",
        "in",
        "was",
        "are",
        "have",
        "like",
        "how",
        "if",
        "we",
        "your",
        "ur",
        "im",
        "its",
        "at",
        "all",
        "no",
        "get",
        "go",
        "up",
        "out",
        "one",
        "s",
        "t",
        "re",
        "m",
        "ll",
        "ve",
        "d",
        "he",
        "she",
        "they",
        "her",
        "him",
        "them",
        "his",
        "with",
        "or",
        "but",
        "as",
    ]
)


@dataclass(frozen=True, slots=True)
class _Info:
    """What a piece of pattern can match, as far as the clause builder needs it."""

    fin: frozenset[str] | None  # every string it can match, when few and known
    nullable: bool  # can match the empty string
    first_alnum: bool  # a non-empty match may start with [a-z0-9]
    last_alnum: bool  # a non-empty match may end with [a-z0-9]
    zero: bool = False  # zero-width (an assertion or an anchor)


_UNKNOWN = _Info(None, True, True, True)
_ZERO = _Info(frozenset({""}), True, False, False, zero=True)


def _class_chars(items: Any) -> frozenset[str] | None:
    """The characters of a ``[...]`` class, or None when negated or too wide to list."""
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < 64:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return frozenset(out)


def _class_may_alnum(items: Any) -> bool:
    """Whether a ``[...]`` class can match a character of ``[a-z0-9]``."""
    chars = _class_chars(items)
    if chars is not None:
        return not chars.isdisjoint(_ALNUM)
    # \s and \W hold no [a-z0-9]; anything else (negation, \w, \d, wide ranges) may.
    return not all(
        op is C.CATEGORY and av in (C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD) for op, av in items
    )


def _product(parts: list[frozenset[str]]) -> frozenset[str] | None:
    size = 1
    for part in parts:
        size *= len(part)
        if size > _CAP:
            return None
    return frozenset("".join(p) for p in itertools.product(*parts))


_MEMO: dict[int, tuple[Any, _Info]] = {}  # id(node) -> (node, info) during one word_clauses call


def _info(op: Any, av: Any) -> _Info:
    if op in (C.SUBPATTERN, C.BRANCH, C.MAX_REPEAT, C.MIN_REPEAT):
        hit = _MEMO.get(id(av))
        if hit is not None and hit[0] is av:
            return hit[1]
        info = _compound_info(op, av)
        _MEMO[id(av)] = (av, info)
        return info
    if op is C.LITERAL:
        c = chr(av)
        return _Info(frozenset({c}), False, c in _ALNUM, c in _ALNUM)
    if op is C.IN:
        chars = _class_chars(av)
        may = _class_may_alnum(av)
        return _Info(chars, False, may, may)
    if op in (C.ANY, C.NOT_LITERAL):
        return _Info(None, False, True, True)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _ZERO
    return _UNKNOWN


def _compound_info(op: Any, av: Any) -> _Info:
    if op is C.SUBPATTERN:
        return _seq_info(av[3].data)
    if op is C.BRANCH:
        alts = [_seq_info(alt.data) for alt in av[1]]
        fins = [a.fin for a in alts]
        fin = None if any(f is None for f in fins) else frozenset().union(*fins)  # type: ignore[arg-type]
        return _Info(
            fin if fin is None or len(fin) <= _CAP else None,
            any(a.nullable for a in alts),
            any(a.first_alnum for a in alts),
            any(a.last_alnum for a in alts),
        )
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, body = av
        inner = _seq_info(body.data)
        fin = None
        if inner.fin is not None and hi <= _REPEAT_CAP:
            options: set[str] = set()
            for k in range(lo, hi + 1):
                got = _product([inner.fin] * k)
                if got is None:
                    break
                options |= got
            else:
                fin = frozenset(options) if len(options) <= _CAP else None
        return _Info(fin, lo == 0 or inner.nullable, inner.first_alnum, inner.last_alnum)
    return _UNKNOWN


def _seq_info(items: Any) -> _Info:
    infos = [_info(op, av) for op, av in items]
    fins = [i.fin for i in infos]
    fin = None if any(f is None for f in fins) else _product(fins)  # type: ignore[arg-type]
    first = last = False
    for i in infos:
        if i.zero:
            continue
        first = first or i.first_alnum
        if not i.nullable:
            break
    for i in reversed(infos):
        if i.zero:
            continue
        last = last or i.last_alnum
        if not i.nullable:
            break
    return _Info(fin, all(i.nullable for i in infos), first, last)


def _bounds_left(op: Any, av: Any) -> bool:
    """True when this zero-width item guarantees no [a-z0-9] just before it."""
    if op is C.AT:
        return av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING)
    if op in (C.ASSERT, C.ASSERT_NOT) and av[0] == -1:
        body = av[1].data
        if op is C.ASSERT_NOT:
            return (
                len(body) == 1
                and body[0][0] is C.IN
                and (_class_chars(body[0][1]) or frozenset()) >= _ALNUM
            )
        info = _seq_info(body)
        return not info.nullable and not info.last_alnum
    return False


def _bounds_right(op: Any, av: Any) -> bool:
    """True when this zero-width item guarantees no [a-z0-9] just after it."""
    if op is C.AT:
        return av in (C.AT_END, C.AT_END_STRING)
    if op in (C.ASSERT, C.ASSERT_NOT) and av[0] == 1:
        body = av[1].data
        if op is C.ASSERT_NOT:
            return (
                len(body) == 1
                and body[0][0] is C.IN
                and (_class_chars(body[0][1]) or frozenset()) >= _ALNUM
            )
        info = _seq_info(body)
        return not info.nullable and not info.first_alnum
    return False


def _cost(word: str) -> float:
    """Rough odds that a message holds ``word``: a clause costs the sum over its words."""
    if word.endswith("*"):
        return 3.0
    if word in _COMMON:
        return 300.0
    return 20.0 if len(word) <= 2 else 1.0


def _string_clauses(strings: frozenset[str], left: bool, right: bool) -> list[frozenset[str]]:
    """Clauses every one of ``strings`` satisfies, given what surrounds them."""
    need: set[frozenset[str]] = set()
    for s in strings:
        found = set()
        for m in _RUN_RE.finditer(s):
            if m.start() > 0 or left:
                if m.end() < len(s) or right:
                    found.add(m.group())
                elif m.end() - m.start() >= PREFIX:  # a word that starts with these letters
                    found.add(m.group()[:PREFIX] + "*")
        if not found:
            return []
        need.add(frozenset(found))
    clauses: list[frozenset[str]] = []
    remaining = list(need)
    while remaining and all(remaining):
        chosen: set[str] = set()
        todo = remaining
        while todo:  # greedy hitting set, preferring rare words
            counts: dict[str, int] = {}
            for words in todo:
                for w in words:
                    counts[w] = counts.get(w, 0) + 1
            best = max(sorted(counts), key=lambda w: counts[w] / _cost(w))
            chosen.add(best)
            todo = [words for words in todo if best not in words]
        clauses.append(frozenset(chosen))
        remaining = [words - chosen for words in remaining]
    return clauses


def _seq_clauses(items: Any, left: bool, right: bool) -> list[frozenset[str]]:
    infos = [_info(op, av) for op, av in items]
    n = len(items)

    def left_bounded(k: int) -> bool:
        for j in range(k - 1, -1, -1):
            info = infos[j]
            if info.zero:
                if _bounds_left(*items[j]):
                    return True
                continue
            if info.last_alnum:
                return False
            if not info.nullable:
                return True
        return left

    def right_bounded(k: int) -> bool:
        for j in range(k + 1, n):
            info = infos[j]
            if info.zero:
                if _bounds_right(*items[j]):
                    return True
                continue
            if info.first_alnum:
                return False
            if not info.nullable:
                return True
        return right

    def separator(info: _Info) -> bool:
        return (
            info.fin is not None
            and not info.nullable
            and all(s and _ALNUM.isdisjoint(s) for s in info.fin)
        )

    clauses: list[frozenset[str]] = []
    i = 0
    while i < n:
        info = infos[i]
        if info.zero:
            op, av = items[i]
            if op is C.ASSERT:  # a positive look-around must match there too
                body = av[1].data
                if av[0] == 1:
                    clauses += _seq_clauses(body, left_bounded(i), False)
                else:
                    clauses += _seq_clauses(body, False, right_bounded(i))
            i += 1
            continue
        if separator(info):
            i += 1
            continue
        if info.fin is None:
            clauses += _node_clauses(items[i], info, left_bounded(i), right_bounded(i))
            i += 1
            continue
        j = i
        while j < n and infos[j].fin is not None and not infos[j].zero and not separator(infos[j]):
            j += 1
        strings = _product([infos[k].fin for k in range(i, j)])  # type: ignore[misc]
        if strings is not None:
            clauses += _string_clauses(strings, left_bounded(i), right_bounded(j - 1))
        else:  # too many combinations: read each piece on its own
            for k in range(i, j):
                clauses += _node_clauses(items[k], infos[k], left_bounded(k), right_bounded(k))
        i = j
    return clauses


def _node_clauses(item: Any, info: _Info, left: bool, right: bool) -> list[frozenset[str]]:
    op, av = item
    if info.fin is not None:
        return _string_clauses(info.fin, left, right)
    if op is C.SUBPATTERN:
        return _seq_clauses(av[3].data, left, right)
    if op is C.BRANCH:
        per_alt = [_ranked(_seq_clauses(alt.data, left, right)) for alt in av[1]]
        depth = min(len(c) for c in per_alt)
        return [frozenset().union(*(c[k] for c in per_alt)) for k in range(depth)]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, body = av
        inner = _seq_info(body.data)
        if lo == 0 or inner.nullable:
            return []
        # The first repetition is followed by the rule's right side or another repetition.
        after = right if hi == 1 else right and not inner.first_alnum
        return _seq_clauses(body.data, left, after)
    return []


def _ranked(clauses: list[frozenset[str]]) -> list[frozenset[str]]:
    """Clauses most selective first (few, rare words), without duplicates."""
    unique = list(dict.fromkeys(clauses))
    return sorted(unique, key=lambda c: (sum(_cost(w) for w in c), sorted(c)))


def word_clauses(regex: re.Pattern[str]) -> Clauses:
    """Clauses of whole words that every match of ``regex`` must contain.

    Each clause is a set of words; a text can match only if, for every clause,
    at least one of its words is among the words of the text.
    ``"abus*"`` stands for any word that starts with "abus".

    >>> rule = re.compile(r"(?<![a-z0-9'])(?:(?:you|u) (?:always|never))(?![a-z0-9])")
    >>> [sorted(clause) for clause in word_clauses(rule)]
    [['always', 'never'], ['u', 'you']]
    """
    tree = sre_parse.parse(regex.pattern, regex.flags)
    try:
        return tuple(_ranked(_seq_clauses(tree.data, False, False)))
    finally:
        _MEMO.clear()


@dataclass(frozen=True, slots=True)
class Need:
    """What one alternative of a rule needs in a message before it can match.

    ``clauses`` are word clauses (see :func:`word_clauses`); ``phrases`` are
    sets of strings of which at least one must occur, letter for letter, in
    the folded text ("i feel", "i felt", ...): they keep the word order that
    word sets lose. ``pattern`` is the alternative on its own as a regular
    expression, the last and exact test; ``anchored`` says it can only match
    at the start of the text.
    """

    clauses: Clauses
    phrases: tuple[tuple[str, ...], ...]
    pattern: str
    anchored: bool = False


def split_alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a rule compiled by ``compile_rule``, each a pattern.

    A match of the rule is a match of one of them at the same place, so a text
    that none of them matches cannot match the rule.
    """
    head, tail = "(?<![a-z0-9'])(?:", ")(?![a-z0-9])"
    if not (pattern.startswith(head) and pattern.endswith(tail)):
        return [pattern]
    body = pattern[len(head) : -len(tail)]
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if body[i + 1 : i + 2] == "^":
                i += 1
            if body[i + 1 : i + 2] == "]":  # a leading ] is a literal
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    if len(parts) == 1:
        return [pattern]
    return [head + part + tail for part in parts]


def rule_needs(regex: re.Pattern[str]) -> tuple[Need, ...]:
    """What ``regex`` needs, one :class:`Need` per alternative; it can match only if one is met.

    A rule written as ``A|B|C`` gets one alternative per branch, which keeps
    far more of what each branch needs than :func:`word_clauses` can; an
    open-ended alternation inside a branch is split the same way.
    """
    out = []
    for pattern in split_alternatives(regex.pattern):
        tree = sre_parse.parse(pattern, regex.flags)
        try:
            for items in _expand(list(tree.data), _MAX_ALTERNATIVES):
                clauses = tuple(_ranked(_seq_clauses(items, False, False)))
                out.append(Need(clauses, _phrases(items), pattern, _anchored(items)))
        finally:
            _MEMO.clear()
    return tuple(dict.fromkeys(out))


_MAX_ALTERNATIVES = 1  # open-ended branches inside an alternative stay whole
_MAX_PHRASES = 8  # most strings in one phrase clause
_MIN_PHRASE = 5  # shorter phrases test little that the words don't


def _anchored(items: list[Any]) -> bool:
    for op, av in items:
        if op is C.AT and av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
            return True
        if op not in (C.ASSERT, C.ASSERT_NOT):
            return False
    return False


def _phrases(items: list[Any]) -> tuple[tuple[str, ...], ...]:
    """The most telling phrase clause of a sequence: its longest run of fixed text."""
    best: tuple[str, ...] = ()
    best_len = 0
    run: list[frozenset[str]] = []
    for op, av in [*items, (None, None)]:
        info = _info(op, av) if op is not None else _UNKNOWN
        if info.fin is not None:
            run.append(info.fin)
            continue
        strings = _product(run) if run else None
        run = []
        if strings is None or len(strings) > _MAX_PHRASES:
            continue
        shortest = min(len(x) for x in strings)
        if any("|" in x for x in strings):
            continue
        if all(not x.isascii() for x in strings):  # an emoji: short, and rare in text
            shortest = max(shortest, _MIN_PHRASE)
        if shortest >= _MIN_PHRASE and shortest > best_len:
            best, best_len = tuple(sorted(strings)), shortest
    return (best,) if best else ()


def _expand(items: list[Any], limit: int, top: bool = True) -> list[list[Any]]:
    """Rewrite a sequence as a list of sequences, one per branch of its alternations.

    The rule's own top-level ``A|B|C`` is always split; deeper alternations only
    when open-ended (fixed ones are read exactly as sets of strings anyway).
    """
    for k, (op, av) in enumerate(items):
        if op is not C.BRANCH or len(av[1]) > limit:
            continue
        if top or _info(op, av).fin is None:
            out: list[list[Any]] = []
            for alt in av[1]:
                rest = items[:k] + list(alt.data) + items[k + 1 :]
                out += _expand(rest, limit // len(av[1]), top=False)
            return out
    return [items]
