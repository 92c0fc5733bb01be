"""Keyword retrieval (BM25) over the content library, to ground the coach in Attune's own material.

Each exercise, ritual, program, assessment and deck becomes one document made
of its title, purpose, tags, the idea it rests on and its steps. Queries are
short: a message plus the situation's keywords.

>>> from attune.content import load_content
>>> index = Index.from_library(load_content())
>>> index.search("phones at dinner", limit=1)[0].item_id  # doctest: +SKIP
'phone-free-dinner.v1'
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"[a-z][a-z']+")
_STOP_WORDS = (
    "a an and are as at be but by for from has have i if in into is it its me my of on or our "
    "so that the their them they this to up us was we what when with you your it's i'm don't "
    "about just really very can do does did how not no"
)
_STOP = frozenset(re.findall(r"\S+", _STOP_WORDS))


def _stem(word: str) -> str:
    for suffix in ("ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def tokenize(text: str) -> list[str]:
    """Lower-cased, lightly stemmed words without stop words."""
    return [
        _stem(w.strip("'")) for w in _WORD.findall(text.lower().replace("-", " ")) if w not in _STOP
    ]


@dataclass(frozen=True)
class Doc:
    """One content item as the coach can cite it."""

    item_id: str
    kind: str
    title: str
    purpose: str
    minutes: int | None
    participants: int
    relationship_types: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Hit:
    item_id: str
    kind: str
    title: str
    score: float
    doc: Doc


def _minutes(item: Any) -> int | None:
    for name in ("duration_minutes", "minutes_per_day"):
        value = getattr(item, name, None)
        if isinstance(value, int):
            return value
    return None


def _participants(item: Any) -> int:
    kind = getattr(item, "kind", "")
    if kind == "exercise":
        return int(item.participants)
    if kind == "assessment":
        return 1
    tags = set(getattr(item, "tags", []) or [])
    return 1 if "solo" in tags else 2


def doc_for(item: Any) -> Doc:
    """Build the searchable document of one content item."""
    parts: list[str] = [
        item.title,
        item.title,  # titles count double
        item.purpose,
        " ".join(getattr(item, "tags", []) or []),
        item.rests_on,
    ]
    for step in getattr(item, "steps", []) or []:
        parts.append(f"{step.title} {step.instruction}")
    parts.extend(getattr(item, "how", []) or [])
    for day in (getattr(item, "days", []) or [])[:10]:
        parts.append(f"{day.title} {day.task}")
    for week in getattr(item, "weeks", []) or []:
        parts.append(f"{week.theme} {week.focus}")
    for prompt in (getattr(item, "prompts", []) or [])[:40]:
        parts.append(f"{prompt.text} {' '.join(prompt.themes)}")
    return Doc(
        item_id=item.id,
        kind=item.kind,
        title=item.title,
        purpose=" ".join(item.purpose.split()),
        minutes=_minutes(item),
        participants=_participants(item),
        relationship_types=tuple(item.relationship_types),
        text=" ".join(parts),
    )


class Index:
    """A BM25 index over content documents (k1=1.5, b=0.75)."""

    def __init__(self, docs: Sequence[Doc], *, k1: float = 1.5, b: float = 0.75):
        self.docs = list(docs)
        self.k1, self.b = k1, b
        self._tf: list[Counter[str]] = [Counter(tokenize(d.text)) for d in self.docs]
        self._len = [sum(tf.values()) for tf in self._tf]
        self._avg = (sum(self._len) / len(self._len)) if self._len else 0.0
        df: Counter[str] = Counter()
        for tf in self._tf:
            df.update(tf.keys())
        n = len(self.docs)
        self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self._by_id = {d.item_id: d for d in self.docs}

    @classmethod
    def from_library(cls, library: Any) -> Index:
        return cls([doc_for(item) for item in library.all_items().values()])

    def get(self, item_id: str) -> Doc | None:
        return self._by_id.get(item_id)

    def search(
        self,
        query: str,
        *,
        limit: int = 3,
        kinds: Iterable[str] | None = None,
        solo_only: bool = False,
        exclude: Iterable[str] = (),
    ) -> list[Hit]:
        """The best-matching items for ``query``, best first; no hits for an empty query."""
        terms = tokenize(query)
        if not terms or not self.docs:
            return []
        allowed = set(kinds) if kinds is not None else None
        skip = set(exclude)
        scored: list[Hit] = []
        for doc, tf, length in zip(self.docs, self._tf, self._len, strict=True):
            if allowed is not None and doc.kind not in allowed:
                continue
            if (solo_only and doc.participants > 1) or doc.item_id in skip:
                continue
            score = 0.0
            for t in terms:
                f = tf.get(t)
                if not f:
                    continue
                norm = self.k1 * (1 - self.b + self.b * length / (self._avg or 1.0))
                score += self._idf[t] * f * (self.k1 + 1) / (f + norm)
            if score > 0:
                scored.append(Hit(doc.item_id, doc.kind, doc.title, score, doc))
        scored.sort(key=lambda h: (-h.score, h.item_id))
        return scored[:limit]
