"""iMessage text exports from imessage-exporter (``--format txt``).

Each message is a block: a timestamp line (``Jan 05, 2024  9:07:12 PM``, maybe
followed by a read receipt in brackets), the sender (``Me``, a name, a phone
number or an email), then the body up to the next timestamp line. Blocks whose
first line announces a group event are kind ``system`` with no sender; bodies
made only of attachment paths are kind ``media``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from attune.chats._source import open_text
from attune.chats.model import Record
from attune.chats.whatsapp import strip_marks
from attune.errors import ChatFormatError

EXPECTED = "expected an imessage-exporter text file with lines like 'Jan 05, 2024  9:07:12 PM'"
STAMP = re.compile(
    r"(?P<mon>[A-Z][a-z]{2}) (?P<day>\d{1,2}), (?P<year>\d{4})\s+"
    r"(?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})\s?(?P<ampm>[AP]M)(?:\s*\(.*\))?\s*$"
)
_EVENT = re.compile(
    r".+ (?:renamed the conversation|named the conversation|left the conversation"
    r"|added .+ to the conversation|removed .+ from the conversation"
    r"|changed the group photo|removed the group photo).*"
)
_ATTACHMENT = re.compile(
    r"(?:/|~/).+\.\w{2,5}|Attachment missing!?"
    r"|.+\.(?:heic|jpe?g|png|gif|mov|mp4|caf|m4a|pdf|pluginPayloadAttachment)",
    re.I,
)


def _iso(m: re.Match[str]) -> str:
    stamp = f"{m['mon']} {m['day']} {m['year']} {m['h']}:{m['mi']}:{m['s']} {m['ampm']}"
    return datetime.strptime(stamp, "%b %d %Y %I:%M:%S %p").isoformat()


def parse(path: Path, *, date_order: str | None = None) -> Iterator[Record]:
    """Yield every message block in file order."""
    del date_order  # the exporter always writes English month names
    stamp: str | None = None
    lines: list[str] = []
    with open_text(path) as fh:
        for number, raw in enumerate(fh, 1):
            line = strip_marks(raw.rstrip("\n"))
            m = STAMP.match(line)
            if m:
                try:
                    new = _iso(m)
                except ValueError:
                    new = None
                if new is not None:
                    if stamp is not None:
                        yield _record(stamp, lines)
                    stamp, lines = new, []
                    continue
            if stamp is None:
                if line.strip():
                    raise ChatFormatError(
                        "text before the first timestamp; " + EXPECTED, path=str(path), line=number
                    )
                continue
            lines.append(line)
    if stamp is None:
        raise ChatFormatError("found no message; " + EXPECTED, path=str(path))
    yield _record(stamp, lines)


def _record(stamp: str, lines: list[str]) -> Record:
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return (stamp, "", "", "system")
    if _EVENT.fullmatch(lines[0]) and len(lines) == 1:
        return (stamp, "", lines[0], "system")
    sender, body = lines[0].strip(), "\n".join(lines[1:])
    body_lines = [b for b in lines[1:] if b.strip()]
    kind = (
        "media"
        if body_lines and all(_ATTACHMENT.fullmatch(b.strip()) for b in body_lines)
        else "text"
    )
    return (stamp, sender, body, kind)
