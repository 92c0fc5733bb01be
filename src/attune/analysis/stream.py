"""Analyse a stream of messages in bounded chunks, on several processes when it is large.

This is the engine behind ``attune analyze``: it reads bytes (one message per
line, or JSON Lines objects with a ``text`` field), analyses a chunk at a time
and yields the analysis contract's JSON lines in input order. Memory stays
bounded by a few chunks however long the input is.

>>> import io
>>> out = "".join(analyze_stream(io.BytesIO(b"thanks a lot\\n"), jobs=1))
>>> out.startswith('{"text": "thanks a lot", "emotions": [{"label": "gratitude"')
True
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from multiprocessing.pool import AsyncResult
from typing import IO

from attune.analysis.pipeline import DEFAULT_COMPONENTS, Pipeline
from attune.errors import AnalysisError

CHUNK_BYTES = 1 << 20

_JSONL_HINT = 'With --jsonl each line must be a JSON object with a "text" field.'


def default_jobs() -> int:
    """How many processes to use: the CPUs this process may run on, at most 8."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        n = os.cpu_count() or 1
    return max(1, min(n, 8))


def read_chunks(
    stream: IO[bytes], *, jsonl: bool = False, chunk_bytes: int = CHUNK_BYTES
) -> Iterator[list[str]]:
    """Messages from ``stream``, about ``chunk_bytes`` of input at a time.

    Plain input gives one message per line (an empty line is an empty message,
    so output lines match input lines). With ``jsonl``, blank lines are skipped.
    Raises ``AnalysisError`` naming the line for bytes that are not UTF-8,
    invalid JSON, or an object without a string ``text``.
    """
    line_no = 0  # lines before the current chunk
    rest = b""
    while True:
        block = stream.read(chunk_bytes)
        if block:
            data = rest + block
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                rest = data
                continue
            data, rest = data[:cut], data[cut:]
            lines = _decode(data, line_no).split("\n")
            lines.pop()  # after the final newline
        else:
            if not rest:
                return
            lines = [_decode(rest, line_no)]
            rest = b""
        lines = [s[:-1] if s.endswith("\r") else s for s in lines]
        texts = _parse_jsonl(lines, line_no) if jsonl else lines
        line_no += len(lines)
        if texts:
            yield texts


def _decode(data: bytes, line_no: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = line_no + data.count(b"\n", 0, e.start) + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise AnalysisError(
            f"Line {line} is not valid UTF-8 (byte 0x{data[e.start]:02x} at byte {column} of "
            "the line). Save the input as UTF-8 and try again."
        ) from None


def _parse_jsonl(lines: Sequence[str], line_no: int) -> list[str]:
    texts = []
    for i, line in enumerate(lines, start=line_no + 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise AnalysisError(
                f"Line {i} is not valid JSON ({e.msg} at column {e.colno}). {_JSONL_HINT}"
            ) from None
        if not isinstance(obj, dict):
            raise AnalysisError(
                f"Line {i} is a JSON {type(obj).__name__}, not an object. {_JSONL_HINT}"
            )
        if "text" not in obj:
            raise AnalysisError(f'Line {i} has no "text" field. {_JSONL_HINT}')
        text = obj["text"]
        if not isinstance(text, str):
            raise AnalysisError(
                f'Line {i}: "text" is a JSON {type(text).__name__}, not a string. {_JSONL_HINT}'
            )
        texts.append(text)
    return texts


_worker_pipeline: Pipeline | None = None


def _init_worker(components: tuple[str, ...]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(components)


def _work(texts: list[str]) -> str:
    assert _worker_pipeline is not None
    return _worker_pipeline.analyze_json(texts)


def analyze_stream(
    stream: IO[bytes],
    *,
    jsonl: bool = False,
    jobs: int | None = None,
    components: Sequence[str] = DEFAULT_COMPONENTS,
    chunk_bytes: int = CHUNK_BYTES,
) -> Iterator[str]:
    """Yield the JSON lines of the analysis contract for ``stream``, a chunk at a time.

    An input that fits in one chunk is analysed in this process; a larger one
    is spread over ``jobs`` worker processes (default: one per CPU), with at most
    two chunks per worker in flight.
    """
    jobs = default_jobs() if jobs is None else max(1, jobs)
    names = tuple(components)
    pipeline = Pipeline(names)
    chunks = read_chunks(stream, jsonl=jsonl, chunk_bytes=chunk_bytes)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None) if jobs > 1 else None
    if second is None:
        yield pipeline.analyze_json(first)
        for chunk in chunks:
            yield pipeline.analyze_json(chunk)
        return

    # Analyse once here so that forked workers inherit loaded models and compiled rules.
    pipeline.analyze(["warm up"])
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    ctx = multiprocessing.get_context(method)
    pending: deque[AsyncResult[str]] = deque()
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(names,)) as pool:
        for chunk in _chain(first, second, chunks):
            pending.append(pool.apply_async(_work, (chunk,)))
            while len(pending) > 2 * jobs or (pending and pending[0].ready()):
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _chain(first: list[str], second: list[str], rest: Iterator[list[str]]) -> Iterator[list[str]]:
    yield first
    yield second
    yield from rest
