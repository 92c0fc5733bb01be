"""Daily check-ins: mood, named feelings, a high, a low, a need; both answer, then both see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from attune.analysis.types import Risk
from attune.content import load_content
from attune.domain.access import person_row, require_member
from attune.domain.safety import triage
from attune.errors import ConflictError, ValidationError
from attune.store import Store
from attune.store.models import CheckinRow, PersonRow

MOODS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very good"}
MAX_TEXT = 2000


@dataclass(frozen=True)
class Checkin:
    person_id: int
    display_name: str
    day: date
    mood: int
    feelings: tuple[str, ...]
    high: str | None
    low: str | None
    need: str | None


@dataclass(frozen=True)
class CheckinDay:
    """What the actor may see of one day: their own, others' once theirs is in."""

    day: date
    mine: Checkin | None
    revealed: tuple[Checkin, ...]
    waiting_for: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return self.mine is not None and not self.waiting_for


@dataclass(frozen=True)
class SubmitResult:
    checkin: Checkin
    risk: Risk


def known_feelings() -> set[str]:
    lib = load_content()
    assert lib.feelings is not None
    return {f.word.lower() for fam in lib.feelings.families for f in fam.feelings}


def _clean(field: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise ValidationError(f"{field} is {len(value)} characters; keep it under {MAX_TEXT}.")
    return value.strip()


def _view(store: Store, row: CheckinRow, owner: PersonRow, viewer: int) -> Checkin:
    # Words that triaged as crisis or concern are shown to their author only: a partner
    # reading "they check my phone" could put the writer at risk. Others see mood and
    # feelings, and nothing that hints the triage happened.
    hidden = viewer != row.person_id and row.risk_level != "none"
    return Checkin(
        person_id=row.person_id,
        display_name=owner.display_name,
        day=row.day,
        mood=row.mood,
        feelings=tuple(row.feelings),
        high=None if hidden else store.unseal(owner, f"checkin.high:{row.id}", row.high_enc),
        low=None if hidden else store.unseal(owner, f"checkin.low:{row.id}", row.low_enc),
        need=None if hidden else store.unseal(owner, f"checkin.need:{row.id}", row.need_enc),
    )


def submit_checkin(
    store: Store,
    actor: int,
    relationship_id: int,
    *,
    mood: int,
    feelings: list[str] | tuple[str, ...] = (),
    high: str | None = None,
    low: str | None = None,
    need: str | None = None,
    day: date | None = None,
) -> SubmitResult:
    """Save the actor's check-in for ``day``; one per person, relationship and day.

    The returned risk is for the author's eyes only: it is never stored where
    anyone else can read it.
    """
    day = day or date.today()
    if mood not in MOODS:
        raise ValidationError(f"mood {mood} is out of range: use 1 (very low) to 5 (very good).")
    vocab = known_feelings()
    words = [f.strip().lower() for f in feelings if f.strip()]
    unknown = [w for w in words if w not in vocab]
    if unknown:
        raise ValidationError(
            f"feelings: {', '.join(unknown)} not in the feelings vocabulary. "
            "Run 'attune content show feelings.v1' to see the words."
        )
    if len(words) > 8:
        raise ValidationError("feelings: pick at most 8 words, the ones that fit best.")
    high, low, need = _clean("high", high), _clean("low", low), _clean("need", need)
    risk = triage(high, low, need)
    with store.session() as s:
        require_member(s, actor, relationship_id)
        me = person_row(s, actor)
        exists = s.scalar(
            select(CheckinRow.id).where(
                CheckinRow.relationship_id == relationship_id,
                CheckinRow.person_id == actor,
                CheckinRow.day == day,
            )
        )
        if exists is not None:
            raise ConflictError(f"You already checked in for {day.isoformat()}. See you tomorrow.")
        row = CheckinRow(
            relationship_id=relationship_id,
            person_id=actor,
            day=day,
            mood=mood,
            feelings=words,
            risk_level=risk.level,
        )
        s.add(row)
        try:
            s.flush()
        except IntegrityError:
            raise ConflictError(
                f"You already checked in for {day.isoformat()}. See you tomorrow."
            ) from None
        row.high_enc = store.seal(me, f"checkin.high:{row.id}", high)
        row.low_enc = store.seal(me, f"checkin.low:{row.id}", low)
        row.need_enc = store.seal(me, f"checkin.need:{row.id}", need)
        view = _view(store, row, me, actor)
    return SubmitResult(view, risk)


def checkin_day(
    store: Store, actor: int, relationship_id: int, day: date | None = None
) -> CheckinDay:
    """The actor's view of a day: others' answers appear only after the actor's own."""
    day = day or date.today()
    with store.session() as s:
        require_member(s, actor, relationship_id)
        from attune.domain.access import active_member_ids

        members = active_member_ids(s, relationship_id)
        rows = {
            r.person_id: r
            for r in s.scalars(
                select(CheckinRow).where(
                    CheckinRow.relationship_id == relationship_id, CheckinRow.day == day
                )
            )
        }
        mine = _view(store, rows[actor], person_row(s, actor), actor) if actor in rows else None
        revealed: list[Checkin] = []
        waiting: list[str] = []
        for pid in members:
            if pid == actor:
                continue
            if pid in rows:
                if mine is not None:
                    revealed.append(_view(store, rows[pid], person_row(s, pid), actor))
            else:
                waiting.append(person_row(s, pid).display_name)
    return CheckinDay(day, mine, tuple(revealed), tuple(waiting))


def checkin_history(
    store: Store, actor: int, relationship_id: int, *, days: int = 30, today: date | None = None
) -> list[CheckinDay]:
    """The last ``days`` days, newest first, each with the reveal rule applied."""
    today = today or date.today()
    return [
        checkin_day(store, actor, relationship_id, today - timedelta(days=i)) for i in range(days)
    ]


def my_checkins(store: Store, actor: int, *, since: date | None = None) -> list[Checkin]:
    """Every check-in the actor wrote, across relationships, oldest first."""
    with store.session() as s:
        me = person_row(s, actor)
        q = select(CheckinRow).where(CheckinRow.person_id == actor)
        if since is not None:
            q = q.where(CheckinRow.day >= since)
        return [
            _view(store, r, me, actor) for r in s.scalars(q.order_by(CheckinRow.day, CheckinRow.id))
        ]
