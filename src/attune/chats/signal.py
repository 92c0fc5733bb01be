"""Signal text exports from signal-export (``[2024-01-05 21:07:12] Name: body``, old and new).

The lines have WhatsApp's iOS shape, so the WhatsApp reader does the parsing;
Signal's own attachment lines (Markdown links and images) become kind ``media``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from attune.chats import whatsapp
from attune.chats.model import Record

_ATTACHMENT = re.compile(r"!?\[[^\]\n]*\]\([^)\n]+\)|\[?Attachment: .*\]?", re.IGNORECASE)


def parse(path: Path, *, date_order: str | None = None) -> Iterator[Record]:
    """Yield every entry of a signal-export text file in file order."""
    for ts, sender, text, kind in whatsapp.parse(path, date_order=date_order):
        if (
            kind == "text"
            and text
            and all(_ATTACHMENT.fullmatch(line) for line in text.split("\n") if line)
        ):
            kind = "media"
        yield (ts, sender, text, kind)
