"""Measure the safety triage on the project's own sets and on public evaluation sets.

Usage::

    .venv/bin/python benchmarks/eval_risk.py             # own sets + public sets found
    .venv/bin/python benchmarks/eval_risk.py --errors    # also list the misses
    .venv/bin/python benchmarks/eval_risk.py --speed     # msgs/s on 50k GoEmotions lines

Own sets (``benchmarks/data/risk_dev.jsonl``, written for this project): crisis
messages (self-harm and violence), abuse / coercive-control messages, figures of
speech (hard negatives) and neutral messages, each split ``dev``/``heldout``.

Public sets (evaluation only, never shipped, read from ``../shared/data``):
Reddit C-SSRS 500 users (CC BY 4.0; a user is at risk unless labelled
Supportive; a user is flagged when any of their posts is), SDCNL (no licence
stated; r/SuicideWatch vs r/depression posts), LearnedHands domestic violence
(CC BY-NC-SA 4.0) and Reddit domestic-violence posts (no licence stated).
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from attune.analysis.risk import assess_risk  # noqa: E402

DATA = REPO / "benchmarks" / "data" / "risk_dev.jsonl"
SHARED = REPO.parent / "shared" / "data"
csv.field_size_limit(sys.maxsize)


def load(split: str | None = None) -> list[dict[str, object]]:
    """Rows of the own risk set, optionally one split only."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if split is None or r["split"] == split]


def evaluate_own(rows: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    """Recall per set (any flag; crisis level for crisis rows) and false alarms on the rest."""
    risks = assess_risk([str(r["text"]) for r in rows])
    out: dict[str, dict[str, object]] = {}
    for name in ("crisis", "abuse", "figures", "neutral"):
        idx = [i for i, r in enumerate(rows) if r["set"] == name]
        if not idx:
            continue
        flagged = [i for i in idx if risks[i].level != "none"]
        res: dict[str, object] = {"n": len(idx), "flagged": len(flagged) / len(idx)}
        if name == "crisis":
            res["crisis_level"] = sum(1 for i in idx if risks[i].level == "crisis") / len(idx)
            for cat in ("self_harm", "violence"):
                cidx = [i for i in idx if rows[i]["category"] == cat]
                res[f"recall_{cat}"] = sum(1 for i in cidx if risks[i].level == "crisis") / max(
                    1, len(cidx)
                )
        if name == "abuse":
            res["category_abuse"] = sum(1 for i in idx if risks[i].category == "abuse") / len(idx)
        if name == "neutral":
            res["exact"] = sum(1 for i in idx if risks[i].level == rows[i]["level"]) / len(idx)
        res["misses" if name in ("crisis", "abuse") else "alarms"] = [
            (str(rows[i]["text"]), risks[i].level, risks[i].category)
            for i in idx
            if (risks[i].level == "none") == (name in ("crisis", "abuse"))
        ]
        out[name] = res
    return out


def _binary(gold: list[bool], pred: list[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum((not g) and p for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {
        "n": len(gold),
        "precision": prec,
        "recall": rec,
        "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "negatives_flagged": fp / max(1, len(gold) - sum(gold)),
    }


def evaluate_public() -> dict[str, dict[str, float]]:
    """Binary any-risk evaluation on each public set that is present."""
    out: dict[str, dict[str, float]] = {}
    path = SHARED / "reddit-cssrs-500" / "500_Reddit_users_posts_labels.csv"
    if path.exists():
        gold, pred = [], []
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                try:
                    posts = [str(p) for p in ast.literal_eval(row["Post"])]
                except (ValueError, SyntaxError):
                    posts = [row["Post"]]
                gold.append(row["Label"].strip().lower() != "supportive")
                pred.append(any(r.level != "none" for r in assess_risk(posts)))
        out["reddit-cssrs-500 (user level, at-risk vs supportive)"] = _binary(gold, pred)
    path = SHARED / "sdcnl" / "testing-set.csv"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        texts = [f"{r['title']}. {r['selftext']}" for r in rows]
        gold = [r["is_suicide"].strip() == "1" for r in rows]
        pred = [r.level != "none" for r in assess_risk(texts)]
        out["sdcnl test (SuicideWatch vs depression)"] = _binary(gold, pred)
    path = SHARED / "learnedhands-domestic-violence" / "test.tsv"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        gold = [r["label"].strip().lower() == "yes" for r in rows]
        pred = [r.level != "none" for r in assess_risk([r["text"] for r in rows])]
        out["learnedhands-domestic-violence (DV yes/no)"] = _binary(gold, pred)
    path = SHARED / "reddit-domestic-violence" / "DomesticViolenceDataBase.csv"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        gold = [r["Label"].strip() == "1" for r in rows]
        pred = [r.level != "none" for r in assess_risk([r["Post"] for r in rows])]
        out["reddit-domestic-violence (critical vs not)"] = _binary(gold, pred)
    return out


def speed(n: int = 50_000) -> tuple[float, float]:
    """Messages per second (wall, CPU) over ``n`` GoEmotions training lines."""
    src = SHARED / "goemotions" / "train.tsv"
    lines = [ln.split("\t", 1)[0] for ln in src.read_text(encoding="utf-8").splitlines()]
    texts = (lines * (n // len(lines) + 1))[:n]
    assess_risk(texts[:1000])
    t0, c0 = time.perf_counter(), time.process_time()
    assess_risk(texts)
    return n / (time.perf_counter() - t0), n / (time.process_time() - c0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    ap.add_argument("--speed", action="store_true", help="time 50k GoEmotions lines")
    args = ap.parse_args()
    for split in ("dev", "heldout", None):
        print(f"\n## own sets: {split or 'all'}")
        for name, res in evaluate_own(load(split)).items():
            nums = {
                k: (round(v, 3) if isinstance(v, float) else v)
                for k, v in res.items()
                if not isinstance(v, list)
            }
            print(f"{name}: {nums}")
            if args.errors:
                for item in res.get("misses", res.get("alarms", [])):  # type: ignore[union-attr]
                    print(f"    {item}")
    print("\n## public sets (evaluation only)")
    for name, res in evaluate_public().items():
        print(
            f"{name}: "
            + ", ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in res.items()
            )
        )
    if args.speed:
        wall, cpu = speed()
        print(f"\nassess_risk: {wall:,.0f} msgs/s wall, {cpu:,.0f} msgs/s CPU (50k GoEmotions)")


if __name__ == "__main__":
    main()
