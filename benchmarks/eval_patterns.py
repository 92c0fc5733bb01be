"""Measure pattern detection on the project's own labelled development set.

Usage::

    .venv/bin/python benchmarks/eval_patterns.py            # dev and held-out splits
    .venv/bin/python benchmarks/eval_patterns.py --errors   # also list the mistakes
    .venv/bin/python benchmarks/eval_patterns.py --speed    # msgs/s on 50k GoEmotions lines

The set (``benchmarks/data/patterns_dev.jsonl``) was written for this project:
each line is ``{"text", "labels", "split"}``; ``split`` is ``dev`` (used while
writing the rules) or ``heldout`` (about 25%, only evaluated).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from attune.analysis.patterns import detect_patterns  # noqa: E402
from attune.analysis.types import HARMFUL_PATTERNS, PATTERN_LABELS  # noqa: E402

DATA = REPO / "benchmarks" / "data" / "patterns_dev.jsonl"
GOEMOTIONS = REPO.parent / "shared" / "data" / "goemotions" / "train.tsv"


def load(split: str | None = None) -> list[dict[str, object]]:
    """Rows of the development set, optionally one split only."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if split is None or r["split"] == split]


def evaluate(rows: list[dict[str, object]]) -> dict[str, object]:
    """Per-label precision/recall/F1, micro-F1 and the healthy-message flag rate."""
    texts = [str(r["text"]) for r in rows]
    predicted = [{h.label for h in hits} for hits in detect_patterns(texts)]
    gold = [set(r["labels"]) for r in rows]  # type: ignore[arg-type]
    per: dict[str, dict[str, float]] = {}
    tp_all = fp_all = fn_all = 0
    for label in PATTERN_LABELS:
        tp = sum(1 for p, g in zip(predicted, gold, strict=True) if label in p and label in g)
        fp = sum(1 for p, g in zip(predicted, gold, strict=True) if label in p and label not in g)
        fn = sum(1 for p, g in zip(predicted, gold, strict=True) if label not in p and label in g)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    micro_p = tp_all / (tp_all + fp_all) if tp_all + fp_all else 1.0
    micro_r = tp_all / (tp_all + fn_all) if tp_all + fn_all else 1.0
    harmful = set(HARMFUL_PATTERNS)
    healthy = [i for i, g in enumerate(gold) if not g & harmful]
    flagged = sum(1 for i in healthy if predicted[i] & harmful)
    errors = [
        (texts[i], sorted(gold[i]), sorted(predicted[i]))
        for i in range(len(texts))
        if gold[i] != predicted[i]
    ]
    return {
        "n": len(rows),
        "per_label": per,
        "micro_precision": micro_p,
        "micro_recall": micro_r,
        "micro_f1": 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0,
        "healthy": len(healthy),
        "healthy_flag_rate": flagged / len(healthy) if healthy else 0.0,
        "errors": errors,
    }


def speed(n: int = 50_000) -> float:
    """Messages per second over the first ``n`` GoEmotions training lines."""
    lines = [ln.split("\t", 1)[0] for ln in GOEMOTIONS.read_text(encoding="utf-8").splitlines()]
    texts = (lines * (n // len(lines) + 1))[:n]
    detect_patterns(texts[:1000])
    t0 = time.perf_counter()
    detect_patterns(texts)
    return n / (time.perf_counter() - t0)


def _print(name: str, res: dict[str, object]) -> None:
    print(f"\n## {name} (n={res['n']})")
    print("| label | precision | recall | F1 | support |\n|---|---|---|---|---|")
    for label, m in res["per_label"].items():  # type: ignore[attr-defined]
        print(
            f"| {label} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |"
            f" {int(m['support'])} |"
        )
    print(
        f"micro P {res['micro_precision']:.3f} R {res['micro_recall']:.3f} "
        f"F1 {res['micro_f1']:.3f}; healthy messages flagged: {res['healthy_flag_rate']:.1%} "
        f"of {res['healthy']}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list misclassified messages")
    ap.add_argument("--speed", action="store_true", help="time 50k GoEmotions lines")
    args = ap.parse_args()
    for split in ("dev", "heldout", "heldout2", None):
        res = evaluate(load(split))
        _print(split or "all", res)
        if args.errors:
            for text, g, p in res["errors"]:  # type: ignore[attr-defined]
                print(f"  gold={g} pred={p} :: {text}")
    if args.speed and GOEMOTIONS.exists():
        print(f"\ndetect_patterns: {speed():,.0f} msgs/s (50k GoEmotions lines, one core)")


if __name__ == "__main__":
    main()
