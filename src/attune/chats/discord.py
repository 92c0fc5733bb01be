"""Discord channel exports from DiscordChatExporter (JSON).

Timestamps carry an offset and are given in UTC. Default messages and replies
are kind ``text`` (``media`` when they carry attachments or stickers, text kept);
every other type (joins, pins, calls, renames, threads) is kind ``system``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from attune.chats._json import as_text, from_iso, load_json
from attune.chats.model import Record
from attune.errors import ChatFormatError

EXPECTED = "expected a DiscordChatExporter JSON file with 'channel' and 'messages'"
_PERSON_TYPES = {"Default", "Reply", "0", "19", "ChatInputCommand", "ContextMenuCommand"}


def parse(path: Path) -> Iterator[Record]:
    """Yield every message of the channel in file order."""
    data = load_json(path, EXPECTED)
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        raise ChatFormatError("no Discord messages found; " + EXPECTED, path=str(path))
    for number, message in enumerate(data["messages"], 1):
        if not isinstance(message, dict):
            raise ChatFormatError(f"message {number} is not an object; " + EXPECTED, path=str(path))
        try:
            stamp = from_iso(str(message["timestamp"]))
        except (KeyError, ValueError):
            raise ChatFormatError(
                f"message {number} has no readable 'timestamp'; " + EXPECTED, path=str(path)
            ) from None
        author = message.get("author") if isinstance(message.get("author"), dict) else {}
        sender = as_text(author.get("nickname") or author.get("name"))
        text = as_text(message.get("content"))
        if str(message.get("type", "Default")) not in _PERSON_TYPES:
            kind = "system"
        elif message.get("attachments") or message.get("stickers"):
            kind = "media"
        else:
            kind = "text"
        yield (stamp, sender, text, kind)
