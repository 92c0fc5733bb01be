"""Telegram Desktop JSON exports (``result.json``): one chat or a whole account.

Old exports write only ``date`` (local wall time, kept naive); newer ones add
``date_unixtime``, which we prefer and give in UTC. ``text`` is a string or a
list of strings and entities. Service messages are kind ``system``; photos,
files, stickers, voice notes, polls and locations are kind ``media`` with any
caption kept as the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from attune.chats._json import as_text, from_epoch, from_iso, load_json
from attune.chats.model import Record
from attune.errors import ChatFormatError

EXPECTED = "expected a Telegram result.json with 'messages' or 'chats': {'list': [...]}"
_MEDIA_KEYS = (
    "photo",
    "file",
    "media_type",
    "sticker_emoji",
    "poll",
    "contact_information",
    "location_information",
    "place_name",
    "game_title",
    "invoice",
    "live_location_period_seconds",
)


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "".join(
            p if isinstance(p, str) else as_text(p.get("text"))
            for p in value
            if isinstance(p, (str, dict))
        )
    return as_text(value)


def _chats(data: Any, path: Path) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        if isinstance(data.get("messages"), list):
            return [data]
        chats: list[dict[str, Any]] = []
        for key in ("chats", "left_chats"):
            section = data.get(key)
            if isinstance(section, dict) and isinstance(section.get("list"), list):
                chats.extend(c for c in section["list"] if isinstance(c, dict))
        if chats or "chats" in data:
            return chats
    raise ChatFormatError("no Telegram messages found; " + EXPECTED, path=str(path))


def _stamp(message: dict[str, Any]) -> str:
    unix = message.get("date_unixtime")
    if unix not in (None, ""):
        return from_epoch(int(unix))
    return from_iso(str(message["date"]))


def _sender(message: dict[str, Any], name_key: str, id_key: str) -> str:
    name = message.get(name_key)
    if isinstance(name, str):
        return name
    ident = message.get(id_key)
    return str(ident) if ident is not None else ""


def parse(path: Path) -> Iterator[Record]:
    """Yield every message of every chat in the export, chat by chat, in file order."""
    data = load_json(path, EXPECTED)
    for chat in _chats(data, path):
        for number, message in enumerate(chat.get("messages") or [], 1):
            if not isinstance(message, dict):
                raise ChatFormatError(
                    f"message {number} is not an object; " + EXPECTED, path=str(path)
                )
            try:
                stamp = _stamp(message)
            except (KeyError, ValueError, TypeError, OverflowError, OSError):
                raise ChatFormatError(
                    f"message {number} has no readable 'date'; " + EXPECTED, path=str(path)
                ) from None
            text = _text(message.get("text"))
            if message.get("type") == "service":
                sender = _sender(message, "actor", "actor_id") if "actor" in message else ""
                yield (stamp, sender, text or as_text(message.get("action")), "system")
                continue
            sender = _sender(message, "from", "from_id")
            kind = "media" if any(k in message for k in _MEDIA_KEYS) else "text"
            yield (stamp, sender, text, kind)
