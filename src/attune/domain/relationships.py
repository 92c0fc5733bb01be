"""Relationships: create, invite by code, join, list, unlink."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select, update

from attune.domain.access import active_member_ids, person_row, require_member
from attune.errors import ConflictError, NotFound, ValidationError
from attune.store import Store
from attune.store.models import (
    InvitationRow,
    JournalRow,
    MembershipRow,
    PersonRow,
    RelationshipRow,
    utcnow,
)

KINDS = ("partner", "friend", "family", "team")
INVITE_TTL = timedelta(days=7)
# No 0/O or 1/I/L: codes are read aloud and typed on phones.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class Member:
    id: int
    display_name: str


@dataclass(frozen=True)
class Relationship:
    id: int
    kind: str
    name: str
    started_on: date
    members: tuple[Member, ...]

    def others(self, actor: int) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.id != actor)


@dataclass(frozen=True)
class Invitation:
    code: str
    relationship_id: int
    expires_at: datetime


def _view(store: Store, rel: RelationshipRow) -> Relationship:
    with store.session() as s:
        ids = active_member_ids(s, rel.id)
        people = s.scalars(select(PersonRow).where(PersonRow.id.in_(ids)).order_by(PersonRow.id))
        members = tuple(Member(p.id, p.display_name) for p in people)
    return Relationship(rel.id, rel.kind, rel.name, rel.started_on, members)


def create_relationship(
    store: Store, actor: int, kind: str = "partner", name: str = "", *, today: date | None = None
) -> Relationship:
    """Create a relationship with ``actor`` as its first member."""
    if kind not in KINDS:
        raise ValidationError(f"kind '{kind}' is not one of {', '.join(KINDS)}.")
    with store.session() as s:
        me = person_row(s, actor)
        rel = RelationshipRow(
            kind=kind,
            name=(name.strip() or f"{me.display_name}'s {kind} space")[:80],
            created_by=actor,
            started_on=today or date.today(),
        )
        s.add(rel)
        s.flush()
        s.add(MembershipRow(relationship_id=rel.id, person_id=actor))
    return _view(store, rel)


def invite(store: Store, actor: int, relationship_id: int) -> Invitation:
    """Make a one-time invitation code for a relationship the actor belongs to."""
    with store.session() as s:
        require_member(s, actor, relationship_id)
        code = "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(2))
        inv = InvitationRow(
            code=code,
            relationship_id=relationship_id,
            created_by=actor,
            expires_at=utcnow() + INVITE_TTL,
        )
        s.add(inv)
        return Invitation(code, relationship_id, inv.expires_at)


def join(store: Store, actor: int, code: str) -> Relationship:
    """Join the relationship an invitation code points to; each code works once."""
    normalised = code.strip().upper().replace(" ", "")
    if len(normalised) == 8 and "-" not in normalised:
        normalised = normalised[:4] + "-" + normalised[4:]
    with store.session() as s:
        person_row(s, actor)
        inv = s.scalar(select(InvitationRow).where(InvitationRow.code == normalised))
        if inv is None or inv.used_at is not None or inv.expires_at < utcnow():
            raise NotFound(
                "That invitation code is not valid any more (used, expired or mistyped). "
                "Ask for a new one."
            )
        existing = s.scalar(
            select(MembershipRow).where(
                MembershipRow.relationship_id == inv.relationship_id,
                MembershipRow.person_id == actor,
            )
        )
        if existing is not None and existing.left_at is None:
            raise ConflictError("You are already in this relationship.")
        if existing is not None:
            existing.left_at = None
            existing.joined_at = utcnow()
        else:
            s.add(MembershipRow(relationship_id=inv.relationship_id, person_id=actor))
        inv.used_by, inv.used_at = actor, utcnow()
        rel = s.get(RelationshipRow, inv.relationship_id)
        assert rel is not None
    return _view(store, rel)


def list_relationships(store: Store, actor: int) -> list[Relationship]:
    with store.session() as s:
        rels = list(
            s.scalars(
                select(RelationshipRow)
                .join(MembershipRow, MembershipRow.relationship_id == RelationshipRow.id)
                .where(MembershipRow.person_id == actor, MembershipRow.left_at.is_(None))
                .order_by(RelationshipRow.id)
            )
        )
    return [_view(store, r) for r in rels]


def get_relationship(store: Store, actor: int, relationship_id: int) -> Relationship:
    with store.session() as s:
        rel = require_member(s, actor, relationship_id)
    return _view(store, rel)


def default_relationship(store: Store, actor: int) -> Relationship:
    """The actor's first relationship, or a clear error saying how to make one."""
    rels = list_relationships(store, actor)
    if not rels:
        raise NotFound(
            "You are not in a relationship space yet. Run 'attune pair new' to invite someone, "
            "or 'attune pair join CODE' with their code."
        )
    return rels[0]


def unlink(store: Store, actor: int, relationship_id: int) -> None:
    """Leave a relationship. Entries the actor had shared become private again."""
    with store.session() as s:
        require_member(s, actor, relationship_id)
        s.execute(
            update(MembershipRow)
            .where(
                MembershipRow.relationship_id == relationship_id, MembershipRow.person_id == actor
            )
            .values(left_at=utcnow())
        )
        s.execute(
            update(JournalRow)
            .where(JournalRow.author_id == actor, JournalRow.shared_with == relationship_id)
            .values(shared_with=None, shared_at=None)
        )
