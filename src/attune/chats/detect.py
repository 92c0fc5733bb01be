"""Telling which app wrote a chat export, from its name and first bytes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from attune.chats import whatsapp
from attune.chats._source import is_zip, read_head, zip_member
from attune.errors import ChatFormatError

FORMATS = (
    "whatsapp",
    "telegram",
    "discord",
    "messenger",
    "signal",
    "imessage",
    "csv",
    "jsonl",
)

_IMESSAGE_STAMP = re.compile(r"^[A-Z][a-z]{2} \d{1,2}, \d{4}\s+\d{1,2}:\d{2}:\d{2}\s?[AP]M", re.M)
_SIGNAL_MD = re.compile(r"^\[\d{4}-\d{2}-\d{2}[ ,T]+\d{2}:\d{2}(?::\d{2})?\] [^:\n]+:", re.M)


def _json_kind(head: str) -> str | None:
    """Guess a JSON export's app from the keys near its start."""
    if '"guild"' in head and '"messages"' in head:
        return "discord"
    if '"participants"' in head or '"sender_name"' in head:
        return "messenger"
    if '"messages"' in head and ('"from"' in head or '"type"' in head or '"chats"' in head):
        return "telegram"
    if '"chats"' in head and '"list"' in head:
        return "telegram"
    return None


def detect_format(path: str | Path) -> str:
    """Name the export format of ``path`` (one of ``FORMATS``) or raise ChatFormatError.

    >>> detect_format("WhatsApp Chat with Sam.txt")  # doctest: +SKIP
    'whatsapp'
    """
    path = Path(path)
    name = zip_member(path) if is_zip(path) else path.name
    suffix = Path(name).suffix.lower()
    head = read_head(path, 65536)
    stripped = whatsapp.strip_marks(head).lstrip()
    looks_json = stripped[:1] == "{" or (
        stripped[:1] == "[" and stripped[1:].lstrip()[:1] in ("{", "]", "")
    )
    if suffix == ".json" or looks_json:
        kind = _json_kind(stripped)
        if kind:
            return kind
        first_line = stripped.split("\n", 1)[0]
        if (
            stripped[:1] == "{"
            and '"timestamp"' in first_line
            and first_line.rstrip().endswith("}")
        ):
            return "jsonl"
        raise ChatFormatError(
            "this JSON is not a chat export we know; expected a Telegram result.json, a "
            "DiscordChatExporter file, a Messenger/Instagram message_1.json, or JSON Lines "
            "with timestamp, sender and text",
            path=str(path),
        )
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    lines = [ln for ln in stripped.split("\n")[:50] if ln.strip()]
    if suffix == ".md" and _SIGNAL_MD.search(stripped):
        return "signal"
    if lines and sum(1 for ln in lines if whatsapp.HEADER.match(ln)) * 2 >= min(len(lines), 10):
        return "whatsapp"
    if lines and whatsapp.HEADER.match(lines[0]):
        return "whatsapp"
    if _IMESSAGE_STAMP.search(stripped):
        return "imessage"
    first = lines[0] if lines else ""
    if "timestamp" in first.lower() and "sender" in first.lower() and "," in first:
        return "csv"
    if stripped[:1] == "{":
        try:
            json.loads(stripped.split("\n", 1)[0])
            return "jsonl"
        except ValueError:
            pass
    raise ChatFormatError(
        "this does not look like a chat export; expected a WhatsApp .txt or .zip, a Telegram "
        "result.json, a Discord, Messenger or Instagram .json, a Signal or iMessage text "
        "export, or a CSV/JSON Lines file with timestamp, sender and text",
        path=str(path),
    )
