"""The fast paths of pattern detection and safety triage never change a result.

The detectors skip most rules on most messages (see ``attune.analysis.rule_index``).
These tests compare the fast path with the slow one on several hundred varied
messages: the labelled dev sets, the same texts shouted, curly-quoted, with
emoji and slang spellings, and strings generated from every rule's own pattern
(so every alternative of every rule is exercised, matching or nearly matching).
"""

from __future__ import annotations

import json
import random
import re
import re._constants as C  # noqa: N812
import re._parser as sre_parse
from pathlib import Path
from typing import Any

import pytest

import attune.analysis.patterns as patterns_mod
import attune.analysis.risk as risk_mod
from attune.analysis.pattern_rules import R
from attune.analysis.patterns import detect_patterns, score_patterns
from attune.analysis.prefilter import rule_needs, split_alternatives, word_clauses
from attune.analysis.risk import assess_risk
from attune.analysis.risk_rules import RULES
from attune.analysis.rule_index import needs_for
from attune.analysis.textnorm import WORD_RE, fold, prepare, tokens

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"


def _dev_texts() -> list[str]:
    out: list[str] = []
    for name in ("patterns_dev.jsonl", "risk_dev.jsonl"):
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        out += [str(json.loads(line)["text"]) for line in lines if line]
    return out


def _sample(items: Any, rng: random.Random) -> str:
    """A string the pattern ``items`` (an sre parse tree) could match, assertions aside."""
    out: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op in (C.NOT_LITERAL, C.ANY):
            out.append(rng.choice("xq ,'"))
        elif op is C.IN:
            out.append(_pick(av, rng))
        elif op is C.BRANCH:
            out.append(_sample(rng.choice(av[1]).data, rng))
        elif op is C.SUBPATTERN:
            out.append(_sample(av[3].data, rng))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, body = av
            out += [_sample(body.data, rng) for _ in range(rng.randint(lo, min(hi, lo + 2)))]
    return "".join(out)


def _pick(items: Any, rng: random.Random) -> str:
    if items and items[0][0] is C.NEGATE:
        cls = re.compile(sre_parse_class(items))
        return rng.choice([c for c in " .,x'q5!" if cls.fullmatch(c)] or ["x"])
    choices: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            choices.append(chr(av))
        elif op is C.RANGE:
            choices.append(chr(rng.randint(av[0], av[1])))
        elif op is C.CATEGORY:
            choices.append({C.CATEGORY_DIGIT: "7", C.CATEGORY_SPACE: " "}.get(av, "a"))
    return rng.choice(choices or ["a"])


def sre_parse_class(items: Any) -> str:
    """A ``[^...]`` class written back as a pattern, for testing one character."""
    parts = []
    for op, av in items[1:]:
        if op is C.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is C.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY:
            parts.append({C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s"}.get(av, r"\w"))
    return "[^" + "".join(parts) + "]"


def _generated(patterns: list[re.Pattern[str]], per_rule: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for regex in patterns:
        for alternative in split_alternatives(regex.pattern):
            tree = sre_parse.parse(alternative)
            for _ in range(per_rule):
                core = _sample(tree.data, rng)
                out.append(rng.choice(["", "ok so ", "Honestly, ", "'", "lol "]) + core)
                out[-1] += rng.choice(["", ".", " lol", "'s", "x", " 😂"])
    return out


def _varied() -> list[str]:
    base = _dev_texts()
    rng = random.Random(5)
    picked = rng.sample(base, 250)
    out = list(base)
    for text in picked:
        out += [
            text.upper(),
            text.replace("'", "\u2019").replace('"', "\u201c"),
            text.lower().replace("you", "u").replace("your", "ur"),
            "\u0130 " + text + " 🙄",  # a capital that changes length when lower-cased
            " ".join(rng.sample(text.split(), len(text.split()))),
            'she said "' + text + '"',
        ]
    return out


VARIED = _varied()
GENERATED = _generated([r.regex for r in R] + [r.regex for r in RULES], 3, 11)


@pytest.mark.parametrize("texts", [VARIED, GENERATED], ids=["varied", "generated"])
def test_pattern_needs_never_change_results(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = (detect_patterns(texts), score_patterns(texts))
    monkeypatch.setattr(patterns_mod, "_USE_NEEDS", False)
    assert (detect_patterns(texts), score_patterns(texts)) == fast


@pytest.mark.parametrize("texts", [VARIED, GENERATED], ids=["varied", "generated"])
def test_risk_needs_never_change_results(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = assess_risk(texts)
    monkeypatch.setattr(risk_mod, "_USE_NEEDS", False)
    assert assess_risk(texts) == fast


def test_generated_texts_do_match_the_rules() -> None:
    """The generated set is not vacuous: most texts match a rule, and many are reported."""
    regexes = [r.regex for r in R] + [r.regex for r in RULES]
    matched = sum(1 for t in GENERATED if any(rx.search(fold(t)) for rx in regexes))
    assert matched > 0.55 * len(GENERATED)
    assert sum(1 for hits in detect_patterns(GENERATED) if hits) > 0.25 * len(GENERATED)
    assert sum(1 for r in assess_risk(GENERATED) if r.level != "none") > 0.1 * len(GENERATED)


@pytest.mark.parametrize("module", [patterns_mod, risk_mod], ids=["patterns", "risk"])
def test_chosen_rules_are_exactly_the_keyed_rules_that_match(module: Any) -> None:
    """The index keeps every rule that can match, and only those, on every message."""
    index = module._INDEX
    regexes = [r.regex for r in (R if module is patterns_mod else RULES)]
    for text in VARIED + GENERATED:
        prepared = prepare(text)
        keyed = index.candidates(text, prepared, False)
        expected = [i for i in keyed if regexes[i].search(prepared.folded)]
        assert index.candidates(text, prepared) == expected, text


def test_shipped_table_matches_the_rules() -> None:
    """``prefilter_table.py`` is current (``python -m attune.analysis.rule_index`` rewrites it)."""
    for regex in [r.regex for r in R] + [r.regex for r in RULES]:
        assert needs_for(regex) == rule_needs(regex), regex.pattern[:80]


def test_word_clauses_read_whole_words_only() -> None:
    rule = re.compile(r"(?<![a-z0-9'])(?:(?:you|u) (?:always|never))(?![a-z0-9])")
    assert word_clauses(rule) == (frozenset({"always", "never"}), frozenset({"u", "you"}))
    # "cook" may run on into "cooked": only the start of a word is required.
    open_ended = re.compile(r"(?<![a-z0-9'])(?:i cook\w*)(?![a-z0-9])")
    assert frozenset({"cook*"}) in word_clauses(open_ended)


@pytest.mark.parametrize(
    "text",
    ["you're late... again!", "Don’t — EVER", "ça va? 'quoted' words", "İstanbul it's", "", "  "],
)
def test_tokens_and_prepare_agree_with_word_re(text: str) -> None:
    folded = fold(text)
    assert tokens(folded) == WORD_RE.findall(folded)
    prepared = prepare(text)
    assert prepared.folded == folded
    assert list(prepared.tokens) == WORD_RE.findall(folded)
    assert set(prepared.words) == set(re.findall(r"[a-z0-9]+", folded))
    assert prepare(text) is prepared  # the remembered copy
