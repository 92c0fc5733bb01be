"""The fallback formats: CSV with a header row, or JSON Lines, with timestamp, sender, text.

An optional ``kind`` column/key must be ``text``, ``media`` or ``system``.
Timestamps are ISO-8601 (kept naive or turned to UTC when zoned) or Unix
seconds/milliseconds (UTC). Common alternative names are accepted: ``date``,
``author``/``from``, ``message``/``content``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from attune.chats._json import as_text, from_epoch, from_iso
from attune.chats._source import open_text
from attune.chats.model import KINDS, Record
from attune.errors import ChatFormatError

EXPECTED = "expected columns/keys timestamp, sender, text and optionally kind"
_ALIASES = {
    "timestamp": ("timestamp", "date", "datetime", "time", "sent_at"),
    "sender": ("sender", "author", "from", "name", "user"),
    "text": ("text", "message", "content", "body"),
    "kind": ("kind", "type"),
}


def _stamp(value: Any) -> str:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)) or (
        isinstance(value, str) and value.strip().lstrip("-").replace(".", "", 1).isdigit()
    ):
        seconds = float(value)
        return from_epoch(seconds / 1000 if abs(seconds) > 1e11 else seconds)
    if not isinstance(value, str):
        raise ValueError(value)
    return from_iso(value.strip())


def _columns(keys: list[str], path: Path, line: int) -> dict[str, str | None]:
    lower = {k.strip().lower(): k for k in keys if isinstance(k, str)}
    found: dict[str, str | None] = {}
    for field, names in _ALIASES.items():
        found[field] = next((lower[n] for n in names if n in lower), None)
    missing = [f for f in ("timestamp", "sender", "text") if found[f] is None]
    if missing:
        raise ChatFormatError(
            f"missing {', '.join(missing)}; " + EXPECTED, path=str(path), line=line
        )
    return found


def _record(row: Mapping[str, Any], cols: dict[str, str | None], path: Path, line: int) -> Record:
    try:
        stamp = _stamp(row[cols["timestamp"]])  # type: ignore[index]
    except (ValueError, TypeError, OverflowError, OSError):
        raise ChatFormatError(
            "unreadable timestamp (use ISO-8601 or Unix time); " + EXPECTED,
            path=str(path),
            line=line,
        ) from None
    kind = as_text(row.get(cols["kind"])) if cols["kind"] else ""
    kind = kind.strip().lower() or "text"
    if kind not in KINDS:
        raise ChatFormatError(f"kind must be one of {', '.join(KINDS)}", path=str(path), line=line)
    return (stamp, as_text(row.get(cols["sender"])), as_text(row.get(cols["text"])), kind)  # type: ignore[arg-type]


def parse(path: Path, *, fmt: str = "csv") -> Iterator[Record]:
    """Yield one record per CSV row or JSON line, in file order."""
    return _jsonl(path) if fmt == "jsonl" else _csv(path)


def _csv(path: Path) -> Iterator[Record]:
    with open_text(path) as fh:
        reader = csv.DictReader(fh)
        try:
            cols = _columns(list(reader.fieldnames or []), path, 1)
            for row in reader:
                yield _record(row, cols, path, reader.line_num)
        except csv.Error as e:
            raise ChatFormatError(
                f"broken CSV ({e}); " + EXPECTED, path=str(path), line=reader.line_num
            ) from None


def _jsonl(path: Path) -> Iterator[Record]:
    cols: dict[str, str | None] | None = None
    with open_text(path) as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except (ValueError, RecursionError):
                raise ChatFormatError(
                    "not a JSON object; " + EXPECTED, path=str(path), line=number
                ) from None
            if not isinstance(row, dict):
                raise ChatFormatError("not a JSON object; " + EXPECTED, path=str(path), line=number)
            cols = (
                _columns(list(row), path, number)
                if cols is None
                or any(c not in row for c in cols.values() if c and c != cols["kind"])
                else cols
            )
            yield _record(row, cols, path, number)
