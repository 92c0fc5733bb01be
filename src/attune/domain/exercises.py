"""Exercise runs: start, step through, finish with a short debrief."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from attune.content import Exercise, load_content
from attune.domain.access import mine_or_shared, person_row, require_member
from attune.errors import NotFound, ValidationError
from attune.store import Store
from attune.store.models import DebriefRow, ExerciseRunRow, utcnow


@dataclass(frozen=True)
class Debrief:
    person_id: int
    scary: str | None
    connecting: str | None
    shared: bool


@dataclass(frozen=True)
class Run:
    id: int
    exercise_id: str
    title: str
    person_id: int
    relationship_id: int | None
    started_at: datetime
    completed_at: datetime | None
    debriefs: tuple[Debrief, ...]


def start_run(
    store: Store, actor: int, exercise_id: str, relationship_id: int | None = None
) -> tuple[Run, Exercise]:
    """Start a run of an exercise, alone or within a relationship."""
    exercise = load_content().exercise(exercise_id)
    with store.session() as s:
        person_row(s, actor)
        if relationship_id is not None:
            require_member(s, actor, relationship_id)
        row = ExerciseRunRow(
            person_id=actor, relationship_id=relationship_id, exercise_id=exercise.id
        )
        s.add(row)
        s.flush()
        run_id = row.id
    return get_run(store, actor, run_id), exercise


def _run_row(store: Store, actor: int, run_id: int) -> ExerciseRunRow:
    with store.session() as s:
        row = s.scalar(
            select(ExerciseRunRow).where(
                ExerciseRunRow.id == run_id,
                mine_or_shared(s, actor, ExerciseRunRow.person_id, ExerciseRunRow.relationship_id),
            )
        )
        if row is None:
            raise NotFound(f"No exercise run {run_id} that you took part in.")
        return row


def get_run(store: Store, actor: int, run_id: int) -> Run:
    row = _run_row(store, actor, run_id)
    with store.session() as s:
        debriefs = []
        for d in s.scalars(select(DebriefRow).where(DebriefRow.run_id == row.id)):
            if d.person_id != actor and not d.shared:
                continue
            owner = person_row(s, d.person_id)
            debriefs.append(
                Debrief(
                    d.person_id,
                    store.unseal(owner, f"debrief.scary:{d.id}", d.scary_enc),
                    store.unseal(owner, f"debrief.connecting:{d.id}", d.connecting_enc),
                    d.shared,
                )
            )
    title = load_content().exercises.get(row.exercise_id)
    return Run(
        row.id,
        row.exercise_id,
        title.title if title else row.exercise_id,
        row.person_id,
        row.relationship_id,
        row.started_at,
        row.completed_at,
        tuple(debriefs),
    )


def finish_run(
    store: Store,
    actor: int,
    run_id: int,
    *,
    scary: str | None = None,
    connecting: str | None = None,
    share_debrief: bool = False,
) -> Run:
    """Mark a run finished and keep the actor's debrief (private unless shared)."""
    for name, value in (("scary", scary), ("connecting", connecting)):
        if value and len(value) > 2000:
            raise ValidationError(f"{name} is {len(value)} characters; keep it under 2000.")
    row = _run_row(store, actor, run_id)
    with store.session() as s:
        run = s.get(ExerciseRunRow, row.id)
        assert run is not None
        if run.completed_at is None:
            run.completed_at = utcnow()
        if scary or connecting:
            me = person_row(s, actor)
            d = s.scalar(
                select(DebriefRow).where(DebriefRow.run_id == run.id, DebriefRow.person_id == actor)
            )
            if d is None:
                d = DebriefRow(run_id=run.id, person_id=actor)
                s.add(d)
                s.flush()
            d.scary_enc = store.seal(me, f"debrief.scary:{d.id}", scary.strip() if scary else None)
            d.connecting_enc = store.seal(
                me, f"debrief.connecting:{d.id}", connecting.strip() if connecting else None
            )
            d.shared = share_debrief
    return get_run(store, actor, run_id)


def list_runs(store: Store, actor: int, *, limit: int = 50) -> list[Run]:
    """Runs the actor started or that belong to their relationships, newest first."""
    with store.session() as s:
        ids = list(
            s.scalars(
                select(ExerciseRunRow.id)
                .where(
                    mine_or_shared(
                        s, actor, ExerciseRunRow.person_id, ExerciseRunRow.relationship_id
                    )
                )
                .order_by(ExerciseRunRow.started_at.desc(), ExerciseRunRow.id.desc())
                .limit(limit)
            )
        )
    return [get_run(store, actor, i) for i in ids]
