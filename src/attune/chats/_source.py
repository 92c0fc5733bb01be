"""Opening chat exports: plain files, ``.zip`` archives and their text encodings."""

from __future__ import annotations

import codecs
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from attune.errors import ChatFormatError

_TEXT_SUFFIXES = (".txt", ".json", ".csv", ".jsonl", ".ndjson", ".md")


def _encoding_for(head: bytes) -> str:
    """Pick a decoder from the first bytes: UTF-16 with a BOM, else UTF-8."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig"


def zip_member(path: Path) -> str:
    """Name the chat file inside a zip export (the WhatsApp ``_chat.txt`` or the largest text)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = [
                i
                for i in zf.infolist()
                if not i.is_dir() and i.filename.lower().endswith(_TEXT_SUFFIXES)
            ]
    except (zipfile.BadZipFile, OSError) as e:
        raise ChatFormatError(
            f"cannot read the zip archive ({e.__class__.__name__})", path=str(path)
        ) from None
    if not names:
        raise ChatFormatError(
            "the zip archive holds no .txt or .json chat file; expected a chat export",
            path=str(path),
        )
    for info in names:
        base = info.filename.rsplit("/", 1)[-1].lower()
        if base == "_chat.txt" or base.startswith(("whatsapp chat", "chat whatsapp")):
            return info.filename
    return max(names, key=lambda i: i.file_size).filename


def is_zip(path: Path) -> bool:
    """Tell whether ``path`` is a zip archive, by content rather than suffix."""
    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False


@contextmanager
def open_binary(path: Path) -> Iterator[IO[bytes]]:
    """Open the export's bytes, looking inside a zip archive when needed."""
    if is_zip(path):
        member = zip_member(path)
        with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
            yield fh
    else:
        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as e:
            raise ChatFormatError(f"cannot open the file ({e.strerror})", path=str(path)) from None
        with fh:
            yield fh


@contextmanager
def open_text(path: Path) -> Iterator[IO[str]]:
    """Open the export as text: UTF-8 (BOM tolerated) or UTF-16, bad bytes replaced, any newline."""
    with open_binary(path) as raw:
        head = raw.peek(4)[:4]  # type: ignore[attr-defined]
        text = io.TextIOWrapper(raw, encoding=_encoding_for(head), errors="replace", newline=None)
        try:
            yield text
        finally:
            text.detach()


def text_blocks(path: Path, size: int) -> Iterator[str]:
    """Yield the export as text blocks of about ``size`` bytes, decoded as :func:`open_text` does.

    Reading bytes and decoding them here is cheaper than a text reader's
    ``read``: UTF-8 line breaks are translated only in blocks that hold a ``\\r``.
    """
    with open_binary(path) as raw:
        head = raw.peek(4)[:4]  # type: ignore[attr-defined]
        encoding = _encoding_for(head)
        if encoding != "utf-8-sig":
            newlines = io.IncrementalNewlineDecoder(
                codecs.getincrementaldecoder(encoding)(errors="replace"), translate=True
            )
            while block := raw.read(size):
                yield newlines.decode(block)
            yield newlines.decode(b"", final=True)
            return
        decode = codecs.getincrementaldecoder(encoding)(errors="replace").decode
        carry = ""  # a "\r" that ends a block may be the first half of "\r\n"
        while True:
            block = raw.read(size)
            text = carry + decode(block, final=not block)
            carry = ""
            if block and text.endswith("\r"):
                text, carry = text[:-1], "\r"
            if "\r" in text:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            yield text
            if not block:
                return


def read_head(path: Path, size: int = 65536) -> str:
    """Return the first ``size`` characters of the export as text (for format detection)."""
    with open_text(path) as fh:
        return fh.read(size)
