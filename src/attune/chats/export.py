"""Writing parsed records as JSON Lines, the import contract, in large batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring  # the C encoder json.dumps(ensure_ascii=False) uses

from attune.chats.model import Record

_BATCH = 80000  # pieces, four per line


def jsonl_batches(records: Iterable[Record]) -> Iterator[str]:
    """Yield the records as JSON Lines text, many lines per piece.

    Each line equals ``json.dumps(message.to_dict(), ensure_ascii=False)``:
    ``{"timestamp": ..., "sender": ..., "text": ..., "kind": ...}``.
    """
    enc = encode_basestring
    # Pieces of a line are gathered flat and joined once per batch: a line starts
    # with its timestamp and ends with the next line's opening, written ahead.
    opening = '{"timestamp": "'
    tails: dict[str, str] = {}  # kind -> end of a line and start of the next
    middles: dict[str, str] = {}  # sender -> what sits between timestamp and text
    out: list[str] = [opening]
    extend = out.extend
    for ts, sender, text, kind in records:
        middle = middles.get(sender)
        if middle is None:
            middle = middles[sender] = '", "sender": ' + enc(sender) + ', "text": '
        tail = tails.get(kind)
        if tail is None:
            tail = tails[kind] = ', "kind": "' + kind + '"}\n' + opening
        extend((ts, middle, enc(text), tail))
        if len(out) >= _BATCH:
            out[-1] = out[-1][: -len(opening)]
            yield "".join(out)
            out.clear()
            out.append(opening)
    if len(out) > 1:
        out[-1] = out[-1][: -len(opening)]
        yield "".join(out)
