"""Suggest a gentler version of a message that carries harmful patterns.

The suggestion follows Nonviolent Communication's observation -> feeling ->
need -> request shape. It keeps the user's topic (the things their message is
about: "the dishes", "your phone") and marks with ``[brackets]`` what only the
user can fill in, such as ``[what you felt]``. It drops the parts that carried
the pattern (absolutes, insults, threats, sarcasm) rather than paraphrasing
them, so it never adds a harmful pattern of its own -- each suggestion is
checked with :func:`attune.analysis.patterns.detect_patterns` before it is
returned. No language model is needed.

Usage::

    >>> from attune.analysis.patterns import detect_patterns
    >>> text = "You never help with the dishes."
    >>> print(rewrite_message(text, detect_patterns([text])[0]))  # doctest: +NORMALIZE_WHITESPACE
    When [what happened about "help with the dishes", in plain facts],
    I felt [what you felt]. I need [what you need].
    Would you be willing to [one specific thing you'd like]?
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attune.analysis.types import PatternHit

__all__ = ["rewrite_message"]

_PHRASE_RE = re.compile(
    r"\b(?:the|my|your|ur|our|this|that|his|her|their)\s+((?:[a-z][a-z'-]*)(?:\s+[a-z][a-z'-]*)?)",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "don't",
        "done",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "i'd",
        "i'll",
        "i'm",
        "i've",
        "if",
        "in",
        "into",
        "is",
        "it",
        "it's",
        "its",
        "just",
        "know",
        "let",
        "like",
        "me",
        "mine",
        "my",
        "no",
        "not",
        "now",
        "of",
        "off",
        "ok",
        "okay",
        "on",
        "once",
        "only",
        "or",
        "our",
        "out",
        "over",
        "own",
        "really",
        "right",
        "said",
        "say",
        "says",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "that's",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "too",
        "up",
        "us",
        "very",
        "want",
        "was",
        "we",
        "were",
        "what",
        "whatever",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "you'd",
        "you'll",
        "you're",
        "you've",
        "your",
        "yours",
        "yourself",
        "always",
        "never",
        "ever",
        "again",
        "every",
        "time",
        "times",
        "thing",
        "things",
        "way",
        "lot",
        "even",
        "still",
        "yet",
        "anything",
        "everything",
        "nothing",
        "one",
        "all",
        "fine",
        "sure",
        "yeah",
        "yes",
        "well",
        "oh",
        "wow",
        "great",
        "good",
        "nice",
        "thanks",
        "thank",
        "lol",
        "omg",
        "ur",
        "u",
        "r",
        "gonna",
        "wanna",
        "literally",
        "seriously",
        "honestly",
        "actually",
        "maybe",
        "because",
        "cause",
        "bc",
    ]
)
# Words that carry a pattern: never reused in a suggestion.
_LOADED = frozenset(
    [
        "selfish",
        "lazy",
        "inconsiderate",
        "irresponsible",
        "careless",
        "thoughtless",
        "useless",
        "hopeless",
        "pathetic",
        "stupid",
        "dumb",
        "idiot",
        "moron",
        "loser",
        "clown",
        "joke",
        "fool",
        "disgusting",
        "worthless",
        "ridiculous",
        "dramatic",
        "sensitive",
        "emotional",
        "crazy",
        "paranoid",
        "hysterical",
        "overreacting",
        "overreact",
        "fault",
        "blame",
        "blaming",
        "problem",
        "chance",
        "warning",
        "last",
        "final",
        "choose",
        "either",
        "else",
        "leave",
        "leaving",
        "done",
        "over",
        "finished",
        "divorce",
        "purpose",
        "sarcasm",
        "genius",
        "brilliant",
        "perfect",
        "wonderful",
        "fantastic",
        "awesome",
        "lovely",
        "surprise",
        "shocker",
        "mature",
        "typical",
        "wrong",
        "worst",
        "child",
        "baby",
        "brat",
        "grow",
        "calm",
        "chill",
        "relax",
        "deal",
        "whatever",
        "forget",
        "drop",
        "owe",
    ]
)
_TEMPLATE = (
    "When [what happened{about}, in plain facts], I felt [what you felt]. "
    "I need [what you need]. Would you be willing to [one specific thing you'd like]?"
)
_PAUSE_TEMPLATE = (
    "I'm feeling [what you felt] and I need a short break. "
    "Can we come back to {topic} at [a time that works for you]?"
)


_CLAUSE_END_RE = re.compile(r"[.!?;:,\n]|\b(?:but|and then|so|because|or)\b", re.IGNORECASE)


def _tail(text: str, hits: Sequence[PatternHit]) -> str:
    """The words right after the first pattern, up to the end of its clause.

    "You never help with the dishes" gives "help with the dishes".
    """
    first = min(hits, key=lambda h: h.start)
    rest = text[first.end :]
    stop = _CLAUSE_END_RE.search(rest)
    words = _WORD_RE.findall(rest[: stop.start()] if stop else rest)[:7]
    lowered = [w.lower() for w in words]
    if not words or any(w in _LOADED for w in lowered) or all(w in _STOP for w in lowered):
        return ""
    if any(h.start < first.end + len(rest) and h.start > first.end for h in hits):
        return ""
    return " ".join(lowered)


def _topic(text: str, hits: Sequence[PatternHit]) -> str:
    """The things the message is about, with the words that carried patterns taken out."""
    tail = _tail(text, hits)
    if tail:
        return f'"{tail}"'
    kept = list(text)
    for hit in hits:
        for i in range(max(0, hit.start), min(len(kept), hit.end)):
            kept[i] = " "
    rest = "".join(kept)
    phrases: list[str] = []
    for m in _PHRASE_RE.finditer(rest):
        words = m.group(1).split()
        while words and (words[-1].lower() in _STOP or words[-1].lower() in _LOADED):
            words.pop()
        if not words or words[0].lower() in _STOP or words[0].lower() in _LOADED:
            continue
        det = m.group(0).split()[0].lower()
        det = "your" if det == "ur" else det
        phrase = f"{det} {' '.join(w.lower() for w in words)}"
        if phrase not in phrases:
            phrases.append(phrase)
    if not phrases:
        words = [
            w.lower()
            for w in _WORD_RE.findall(rest)
            if w.lower() not in _STOP and w.lower() not in _LOADED and len(w) > 2
        ]
        if words:
            phrases.append(" ".join(dict.fromkeys(words[:3])))
    return " and ".join(phrases[:2])


def _compose(labels: set[str], topic: str) -> str:
    if labels == {"stonewalling"}:
        # a quoted tail ("stop asking") reads oddly here; only a noun phrase fits
        return _PAUSE_TEMPLATE.format(
            topic=topic if topic and not topic.startswith('"') else "this"
        )
    return _TEMPLATE.format(about=f" about {topic}" if topic else "")


def rewrite_message(text: str, patterns: Sequence[PatternHit]) -> str | None:
    """Return a gentler observation -> feeling -> need -> request version, or None.

    ``patterns`` are the hits of :func:`~attune.analysis.patterns.detect_patterns`
    for ``text``. Returns ``None`` when none of them is harmful. Brackets mark
    what the user should fill in; the rest reuses the message's own topic.
    """
    harmful = [p for p in patterns if p.harmful]
    if not harmful:
        return None
    from attune.analysis.patterns import detect_patterns  # local: patterns is the heavier module

    labels = {p.label for p in harmful}
    topic = _topic(text, harmful)
    suggestion = _compose(labels, topic)
    if any(h.harmful for h in detect_patterns([suggestion])[0]):
        suggestion = _compose(labels, "")  # the topic words themselves read as a pattern
    return suggestion
