"""Rituals: choose a few, log them, see how steady they are (without guilt)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from attune.content import load_content
from attune.domain.access import mine_or_shared, person_row, require_member
from attune.errors import ConflictError, NotFound
from attune.store import Store
from attune.store.models import RitualChoiceRow, RitualLogRow

MAX_ACTIVE = 5  # suggest one thing at a time; a long list of duties is how burnout starts


@dataclass(frozen=True)
class ChosenRitual:
    id: int
    ritual_id: str
    title: str
    cadence: str
    relationship_id: int | None
    logged_days: tuple[date, ...]

    def this_week(self, today: date) -> int:
        start = today - timedelta(days=today.weekday())
        return sum(1 for d in self.logged_days if start <= d <= today)


def _visible_choice(s: Session, actor: int, choice_id: int) -> RitualChoiceRow:
    row = s.scalar(
        select(RitualChoiceRow).where(
            RitualChoiceRow.id == choice_id,
            mine_or_shared(s, actor, RitualChoiceRow.person_id, RitualChoiceRow.relationship_id),
        )
    )
    if row is None:
        raise NotFound(f"No ritual {choice_id} of yours. Run 'attune ritual mine'.")
    return row


def _view(s: Session, row: RitualChoiceRow) -> ChosenRitual:
    ritual = load_content().rituals.get(row.ritual_id)
    days = tuple(
        sorted(set(s.scalars(select(RitualLogRow.day).where(RitualLogRow.choice_id == row.id))))
    )
    return ChosenRitual(
        row.id,
        row.ritual_id,
        ritual.title if ritual else row.ritual_id,
        ritual.cadence if ritual else "occasional",
        row.relationship_id,
        days,
    )


def choose_ritual(
    store: Store, actor: int, ritual_id: str, relationship_id: int | None = None
) -> ChosenRitual:
    ritual = load_content().ritual(ritual_id)
    with store.session() as s:
        person_row(s, actor)
        if relationship_id is not None:
            require_member(s, actor, relationship_id)
        active = [c for c in my_ritual_rows(s, actor) if c.active]
        if any(c.ritual_id == ritual.id for c in active):
            raise ConflictError(f"'{ritual.title}' is already one of your rituals.")
        if len(active) >= MAX_ACTIVE:
            raise ConflictError(
                f"You already keep {MAX_ACTIVE} rituals. Fewer, kept gently, beat many; "
                "drop one with 'attune ritual drop ID' first."
            )
        row = RitualChoiceRow(person_id=actor, relationship_id=relationship_id, ritual_id=ritual.id)
        s.add(row)
        s.flush()
        return _view(s, row)


def my_ritual_rows(s: Session, actor: int) -> list[RitualChoiceRow]:
    return list(
        s.scalars(
            select(RitualChoiceRow)
            .where(
                mine_or_shared(s, actor, RitualChoiceRow.person_id, RitualChoiceRow.relationship_id)
            )
            .order_by(RitualChoiceRow.id)
        )
    )


def my_rituals(store: Store, actor: int) -> list[ChosenRitual]:
    with store.session() as s:
        return [_view(s, r) for r in my_ritual_rows(s, actor) if r.active]


def log_ritual(
    store: Store, actor: int, choice_id: int, *, day: date | None = None
) -> ChosenRitual:
    day = day or date.today()
    with store.session() as s:
        row = _visible_choice(s, actor, choice_id)
        exists = s.scalar(
            select(RitualLogRow.id).where(RitualLogRow.choice_id == row.id, RitualLogRow.day == day)
        )
        if exists is None:
            s.add(RitualLogRow(choice_id=row.id, person_id=actor, day=day))
            s.flush()
        return _view(s, row)


def drop_ritual(store: Store, actor: int, choice_id: int) -> None:
    with store.session() as s:
        row = _visible_choice(s, actor, choice_id)
        if row.person_id != actor:
            raise NotFound(f"No ritual {choice_id} that you chose. Run 'attune ritual mine'.")
        row.active = False


def consistency(ritual: ChosenRitual, *, weeks: int = 4, today: date | None = None) -> list[int]:
    """Logged days in each of the last ``weeks`` weeks, oldest first."""
    today = today or date.today()
    monday = today - timedelta(days=today.weekday())
    out = []
    for w in range(weeks - 1, -1, -1):
        start = monday - timedelta(weeks=w)
        out.append(sum(1 for d in ritual.logged_days if start <= d < start + timedelta(days=7)))
    return out
