"""Keep an imported chat for its owner: sealed, compressed, visible to nobody else.

A conversation is stored as one row: the messages as JSON Lines (the import
contract), gzip-compressed, base64-encoded and sealed with the owner's key, plus
a sealed title. Only the owner can list, load or delete it; for anyone else it
does not exist (``NotFound``), so ids cannot be probed.

>>> from datetime import datetime
>>> from attune.store import Store
>>> from attune.domain import create_person
>>> from attune.chats.model import Message
>>> store = Store.memory()
>>> me = create_person(store, "alex", "Alex").id
>>> cid = save_conversation(store, me, [Message(datetime(2024, 1, 5, 9), "Sam", "hi")],
...                         "Sam", "whatsapp")
>>> [m.text for m in load_conversation(store, me, cid)]
['hi']
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from attune.chats.model import KINDS, Kind, Message
from attune.domain.access import person_row
from attune.errors import NotFound, StoreError, ValidationError
from attune.store import Store
from attune.store.models import ConversationRow, PersonRow

MAX_TITLE = 200
_BODY_PREFIX = "gz1:"  # gzip + base64 of JSON Lines; a new layout gets a new prefix


@dataclass(frozen=True)
class ConversationInfo:
    """What the owner sees in a list of imported chats (no message text)."""

    id: int
    title: str
    source_format: str
    message_count: int
    imported_at: datetime


def _encode(messages: Iterable[Message]) -> tuple[str, int]:
    lines = []
    for m in messages:
        lines.append(json.dumps(m.to_dict(), ensure_ascii=False))
    raw = ("\n".join(lines) + "\n" if lines else "").encode("utf-8")
    packed = gzip.compress(raw, compresslevel=6, mtime=0)
    return _BODY_PREFIX + base64.b64encode(packed).decode("ascii"), len(lines)


def _decode(body: str) -> list[Message]:
    if not body.startswith(_BODY_PREFIX):
        raise StoreError("A stored conversation has an unknown layout; update Attune to read it.")
    raw = gzip.decompress(base64.b64decode(body[len(_BODY_PREFIX) :])).decode("utf-8")
    out = []
    for line in raw.splitlines():
        d = json.loads(line)
        kind: Kind = d["kind"] if d["kind"] in KINDS else "text"
        out.append(Message(datetime.fromisoformat(d["timestamp"]), d["sender"], d["text"], kind))
    return out


def _own(s: Session, actor: int, conversation_id: int) -> tuple[PersonRow, ConversationRow]:
    """The actor's person row and their conversation, or ``NotFound`` for anyone else."""
    me = person_row(s, actor)
    row = s.get(ConversationRow, conversation_id)
    if row is None or row.person_id != actor:
        raise NotFound(
            f"No imported conversation {conversation_id} of yours. "
            "List your conversations to see their ids."
        )
    return me, row


def save_conversation(
    store: Store,
    actor: int,
    messages: Iterable[Message],
    title: str,
    source_format: str,
) -> int:
    """Store ``messages`` as a new conversation owned by ``actor``; return its id.

    ``title`` is what the owner will see in their list (sealed like the body);
    ``source_format`` names the export format, e.g. ``whatsapp``.
    """
    title = title.strip()
    if not title:
        raise ValidationError("title is empty: give the conversation a name you will recognise.")
    if len(title) > MAX_TITLE:
        raise ValidationError(f"title is {len(title)} characters: use at most {MAX_TITLE}.")
    source_format = source_format.strip().lower()
    if not source_format or len(source_format) > 16 or not source_format.isascii():
        raise ValidationError(
            "source_format must be a short format name such as whatsapp, telegram or csv."
        )
    body, count = _encode(messages)
    with store.session() as s:
        me = person_row(s, actor)
        row = ConversationRow(
            person_id=actor,
            title_enc=b"",
            source_format=source_format,
            message_count=count,
            body_enc=b"",
        )
        s.add(row)
        s.flush()
        row.title_enc = store.seal(me, f"conversation.title:{row.id}", title) or b""
        row.body_enc = store.seal(me, f"conversation.body:{row.id}", body) or b""
        return row.id


def load_conversation(store: Store, actor: int, conversation_id: int) -> list[Message]:
    """The messages of one of ``actor``'s conversations, in the order they were saved."""
    with store.session() as s:
        me, row = _own(s, actor, conversation_id)
        body = store.unseal(me, f"conversation.body:{row.id}", row.body_enc) or ""
    return _decode(body)


def conversation_info(store: Store, actor: int, conversation_id: int) -> ConversationInfo:
    """Title, format, size and import time of one of ``actor``'s conversations."""
    with store.session() as s:
        me, row = _own(s, actor, conversation_id)
        return _info(store, me, row)


def _info(store: Store, me: PersonRow, row: ConversationRow) -> ConversationInfo:
    title = store.unseal(me, f"conversation.title:{row.id}", row.title_enc) or ""
    return ConversationInfo(row.id, title, row.source_format, row.message_count, row.imported_at)


def list_conversations(store: Store, actor: int) -> list[ConversationInfo]:
    """``actor``'s imported conversations, newest first."""
    with store.session() as s:
        me = person_row(s, actor)
        rows = s.scalars(
            select(ConversationRow)
            .where(ConversationRow.person_id == actor)
            .order_by(ConversationRow.imported_at.desc(), ConversationRow.id.desc())
        )
        return [_info(store, me, row) for row in rows]


def delete_conversation(store: Store, actor: int, conversation_id: int) -> None:
    """Delete one of ``actor``'s conversations for good."""
    with store.session() as s:
        _, row = _own(s, actor, conversation_id)
        s.delete(row)


__all__ = [
    "ConversationInfo",
    "conversation_info",
    "delete_conversation",
    "list_conversations",
    "load_conversation",
    "save_conversation",
]
