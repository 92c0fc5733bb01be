"""A running summary of an import: messages per sender, kinds and date range."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from attune.chats.model import Record


@dataclass
class ImportSummary:
    """Counts gathered while records stream past; memory grows only with the number of senders."""

    messages: int = 0
    senders: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    first: str | None = None
    last: str | None = None

    def add(self, record: Record) -> None:
        """Count one record."""
        ts, sender, _text, kind = record
        self.messages += 1
        self.senders[sender] += 1
        self.kinds[kind] += 1
        if self.first is None or ts < self.first:
            self.first = ts
        if self.last is None or ts > self.last:
            self.last = ts
