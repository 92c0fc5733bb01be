"""Facebook Messenger and Instagram JSON exports (``message_1.json``, ``message_2.json``...).

The export spreads a long conversation over numbered files and writes each
newest first; all parts next to the given file are read and the messages come
out oldest first, times in UTC from ``timestamp_ms``. Facebook writes UTF-8 text
as if it were Latin-1 ("Ã©" for "é"); a string is repaired only where the
repair round-trips (its Latin-1 bytes decode as UTF-8).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from attune.chats._json import as_text, from_epoch, load_json
from attune.chats.model import Record
from attune.errors import ChatFormatError

EXPECTED = "expected a Messenger or Instagram JSON export with 'messages' holding 'timestamp_ms'"
_PART = re.compile(r"message_(\d+)\.json$")
_MEDIA_KEYS = ("photos", "videos", "audio_files", "gifs", "files", "sticker", "attachments")
_SYSTEM_TYPES = {"Call", "Subscribe", "Unsubscribe"}


def fix_mojibake(text: str) -> str:
    """Undo Facebook's Latin-1 double encoding where that round-trips, else return text as is."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _parts(path: Path) -> list[Path]:
    if _PART.search(path.name) and path.parent.is_dir():
        parts = [p for p in path.parent.iterdir() if _PART.search(p.name)]
        return sorted(parts, key=lambda p: int(_PART.search(p.name).group(1)))  # type: ignore[union-attr]
    return [path]


def _kind(message: dict[str, Any]) -> str:
    if message.get("type") in _SYSTEM_TYPES or message.get("is_unsent"):
        return "system"
    if any(message.get(k) for k in _MEDIA_KEYS):
        return "media"
    return "text"


def parse(path: Path) -> Iterator[Record]:
    """Yield the conversation's messages, oldest first."""
    rows: list[tuple[int, int, Record]] = []
    for part in _parts(path):
        data = load_json(part, EXPECTED)
        if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
            raise ChatFormatError("no Messenger messages found; " + EXPECTED, path=str(part))
        for number, message in enumerate(data["messages"], 1):
            try:
                ms = int(message["timestamp_ms"])
                stamp = from_epoch(ms / 1000)
            except (KeyError, ValueError, TypeError, OverflowError, OSError):
                raise ChatFormatError(
                    f"message {number} has no readable 'timestamp_ms'; " + EXPECTED, path=str(part)
                ) from None
            sender = fix_mojibake(as_text(message.get("sender_name")))
            text = fix_mojibake(as_text(message.get("content")))
            rows.append((ms, len(rows), (stamp, sender, text, _kind(message))))
    # Parts and messages run newest first; reversing before a stable sort keeps
    # same-millisecond messages in the order they were sent.
    rows.reverse()
    rows.sort(key=lambda r: r[0])
    for _ms, _n, record in rows:
        yield record
