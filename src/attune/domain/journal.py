"""The journal: private by default; an entry can be shared with a relationship and un-shared.

Every read goes through ``_visible``: the author always, members of the
relationship it is shared with while it is shared, nobody else. A private entry
cannot be reached by any other person through any function here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from attune.analysis.types import Risk
from attune.domain.access import mine_or_shared, person_row, require_member
from attune.domain.safety import triage
from attune.errors import NotFound, PermissionDenied, ValidationError
from attune.store import Store
from attune.store.models import JournalRow, utcnow

MAX_BODY = 20000


@dataclass(frozen=True)
class Entry:
    id: int
    author_id: int
    author_name: str
    title: str | None
    body: str
    created_at: datetime
    shared_with: int | None
    shared_at: datetime | None

    @property
    def private(self) -> bool:
        return self.shared_with is None


@dataclass(frozen=True)
class WriteResult:
    entry: Entry
    risk: Risk


def _view(store: Store, s: Session, row: JournalRow) -> Entry:
    author = person_row(s, row.author_id)
    return Entry(
        id=row.id,
        author_id=row.author_id,
        author_name=author.display_name,
        title=store.unseal(author, f"journal.title:{row.id}", row.title_enc),
        body=store.unseal(author, f"journal.body:{row.id}", row.body_enc) or "",
        created_at=row.created_at,
        shared_with=row.shared_with,
        shared_at=row.shared_at,
    )


def _visible(s: Session, actor: int) -> ColumnElement[bool]:
    return mine_or_shared(s, actor, JournalRow.author_id, JournalRow.shared_with)


def write_entry(
    store: Store,
    actor: int,
    body: str,
    *,
    title: str | None = None,
    share_with: int | None = None,
) -> WriteResult:
    """Write a journal entry, private unless ``share_with`` names one of the actor's spaces."""
    body = body.strip()
    if not body:
        raise ValidationError("body is empty: write something, even one line.")
    if len(body) > MAX_BODY:
        raise ValidationError(f"body is {len(body)} characters; keep an entry under {MAX_BODY}.")
    title = (title or "").strip()[:200] or None
    risk = triage(title, body)
    with store.session() as s:
        me = person_row(s, actor)
        if share_with is not None:
            require_member(s, actor, share_with)
        row = JournalRow(
            author_id=actor,
            body_enc=b"",
            risk_level=risk.level,
            shared_with=share_with,
            shared_at=utcnow() if share_with is not None else None,
        )
        s.add(row)
        s.flush()
        row.body_enc = store.seal(me, f"journal.body:{row.id}", body) or b""
        row.title_enc = store.seal(me, f"journal.title:{row.id}", title)
        return WriteResult(_view(store, s, row), risk)


def list_entries(store: Store, actor: int, *, only_mine: bool = False) -> list[Entry]:
    """Entries the actor may read, newest first."""
    with store.session() as s:
        cond = JournalRow.author_id == actor if only_mine else _visible(s, actor)
        rows = s.scalars(
            select(JournalRow)
            .where(cond)
            .order_by(JournalRow.created_at.desc(), JournalRow.id.desc())
        )
        return [_view(store, s, r) for r in rows]


def get_entry(store: Store, actor: int, entry_id: int) -> Entry:
    with store.session() as s:
        row = s.scalar(select(JournalRow).where(JournalRow.id == entry_id, _visible(s, actor)))
        if row is None:
            raise NotFound(
                f"No journal entry {entry_id} that you can read. Run 'attune journal list'."
            )
        return _view(store, s, row)


def _own(s: Session, actor: int, entry_id: int) -> JournalRow:
    row = s.scalar(select(JournalRow).where(JournalRow.id == entry_id, _visible(s, actor)))
    if row is None:
        raise NotFound(f"No journal entry {entry_id} that you can read. Run 'attune journal list'.")
    if row.author_id != actor:
        raise PermissionDenied("Only the author can share, un-share or delete an entry.")
    return row


def share_entry(store: Store, actor: int, entry_id: int, relationship_id: int) -> Entry:
    with store.session() as s:
        row = _own(s, actor, entry_id)
        require_member(s, actor, relationship_id)
        row.shared_with, row.shared_at = relationship_id, utcnow()
        return _view(store, s, row)


def unshare_entry(store: Store, actor: int, entry_id: int) -> Entry:
    with store.session() as s:
        row = _own(s, actor, entry_id)
        row.shared_with, row.shared_at = None, None
        return _view(store, s, row)


def delete_entry(store: Store, actor: int, entry_id: int) -> None:
    with store.session() as s:
        s.delete(_own(s, actor, entry_id))


def search_entries(store: Store, actor: int, query: str) -> list[Entry]:
    """Entries the actor may read whose title or body contains ``query`` (case-insensitive)."""
    needle = query.strip().lower()
    if not needle:
        return []
    return [
        e
        for e in list_entries(store, actor)
        if needle in e.body.lower() or (e.title and needle in e.title.lower())
    ]
