"""Shared goals such as "reflective listening twice a week for four weeks", with progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session

from attune.content import load_content
from attune.domain.access import (
    active_member_ids,
    mine_or_shared,
    person_row,
    require_member,
)
from attune.errors import NotFound, ValidationError
from attune.store import Store
from attune.store.models import ExerciseRunRow, GoalLogRow, GoalRow


@dataclass(frozen=True)
class GoalProgress:
    id: int
    title: str
    practice_id: str | None
    times_per_week: int
    weeks: int
    started_on: date
    relationship_id: int | None
    per_week: tuple[int, ...]

    @property
    def weeks_met(self) -> int:
        return sum(1 for n in self.per_week if n >= self.times_per_week)

    @property
    def total(self) -> int:
        return sum(self.per_week)

    def summary(self) -> str:
        current = self.per_week[-1] if self.per_week else 0
        return (
            f"{self.title}: {current}/{self.times_per_week} this week, "
            f"{self.weeks_met} of {self.weeks} weeks met"
        )


def add_goal(
    store: Store,
    actor: int,
    title: str,
    *,
    times_per_week: int,
    weeks: int,
    practice_id: str | None = None,
    relationship_id: int | None = None,
    today: date | None = None,
) -> GoalProgress:
    """Add a measurable goal; shared with a relationship when ``relationship_id`` is given."""
    title = title.strip()
    if not title:
        raise ValidationError("title is empty: say what you want to practise.")
    if not 1 <= times_per_week <= 14:
        raise ValidationError(f"times_per_week {times_per_week} is out of range 1-14.")
    if not 1 <= weeks <= 52:
        raise ValidationError(f"weeks {weeks} is out of range 1-52.")
    if practice_id is not None:
        load_content().get(practice_id)
    with store.session() as s:
        person_row(s, actor)
        if relationship_id is not None:
            require_member(s, actor, relationship_id)
        row = GoalRow(
            created_by=actor,
            relationship_id=relationship_id,
            title=title[:200],
            practice_id=practice_id,
            times_per_week=times_per_week,
            weeks=weeks,
            started_on=today or date.today(),
        )
        s.add(row)
        s.flush()
        return _progress(s, row, today or date.today())


def _goal(s: Session, actor: int, goal_id: int) -> GoalRow:
    row = s.scalar(
        select(GoalRow).where(
            GoalRow.id == goal_id,
            mine_or_shared(s, actor, GoalRow.created_by, GoalRow.relationship_id),
        )
    )
    if row is None:
        raise NotFound(f"No goal {goal_id} of yours. Run 'attune goal list'.")
    return row


def _progress(s: Session, row: GoalRow, today: date) -> GoalProgress:
    days = list(s.scalars(select(GoalLogRow.day).where(GoalLogRow.goal_id == row.id)))
    if row.practice_id:
        people = (
            active_member_ids(s, row.relationship_id) if row.relationship_id else [row.created_by]
        )
        q = select(ExerciseRunRow.completed_at).where(
            ExerciseRunRow.exercise_id == row.practice_id,
            ExerciseRunRow.completed_at.is_not(None),
            ExerciseRunRow.completed_at >= datetime.combine(row.started_on, time()),
            or_(
                ExerciseRunRow.person_id.in_(people),
                ExerciseRunRow.relationship_id == row.relationship_id
                if row.relationship_id
                else false(),
            ),
        )
        days.extend(c.date() for c in s.scalars(q) if c is not None)
    elapsed = max(0, (today - row.started_on).days) // 7 + 1
    n_weeks = min(row.weeks, elapsed)
    per_week = []
    for w in range(n_weeks):
        start = row.started_on + timedelta(weeks=w)
        per_week.append(sum(1 for d in days if start <= d < start + timedelta(days=7)))
    return GoalProgress(
        row.id,
        row.title,
        row.practice_id,
        row.times_per_week,
        row.weeks,
        row.started_on,
        row.relationship_id,
        tuple(per_week),
    )


def log_goal(store: Store, actor: int, goal_id: int, *, day: date | None = None) -> GoalProgress:
    """Record one practice toward a goal."""
    day = day or date.today()
    with store.session() as s:
        row = _goal(s, actor, goal_id)
        s.add(GoalLogRow(goal_id=row.id, person_id=actor, day=day))
        s.flush()
        return _progress(s, row, day)


def list_goals(store: Store, actor: int, *, today: date | None = None) -> list[GoalProgress]:
    today = today or date.today()
    with store.session() as s:
        rows = s.scalars(
            select(GoalRow)
            .where(
                GoalRow.active.is_(True),
                mine_or_shared(s, actor, GoalRow.created_by, GoalRow.relationship_id),
            )
            .order_by(GoalRow.id)
        )
        return [_progress(s, r, today) for r in rows]
