"""Chat exports: one streaming parser per app, all producing one message model.

>>> from attune.chats import parse_chat
>>> for message in parse_chat("WhatsApp Chat with Sam.txt"):  # doctest: +SKIP
...     print(message.timestamp, message.sender, message.kind)

Every entry of an export becomes exactly one :class:`Message`: service events
are kind ``system``, attachments kind ``media``; nothing is dropped or merged.
A file that is not a chat export raises :class:`attune.errors.ChatFormatError`
naming the file (and the line, where there is one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from attune.chats.detect import FORMATS, detect_format
from attune.chats.model import KINDS, Kind, Message, Record
from attune.errors import ChatFormatError

__all__ = [
    "FORMATS",
    "KINDS",
    "Kind",
    "Message",
    "detect_format",
    "iter_records",
    "parse_chat",
]


def _parser(fmt: str) -> Callable[..., Iterator[Record]]:
    """Import the module for ``fmt`` lazily and return its ``parse`` function."""
    from importlib import import_module

    module = {"csv": "tabular", "jsonl": "tabular"}.get(fmt, fmt)
    parse: Callable[..., Iterator[Record]] = import_module(f"attune.chats.{module}").parse
    if fmt in ("csv", "jsonl"):
        return lambda path, **opts: parse(path, fmt=fmt, **opts)
    return parse


def iter_records(path: str | Path, format: str = "auto", **options: Any) -> Iterator[Record]:
    """Stream ``(timestamp_iso, sender, text, kind)`` tuples: the fast path behind ``parse_chat``.

    Options: ``date_order`` (``dmy``, ``mdy``, ``ymd``...) for WhatsApp-style text exports.
    """
    path = Path(path)
    if not path.exists():
        raise ChatFormatError("no such file", path=str(path))
    fmt = detect_format(path) if format == "auto" else format
    if fmt not in FORMATS:
        raise ChatFormatError(f"unknown format {format!r}; use auto or one of {', '.join(FORMATS)}")
    if fmt not in ("whatsapp", "signal", "imessage"):
        options.pop("date_order", None)
    return _parser(fmt)(path, **options)


def parse_chat(path: str | Path, format: str = "auto", **options: Any) -> Iterator[Message]:
    """Stream the messages of a chat export, in file order, one per entry.

    ``format`` is ``"auto"`` or one of :data:`FORMATS`; ``date_order`` overrides
    the date order a WhatsApp file suggests.
    """
    from_record = Message.from_record
    for record in iter_records(path, format, **options):
        yield from_record(record)
