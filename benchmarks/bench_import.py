"""Benchmark: `attune import --jsonl` against whatstk on a 1,000,000-message WhatsApp chat.

Generates an Android-style export (``dd/mm/yyyy, HH:MM - Name: text``, with some
multi-line messages, media placeholders and system lines) in a temporary folder,
then runs each tool as a whole process several times and reports the median wall
time, messages per second, the speed ratio and the peak resident memory.

whatstk gets its fastest path: the exact header format is given, so it skips
auto-detection; its DataFrame is written as JSON Lines with the same four fields.

Usage::

    python benchmarks/bench_import.py --messages 1000000 --repeats 3
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# No ":" in a name here: whatstk cannot read one, and both tools must write the same records.
SENDERS = ["Ana", "Bruno Díaz", "+1 555 0100", "Chen Wu", "Dana-Lee"]
WORDS = (  # noqa: SIM905 - reads better as a sentence
    "ok yes no maybe later tonight love you sorry thanks coffee dinner call me "
    "where are you on my way 😊 ❤️ did you see this haha busy meeting tomorrow"
).split()

WHATSTK_SCRIPT = r"""
import sys, json
from whatstk.whatsapp.objects import WhatsAppChat
chat = WhatsAppChat.from_source(
    filepath=sys.argv[1], hformat="%d/%m/%Y, %H:%M - %name:", max_size=None
)
df = chat.df
out = df.rename(columns={"date": "timestamp", "username": "sender", "message": "text"})
out["timestamp"] = out["timestamp"].dt.strftime("%Y-%m-%dT%H:%M:%S")
out["kind"] = "text"
out[["timestamp", "sender", "text", "kind"]].to_json(
    sys.stdout, orient="records", lines=True, force_ascii=False
)
"""


def generate(path: Path, n: int, seed: int = 7) -> None:
    """Write an n-message WhatsApp Android export to ``path``."""
    rng = random.Random(seed)
    minute = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write("01/01/2020, 00:00 - Messages and calls are end-to-end encrypted.\n")
        for i in range(n - 1):
            minute += rng.choice((0, 0, 1, 1, 2, 5, 30))
            day, mins = divmod(minute, 1440)
            y, rem = 2020 + day // 336, day % 336  # 12 months of 28 days keep every date valid
            stamp = f"{rem % 28 + 1:02d}/{rem // 28 + 1:02d}/{y}, {mins // 60:02d}:{mins % 60:02d}"
            sender = SENDERS[i % 2 if i % 7 else rng.randrange(len(SENDERS))]
            body = " ".join(rng.choices(WORDS, k=rng.randint(1, 12)))
            if i % 50 == 0:
                body = "<Media omitted>"
            elif i % 23 == 0:
                body += "\n" + " ".join(rng.choices(WORDS, k=5))
            fh.write(f"{stamp} - {sender}: {body}\n")


def run(cmd: list[str], out: Path) -> tuple[float, float]:
    """Run ``cmd`` writing stdout to ``out``; return wall seconds and CPU seconds (user + sys)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with out.open("wb") as fh:
        proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"{cmd[0]} failed: {proc.stderr.decode()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def peak_rss(cmd: list[str], out: Path) -> int:
    """Peak RSS (MiB) of one run, measured with /usr/bin/time when available."""
    if not Path("/usr/bin/time").exists():
        return -1
    with out.open("wb") as fh:
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *cmd], stdout=fh, stderr=subprocess.PIPE, check=True
        )
    return int(proc.stderr.decode().strip().splitlines()[-1]) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-whatstk", action="store_true")
    args = parser.parse_args()
    script = Path(sys.executable).with_name("attune")
    attune = [str(script), "import", "--format", "whatsapp", "--jsonl"]
    with tempfile.TemporaryDirectory() as tmp:
        chat = Path(tmp) / "chat.txt"
        generate(chat, args.messages)
        size = chat.stat().st_size / 2**20
        print(f"chat: {args.messages:,} messages, {size:.1f} MiB")
        whatstk = Path(tmp) / "whatstk_jsonl.py"
        whatstk.write_text(WHATSTK_SCRIPT)
        tools = {"attune": [*attune, str(chat)]}
        if not args.skip_whatstk:
            tools["whatstk"] = [sys.executable, str(whatstk), str(chat)]
        # Runs alternate between the tools so that load from elsewhere hits both alike.
        walls: dict[str, list[float]] = {name: [] for name in tools}
        cpus: dict[str, list[float]] = {name: [] for name in tools}
        for _ in range(args.repeats):
            for name, cmd in tools.items():
                wall, cpu = run(cmd, Path(tmp) / f"{name}.jsonl")
                walls[name].append(round(wall, 2))
                cpus[name].append(round(cpu, 2))
        results: dict[str, dict[str, object]] = {}
        for name, cmd in tools.items():
            out = Path(tmp) / f"{name}.jsonl"
            lines = sum(1 for _ in out.open("rb"))
            median = statistics.median(walls[name])
            results[name] = {
                "median_wall_s": median,
                "median_cpu_s": statistics.median(cpus[name]),
                "wall_runs_s": walls[name],
                "cpu_runs_s": cpus[name],
                "records": lines,
                "msgs_per_s_wall": round(lines / median),
                "peak_rss_mib": peak_rss(cmd, out),
            }
            print(name, json.dumps(results[name]))
        if "whatstk" in results:
            for key in ("median_wall_s", "median_cpu_s"):
                ratio = float(results["whatstk"][key]) / float(results["attune"][key])  # type: ignore[arg-type]
                print(f"{key}: attune is {ratio:.2f}x faster than whatstk")
        print(f"cpus: {os.cpu_count()}")


if __name__ == "__main__":
    main()
