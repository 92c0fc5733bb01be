"""Who may see what: the membership checks every domain function goes through."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from attune.errors import NotFound
from attune.store.models import MembershipRow, PersonRow, RelationshipRow


def person_row(session: Session, person_id: int) -> PersonRow:
    row = session.get(PersonRow, person_id)
    if row is None:
        raise NotFound(f"No person with id {person_id}. Run 'attune init' to create your profile.")
    return row


def active_member_ids(session: Session, relationship_id: int) -> list[int]:
    rows = session.scalars(
        select(MembershipRow.person_id).where(
            MembershipRow.relationship_id == relationship_id, MembershipRow.left_at.is_(None)
        )
    )
    return list(rows)


def require_member(session: Session, actor: int, relationship_id: int) -> RelationshipRow:
    """Return the relationship if ``actor`` is an active member, else raise ``NotFound``.

    Outsiders get the same answer as for a relationship that does not exist, so
    ids cannot be probed.
    """
    rel = session.get(RelationshipRow, relationship_id)
    if rel is None or actor not in active_member_ids(session, relationship_id):
        raise NotFound(
            f"No relationship {relationship_id} that you belong to. "
            "Run 'attune pair list' to see yours."
        )
    return rel


def actor_relationship_ids(session: Session, actor: int) -> list[int]:
    rows = session.scalars(
        select(MembershipRow.relationship_id).where(
            MembershipRow.person_id == actor, MembershipRow.left_at.is_(None)
        )
    )
    return list(rows)


def mine_or_shared(s: Session, actor: int, owner: Any, relationship: Any) -> ColumnElement[bool]:
    """Rows the actor owns, or that belong to a space the actor is an active member of."""
    return or_(owner == actor, relationship.in_(actor_relationship_ids(s, actor)))
