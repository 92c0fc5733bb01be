"""Writing parsed records as JSON Lines, the import contract, in large batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring  # the C encoder json.dumps(ensure_ascii=False) uses

from attune.chats.model import Record

_BATCH = 20000


def jsonl_batches(records: Iterable[Record]) -> Iterator[str]:
    """Yield the records as JSON Lines text, many lines per piece.

    Each line equals ``json.dumps(message.to_dict(), ensure_ascii=False)``:
    ``{"timestamp": ..., "sender": ..., "text": ..., "kind": ...}``.
    """
    enc = encode_basestring
    out: list[str] = []
    append = out.append
    for ts, sender, text, kind in records:
        append(
            '{"timestamp": "'
            + ts
            + '", "sender": '
            + enc(sender)
            + ', "text": '
            + enc(text)
            + ', "kind": "'
            + kind
            + '"}\n'
        )
        if len(out) >= _BATCH:
            yield "".join(out)
            out.clear()
    if out:
        yield "".join(out)
