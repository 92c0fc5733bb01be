"""Macro-F1 of the shipped emotion model on the GoEmotions test split, with per-label F1.

Usage::

    .venv/bin/python benchmarks/eval_emotions.py [--model PATH] [--split test|dev]

Reads ``../shared/data/goemotions``; the test split is used for nothing else.
A label counts as predicted when its score reaches the label's threshold (the
same rule ``attune analyze`` applies).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from attune.analysis.emotions import (  # noqa: E402
    DEFAULT_MODEL_PATH,
    EMOTION_LABELS,
    EmotionModel,
)

DATA = REPO.parent / "shared" / "data" / "goemotions"


def read_split(name: str) -> tuple[list[str], np.ndarray]:
    texts: list[str] = []
    y = []
    with open(DATA / f"{name}.tsv", encoding="utf-8") as f:
        for line in f:
            text, ids, _ = line.rstrip("\n").split("\t")
            texts.append(text)
            row = np.zeros(len(EMOTION_LABELS), dtype=bool)
            row[[int(i) for i in ids.split(",")]] = True
            y.append(row)
    return texts, np.array(y)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL_PATH)
    ap.add_argument("--split", choices=("test", "dev"), default="test")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"GoEmotions not found at {DATA} (clone with ../shared beside the repo)")
    texts, y = read_split(args.split)
    model = EmotionModel.load(args.model)
    predicted = model.predict(texts)
    pred = np.zeros_like(y)
    index = {label: j for j, label in enumerate(EMOTION_LABELS)}
    for i, labels in enumerate(predicted):
        for lab in labels:
            pred[i, index[lab.label]] = True
    tp = (pred & y).sum(0)
    precision = tp / np.maximum(pred.sum(0), 1)
    recall = tp / np.maximum(y.sum(0), 1)
    f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    print(f"GoEmotions {args.split} split: {len(texts)} texts, model {args.model.name}")
    print(f"{'label':<16}{'support':>8}{'precision':>11}{'recall':>8}{'F1':>7}")
    for j, label in enumerate(EMOTION_LABELS):
        print(
            f"{label:<16}{int(y[:, j].sum()):>8}{precision[j]:>11.3f}{recall[j]:>8.3f}{f1[j]:>7.3f}"
        )
    micro_tp, micro_pred, micro_true = tp.sum(), pred.sum(), y.sum()
    micro = 2 * micro_tp / (micro_pred + micro_true)
    print(f"macro-F1: {f1.mean():.4f}")
    print(f"micro-F1: {micro:.4f}")


if __name__ == "__main__":
    main()
