"""Insights over a chat history: rhythm, initiative, replies, tone, conflict, bids and repair.

``compute_insights`` is a pure function over messages (and, optionally, their
analyses). It reads the messages once, in batches, reducing each one to a few
numbers (time, sender code, bit masks of emotions and patterns), then answers
every question with numpy over those columns. A million messages take seconds
on top of the analysis itself; see docs/benchmarks-insights.md.

The result, :class:`Insights`, is plain frozen data that the HTML report, the
terminal summary and the web app all render.

>>> from datetime import datetime
>>> from attune.chats.model import Message
>>> from attune.analysis.types import Analysis
>>> msgs = [Message(datetime(2024, 1, 1, 9), "Ana", "morning!"),
...         Message(datetime(2024, 1, 1, 9, 5), "Ben", "hi")]
>>> ins = compute_insights(msgs, [Analysis(m.text) for m in msgs])
>>> [(p.name, p.initiations) for p in ins.people]
[('Ana', 1), ('Ben', 0)]
"""

from __future__ import annotations

import heapq
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from itertools import islice
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from attune.analysis.types import HARMFUL_PATTERNS, POSITIVE_MARKERS, Analysis
from attune.chats.model import Message
from attune.errors import ValidationError

I64 = npt.NDArray[np.int64]
Analyzer = Callable[[Sequence[str]], Sequence[Analysis]]

#: GoEmotions labels in a fixed order; bit ``i`` of an emotion mask is label ``i``.
EMOTIONS: tuple[str, ...] = (
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion",
    "curiosity", "desire", "disappointment", "disapproval", "disgust", "embarrassment",
    "excitement", "fear", "gratitude", "grief", "joy", "love", "nervousness", "optimism",
    "pride", "realization", "relief", "remorse", "sadness", "surprise", "neutral",
)  # fmt: skip
#: Emotions that count as negative when looking for conflict.
TENSE_EMOTIONS: tuple[str, ...] = (
    "anger", "annoyance", "disappointment", "disapproval", "disgust",
)  # fmt: skip
#: Emotions that make a reply to a bid hostile ("turning against").
HOSTILE_EMOTIONS: tuple[str, ...] = ("anger", "annoyance", "disgust")
#: Emotions that count as positive in the positive-to-negative ratio.
WARM_EMOTIONS: tuple[str, ...] = (
    "admiration", "amusement", "approval", "caring", "excitement", "gratitude", "joy", "love",
    "optimism", "pride", "relief",
)  # fmt: skip
PATTERNS: tuple[str, ...] = HARMFUL_PATTERNS + POSITIVE_MARKERS

_EMO_BIT = {label: 1 << i for i, label in enumerate(EMOTIONS)}
_PAT_BIT = {label: 1 << i for i, label in enumerate(PATTERNS)}


def _mask(table: dict[str, int], labels: Iterable[str]) -> int:
    m = 0
    for label in labels:
        m |= table[label]
    return m


TENSE_MASK = _mask(_EMO_BIT, TENSE_EMOTIONS)
HOSTILE_MASK = _mask(_EMO_BIT, HOSTILE_EMOTIONS)
WARM_MASK = _mask(_EMO_BIT, WARM_EMOTIONS)
HARMFUL_MASK = _mask(_PAT_BIT, HARMFUL_PATTERNS)
POSITIVE_MASK = _mask(_PAT_BIT, POSITIVE_MARKERS)
BID_BIT = _PAT_BIT["bid"]
REPAIR_BIT = _PAT_BIT["repair_attempt"]

#: Gottman's research anchor: stable couples show about five positive interactions
#: for every negative one while they disagree.
GOTTMAN_RATIO = 5.0
MAX_EXAMPLES = 3
RESPONSE_BINS: tuple[tuple[str, float], ...] = (
    ("< 1 min", 60),
    ("1–5 min", 300),
    ("5–15 min", 900),
    ("15–60 min", 3600),
    ("1–3 h", 3 * 3600),
    ("3 h +", float("inf")),
)

Granularity = Literal["auto", "week", "month"]


@dataclass(frozen=True)
class InsightParams:
    """The named thresholds every insight depends on; the report explains each one.

    ``conversation_gap_hours``: a message after at least this long a silence starts
    a new conversation, and its sender "initiated" it. ``late_night_start`` and
    ``late_night_end`` are hours of the clock (the window may wrap past midnight).
    ``bid_reply_hours`` and ``repair_reply_hours`` are how long a reply may take to
    count as an answer; the answer is the first reply plus the replier's further
    messages within ``reply_burst_minutes`` of it. A conflict is at least
    ``conflict_min_negative`` negative messages, each within ``conflict_link_minutes``
    of the next, plus the ``conflict_tail_minutes`` after the last one.
    ``max_examples`` (0 to 3) short excerpts of ``example_chars`` characters at
    most are kept per pattern.
    """

    conversation_gap_hours: float = 6.0
    late_night_start: int = 23
    late_night_end: int = 5
    bid_reply_hours: float = 4.0
    repair_reply_hours: float = 2.0
    reply_burst_minutes: float = 5.0
    conflict_min_negative: int = 3
    conflict_link_minutes: float = 60.0
    conflict_tail_minutes: float = 30.0
    max_examples: int = MAX_EXAMPLES
    example_chars: int = 80
    timeline: Granularity = "auto"
    batch_size: int = 8192

    def __post_init__(self) -> None:
        if self.conversation_gap_hours <= 0:
            raise ValidationError("conversation_gap_hours must be above 0, e.g. 6.")
        for name in ("late_night_start", "late_night_end"):
            if not 0 <= getattr(self, name) <= 23:
                raise ValidationError(f"{name} must be an hour from 0 to 23.")
        if self.bid_reply_hours <= 0 or self.repair_reply_hours <= 0:
            raise ValidationError("bid_reply_hours and repair_reply_hours must be above 0.")
        if self.conflict_min_negative < 1:
            raise ValidationError("conflict_min_negative must be at least 1, e.g. 3.")
        if not 0 <= self.max_examples <= MAX_EXAMPLES:
            raise ValidationError(
                f"max_examples must be 0 to {MAX_EXAMPLES}: excerpts are private."
            )
        if self.timeline not in ("auto", "week", "month"):
            raise ValidationError("timeline must be 'auto', 'week' or 'month'.")
        if self.batch_size < 1:
            raise ValidationError("batch_size must be at least 1.")


@dataclass(frozen=True)
class ResponseStats:
    """How fast one person answered: replies counted and quantiles in seconds."""

    replies: int
    median_s: float
    p25_s: float
    p75_s: float
    p90_s: float
    histogram: tuple[int, ...]


@dataclass(frozen=True)
class AnswerStats:
    """What happened to one person's bids (or repair attempts).

    For bids the three outcomes are toward / away / against; for repair
    attempts they read accepted / unanswered / rebuffed.
    """

    made: int = 0
    toward: int = 0
    away: int = 0
    against: int = 0

    @property
    def toward_share(self) -> float | None:
        return self.toward / self.made if self.made else None


@dataclass(frozen=True)
class PersonStats:
    """Everything counted for one sender."""

    name: str
    messages: int
    text_messages: int
    media: int
    words: int
    initiations: int
    initiation_share: float | None
    late_night: int
    late_night_share: float | None
    harmful: int
    positive: int
    by_hour: tuple[int, ...]
    by_weekday: tuple[int, ...]
    response: ResponseStats | None
    bids: AnswerStats
    repairs: AnswerStats


@dataclass(frozen=True)
class Example:
    """A short, trimmed excerpt that shows one pattern."""

    when: datetime
    sender: str
    excerpt: str
    why: str


@dataclass(frozen=True)
class PatternSummary:
    """How often a pattern (harmful or positive) appeared, by whom, with a few examples."""

    label: str
    harmful: bool
    count: int
    by_person: tuple[int, ...]
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class ConflictWindow:
    start: datetime
    end: datetime
    messages: int
    positive: int
    negative: int


@dataclass(frozen=True)
class ConflictStats:
    """Positive and negative messages inside and outside conflict stretches."""

    windows: tuple[ConflictWindow, ...]
    messages: int
    positive: int
    negative: int
    outside_positive: int
    outside_negative: int

    @property
    def ratio(self) -> float | None:
        return self.positive / self.negative if self.negative else None

    @property
    def outside_ratio(self) -> float | None:
        return self.outside_positive / self.outside_negative if self.outside_negative else None


@dataclass(frozen=True)
class Timeline:
    """Counts or shares per week or month; ``series[name][i]`` belongs to ``periods[i]``."""

    granularity: Literal["week", "month"]
    periods: tuple[str, ...]
    series: dict[str, tuple[float, ...]]


@dataclass(frozen=True)
class MonthTrend:
    """One month at a glance."""

    month: str
    messages: int
    harmful_per_100: float | None
    positive_per_100: float | None
    bids: int
    bids_toward: int
    late_night_share: float | None
    median_response_s: float | None


@dataclass(frozen=True)
class Insights:
    """The whole report's data: plain values, no text of the chat except capped examples."""

    params: InsightParams
    me: str | None
    total: int
    text: int
    media: int
    system: int
    first: datetime | None
    last: datetime | None
    conversations: int
    analysed: int
    risk_concern: int
    risk_crisis: int
    people: tuple[PersonStats, ...]
    volume: Timeline
    emotions: Timeline
    emotion_counts: dict[str, int]
    patterns: tuple[PatternSummary, ...]
    conflict: ConflictStats
    months: tuple[MonthTrend, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.people)

    def person(self, name: str) -> PersonStats:
        for p in self.people:
            if p.name == name:
                return p
        raise KeyError(name)

    def pattern(self, label: str) -> PatternSummary:
        for p in self.patterns:
            if p.label == label:
                return p
        raise KeyError(label)


# ---------------------------------------------------------------- reading


_SPACE_RE = re.compile(r"\s+")
_KIND = {"text": 0, "media": 1, "system": 2}


def excerpt(text: str, start: int, end: int, limit: int = 80) -> str:
    """The span ``start:end`` with a little context, cut at word edges, at most ``limit`` chars."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    room = max(0, limit - (end - start)) // 2
    lo, hi = max(0, start - room), min(len(text), end + room)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    piece = _SPACE_RE.sub(" ", text[lo:hi]).strip()
    if len(piece) > limit:
        piece = piece[: limit - 1].rstrip()
        hi = len(text)  # force the trailing ellipsis
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")


class _Columns:
    """Per-message columns, grown batch by batch."""

    def __init__(self) -> None:
        self.t: list[I64] = []
        self.sender: list[npt.NDArray[np.int32]] = []
        self.kind: list[npt.NDArray[np.int8]] = []
        self.words: list[npt.NDArray[np.int32]] = []
        self.emo: list[npt.NDArray[np.uint32]] = []
        self.pat: list[npt.NDArray[np.uint16]] = []

    def cat(self) -> dict[str, Any]:
        def c(parts: list[Any], dtype: Any) -> Any:
            return np.concatenate(parts) if parts else np.zeros(0, dtype)

        return {
            "t": c(self.t, np.int64),
            "sender": c(self.sender, np.int32),
            "kind": c(self.kind, np.int8),
            "words": c(self.words, np.int32),
            "emo": c(self.emo, np.uint32),
            "pat": c(self.pat, np.uint16),
        }


_EPOCH = datetime(1970, 1, 1)


def _wall_clock(ts: datetime) -> datetime:
    # Exports with epochs give aware UTC times: show them on this computer's clock.
    return ts.astimezone().replace(tzinfo=None)


#: The analysis components insights need (the rewrite is left out: nobody reads it here).
INSIGHT_COMPONENTS: tuple[str, ...] = ("emotions", "patterns", "risk")

#: One analysed batch boiled down: emotion and pattern bit masks and risk level per
#: text (0 none, 1 concern, 2 crisis), and the best few pattern hits as plain tuples
#: ``(text_index, label, score, start, end, why)``. Cheap to send between processes.
Reduced = tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint16], npt.NDArray[np.int8], list[Any]]


def reduce_analyses(analyses: Sequence[Analysis], max_examples: int = MAX_EXAMPLES) -> Reduced:
    """Boil analyses down to the bit masks, risk levels and example candidates insights use."""
    n = len(analyses)
    emo = np.zeros(n, np.uint32)
    pat = np.zeros(n, np.uint16)
    risk = np.zeros(n, np.int8)
    best: dict[str, list[tuple[float, int, int, tuple[Any, ...]]]] = {}
    emo_bit, pat_bit = _EMO_BIT, _PAT_BIT
    for i, a in enumerate(analyses):
        if a.emotions:
            e = 0
            for lab in a.emotions:
                e |= emo_bit.get(lab.label, 0)
            emo[i] = e
        if a.risk.level != "none":
            risk[i] = 2 if a.risk.level == "crisis" else 1
        if a.patterns:
            p = 0
            for hit in a.patterns:
                p |= pat_bit.get(hit.label, 0)
            pat[i] = p
            if max_examples and not risk[i]:
                for hit in a.patterns:
                    heap = best.setdefault(hit.label, [])
                    item = (
                        hit.score,
                        -len(a.text),
                        -i,
                        (i, hit.label, hit.score, hit.start, hit.end, hit.why),
                    )
                    if len(heap) < max_examples:
                        heapq.heappush(heap, item)
                    elif item[:3] > heap[0][:3]:
                        heapq.heapreplace(heap, item)
    hits = [item[3] for heap in best.values() for item in heap]
    return emo, pat, risk, hits


_worker_pipeline: Any = None


def _init_worker(components: tuple[str, ...]) -> None:
    global _worker_pipeline
    from attune.analysis.pipeline import Pipeline

    _worker_pipeline = Pipeline(components)


def _work(texts: list[str], max_examples: int) -> Reduced:
    return reduce_analyses(analyze_unique(_worker_pipeline.analyze, texts), max_examples)


def analyze_unique(analyze: Analyzer, texts: Sequence[str]) -> list[Analysis]:
    """Analyse each distinct text once: chats repeat "ok", "haha" and "love you" a lot."""
    first: dict[str, int] = {}
    for text in texts:
        first.setdefault(text, len(first))
    if len(first) == len(texts):
        return list(analyze(texts))
    done = list(analyze(list(first)))
    return [done[first[text]] for text in texts]


def available_components() -> tuple[str, ...]:
    """The insight components this installation has (all of them in a full install)."""
    from importlib.util import find_spec

    return tuple(c for c in INSIGHT_COMPONENTS if find_spec(f"attune.analysis.{c}") is not None)


def _local_analyzer() -> Analyzer:
    from attune.analysis.pipeline import Pipeline

    pipeline = Pipeline(available_components())
    return lambda texts: analyze_unique(pipeline.analyze, texts)


def default_jobs() -> int:
    """Processes to analyse with: the CPUs this process may use, at most 8."""
    from attune.analysis.stream import default_jobs as jobs

    return jobs()


def compute_insights(
    messages: Iterable[Message],
    analyses: Iterable[Analysis] | None = None,
    *,
    me: str | None = None,
    params: InsightParams | None = None,
    analyzer: Analyzer | None = None,
    jobs: int | None = 1,
    progress: Callable[[int], None] | None = None,
) -> Insights:
    """Compute every insight of the chat report from ``messages``.

    ``analyses``, when given, holds one :class:`Analysis` per message, in the same
    order (those of media and system messages are ignored). Without it, the text
    messages are analysed batch by batch: with ``analyzer`` when given, else with
    Attune's emotions, patterns and risk components on ``jobs`` processes (``None``
    means one per CPU). ``me`` names the sender who is the reader, listed first.
    ``progress`` is called with the number of messages done after each batch.

    Memory holds a few numbers per message plus a few batches of messages.
    """
    params = params or InsightParams()
    state = _State(params)
    ana_iter = iter(analyses) if analyses is not None else None
    batches = _batches(iter(messages), params.batch_size)
    if ana_iter is not None or analyzer is not None or jobs == 1:
        run = analyzer or (None if ana_iter is not None else _local_analyzer())
        for batch in batches:
            part = state.read(batch)
            if ana_iter is not None:
                got = list(islice(ana_iter, len(batch)))
                if len(got) != len(batch):
                    raise ValidationError(
                        "analyses must hold one Analysis per message, in order: got fewer "
                        f"analyses than messages (after {state.done + len(got)})."
                    )
                texts_analyses = [got[i] for i in part.rows]
            else:
                assert run is not None
                texts_analyses = list(run(part.texts)) if part.texts else []
            state.add(batch, part, reduce_analyses(texts_analyses, params.max_examples))
            if progress is not None:
                progress(state.done)
        if ana_iter is not None and next(ana_iter, None) is not None:
            raise ValidationError("analyses must hold one Analysis per message: got more.")
    else:
        _parallel(state, batches, jobs or default_jobs(), progress)
    if ana_iter is None and analyzer is None:
        missing = set(INSIGHT_COMPONENTS) - set(available_components())
        state.notes.extend(
            f"The {name} analysis is not installed, so its findings are missing here."
            for name in sorted(missing)
        )
    return state.finish(me)


def _batches(it: Iterator[Message], size: int) -> Iterator[list[Message]]:
    while batch := list(islice(it, size)):
        yield batch


def _parallel(
    state: _State,
    batches: Iterator[list[Message]],
    jobs: int,
    progress: Callable[[int], None] | None,
) -> None:
    """Analyse batches on ``jobs`` worker processes, adding results in input order."""
    import multiprocessing
    import sys

    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    local = _local_analyzer()
    if second is None or jobs < 2:  # too little work to be worth the processes
        head = [first] if second is None else [first, second]
        for batch in _chain(head, batches):
            part = state.read(batch)
            texts_analyses = local(part.texts) if part.texts else []
            state.add(batch, part, reduce_analyses(texts_analyses, state.params.max_examples))
            if progress is not None:
                progress(state.done)
        return
    local(["warm up"])  # forked workers inherit loaded models and compiled rules
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pending: deque[tuple[list[Message], _Part, Any]] = deque()
    keep = state.params.max_examples

    def drain(all_: bool) -> None:
        while pending and (all_ or len(pending) > 2 * jobs or pending[0][2].ready()):
            batch, part, result = pending.popleft()
            state.add(batch, part, result.get())
            if progress is not None:
                progress(state.done)

    with ctx.Pool(jobs, initializer=_init_worker, initargs=(available_components(),)) as pool:
        for batch in _chain([first, second], batches):
            part = state.read(batch)
            pending.append((batch, part, pool.apply_async(_work, (part.texts, keep))))
            drain(False)
        drain(True)


def _chain(head: list[list[Message]], rest: Iterator[list[Message]]) -> Iterator[list[Message]]:
    yield from head
    yield from rest


@dataclass
class _Part:
    """The columns of one batch, before its analysis arrives."""

    t: I64
    sender: npt.NDArray[np.int32]
    kind: npt.NDArray[np.int8]
    words: npt.NDArray[np.int32]
    texts: list[str]
    rows: list[int]


class _State:
    """Columns and example candidates, grown batch by batch."""

    def __init__(self, params: InsightParams) -> None:
        self.params = params
        self.cols = _Columns()
        self.senders: dict[str, int] = {}
        self.examples: dict[str, list[tuple[float, int, int, Example]]] = {p: [] for p in PATTERNS}
        self.risk = [0, 0]
        self.done = 0
        self.notes: list[str] = []

    def read(self, batch: list[Message]) -> _Part:
        n = len(batch)
        stamps: list[float] = []
        snd = np.empty(n, dtype=np.int32)
        knd = np.empty(n, dtype=np.int8)
        wrd = np.zeros(n, dtype=np.int32)
        texts: list[str] = []
        rows: list[int] = []
        senders = self.senders
        for i, m in enumerate(batch):
            ts = m.timestamp
            if ts.tzinfo is not None:
                ts = _wall_clock(ts)
            stamps.append((ts - _EPOCH).total_seconds())
            k = _KIND.get(m.kind, 0)
            if k == 2 or not m.sender:
                snd[i] = -1
                k = 2
            else:
                code = senders.get(m.sender)
                if code is None:
                    code = senders[m.sender] = len(senders)
                snd[i] = code
            knd[i] = k
            if k == 0:
                wrd[i] = len(m.text.split())
                texts.append(m.text)
                rows.append(i)
        t = np.floor(np.array(stamps, dtype=np.float64)).astype(np.int64)
        return _Part(t, snd, knd, wrd, texts, rows)

    def add(self, batch: list[Message], part: _Part, reduced: Reduced) -> None:
        emo_t, pat_t, risk_t, hits = reduced
        n = len(batch)
        emo = np.zeros(n, np.uint32)
        pat = np.zeros(n, np.uint16)
        rows = np.asarray(part.rows, dtype=np.int64)
        emo[rows] = emo_t
        pat[rows] = pat_t
        self.risk[0] += int((risk_t == 1).sum())
        self.risk[1] += int((risk_t == 2).sum())
        for ti, label, score, start, end, why in hits:
            m = batch[part.rows[ti]]
            heap = self.examples.get(label)
            if heap is not None:
                _offer(heap, self.params, score, self.done + part.rows[ti], m, start, end, why)
        c = self.cols
        c.t.append(part.t)
        c.sender.append(part.sender)
        c.kind.append(part.kind)
        c.words.append(part.words)
        c.emo.append(emo)
        c.pat.append(pat)
        self.done += n

    def finish(self, me: str | None) -> Insights:
        names = list(self.senders)
        if me is not None and me not in self.senders:
            raise ValidationError(
                f"--me matches none of the {len(names)} senders in this chat. "
                "Check the spelling as it appears in the export (case matters)."
            )
        chosen = {
            label: sorted(h, key=lambda x: (-x[0], -x[1], -x[2]))
            for label, h in self.examples.items()
        }
        ins = _summarise(self.cols.cat(), names, me, self.params, chosen, self.risk)
        return replace(ins, notes=tuple(self.notes)) if self.notes else ins


def _offer(
    heap: list[tuple[float, int, int, Example]],
    params: InsightParams,
    score: float,
    seq: int,
    m: Message,
    start: int,
    end: int,
    why: str,
) -> None:
    """Keep the best ``max_examples`` excerpts for a pattern: highest score, then shortest."""
    key = (score, -len(m.text), -seq)
    if len(heap) >= params.max_examples and key <= heap[0][:3]:
        return
    ex = Example(m.timestamp, m.sender, excerpt(m.text, start, end, params.example_chars), why)
    item = (score, -len(m.text), -seq, ex)
    if len(heap) < params.max_examples:
        heapq.heappush(heap, item)
    else:
        heapq.heapreplace(heap, item)


# ---------------------------------------------------------------- summarising


def _dt(seconds: int) -> datetime:
    return datetime(1970, 1, 1) + timedelta(seconds=int(seconds))


def _quantiles(values: npt.NDArray[np.float64]) -> tuple[float, float, float, float]:
    q = np.quantile(values, [0.5, 0.25, 0.75, 0.9])
    return float(q[0]), float(q[1]), float(q[2]), float(q[3])


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _answers(
    idx: I64,
    t: I64,
    s: npt.NDArray[np.int32],
    bad: npt.NDArray[np.bool_],
    window_s: float,
    burst_s: float,
    npeople: int,
) -> tuple[list[AnswerStats], npt.NDArray[np.int8]]:
    """Classify the messages at ``idx``: 0 answered well, 1 unanswered, 2 answered badly.

    The answer is the next message of someone else plus the messages they send
    in a row within ``burst_s`` seconds of it. It counts when it starts within
    ``window_s`` seconds, and is bad when any of its messages has ``bad`` set.
    """
    n = len(t)
    outcome = np.zeros(len(idx), dtype=np.int8)
    if n and len(idx):
        change = np.flatnonzero(s[1:] != s[:-1]) + 1
        run_start = np.concatenate(([0], change))
        marks = np.zeros(n, np.int64)
        marks[change] = 1
        run_of = np.cumsum(marks)  # run index of each message
        in_burst = (t - t[run_start[run_of]]) <= burst_s
        run_bad = np.logical_or.reduceat(bad & in_burst, run_start)
        nxt_run = run_of[idx] + 1
        has = nxt_run < len(run_start)
        reply_at = np.where(has, run_start[np.minimum(nxt_run, len(run_start) - 1)], 0)
        in_time = has & ((t[reply_at] - t[idx]) <= window_s)
        outcome[~in_time] = 1
        outcome[in_time & run_bad[np.minimum(nxt_run, len(run_start) - 1)]] = 2
    stats = []
    for code in range(npeople):
        mine = outcome[s[idx] == code] if len(idx) else outcome
        stats.append(
            AnswerStats(
                made=len(mine),
                toward=int((mine == 0).sum()),
                away=int((mine == 1).sum()),
                against=int((mine == 2).sum()),
            )
        )
    return stats, outcome


def _period_keys(t: I64, granularity: str) -> tuple[I64, list[str]]:
    """Map times to period indices (0-based, contiguous from the first) and period labels."""
    if len(t) == 0:
        return np.zeros(0, np.int64), []
    if granularity == "month":
        months = t.astype("datetime64[s]").astype("datetime64[M]").astype(np.int64)
        first, last = int(months.min()), int(months.max())
        labels = [f"{1970 + m // 12:04d}-{m % 12 + 1:02d}" for m in range(first, last + 1)]
        return months - first, labels
    days = t // 86400
    weeks = (days + 3) // 7  # Monday-based weeks; 1970-01-01 was a Thursday
    first, last = int(weeks.min()), int(weeks.max())
    labels = []
    for w in range(first, last + 1):
        monday = date(1970, 1, 1) + timedelta(days=w * 7 - 3)
        iso = monday.isocalendar()
        labels.append(f"{iso.year}-W{iso.week:02d}")
    return weeks - first, labels


def _summarise(
    c: dict[str, Any],
    names: list[str],
    me: str | None,
    params: InsightParams,
    examples: dict[str, list[tuple[float, int, int, Example]]],
    risk: list[int],
) -> Insights:
    order = np.argsort(c["t"], kind="stable")
    if not np.all(order == np.arange(len(order))):
        c = {k: v[order] for k, v in c.items()}
    kind = c["kind"]
    authored = c["sender"] >= 0
    t: I64 = c["t"][authored]
    s = c["sender"][authored]
    words = c["words"][authored]
    emo = c["emo"][authored].astype(np.int64)
    pat = c["pat"][authored].astype(np.int64)
    k = kind[authored]
    n, npeople = len(t), len(names)
    is_text = k == 0

    # Conversations and initiations.
    gap_s = params.conversation_gap_hours * 3600
    gaps = np.diff(t)
    starts = np.concatenate(([n > 0], gaps >= gap_s)) if n else np.zeros(0, bool)
    initiations = np.bincount(s[starts], minlength=npeople)

    # Replies: the first message after the other person's, inside a conversation.
    is_reply = np.zeros(n, bool)
    if n > 1:
        is_reply[1:] = (s[1:] != s[:-1]) & ~starts[1:]
    rt = np.zeros(n, np.float64)
    if n > 1:
        rt[1:] = gaps
    # Clock rhythm and late night.
    hour = (t // 3600) % 24
    weekday = (t // 86400 + 3) % 7
    a, b = params.late_night_start, params.late_night_end
    late = (hour >= a) | (hour < b) if a > b else (hour >= a) & (hour < b)

    harmful = (pat & HARMFUL_MASK) != 0
    positive_marker = (pat & POSITIVE_MASK) != 0
    negative = harmful | ((emo & TENSE_MASK) != 0)
    positive = positive_marker | ((emo & WARM_MASK) != 0)

    burst = params.reply_burst_minutes * 60
    bid_idx = np.flatnonzero((pat & BID_BIT) != 0)
    hostile = harmful | ((emo & HOSTILE_MASK) != 0)
    bids, bid_outcome = _answers(
        bid_idx, t, s, hostile, params.bid_reply_hours * 3600, burst, npeople
    )
    rep_idx = np.flatnonzero((pat & REPAIR_BIT) != 0)
    repairs, _ = _answers(rep_idx, t, s, negative, params.repair_reply_hours * 3600, burst, npeople)

    people = []
    hours = np.bincount(s * 24 + hour, minlength=npeople * 24).reshape(npeople, 24)
    days = np.bincount(s * 7 + weekday, minlength=npeople * 7).reshape(npeople, 7)
    total_starts = int(starts.sum())
    for code, name in enumerate(names):
        mine = s == code
        count = int(mine.sum())
        replies = rt[is_reply & mine]
        response = None
        if len(replies):
            med, p25, p75, p90 = _quantiles(replies)
            edges = np.array([edge for _, edge in RESPONSE_BINS[:-1]])
            hist = np.bincount(
                np.searchsorted(edges, replies, side="right"), minlength=len(RESPONSE_BINS)
            )
            response = ResponseStats(len(replies), med, p25, p75, p90, tuple(int(x) for x in hist))
        people.append(
            PersonStats(
                name=name,
                messages=count,
                text_messages=int((mine & is_text).sum()),
                media=int((mine & (k == 1)).sum()),
                words=int(words[mine].sum()),
                initiations=int(initiations[code]),
                initiation_share=_share(int(initiations[code]), total_starts),
                late_night=int((mine & late).sum()),
                late_night_share=_share(int((mine & late).sum()), count),
                harmful=int((mine & harmful).sum()),
                positive=int((mine & positive_marker).sum()),
                by_hour=tuple(int(x) for x in hours[code]),
                by_weekday=tuple(int(x) for x in days[code]),
                response=response,
                bids=bids[code],
                repairs=repairs[code],
            )
        )
    if me is not None:
        people.sort(key=lambda p: p.name != me)

    # Timelines.
    span_days = (int(t[-1]) - int(t[0])) / 86400 if n else 0
    gran = (
        params.timeline if params.timeline != "auto" else ("week" if span_days <= 183 else "month")
    )
    pidx, plabels = _period_keys(t, gran)
    np_ = len(plabels)
    volume = {
        name: tuple(float(x) for x in np.bincount(pidx[s == code], minlength=np_))
        for code, name in enumerate(names)
    }
    text_per_period = np.bincount(pidx[is_text], minlength=np_).astype(np.float64)
    emotion_counts = {}
    emotion_series = {}
    for i, label in enumerate(EMOTIONS):
        has = (emo >> i) & 1
        total = int(has.sum())
        if not total:
            continue
        emotion_counts[label] = total
        per = np.bincount(pidx, weights=has.astype(np.float64), minlength=np_)
        share = np.divide(per, text_per_period, out=np.zeros(np_), where=text_per_period > 0)
        emotion_series[label] = tuple(float(x) for x in share)

    # Patterns.
    patterns = []
    for i, label in enumerate(PATTERNS):
        has = ((pat >> i) & 1).astype(bool)
        count = int(has.sum())
        by_person = tuple(int(x) for x in np.bincount(s[has], minlength=npeople))
        if me is not None:
            by_person = tuple(by_person[names.index(p.name)] for p in people)
        chosen = tuple(item[3] for item in examples.get(label, ())[: params.max_examples])
        patterns.append(
            PatternSummary(
                label, label in HARMFUL_PATTERNS, count, by_person, chosen if count else ()
            )
        )

    conflict = _conflict(t, negative, positive, params)

    months = _months(t, is_text, harmful, positive_marker, late, bid_idx, bid_outcome, is_reply, rt)
    tk = kind
    return Insights(
        params=params,
        me=me,
        total=len(tk),
        text=int((tk == 0).sum()),
        media=int((tk == 1).sum()),
        system=int((tk == 2).sum()),
        first=_dt(t[0]) if n else None,
        last=_dt(t[-1]) if n else None,
        conversations=total_starts,
        analysed=int(is_text.sum()),
        risk_concern=risk[0],
        risk_crisis=risk[1],
        people=tuple(people),
        volume=Timeline(gran, tuple(plabels), volume),
        emotions=Timeline(gran, tuple(plabels), emotion_series),
        emotion_counts=emotion_counts,
        patterns=tuple(patterns),
        conflict=conflict,
        months=months,
        notes=(),
    )


def _conflict(
    t: I64,
    negative: npt.NDArray[np.bool_],
    positive: npt.NDArray[np.bool_],
    params: InsightParams,
) -> ConflictStats:
    """Find conflict stretches and count positive and negative messages in and out of them."""
    neg_idx = np.flatnonzero(negative)
    link = params.conflict_link_minutes * 60
    tail = params.conflict_tail_minutes * 60
    spans: list[list[int]] = []
    if len(neg_idx):
        breaks = np.flatnonzero(np.diff(t[neg_idx]) > link) + 1
        for group in np.split(neg_idx, breaks):
            if len(group) < params.conflict_min_negative:
                continue
            lo = int(t[group[0]])
            hi = int(t[group[-1]] + tail)
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
    inside = np.zeros(len(t) + 1, np.int64)
    windows = []
    for lo, hi in spans:
        a = int(np.searchsorted(t, lo, "left"))
        b = int(np.searchsorted(t, hi, "right"))
        inside[a] += 1
        inside[b] -= 1
        windows.append(
            ConflictWindow(
                _dt(lo), _dt(hi), b - a, int(positive[a:b].sum()), int(negative[a:b].sum())
            )
        )
    mask = np.cumsum(inside)[: len(t)] > 0
    return ConflictStats(
        windows=tuple(windows),
        messages=int(mask.sum()),
        positive=int((positive & mask).sum()),
        negative=int((negative & mask).sum()),
        outside_positive=int((positive & ~mask).sum()),
        outside_negative=int((negative & ~mask).sum()),
    )


def _months(
    t: I64,
    is_text: npt.NDArray[np.bool_],
    harmful: npt.NDArray[np.bool_],
    positive: npt.NDArray[np.bool_],
    late: npt.NDArray[np.bool_],
    bid_idx: I64,
    bid_outcome: npt.NDArray[np.int8],
    is_reply: npt.NDArray[np.bool_],
    rt: npt.NDArray[np.float64],
) -> tuple[MonthTrend, ...]:
    midx, labels = _period_keys(t, "month")
    # Times are sorted, so each month is one contiguous slice.
    bounds = np.searchsorted(midx, np.arange(len(labels) + 1))
    bid_month = midx[bid_idx] if len(bid_idx) else np.zeros(0, np.int64)
    out = []
    for m, label in enumerate(labels):
        a, b = int(bounds[m]), int(bounds[m + 1])
        texts = int(is_text[a:b].sum())
        replies = rt[a:b][is_reply[a:b]]
        mb = bid_month == m
        out.append(
            MonthTrend(
                month=label,
                messages=b - a,
                harmful_per_100=100 * int(harmful[a:b].sum()) / texts if texts else None,
                positive_per_100=100 * int(positive[a:b].sum()) / texts if texts else None,
                bids=int(mb.sum()),
                bids_toward=int((bid_outcome[mb] == 0).sum()),
                late_night_share=_share(int(late[a:b].sum()), b - a),
                median_response_s=float(np.median(replies)) if len(replies) else None,
            )
        )
    return tuple(out)


def fmt_duration(seconds: float | None) -> str:
    """A short human duration: '45 s', '12 min', '3.5 h', '2.0 days'."""
    if seconds is None:
        return "–"
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    if seconds < 48 * 3600:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


__all__ = [
    "EMOTIONS",
    "GOTTMAN_RATIO",
    "AnswerStats",
    "ConflictStats",
    "ConflictWindow",
    "Example",
    "InsightParams",
    "Insights",
    "MonthTrend",
    "PatternSummary",
    "PersonStats",
    "ResponseStats",
    "Timeline",
    "compute_insights",
    "excerpt",
    "fmt_duration",
]
