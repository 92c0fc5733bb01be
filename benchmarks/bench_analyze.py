"""Speed of the whole analysis pipeline against VADER sentiment alone, as whole processes.

Usage::

    .venv/bin/python benchmarks/bench_analyze.py                 # 200,000 messages, 3 repeats
    .venv/bin/python benchmarks/bench_analyze.py --write-docs    # also update docs/benchmarks.md
    .venv/bin/python benchmarks/bench_analyze.py --input my.txt  # your own messages, one a line

Both sides run as fresh processes on the same input file, in the same run,
alternating, and both write one JSON object per message to /dev/null:

* ``attune analyze < input > /dev/null`` (emotions, patterns, risk, rewrite),
* ``python bench_analyze.py --vader < input > /dev/null`` (VADER polarity scores).

The default input is 200,000 lines: shuffled passes (fixed seed) over the
54,263 texts of all three GoEmotions splits in ``../shared/data/goemotions``,
real, short, informal messages. Times include start-up, reading and writing. Peak memory
is the largest resident set of any one process of the run (from ``wait4``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOEMOTIONS = REPO.parent / "shared" / "data" / "goemotions"
DOCS = REPO / "docs" / "benchmarks.md"
SECTION = "## Analysis speed"


def vader_main() -> None:
    """The baseline: VADER scores for each stdin line, one JSON object out per line."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    out = sys.stdout
    for line in sys.stdin:
        text = line.rstrip("\n")
        out.write(json.dumps({"text": text, "sentiment": analyzer.polarity_scores(text)}) + "\n")


def build_input(path: Path, n: int, seed: int) -> None:
    texts: list[str] = []
    for split in ("train", "dev", "test"):
        with open(GOEMOTIONS / f"{split}.tsv", encoding="utf-8") as f:
            texts.extend(line.split("\t", 1)[0] for line in f)
    # Shuffled passes over all texts: a text comes back only a whole pass (54k lines)
    # later, so no chunk of the input holds more repeats than real chats would.
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        written = 0
        while written < n:
            rng.shuffle(texts)
            batch = texts[: n - written]
            f.write("".join(t + "\n" for t in batch))
            written += len(batch)


def run_once(cmd: list[str], input_path: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, all processes) and peak RSS in MiB."""
    with open(input_path, "rb") as stdin:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem = f", {kb / 1024**2:.0f} GiB RAM"
    except (OSError, AttributeError):
        pass
    return (
        f"{model}, {cpus} CPUs{mem}, Linux {platform.release()}, Python {platform.python_version()}"
    )


def write_docs(text: str) -> None:
    DOCS.parent.mkdir(exist_ok=True)
    old = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(old):
        new = pattern.sub(lambda _: text + "\n", old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    DOCS.write_text(new, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vader", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--messages", type=int, default=200_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--input", type=Path, help="messages, one a line (default: GoEmotions)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--write-docs", action="store_true", help=f"update {SECTION} in {DOCS}")
    args = ap.parse_args()
    if args.vader:
        vader_main()
        return

    with tempfile.TemporaryDirectory() as tmp:
        if args.input:
            input_path = args.input
            source = str(args.input)
        else:
            if not GOEMOTIONS.exists():
                sys.exit(f"GoEmotions not found at {GOEMOTIONS}; pass --input FILE")
            input_path = Path(tmp) / "messages.txt"
            build_input(input_path, args.messages, args.seed)
            source = (
                f"{args.messages:,} lines, shuffled passes (seed {args.seed}) over the texts "
                "of the GoEmotions train/dev/test splits"
            )
        with open(input_path, "rb") as f:
            n = sum(1 for _ in f)
        size_mb = input_path.stat().st_size / 1e6
        attune = [str(Path(sys.executable).with_name("attune")), "analyze"]
        vader = [sys.executable, str(Path(__file__).resolve()), "--vader"]
        results: dict[str, list[tuple[float, float, int]]] = {"attune": [], "vader": []}
        load_before = os.getloadavg()[0]
        for i in range(args.repeats):
            for name, cmd in (("attune", attune), ("vader", vader))[:: 1 if i % 2 == 0 else -1]:
                r = run_once(cmd, input_path)
                results[name].append(r)
                print(f"run {i + 1} {name:<6} {r[0]:6.2f} s  cpu {r[1]:6.2f} s  {r[2]} MiB")

    load_after = os.getloadavg()[0]

    def summary(name: str) -> tuple[float, float, float, int]:
        runs = results[name]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        return wall, n / wall, cpu, max(r[2] for r in runs)

    a, v = summary("attune"), summary("vader")
    ratio = a[1] / v[1]
    today = dt.date.today().isoformat()
    rows = [
        "| command | median wall | messages/s | CPU time | peak memory (largest process) |",
        "|---|---:|---:|---:|---:|",
        f"| `attune analyze < in > /dev/null` (all four components) | {a[0]:.2f} s | "
        f"{a[1]:,.0f} | {a[2]:.2f} s | {a[3]} MiB |",
        f"| VADER `polarity_scores` per line, JSON out | {v[0]:.2f} s | {v[1]:,.0f} | "
        f"{v[2]:.2f} s | {v[3]} MiB |",
    ]
    report = "\n".join(
        [
            SECTION,
            "",
            f"Measured {today} on {machine()}; 1-minute load average {load_before:.1f} "
            f"before and {load_after:.1f} after (the machine is shared: other work ran "
            "at the same time, so both sides competed for the CPUs).",
            f"Input: {source} ({n:,} messages, {size_mb:.1f} MB).",
            f"Command: `.venv/bin/python benchmarks/bench_analyze.py` ({args.repeats} repeats "
            "each, alternating, medians; whole processes including start-up).",
            "",
            *rows,
            "",
            f"The whole pipeline runs at **{ratio:.2f}x** the speed of VADER sentiment alone "
            f"({'faster' if ratio >= 1 else 'SLOWER'}). `attune analyze` streams 1 MiB chunks "
            "and spreads large inputs over one worker process per CPU (peak memory is per "
            "process: the main one plus one worker per CPU); CPU time is summed over all its "
            "processes.",
        ]
    )
    print()
    print(report)
    if args.write_docs:
        write_docs(report)
        print(f"\nupdated {DOCS}")


if __name__ == "__main__":
    main()
