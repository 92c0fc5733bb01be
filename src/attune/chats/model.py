"""The one message model every chat parser produces."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Kind = Literal["text", "media", "system"]
KINDS: tuple[Kind, ...] = ("text", "media", "system")

#: What a parser yields internally: (ISO-8601 timestamp, sender, text, kind).
#: Keeping the timestamp as a string lets the JSON Lines writer skip datetime
#: objects entirely, which is most of the cost on million-message chats.
Record = tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class Message:
    """One entry of a chat export: who wrote what, when, and of which kind.

    ``timestamp`` is naive local time when the export writes wall-clock time
    (WhatsApp, Signal, iMessage text) and timezone-aware UTC when the export
    carries an epoch (Telegram ``date_unixtime``, Discord, Messenger).
    ``sender`` is ``""`` for system lines nobody wrote.

    >>> Message(datetime(2024, 1, 5, 21, 7), "Ana", "hi", "text").to_dict()["timestamp"]
    '2024-01-05T21:07:00'
    """

    timestamp: datetime
    sender: str
    text: str
    kind: Kind = "text"

    def to_dict(self) -> dict[str, str]:
        """Return the import contract: timestamp, sender, text and kind as JSON-ready values."""
        return {
            "timestamp": self.timestamp.isoformat(),
            "sender": self.sender,
            "text": self.text,
            "kind": self.kind,
        }

    @classmethod
    def from_record(cls, record: Record) -> Message:
        """Build a message from a parser record."""
        ts, sender, text, kind = record
        return cls(datetime.fromisoformat(ts), sender, text, kind)  # type: ignore[arg-type]
