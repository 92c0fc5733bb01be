"""Train the shipped emotion model from GoEmotions (train split; thresholds tuned on dev).

Usage::

    .venv/bin/python scripts/train_emotions.py            # writes the shipped artefact
    .venv/bin/python scripts/train_emotions.py --C 4 --out /tmp/emotions.npz

The shipped artefact (defaults: C=2, word 1-2 grams with df >= 2, character
2-5 grams with df >= 3, the 70,000 strongest features refitted, int8 weights)
took about 8 minutes on 2 busy cores; dev macro-F1 with thresholds tuned on the
other half of dev was 0.479.

The features come from ``attune.analysis.features`` (the same code the runtime
uses); scikit-learn fits one logistic regression per label. Each label then
gets its own decision threshold, the one that maximises F1 on the dev split.
The test split is never read here (see ``benchmarks/eval_emotions.py``).

Data: ``../shared/data/goemotions`` (Apache-2.0, Demszky et al., ACL 2020).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from joblib import Parallel, delayed
from scipy import sparse
from sklearn.linear_model import LogisticRegression

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from attune.analysis.emotions import (  # noqa: E402
    DEFAULT_MODEL_PATH,
    EMOTION_LABELS,
    FORMAT_VERSION,
    EmotionModel,
)
from attune.analysis.features import FeatureSpec, count_matrix, featurize  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "goemotions"


def read_split(name: str) -> tuple[list[str], np.ndarray]:
    """Texts and a documents-by-labels 0/1 matrix of one GoEmotions split."""
    texts: list[str] = []
    rows: list[list[int]] = []
    with open(DATA / f"{name}.tsv", encoding="utf-8") as f:
        for line in f:
            text, ids, _ = line.rstrip("\n").split("\t")
            texts.append(text)
            rows.append([int(i) for i in ids.split(",")])
    y = np.zeros((len(texts), len(EMOTION_LABELS)), dtype=np.int8)
    for i, ids in enumerate(rows):
        y[i, ids] = 1
    return texts, y


def group_counts(texts: list[str], spec: FeatureSpec) -> tuple[sparse.csr_matrix, ...]:
    batch = featurize(texts, spec)
    width = spec.null + 1
    word = count_matrix(batch.word, batch.n_docs, n_cols=width)
    char = count_matrix(batch.char, batch.n_docs, n_cols=width)
    return word.tocsr(), char.tocsr()


def idf_of(counts: sparse.csr_matrix, min_df: int) -> np.ndarray:
    """Smoothed inverse document frequency; zero for rare buckets and the null bucket."""
    n = counts.shape[0]
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    idf = np.log((1 + n) / (1 + df)) + 1.0
    idf[df < min_df] = 0.0
    idf[-1] = 0.0
    return idf


def weighted(counts: sparse.csr_matrix, idf: np.ndarray, keep: np.ndarray) -> sparse.csr_matrix:
    """Counts times idf over the kept columns, each row divided by its norm.

    The norm is sqrt(sum over occurrences of idf**2), which the runtime computes
    without merging repeated n-grams (``emotions.EmotionModel.scores``).
    """
    norm = np.sqrt(counts @ (idf**2))
    norm[norm == 0] = 1.0
    x = sparse.diags(1.0 / norm) @ counts @ sparse.diags(idf)
    return x.tocsr()[:, keep]


def fit_label(x: sparse.csr_matrix, y: np.ndarray, c: float, balanced: bool) -> np.ndarray:
    model = LogisticRegression(
        C=c,
        solver="liblinear",
        class_weight="balanced" if balanced else None,
        max_iter=200,
    )
    model.fit(x, y)
    return np.concatenate([model.coef_.ravel(), model.intercept_])


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The threshold on ``p`` with the highest F1 for labels ``y`` (and that F1)."""
    order = np.argsort(-p)
    ps, ys = p[order], y[order]
    tp = np.cumsum(ys)
    k = np.arange(1, len(ps) + 1)
    f1 = 2 * tp / (k + ys.sum())
    # only cut between distinct scores
    last = np.r_[ps[1:] != ps[:-1], True]
    f1 = np.where(last, f1, -1)
    i = int(np.argmax(f1))
    cut = (ps[i] + ps[i + 1]) / 2 if i + 1 < len(ps) else ps[i] / 2
    return float(cut), float(f1[i])


def macro_f1(p: np.ndarray, y: np.ndarray, thresholds: np.ndarray) -> float:
    pred = p >= thresholds
    tp = (pred & (y == 1)).sum(0)
    denom = pred.sum(0) + y.sum(0)
    f1 = np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
    return float(f1.mean())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--C", type=float, default=2.0, help="inverse regularisation strength")
    ap.add_argument("--bits", type=int, default=20)
    ap.add_argument("--char-min", type=int, default=2)
    ap.add_argument("--char-max", type=int, default=5)
    ap.add_argument("--min-df-word", type=int, default=2)
    ap.add_argument("--min-df-char", type=int, default=3)
    ap.add_argument(
        "--max-features", type=int, default=70_000, help="keep the strongest; 0 keeps all"
    )
    ap.add_argument("--balanced", action="store_true", help="balance classes per label")
    ap.add_argument(
        "--float16", dest="int8", action="store_false", help="store float16, not int8, weights"
    )
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"GoEmotions not found at {DATA} (clone with ../shared beside the repo)")

    t0 = time.perf_counter()
    spec = FeatureSpec(bits=args.bits, char_min=args.char_min, char_max=args.char_max)
    train_texts, y_train = read_split("train")
    dev_texts, y_dev = read_split("dev")
    tw, tc = group_counts(train_texts, spec)
    idf_w = idf_of(tw, args.min_df_word)
    idf_c = idf_of(tc, args.min_df_char)
    keep_w = np.flatnonzero(idf_w > 0)
    keep_c = np.flatnonzero(idf_c > 0)

    def fit(keep_w: np.ndarray, keep_c: np.ndarray) -> np.ndarray:
        x = sparse.hstack([weighted(tw, idf_w, keep_w), weighted(tc, idf_c, keep_c)]).tocsr()
        print(f"fitting {x.shape[1]} features on {x.shape[0]} texts", flush=True)
        cols = Parallel(n_jobs=args.jobs)(
            delayed(fit_label)(x, y_train[:, j], args.C, args.balanced)
            for j in range(len(EMOTION_LABELS))
        )
        return np.stack(cols, axis=1)  # (features + 1) x labels

    coef = fit(keep_w, keep_c)
    if args.max_features and len(keep_w) + len(keep_c) > args.max_features:
        strength = np.abs(coef[:-1]).max(axis=1)
        top = np.sort(np.argsort(-strength)[: args.max_features])
        keep_w, keep_c = (
            keep_w[top[top < len(keep_w)]],
            keep_c[top[top >= len(keep_w)] - len(keep_w)],
        )
        coef = fit(keep_w, keep_c)

    w_n = len(keep_w)
    arrays: dict[str, np.ndarray] = dict(
        format_version=np.array(FORMAT_VERSION),
        labels=np.array(EMOTION_LABELS),
        spec=np.array([spec.bits, int(spec.word_bigrams), spec.char_min, spec.char_max]),
        word_buckets=keep_w.astype(np.int32),
        word_idf2=(idf_w[keep_w] ** 2).astype(np.float16),
        char_buckets=keep_c.astype(np.int32),
        char_idf2=(idf_c[keep_c] ** 2).astype(np.float16),
        intercepts=coef[-1].astype(np.float32),
        thresholds=np.full(len(EMOTION_LABELS), 0.5, dtype=np.float32),
    )
    for name, weights in (
        ("word", coef[:w_n] * idf_w[keep_w, None]),
        ("char", coef[w_n:-1] * idf_c[keep_c, None]),
    ):
        if args.int8:  # a quarter of the size; thresholds below are tuned on these weights
            scales = np.abs(weights).max(axis=0) / 127
            scales[scales == 0] = 1.0
            arrays[f"{name}_weights"] = np.round(weights / scales).astype(np.int8)
            arrays[f"{name}_scales"] = scales.astype(np.float32)
        else:
            arrays[f"{name}_weights"] = weights.astype(np.float16)
    np.savez_compressed(args.out, **arrays)

    # Tune thresholds on dev with the runtime code itself, so the shipped numbers
    # (float16 weights included) are exactly the ones tuned.
    p_dev = EmotionModel.load(args.out).scores(dev_texts).astype(np.float64)
    arrays["thresholds"] = np.array(
        [best_threshold(p_dev[:, j], y_dev[:, j])[0] for j in range(len(EMOTION_LABELS))],
        dtype=np.float32,
    )
    np.savez_compressed(args.out, **arrays)
    # An honest estimate of the tuned model: tune on one half of dev, score the other.
    rng = np.random.default_rng(0)
    half = rng.permutation(len(dev_texts)) < len(dev_texts) // 2
    cross = []
    for a, b in ((half, ~half), (~half, half)):
        t = np.array([best_threshold(p_dev[a, j], y_dev[a, j])[0] for j in range(28)])
        cross.append(macro_f1(p_dev[b], y_dev[b], t))
    print(f"dev macro-F1, thresholds tuned on the other half: {np.mean(cross):.4f}")
    size = args.out.stat().st_size / 1e6
    print(f"wrote {args.out} ({size:.2f} MB, {w_n} word + {len(keep_c)} char features)")
    print(f"took {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
