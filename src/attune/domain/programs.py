"""Programs: one task a day, progress that waits for you, and a streak that forgives.

The program never falls "behind": the next task is the first one not done yet,
however many days have passed. The streak counts practice days and survives
gaps of up to ``GRACE_DAYS`` missed days (snoozed days never count as missed).
Messages never scold. Deep talks are limited to ``DEEP_PER_WEEK`` in seven days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from attune.content import Program, load_content
from attune.content.schema import ProgramDay
from attune.domain.access import person_row, require_member
from attune.errors import ConflictError, NotFound
from attune.store import Store
from attune.store.models import EnrollmentRow, ProgramDayRow, SnoozeRow

GRACE_DAYS = 2
DEEP_PER_WEEK = 2


@dataclass(frozen=True)
class Enrollment:
    id: int
    program_id: str
    title: str
    started_on: date
    relationship_id: int | None
    days_done: int
    duration_days: int
    active: bool


@dataclass(frozen=True)
class Today:
    enrollment: Enrollment
    task: ProgramDay | None
    done_today: bool
    snoozed_today: bool
    streak: int
    deep_limited: bool
    message: str

    @property
    def finished(self) -> bool:
        return self.task is None


def forgiving_streak(done: list[date], snoozed: set[date], today: date) -> int:
    """Count practice days in the current run; a run survives short gaps.

    A gap breaks the run only when more than ``GRACE_DAYS`` days in a row were
    neither practised nor snoozed.
    """
    days = sorted(set(done))
    if not days:
        return 0

    def missed_between(a: date, b: date) -> int:
        gap = 0
        d = a + timedelta(days=1)
        while d < b:
            if d not in snoozed:
                gap += 1
            d += timedelta(days=1)
        return gap

    if missed_between(days[-1], today) > GRACE_DAYS:
        return 0
    streak = 1
    for prev, cur in zip(reversed(days[:-1]), reversed(days[1:]), strict=True):
        if missed_between(prev, cur) > GRACE_DAYS:
            break
        streak += 1
    return streak


def _enrollment(s: Session, actor: int, enrollment_id: int) -> EnrollmentRow:
    row = s.get(EnrollmentRow, enrollment_id)
    if row is None or row.person_id != actor:
        raise NotFound(f"No program {enrollment_id} of yours. Run 'attune program list'.")
    return row


def _view(s: Session, row: EnrollmentRow, program: Program) -> Enrollment:
    done = len(
        list(s.scalars(select(ProgramDayRow.id).where(ProgramDayRow.enrollment_id == row.id)))
    )
    return Enrollment(
        row.id,
        row.program_id,
        program.title,
        row.started_on,
        row.relationship_id,
        done,
        program.duration_days,
        row.active,
    )


def start_program(
    store: Store,
    actor: int,
    program_id: str,
    *,
    relationship_id: int | None = None,
    today: date | None = None,
) -> Enrollment:
    """Start a program; one active enrollment per program and person."""
    program = load_content().program(program_id)
    with store.session() as s:
        person_row(s, actor)
        if relationship_id is not None:
            require_member(s, actor, relationship_id)
        existing = s.scalar(
            select(EnrollmentRow).where(
                EnrollmentRow.person_id == actor,
                EnrollmentRow.program_id == program.id,
                EnrollmentRow.active.is_(True),
            )
        )
        if existing is not None:
            raise ConflictError(
                f"You are already doing '{program.title}'. Run 'attune program today' to continue."
            )
        row = EnrollmentRow(
            person_id=actor,
            program_id=program.id,
            relationship_id=relationship_id,
            started_on=today or date.today(),
        )
        s.add(row)
        s.flush()
        return _view(s, row, program)


def my_programs(store: Store, actor: int, *, active_only: bool = True) -> list[Enrollment]:
    lib = load_content()
    with store.session() as s:
        q = select(EnrollmentRow).where(EnrollmentRow.person_id == actor)
        if active_only:
            q = q.where(EnrollmentRow.active.is_(True))
        return [
            _view(s, r, lib.program(r.program_id)) for r in s.scalars(q.order_by(EnrollmentRow.id))
        ]


def _message(
    done_count: int, streak: int, last_done: date | None, today: date, finished: bool
) -> str:
    if finished:
        return "You finished the whole program. That took care and time; well done, both of you."
    if last_done is None:
        return "Day one. Small and steady is the whole idea."
    if last_done == today:
        return "Done for today. Nothing more is needed."
    if (today - last_done).days > GRACE_DAYS + 1:
        return "Welcome back. The program waited for you; pick up right where you left off."
    if streak >= 3:
        return f"{streak} practice days in a row, counting the days life got in the way."
    return "Here is today's small step, whenever it suits you."


def program_today(
    store: Store, actor: int, enrollment_id: int, *, today: date | None = None
) -> Today:
    """The next task, the gentle streak and an encouraging line."""
    today = today or date.today()
    lib = load_content()
    with store.session() as s:
        row = _enrollment(s, actor, enrollment_id)
        program = lib.program(row.program_id)
        done_rows = list(
            s.scalars(select(ProgramDayRow).where(ProgramDayRow.enrollment_id == row.id))
        )
        snoozed = set(s.scalars(select(SnoozeRow.day).where(SnoozeRow.enrollment_id == row.id)))
        enrollment = _view(s, row, program)
    done_numbers = {d.day_number for d in done_rows}
    done_dates = [d.done_on for d in done_rows]
    task = next((d for d in program.days if d.day not in done_numbers), None)
    deep_recent = sum(
        1
        for d in done_rows
        if program.days[d.day_number - 1].deep and today - timedelta(days=7) < d.done_on <= today
    )
    streak = forgiving_streak(done_dates, snoozed, today)
    last = max(done_dates) if done_dates else None
    deep_limited = bool(task and task.deep and deep_recent >= DEEP_PER_WEEK)
    message = _message(len(done_numbers), streak, last, today, task is None)
    if deep_limited:
        message = (
            "You have had two deep talks this week. Today's task can wait; "
            "a light ritual is a fine choice instead."
        )
    return Today(
        enrollment, task, today in done_dates, today in snoozed, streak, deep_limited, message
    )


def complete_day(
    store: Store, actor: int, enrollment_id: int, *, today: date | None = None
) -> Today:
    """Mark the next task done (once per calendar day)."""
    today = today or date.today()
    current = program_today(store, actor, enrollment_id, today=today)
    if current.task is None:
        raise ConflictError("This program is finished; there is no task left to mark.")
    if current.done_today:
        raise ConflictError("Today's task is already done. Rest is part of the practice.")
    with store.session() as s:
        row = _enrollment(s, actor, enrollment_id)
        s.add(ProgramDayRow(enrollment_id=row.id, day_number=current.task.day, done_on=today))
        if current.task.day == current.enrollment.duration_days:
            row.active = False
    return program_today(store, actor, enrollment_id, today=today)


def snooze_today(
    store: Store, actor: int, enrollment_id: int, *, today: date | None = None
) -> Today:
    """Skip today without it counting against the streak."""
    today = today or date.today()
    with store.session() as s:
        _enrollment(s, actor, enrollment_id)
        exists = s.scalar(
            select(SnoozeRow.id).where(
                SnoozeRow.enrollment_id == enrollment_id, SnoozeRow.day == today
            )
        )
        if exists is None:
            s.add(SnoozeRow(enrollment_id=enrollment_id, day=today))
    return program_today(store, actor, enrollment_id, today=today)


def stop_program(store: Store, actor: int, enrollment_id: int) -> None:
    with store.session() as s:
        _enrollment(s, actor, enrollment_id).active = False
