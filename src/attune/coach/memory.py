"""The coach's memory: private to one person, encrypted at rest, deletable at any time.

Each turn is a ``CoachMemoryRow`` whose text is sealed with the person's own
data key (purpose ``coach:{row id}``), so nobody else can read it, and it is
part of that person's export only. Besides the turns, one row with role
``state`` holds the open conversation's state (safety mode, flow step) as JSON,
so a new ``Coach`` (a new web request, say) carries on the same conversation.

>>> from attune.store import Store
>>> from attune.domain import create_person
>>> store = Store.memory()
>>> me = create_person(store, "robin", "Robin").id
>>> _ = remember(store, me, "person", "We had a lovely walk.")
>>> [m.text for m in recall(store, me)]
['We had a lovely walk.']
>>> forget(store, me)
1
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from attune.domain.access import person_row
from attune.errors import NotFound, ValidationError
from attune.store import Store
from attune.store.models import CoachMemoryRow, utcnow

ROLES = ("person", "coach")
STATE_ROLE = "state"
MAX_TEXT = 4000


@dataclass(frozen=True)
class MemoryItem:
    """One remembered turn of the actor's own conversations with the coach."""

    id: int
    role: str
    text: str
    at: datetime


def remember(store: Store, actor: int, role: str, text: str) -> int:
    """Keep one turn (``role`` is 'person' or 'coach'), sealed for the actor; return its id."""
    if role not in ROLES:
        raise ValidationError(f"role '{role}' is not one of {', '.join(ROLES)}.")
    with store.session() as s:
        me = person_row(s, actor)
        row = CoachMemoryRow(person_id=actor, role=role, text_enc=b"")
        s.add(row)
        s.flush()
        row.text_enc = store.seal(me, f"coach:{row.id}", text[:MAX_TEXT]) or b""
        return row.id


def recall(store: Store, actor: int, *, limit: int = 50) -> list[MemoryItem]:
    """The actor's most recent remembered turns, oldest first (never anyone else's)."""
    with store.session() as s:
        me = person_row(s, actor)
        rows = list(
            s.scalars(
                select(CoachMemoryRow)
                .where(CoachMemoryRow.person_id == actor, CoachMemoryRow.role.in_(ROLES))
                .order_by(CoachMemoryRow.id.desc())
                .limit(limit)
            )
        )
        return [
            MemoryItem(
                r.id, r.role, store.unseal(me, f"coach:{r.id}", r.text_enc) or "", r.created_at
            )
            for r in reversed(rows)
        ]


def forget(store: Store, actor: int, item_id: int | None = None) -> int:
    """Delete one remembered turn, or everything (turns and state) when ``item_id`` is None.

    Returns how many turns were deleted. Only the actor's own rows can be
    deleted; someone else's id gets the same ``NotFound`` as a missing one.
    """
    with store.session() as s:
        person_row(s, actor)
        if item_id is None:
            turns = len(
                list(
                    s.scalars(
                        select(CoachMemoryRow.id).where(
                            CoachMemoryRow.person_id == actor, CoachMemoryRow.role.in_(ROLES)
                        )
                    )
                )
            )
            s.execute(delete(CoachMemoryRow).where(CoachMemoryRow.person_id == actor))
            return turns
        row = s.get(CoachMemoryRow, item_id)
        if row is None or row.person_id != actor or row.role not in ROLES:
            raise NotFound(
                f"No coach memory {item_id} of yours. Run 'attune coach --memory' to list them."
            )
        s.delete(row)
        return 1


def remember_exchange(
    store: Store, actor: int, said: str, answered: str, state: dict[str, Any]
) -> None:
    """Keep one exchange (the person's message and the coach's reply) and the state, at once."""
    with store.session() as s:
        me = person_row(s, actor)
        rows = [
            CoachMemoryRow(person_id=actor, role="person", text_enc=b""),
            CoachMemoryRow(person_id=actor, role="coach", text_enc=b""),
        ]
        s.add_all(rows)
        st = s.scalar(
            select(CoachMemoryRow).where(
                CoachMemoryRow.person_id == actor, CoachMemoryRow.role == STATE_ROLE
            )
        )
        if st is None:
            st = CoachMemoryRow(person_id=actor, role=STATE_ROLE, text_enc=b"")
            s.add(st)
        s.flush()
        for row, text in zip(rows, (said, answered), strict=True):
            row.text_enc = store.seal(me, f"coach:{row.id}", text[:MAX_TEXT]) or b""
        st.created_at = utcnow()
        st.text_enc = store.seal(me, f"coach:{st.id}", json.dumps(state)) or b""


def clear(store: Store, actor: int) -> int:
    """Delete all of the actor's coach memory; same as ``forget(store, actor)``."""
    return forget(store, actor)


def load_state(store: Store, actor: int) -> tuple[dict[str, Any], datetime | None]:
    """The saved conversation state and when it was last saved (empty when none)."""
    with store.session() as s:
        me = person_row(s, actor)
        row = s.scalar(
            select(CoachMemoryRow).where(
                CoachMemoryRow.person_id == actor, CoachMemoryRow.role == STATE_ROLE
            )
        )
        if row is None:
            return {}, None
        raw = store.unseal(me, f"coach:{row.id}", row.text_enc) or "{}"
        try:
            state = json.loads(raw)
        except json.JSONDecodeError:
            return {}, None
        return (state if isinstance(state, dict) else {}), row.created_at


def save_state(store: Store, actor: int, state: dict[str, Any]) -> None:
    """Replace the saved conversation state (sealed like every other memory row)."""
    with store.session() as s:
        me = person_row(s, actor)
        row = s.scalar(
            select(CoachMemoryRow).where(
                CoachMemoryRow.person_id == actor, CoachMemoryRow.role == STATE_ROLE
            )
        )
        if row is None:
            row = CoachMemoryRow(person_id=actor, role=STATE_ROLE, text_enc=b"")
            s.add(row)
            s.flush()
        row.created_at = utcnow()
        row.text_enc = store.seal(me, f"coach:{row.id}", json.dumps(state)) or b""


def clear_state(store: Store, actor: int) -> None:
    """Forget the open conversation's state, keeping the remembered turns."""
    with store.session() as s:
        s.execute(
            delete(CoachMemoryRow).where(
                CoachMemoryRow.person_id == actor, CoachMemoryRow.role == STATE_ROLE
            )
        )


__all__ = [
    "MemoryItem",
    "clear",
    "clear_state",
    "forget",
    "load_state",
    "recall",
    "remember",
    "remember_exchange",
    "save_state",
]
