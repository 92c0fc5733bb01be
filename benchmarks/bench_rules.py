"""CPU time per message of pattern detection and safety triage, one version against another.

Usage::

    .venv/bin/python benchmarks/bench_rules.py                      # this tree only
    .venv/bin/python benchmarks/bench_rules.py --before OLD/src     # A/B against another tree

``OLD/src`` is the ``src`` folder of another checkout, for example one made with
``git worktree add /tmp/old <commit>``. Each version runs in its own process; the
two take turns on the same slices of messages (4,000 at a time, ten slices per
measurement) so that load from other work on a shared machine falls on both
alike. Times are CPU seconds (``time.process_time``), not wall time.

Inputs: the first 40,000 GoEmotions training lines (``../shared/data``) and
40,000 synthetic short chat lines drawn from everyday words (fixed seed).
"both" runs ``detect_patterns`` and then ``assess_risk`` on the same slice, as the
analysis pipeline does.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOEMOTIONS = REPO.parent / "shared" / "data" / "goemotions" / "train.tsv"
SLICE, SLICES = 4_000, 10
WORDS = [
    "i",
    "you",
    "u",
    "love",
    "can",
    "we",
    "the",
    "a",
    "to",
    "it",
    "is",
    "so",
    "and",
    "just",
    "what",
    "are",
    "how",
    "was",
    "that",
    "this",
    "my",
    "your",
    "me",
    "ok",
    "lol",
    "haha",
    "yes",
    "no",
    "sure",
    "thanks",
    "home",
    "soon",
    "later",
    "tonight",
    "dinner",
    "work",
    "day",
    "late",
    "sorry",
    "miss",
    "babe",
    "call",
    "text",
    "now",
    "get",
    "go",
    "want",
    "need",
    "feel",
    "tired",
    "happy",
    "good",
    "great",
    "fine",
    "why",
    "when",
    "where",
    "im",
    "dont",
    "cant",
    "will",
    "be",
    "have",
    "do",
    "did",
    "not",
    "really",
    "too",
    "see",
    "back",
    "on",
    "at",
    "for",
    "with",
    "in",
    "of",
]


def _datasets() -> dict[str, list[str]]:
    rng = random.Random(1)
    chat = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 10)))
        + rng.choice(["", "?", "!", ".", " 😊"])
        for _ in range(SLICE * SLICES)
    ]
    data = {"chat": chat}
    if GOEMOTIONS.exists():
        lines = GOEMOTIONS.read_text(encoding="utf-8").splitlines()
        data["goemotions"] = [line.split("\t", 1)[0] for line in lines[: SLICE * SLICES]]
    return data


def worker(src: str) -> None:
    """Serve timing requests on stdin: ``FUNCTION DATASET START STOP`` -> µs per message."""
    sys.path.insert(0, src)
    from attune.analysis.patterns import detect_patterns
    from attune.analysis.risk import assess_risk

    def both(texts: list[str]) -> None:
        detect_patterns(texts)
        assess_risk(texts)

    fns = {"patterns": detect_patterns, "risk": assess_risk, "both": both}
    data = _datasets()
    detect_patterns(data["chat"][:500])
    assess_risk(data["chat"][:500])
    print("ready", flush=True)
    for line in sys.stdin:
        name, dataset, start, stop = line.split()
        texts = data[dataset][int(start) : int(stop)]
        t0 = time.process_time()
        fns[name](texts)
        print((time.process_time() - t0) / len(texts) * 1e6, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", help="src folder of the version to compare against")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker)
        return
    sides = {"after": str(REPO / "src")}
    if args.before:
        sides = {"before": args.before, **sides}
    procs = {
        name: subprocess.Popen(
            [sys.executable, __file__, "--worker", src],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name, src in sides.items()
    }
    for proc in procs.values():
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    print("| function | messages | " + " | ".join(f"{n} µs/msg" for n in sides) + " |")
    print("|---|---|" + "---:|" * len(sides))
    for name in ("patterns", "risk", "both"):
        for dataset in _datasets():
            got: dict[str, list[float]] = {n: [] for n in sides}
            for k in range(SLICES):
                order = list(procs.items())
                for side, proc in order if k % 2 == 0 else order[::-1]:
                    assert proc.stdin is not None and proc.stdout is not None
                    proc.stdin.write(f"{name} {dataset} {k * SLICE} {(k + 1) * SLICE}\n")
                    proc.stdin.flush()
                    got[side].append(float(proc.stdout.readline()))
            cells = " | ".join(f"{statistics.mean(v):.1f}" for v in got.values())
            print(f"| {name} | {dataset} | {cells} |", flush=True)
    for proc in procs.values():
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait()


if __name__ == "__main__":
    main()
