"""Emotions in text: the 27 GoEmotions labels plus neutral, several per text, with scores.

A linear model over hashed word and character n-grams (``features.py``), one
logistic regression per label, trained by ``scripts/train_emotions.py`` on the
GoEmotions train split. Each label has its own decision threshold, tuned on
the dev split; only labels whose score reaches it are reported.

The model is a small compressed numpy file shipped in ``models/`` and loaded
once, offline, with numpy and scipy only.

>>> [e.label for e in predict_emotions(["Thank you so much for this!"])[0]]
['gratitude']
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse

from attune.analysis.features import FeatureSpec, featurize
from attune.analysis.types import Label
from attune.errors import AnalysisError

F32 = npt.NDArray[np.float32]

EMOTION_LABELS: tuple[str, ...] = (
    "admiration",
    "amusement",
    "anger",
    "annoyance",
    "approval",
    "caring",
    "confusion",
    "curiosity",
    "desire",
    "disappointment",
    "disapproval",
    "disgust",
    "embarrassment",
    "excitement",
    "fear",
    "gratitude",
    "grief",
    "joy",
    "love",
    "nervousness",
    "optimism",
    "pride",
    "realization",
    "relief",
    "remorse",
    "sadness",
    "surprise",
    "neutral",
)

DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "models" / "emotions.npz"
FORMAT_VERSION = 1
_SCORE_STEPS = 10_001  # scores 0.0000 .. 1.0000


@dataclass(frozen=True, slots=True)
class _Group:
    """The weights of one feature group, with the squared idf as an extra last column."""

    lookup: npt.NDArray[np.int32]  # bucket -> row of ``table``; unknown buckets -> zero row
    table: F32  # rows x (labels + 1)


class EmotionModel:
    """The trained emotion model: score texts, or pick the labels above threshold.

    >>> model = EmotionModel.load()
    >>> model.scores(["I miss you"]).shape
    (1, 28)
    """

    def __init__(
        self,
        spec: FeatureSpec,
        labels: Sequence[str],
        groups: Sequence[_Group],
        intercepts: F32,
        thresholds: F32,
    ) -> None:
        self.spec = spec
        self.labels = tuple(labels)
        self._groups = tuple(groups)
        self.intercepts = intercepts
        self.thresholds = thresholds
        # compare raw margins with thresholds on the same scale: no sigmoid on the hot path
        clipped = np.clip(thresholds.astype(np.float64), 1e-9, 1 - 1e-9)
        self._margin_thresholds = np.log(clipped / (1 - clipped)).astype(np.float32)
        self._label_cache: dict[int, Label] = {}

    @classmethod
    def load(cls, path: Path | str = DEFAULT_MODEL_PATH) -> EmotionModel:
        """Read a model file written by ``scripts/train_emotions.py``."""
        path = Path(path)
        try:
            with np.load(path, allow_pickle=False) as f:
                data = {k: f[k] for k in f.files}
        except (OSError, ValueError) as e:
            raise AnalysisError(
                f"Can't read the emotion model at {path} ({type(e).__name__}). "
                "Reinstall attune, or retrain it with scripts/train_emotions.py."
            ) from None
        version = int(data["format_version"])
        if version != FORMAT_VERSION:
            raise AnalysisError(
                f"The emotion model at {path} has format {version}; this attune reads "
                f"format {FORMAT_VERSION}. Retrain it with scripts/train_emotions.py."
            )
        bits, bigrams, char_min, char_max = (int(v) for v in data["spec"])
        spec = FeatureSpec(
            bits=bits, word_bigrams=bool(bigrams), char_min=char_min, char_max=char_max
        )
        groups = []
        for name in ("word", "char"):
            buckets = data[f"{name}_buckets"].astype(np.int64)
            weights = data[f"{name}_weights"].astype(np.float32)
            if f"{name}_scales" in data:  # int8 weights, one scale per label
                weights *= data[f"{name}_scales"].astype(np.float32)
            idf2 = data[f"{name}_idf2"].astype(np.float32)
            zero_row = len(buckets)
            lookup = np.full(spec.null + 1, zero_row, dtype=np.int32)
            lookup[buckets] = np.arange(len(buckets), dtype=np.int32)
            table = np.zeros((len(buckets) + 1, weights.shape[1] + 1), dtype=np.float32)
            table[:-1, :-1] = weights
            table[:-1, -1] = idf2
            groups.append(_Group(lookup, table))
        return cls(
            spec,
            [str(s) for s in data["labels"]],
            groups,
            data["intercepts"].astype(np.float32),
            data["thresholds"].astype(np.float32),
        )

    def margins(self, texts: Sequence[str]) -> F32:
        """Raw per-label log-odds, a texts-by-labels matrix."""
        batch = featurize(texts, self.spec)
        n = batch.n_docs
        out = np.zeros((n, len(self.labels)), dtype=np.float32)
        for group, parts in zip(self._groups, (batch.word, batch.char), strict=True):
            acc = np.zeros((n, group.table.shape[1]), dtype=np.float32)
            for indptr, bucket in parts:
                rows = group.lookup[bucket]
                ones = np.ones(len(rows), dtype=np.float32)
                m = sparse.csr_matrix((ones, rows, indptr), shape=(n, group.table.shape[0]))
                acc += m @ group.table
            norm = np.sqrt(acc[:, -1])
            norm[norm == 0] = 1.0
            out += acc[:, :-1] / norm[:, None]
        out += self.intercepts
        return out

    def scores(self, texts: Sequence[str]) -> F32:
        """Per-label probabilities in [0, 1], a texts-by-labels matrix."""
        one = np.float32(1.0)
        probs: F32 = one / (one + np.exp(-self.margins(texts)))
        return probs

    def predict(self, texts: Sequence[str]) -> list[tuple[Label, ...]]:
        """The labels at or above their thresholds for each text, highest score first.

        A text with nothing but white space has no emotions.
        """
        margins = self.margins(texts)
        hits = margins >= self._margin_thresholds
        blank = [i for i, t in enumerate(texts) if not t or t.isspace()]
        hits[blank] = False
        out: list[tuple[Label, ...]] = [()] * len(texts)
        rows, cols = np.nonzero(hits)
        if len(rows) == 0:
            return out
        probs = 1.0 / (1.0 + np.exp(-margins[rows, cols].astype(np.float64)))
        # Scores are kept to 4 decimals (as the JSON shows them), so Label objects
        # repeat and can be shared: building them is the slow part for big batches.
        keys = cols * _SCORE_STEPS + np.rint(probs * (_SCORE_STEPS - 1)).astype(np.int64)
        # group by row (np.nonzero is row-major), then order each row by score
        order = np.lexsort((-(keys % _SCORE_STEPS), rows))
        rows, keys = rows[order], keys[order]
        cache, make = self._label_cache, self._make_label
        found = [cache.get(k) or make(k) for k in keys.tolist()]
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]).tolist()
        ends = [*starts[1:], len(found)]
        for r, s, e in zip(rows[starts].tolist(), starts, ends, strict=True):
            out[r] = tuple(found[s:e])
        return out

    def _make_label(self, key: int) -> Label:
        col, steps = divmod(key, _SCORE_STEPS)
        label = Label(self.labels[col], round(steps / (_SCORE_STEPS - 1), 4))
        self._label_cache[key] = label
        return label


_MODEL_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def default_model() -> EmotionModel:
    """The shipped model, loaded once per process (once, even when threads race to it)."""
    with _MODEL_LOCK:
        return EmotionModel.load()


def emotion_scores(texts: Sequence[str]) -> F32:
    """Per-label probabilities of the shipped model (columns in ``EMOTION_LABELS`` order)."""
    return default_model().scores(texts)


def predict_emotions(texts: Sequence[str]) -> list[tuple[Label, ...]]:
    """The emotions of each text above their thresholds, highest score first.

    >>> predict_emotions(["I'm so sorry, that was my fault"])[0][0].label
    'remorse'
    """
    return default_model().predict(texts)
