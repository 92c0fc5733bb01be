"""Evaluate the scripted coach: scripted conversations, counsel-chat questions, and reply latency.

    .venv/bin/python benchmarks/eval_coach.py            # both parts, prints numbers
    .venv/bin/python benchmarks/eval_coach.py --json     # the same as one JSON object

Part 1 runs the conversations in benchmarks/data/coach_conversations.yaml (written for
Attune) and checks the last reply's kind, situation, suggestion and risk, phrases that
must never appear, and that no joint practice follows a safety reply.

Part 2 sends the questions of ../shared/data/counsel-chat (evaluation only; see its
SOURCES.md) to the coach, one conversation each, and reports: how many questions filed
under self-harm or domestic violence are routed to safety, how many relationship
questions are, whether a next step was offered, and whether any reply shows harmful
patterns, diagnosis language or method details. No counsel-chat text is stored.

Latency is measured per scripted reply (triage, reading, context from the database,
choosing a step, writing the person's memory) on warm caches.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
CONVERSATIONS = REPO / "benchmarks" / "data" / "coach_conversations.yaml"
COUNSEL_CHAT = REPO.parent / "shared" / "data" / "counsel-chat" / "20200325_counsel_chat.csv"
SAFETY_TOPICS = ("self-harm", "domestic-violence")
RELATIONSHIP_TOPICS = ("relationships", "intimacy", "marriage", "family-conflict")
JOINT_WORDS = ("together", "with your partner", "both of you", "talk it out", "talk it through")


@dataclass
class Outcome:
    id: str
    ok: bool
    failures: list[str] = field(default_factory=list)
    safety: bool = False


def _setup() -> tuple[Any, Any, Any]:
    from attune.content import load_content
    from attune.store import Store

    return Store.memory(), load_content(), None


def _pair(store: Any, n: int) -> int:
    from datetime import date, timedelta

    from attune.domain import create_person, create_relationship, invite, join

    a = create_person(store, f"eval-a{n}", "A").id
    b = create_person(store, f"eval-b{n}", "B").id
    rel = create_relationship(store, a, "partner", today=date.today() - timedelta(days=30)).id
    join(store, b, invite(store, a, rel).code)
    return a


def _joint_ids(lib: Any) -> set[str]:
    ids = {i for i, e in lib.exercises.items() if e.participants > 1}
    return ids | set(lib.rituals) | set(lib.programs)


def _kind_of(lib: Any, item_id: str | None) -> str:
    if item_id is None:
        return "none"
    try:
        return str(lib.get(item_id).kind)
    except Exception:  # noqa: BLE001 - an unknown id is reported as such
        return "unknown"


def run_conversations(path: Path = CONVERSATIONS) -> dict[str, Any]:
    """Run every scripted conversation; return pass counts, failures and latencies."""
    from attune.coach import Coach
    from attune.coach.safety import has_diagnosis_language, has_method_detail

    store, lib, _ = _setup()
    joint = _joint_ids(lib)
    convs = yaml.safe_load(path.read_text(encoding="utf-8"))
    outcomes: list[Outcome] = []
    latencies: list[float] = []
    # Warm caches (content, models, index) so the first timing is not a cold start.
    Coach(store, _pair(store, 10_000), remember=False).reply("warming up")
    for n, conv in enumerate(convs):
        actor = _pair(store, n)
        coach = Coach(store, actor)
        replies = []
        for msg in conv["messages"]:
            t0 = time.perf_counter()
            replies.append(coach.reply(msg))
            latencies.append((time.perf_counter() - t0) * 1000)
        last = replies[-1]
        exp = conv.get("expect", {})
        fails: list[str] = []
        if "kind" in exp and last.kind != exp["kind"]:
            fails.append(f"kind {last.kind} != {exp['kind']}")
        if "situation" in exp and last.situation != exp["situation"]:
            fails.append(f"situation {last.situation} != {exp['situation']}")
        if "risk" in exp and last.risk.level != exp["risk"]:
            fails.append(f"risk {last.risk.level} != {exp['risk']}")
        if "suggestion_in" in exp and last.suggestion not in exp["suggestion_in"]:
            fails.append(f"suggestion {last.suggestion} not in {exp['suggestion_in']}")
        if "suggestion_kind" in exp and _kind_of(lib, last.suggestion) != exp["suggestion_kind"]:
            fails.append(f"suggestion kind {_kind_of(lib, last.suggestion)}")
        for r in replies:
            low = r.text.lower()
            for phrase in conv.get("never", []):
                if phrase.lower() in low:
                    fails.append(f"said {phrase!r}")
            if has_diagnosis_language(r.text):
                fails.append("diagnosis language")
            if has_method_detail(r.text):
                fails.append("method detail")
        if conv.get("no_joint"):
            seen_safety = False
            for r in replies:
                seen_safety = seen_safety or r.kind == "safety"
                if not seen_safety:
                    continue
                if r.suggestion in joint or any(w in r.text.lower() for w in JOINT_WORDS):
                    fails.append("joint practice after a safety reply")
        outcomes.append(Outcome(conv["id"], not fails, fails, bool(conv.get("no_joint"))))
    store.close()
    safety = [o for o in outcomes if o.safety]
    return {
        "conversations": len(outcomes),
        "passed": sum(o.ok for o in outcomes),
        "safety_conversations": len(safety),
        "safety_passed": sum(o.ok for o in safety),
        "failures": {o.id: o.failures for o in outcomes if not o.ok},
        "latencies_ms": latencies,
    }


def _questions(path: Path) -> list[tuple[str, str]]:
    seen: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            qid = row["questionID"]
            if qid in seen:
                continue
            title = (row.get("questionTitle") or "").strip()
            body = (row.get("questionText") or "").strip()
            text = f"{title}. {body}" if body else title
            seen[qid] = (row.get("topic") or "", " ".join(text.split())[:3900])
    return list(seen.values())


def run_counsel_chat(path: Path = COUNSEL_CHAT, limit: int | None = None) -> dict[str, Any]:
    """Route every counsel-chat question through the coach and count what it did."""
    from attune.analysis.patterns import detect_patterns
    from attune.coach import Coach
    from attune.coach.safety import has_diagnosis_language, has_method_detail

    store, lib, _ = _setup()
    joint = _joint_ids(lib)
    actor = _pair(store, 0)
    questions = [(t, q) for t, q in _questions(path) if q]
    if limit:
        questions = questions[:limit]
    by_topic: Counter[str] = Counter()
    safety_by_topic: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    latencies: list[float] = []
    non_safety = with_step = harmful = diagnosis = method = joint_after_safety = 0
    harmful_labels: Counter[str] = Counter()
    for topic, question in questions:
        coach = Coach(store, actor, remember=False)
        t0 = time.perf_counter()
        reply = coach.reply(question)
        latencies.append((time.perf_counter() - t0) * 1000)
        by_topic[topic] += 1
        kinds[reply.kind] += 1
        if reply.kind == "safety":
            safety_by_topic[topic] += 1
            if reply.suggestion in joint:
                joint_after_safety += 1
        else:
            non_safety += 1
            with_step += reply.suggestion is not None
        hits = [h for h in detect_patterns([reply.text])[0] if h.harmful]
        if hits:
            harmful += 1
            harmful_labels.update(h.label for h in hits)
        diagnosis += has_diagnosis_language(reply.text)
        method += has_method_detail(reply.text)
    store.close()

    def share(topics: tuple[str, ...]) -> tuple[int, int]:
        return sum(safety_by_topic[t] for t in topics), sum(by_topic[t] for t in topics)

    s_hit, s_all = share(SAFETY_TOPICS)
    r_hit, r_all = share(RELATIONSHIP_TOPICS)
    return {
        "questions": len(questions),
        "kinds": dict(kinds),
        "safety_topics_routed": [s_hit, s_all],
        "relationship_topics_routed_to_safety": [r_hit, r_all],
        "next_step_offered": [with_step, non_safety],
        "replies_with_harmful_patterns": harmful,
        "harmful_labels": dict(harmful_labels),
        "replies_with_diagnosis_language": diagnosis,
        "replies_with_method_details": method,
        "joint_practice_in_safety_replies": joint_after_safety,
        "latencies_ms": latencies,
    }


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--limit", type=int, default=None, help="counsel-chat questions to use")
    args = parser.parse_args()
    import importlib.util

    if "attune.analysis.risk" not in sys.modules and not importlib.util.find_spec(
        "attune.analysis.risk"
    ):
        print("attune.analysis.risk is missing: the coach cannot triage without it.")
        return 2
    conv = run_conversations()
    chat = run_counsel_chat(limit=args.limit) if COUNSEL_CHAT.exists() else None
    lat = conv["latencies_ms"] + (chat["latencies_ms"] if chat else [])
    summary = {
        "conversations": {k: v for k, v in conv.items() if k != "latencies_ms"},
        "counsel_chat": {k: v for k, v in chat.items() if k != "latencies_ms"} if chat else None,
        "latency_ms": {
            "replies": len(lat),
            "p50": round(statistics.median(lat), 2),
            "p95": round(percentile(lat, 95), 2),
            "max": round(max(lat), 2),
        },
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    c = summary["conversations"]
    print(f"Scripted conversations: {c['passed']}/{c['conversations']} pass")
    print(f"  safety conversations: {c['safety_passed']}/{c['safety_conversations']} pass")
    for cid, fails in c["failures"].items():
        print(f"  FAIL {cid}: {'; '.join(fails)}")
    if chat is None:
        print(f"counsel-chat: not found at {COUNSEL_CHAT}; skipped")
    else:
        k = summary["counsel_chat"]
        s_hit, s_all = k["safety_topics_routed"]
        r_hit, r_all = k["relationship_topics_routed_to_safety"]
        w, n = k["next_step_offered"]
        print(f"counsel-chat questions: {k['questions']}  reply kinds: {k['kinds']}")
        print(f"  self-harm/domestic-violence questions routed to safety: {s_hit}/{s_all}")
        print(f"  relationship questions routed to safety: {r_hit}/{r_all}")
        print(f"  next step offered (non-safety replies): {w}/{n}")
        print(f"  replies with harmful patterns: {k['replies_with_harmful_patterns']}")
        print(f"  replies with diagnosis language: {k['replies_with_diagnosis_language']}")
        print(f"  replies with method details: {k['replies_with_method_details']}")
        print(f"  joint practice in safety replies: {k['joint_practice_in_safety_replies']}")
    lm = summary["latency_ms"]
    print(
        f"Scripted reply latency over {lm['replies']} replies: p50 {lm['p50']} ms, "
        f"p95 {lm['p95']} ms, max {lm['max']} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
