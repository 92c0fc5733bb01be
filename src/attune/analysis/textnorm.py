"""Text folding and rule compilation shared by the pattern and risk detectors.

Both detectors work on a *folded* copy of a message: lower case, curly quotes
and apostrophes made straight. Folding never changes the length of the text,
so a match in the folded copy is also a span of the original (the analysis
contract reports spans as character offsets into the text the user wrote).

Rules are written as regular expressions with a few macros for the ways people
spell the same word in chat (``{you}`` matches "you", "u", "ya"; ``{youre}``
matches "you're", "youre", "ur", "u r", "you are" ...), so one rule covers a
family of phrasings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

_FOLD_TABLE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2014": "-",
        "\u2013": "-",
        "\u00a0": " ",
    }
)

_FOLD_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (chr(k), v) for k, v in _FOLD_TABLE.items() if isinstance(v, str)
)

WORD_RE = re.compile(r"[a-z0-9']+")

# Spelling families seen in chat. Each expands to a non-capturing group.
MACROS: dict[str, str] = {
    "you": r"(?:you|u|ya|yu|youu)",
    "your": r"(?:your|ur|yr|ya)",
    "youre": r"(?:you'?re|you are|youre|ur|u r|u are|u'?re|your|ya are|yr)",
    "youve": r"(?:you'?ve|you have|youve|u'?ve|u have)",
    "youll": r"(?:you'?ll|you will|youll|u'?ll|u will)",
    "yourself": r"(?:yourself|urself|yourslef|ur self)",
    "im": r"(?:i'?m|i am|im|i m)",
    "ive": r"(?:i'?ve|i have|ive)",
    "id": r"(?:i'?d|i would)",
    "ill": (
        r"(?:i'?ll|i will|i'?m (?:going to|gonna|about to)|im (?:going to|gonna)|imma|ima|"
        r"i'?mma)"
    ),
    "dont": r"(?:don'?t|do not|dont|dnt|doesn'?t|does not|doesnt)",
    "didnt": r"(?:didn'?t|did not|didnt)",
    "cant": r"(?:can'?t|cannot|can not|cant|couldn'?t|could not|couldnt)",
    "wont": r"(?:won'?t|will not|wont|wouldn'?t|would not|wouldnt)",
    "isnt": r"(?:isn'?t|is not|isnt|wasn'?t|was not|wasnt)",
    "its": r"(?:it'?s|it is|its|it was|that'?s|that is|thats|this is)",
    "thats": r"(?:that'?s|that is|thats|this is|it'?s|its)",
    "want": r"(?:want|wanna|wanted|wish|wished)",
    "gonna": r"(?:going to|gonna|gon|goin to|about to)",
    "he": r"(?:he|she|they|him|her|them)",
    "his": r"(?:his|her|their)",
    "partner": (
        r"(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|hubby|spouse|fianc[eé]e?|ex|"
        r"ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|man|woman|dad|mom|mum|father|"
        r"mother|stepdad|stepmom|brother|sister|son|daughter|roommate|boss)"
    ),
    "really": r"(?:(?:really|so|just|very|pretty|kinda|kind of|a bit|a little|totally|super|"
    r"truly|honestly|literally|completely|actually|sooo+|soo|rly|genuinely) )*",
}

_MACRO_RE = re.compile(r"\{(\w+)\}")


def fold(text: str) -> str:
    """Lower-case ``text`` and straighten quotes, keeping its length exactly.

    >>> fold("You\u2019re ALWAYS late")
    "you're always late"
    """
    if text.isascii():
        folded = text.lower()
        return folded.replace("`", "'") if "`" in folded else folded
    # str.translate with a dict is slow; a few str.replace calls are not.
    for src, dst in _FOLD_PAIRS:
        if src in text:
            text = text.replace(src, dst)
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    # A few characters change length when lower-cased (e.g. dotted capital I);
    # fall back to folding one character at a time.
    return "".join((c.lower()[:1] or c) for c in text)


# Byte tables for ASCII text: every byte that cannot be part of a WORD_RE token
# becomes a space; the second one also splits at apostrophes.
_TOKEN_BYTES = bytes(
    c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789'" else 32 for c in range(256)
)
_WORD_BYTES = bytes(
    c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for c in range(256)
)
_RUN_RE = re.compile(r"[a-z0-9]+")


class Prepared(NamedTuple):
    """A text folded and split once, for every detector that reads it."""

    folded: str
    #: The ``WORD_RE`` tokens ("you're", "late").
    tokens: tuple[str, ...]
    #: The ``[a-z0-9]+`` runs: the tokens split at apostrophes ("you", "re").
    words: tuple[str, ...]


# tuple.__new__ skips the Python-level __new__ a NamedTuple class has (a frame per call).
_new_prepared: Any = tuple.__new__
_PREPARED: dict[str, Prepared] = {}
_PREPARED_MAX = 20_000  # about one chunk of `attune analyze` input


def tokens(folded: str) -> list[str]:
    """The ``WORD_RE`` tokens of a folded text (``WORD_RE.findall``, faster on ASCII).

    >>> tokens("you're late... again!")
    ["you're", 'late', 'again']
    """
    if folded.isascii():
        return folded.encode("ascii").translate(_TOKEN_BYTES).decode("ascii").split()
    return WORD_RE.findall(folded)


def prepare(text: str) -> Prepared:
    """Fold ``text`` and collect its token and word sets, remembering the last batch.

    The pattern and risk detectors run over the same batch one after the
    other; the second one finds each text already folded and split. (Tuples
    of strings, unlike sets, drop out of the garbage collector's sight, so a
    full cache costs the collector nothing.)
    """
    got = _PREPARED.get(text)
    if got is None:
        folded = fold(text)
        toks = tuple(tokens(folded))
        words = toks
        if "'" in folded:
            if folded.isascii():
                raw = folded.encode("ascii").translate(_WORD_BYTES).decode("ascii").split()
            else:
                raw = _RUN_RE.findall(folded)
            words = tuple(raw)
        got = _new_prepared(Prepared, (folded, toks, words))
        if len(_PREPARED) >= _PREPARED_MAX:
            _PREPARED.clear()
        _PREPARED[text] = got
    return got


def expand(pattern: str) -> str:
    """Replace ``{macro}`` names in a rule with their spelling families."""
    return _MACRO_RE.sub(lambda m: MACROS[m.group(1)], pattern)


def compile_rule(pattern: str) -> re.Pattern[str]:
    """Compile a rule with macros, anchored on word boundaries at both ends."""
    return re.compile(r"(?<![a-z0-9'])(?:" + expand(pattern) + r")(?![a-z0-9])")


def forms(*stems: str) -> frozenset[str]:
    """Word forms of each stem ("kill" -> kill, kills, killed, killing, ...) for prefilters."""
    out: set[str] = set()
    for stem in stems:
        out.update(
            {stem, stem + "s", stem + "es", stem + "ed", stem + "d", stem + "ing", stem + "er"}
        )
        if stem.endswith("e"):
            out.add(stem[:-1] + "ing")
        if len(stem) > 2 and stem[-1] not in "aeiouwy" and stem[-2] in "aeiou":
            out.update({stem + stem[-1] + "ed", stem + stem[-1] + "ing"})
    return frozenset(out)


def words(folded: str) -> set[str]:
    """The set of word tokens of a folded text (used by the cheap prefilters)."""
    return set(WORD_RE.findall(folded))


def any_in(tokens: set[str], keys: Iterable[str]) -> bool:
    """True when any key occurs among the tokens."""
    return not tokens.isdisjoint(keys)


_CLAUSE_BREAK_RE = re.compile(r"[.!?;:\n]|,\s*(?:but|and|so|because|though)\b|\bbut\b")


def clause_start(folded: str, pos: int) -> int:
    """Index where the clause holding ``pos`` begins (after . ! ? ; : or a 'but')."""
    start = 0
    for m in _CLAUSE_BREAK_RE.finditer(folded, 0, pos):
        start = m.end()
    return start


def clause_end(folded: str, pos: int) -> int:
    """Index where the clause holding ``pos`` ends."""
    m = _CLAUSE_BREAK_RE.search(folded, pos)
    return m.start() if m else len(folded)


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None when any can.

    ``"^"`` in the result means "or at the very start of the text".

    Detectors use this to try a rule only where a match could begin, which is
    much faster than a full search for patterns without a literal prefix.
    """
    try:
        import re._parser as sre_parse  # Python 3.11+
        from re._constants import (
            ASSERT,
            ASSERT_NOT,
            AT,
            AT_BEGINNING,
            AT_BEGINNING_STRING,
            BRANCH,
            CATEGORY,
            CATEGORY_DIGIT,
            IN,
            LITERAL,
            MAX_REPEAT,
            MIN_REPEAT,
            NEGATE,
            RANGE,
            SUBPATTERN,
        )
    except ImportError:  # pragma: no cover - older layouts
        return None

    def seq(items: Any) -> tuple[set[str] | None, bool]:
        out: set[str] = set()
        for op, av in items:
            if op in (ASSERT, ASSERT_NOT):
                continue
            if op is LITERAL:
                out.add(chr(av))
                return out, False
            if op is IN:
                for iop, iav in av:
                    if iop is LITERAL:
                        out.add(chr(iav))
                    elif iop is RANGE:
                        out.update(chr(c) for c in range(iav[0], iav[1] + 1))
                    elif iop is CATEGORY and iav is CATEGORY_DIGIT:
                        out.update("0123456789")
                    else:  # NEGATE, CATEGORY: too wide
                        return None, False
                return out, False
            if op is AT:
                if av in (AT_BEGINNING, AT_BEGINNING_STRING):
                    out.add("^")  # only at the start of the text
                    return out, False
                continue  # word boundaries take no characters
            if op is SUBPATTERN:
                sub, nullable = seq(av[3])
            elif op is BRANCH:
                sub, nullable = set(), False
                for alt in av[1]:
                    chars, alt_null = seq(alt)
                    if chars is None:
                        return None, False
                    sub |= chars
                    nullable = nullable or alt_null
            elif op in (MAX_REPEAT, MIN_REPEAT):
                lo, _hi, body = av
                sub, nullable = seq(body)
                nullable = nullable or lo == 0
            else:  # AT (^, \b), ANY, NOT_LITERAL, GROUPREF...: give up
                return None, False
            if sub is None:
                return None, False
            out |= sub
            if not nullable:
                return out, False
        return out, True

    del NEGATE
    chars, nullable = seq(sre_parse.parse(pattern.pattern))
    if chars is None or nullable:
        return None
    return frozenset(chars)


_SPECIAL_STARTS = ("*", "/", "\U0001f644", "\U0001f643", "\U0001f612")


def word_starts(folded: str) -> dict[str, list[int]]:
    """Positions where a token begins, grouped by first character ("^" -> [0]).

    Letters and digits start a token when no word character comes before them;
    a few symbols that rules can begin with (``*``, ``/``, some emoji) are listed
    wherever they occur, and the rule's own look-behind checks the boundary.
    """
    starts: dict[str, list[int]] = {"^": [0]}
    for m in WORD_RE.finditer(folded):
        pos = m.start()
        starts.setdefault(folded[pos], []).append(pos)
    for char in _SPECIAL_STARTS:
        if char in folded:
            starts[char] = [i for i, c in enumerate(folded) if c == char]
    return starts


def matches_at(
    regex: re.Pattern[str],
    folded: str,
    starts: dict[str, list[int]],
    first: frozenset[str] | None,
) -> Iterator[re.Match[str]]:
    """Matches of ``regex`` that begin where a token starts with one of ``first``.

    Rules begin at a token, so trying only those places gives the same matches
    as a full search, several times faster. ``first=None`` falls back to a search.
    """
    if first is None:
        yield from regex.finditer(folded)
        return
    positions = [p for c, ps in starts.items() if c in first for p in ps]
    if len(positions) > 1:
        positions.sort()
    for pos in positions:
        m = regex.match(folded, pos)
        if m is not None:
            yield m
