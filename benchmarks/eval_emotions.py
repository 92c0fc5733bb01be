"""Macro-F1 of the shipped emotion model on the GoEmotions test split, with per-label F1.

Usage::

    .venv/bin/python benchmarks/eval_emotions.py [--model PATH] [--split test|dev]
    .venv/bin/python benchmarks/eval_emotions.py --write-docs   # update docs/benchmarks.md

Reads ``../shared/data/goemotions``; the test split is used for nothing else.
A label counts as predicted when its score reaches the label's threshold (the
same rule ``attune analyze`` applies).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
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
DOCS = REPO / "docs" / "benchmarks.md"
SECTION = "## Emotion accuracy"


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
    ap.add_argument("--write-docs", action="store_true", help=f"update {SECTION} in {DOCS}")
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
    micro = 2 * tp.sum() / (pred.sum() + y.sum())
    table = ["| label | support | precision | recall | F1 |", "|---|---:|---:|---:|---:|"]
    for j, label in enumerate(EMOTION_LABELS):
        table.append(
            f"| {label} | {int(y[:, j].sum())} | {precision[j]:.3f} | {recall[j]:.3f} "
            f"| {f1[j]:.3f} |"
        )
    size = args.model.stat().st_size / 1e6
    report = "\n".join(
        [
            SECTION,
            "",
            f"GoEmotions {args.split} split ({len(texts):,} texts, 28 labels), measured "
            f"{dt.date.today().isoformat()} with `.venv/bin/python benchmarks/eval_emotions.py`.",
            f"Model: `{args.model.name}` ({size:.2f} MB), hashed word 1-2 grams and character "
            "n-grams, one logistic regression per label, thresholds tuned on the dev split "
            "(`scripts/train_emotions.py`).",
            "",
            f"**Macro-F1: {f1.mean():.4f}**, micro-F1: {micro:.4f}. For scale: the GoEmotions "
            "paper reports macro-F1 0.46 for fine-tuned BERT on this split. The test split is "
            "read only here; model choices were made on dev.",
            "",
            *table,
        ]
    )
    print(report)
    if args.write_docs:
        if args.split != "test" or args.model != DEFAULT_MODEL_PATH:
            sys.exit("--write-docs reports the shipped model on the test split only")
        write_docs(report)
        print(f"\nupdated {DOCS}")


def write_docs(text: str) -> None:
    DOCS.parent.mkdir(exist_ok=True)
    old = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(old):
        new = pattern.sub(lambda _: text + "\n", old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    DOCS.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
