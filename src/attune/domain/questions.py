"""Question of the day: paced by depth, answered first, then revealed.

Pacing: a relationship space sees only surface prompts in its first week and
no core prompts before its fourth; after that, at most one core prompt in any
seven days. New relationships should not be flooded with heavy questions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from attune.content import Prompt, load_content
from attune.domain.access import active_member_ids, person_row, require_member
from attune.errors import ConflictError, StoreError, ValidationError
from attune.store import Store
from attune.store.models import AnswerRow, DailyQuestionRow, RelationshipRow

SURFACE_ONLY_DAYS = 7
NO_CORE_DAYS = 21
CORE_PER_WEEK = 1


@dataclass(frozen=True)
class Answer:
    person_id: int
    display_name: str
    text: str


@dataclass(frozen=True)
class QuestionDay:
    day: date
    prompt: Prompt
    mine: Answer | None
    revealed: tuple[Answer, ...]
    waiting_for: tuple[str, ...]


def allowed_depths(age_days: int, core_last_week: int) -> tuple[str, ...]:
    """Which depths a relationship of this age may get today."""
    if age_days < SURFACE_ONLY_DAYS:
        return ("surface",)
    if age_days < NO_CORE_DAYS or core_last_week >= CORE_PER_WEEK:
        return ("surface", "personal")
    return ("surface", "personal", "core")


def _pick(rel: RelationshipRow, day: date, asked: set[str], depths: tuple[str, ...]) -> Prompt:
    prompts = [
        p for p in load_content().prompts if rel.kind in p.relationship_types and p.depth in depths
    ]
    fresh = [p for p in prompts if p.id not in asked] or prompts
    rng = random.Random(f"{rel.id}:{day.isoformat()}")
    # Within what is allowed, lean toward lighter prompts: deep talk is best in small doses.
    weights = {"surface": 4, "personal": 4, "core": 2}
    by_depth = {d: [p for p in fresh if p.depth == d] for d in depths}
    choices = [d for d in depths if by_depth[d]]
    depth = rng.choices(choices, weights=[weights[d] for d in choices])[0]
    return rng.choice(sorted(by_depth[depth], key=lambda p: p.id))


def _question_row(store: Store, rel: RelationshipRow, day: date) -> DailyQuestionRow:
    with store.session() as s:
        row = s.scalar(
            select(DailyQuestionRow).where(
                DailyQuestionRow.relationship_id == rel.id, DailyQuestionRow.day == day
            )
        )
        if row is not None:
            return row
        history = list(
            s.scalars(select(DailyQuestionRow).where(DailyQuestionRow.relationship_id == rel.id))
        )
    asked = {h.prompt_id for h in history}
    core_recent = sum(
        1 for h in history if h.depth == "core" and day - timedelta(days=7) < h.day < day
    )
    prompt = _pick(rel, day, asked, allowed_depths((day - rel.started_on).days, core_recent))
    try:
        with store.session() as s:
            row = DailyQuestionRow(
                relationship_id=rel.id, day=day, prompt_id=prompt.id, depth=prompt.depth
            )
            s.add(row)
            return row
    except StoreError as e:
        if not isinstance(e.__cause__, IntegrityError):
            raise
        # The partner asked for today's question at the same instant: use theirs.
        with store.session() as s:
            found = s.scalar(
                select(DailyQuestionRow).where(
                    DailyQuestionRow.relationship_id == rel.id, DailyQuestionRow.day == day
                )
            )
            assert found is not None
            return found


def question_of_the_day(
    store: Store, actor: int, relationship_id: int, day: date | None = None
) -> QuestionDay:
    """Today's prompt for the relationship, with answers revealed by the usual rule."""
    day = day or date.today()
    with store.session() as s:
        rel = require_member(s, actor, relationship_id)
    qrow = _question_row(store, rel, day)
    prompt = load_content().prompt(qrow.prompt_id)
    with store.session() as s:
        answers = {
            a.person_id: a
            for a in s.scalars(select(AnswerRow).where(AnswerRow.question_id == qrow.id))
        }
        mine = None
        if actor in answers:
            me = person_row(s, actor)
            text = store.unseal(me, f"answer:{qrow.id}", answers[actor].text_enc) or ""
            mine = Answer(actor, me.display_name, text)
        revealed: list[Answer] = []
        waiting: list[str] = []
        for pid in active_member_ids(s, relationship_id):
            if pid == actor:
                continue
            other = person_row(s, pid)
            if pid not in answers:
                waiting.append(other.display_name)
            elif mine is not None:
                text = store.unseal(other, f"answer:{qrow.id}", answers[pid].text_enc) or ""
                revealed.append(Answer(pid, other.display_name, text))
    return QuestionDay(day, prompt, mine, tuple(revealed), tuple(waiting))


def answer_question(
    store: Store, actor: int, relationship_id: int, text: str, day: date | None = None
) -> QuestionDay:
    """Save the actor's answer to the day's question, then return the day's view."""
    day = day or date.today()
    text = text.strip()
    if not text:
        raise ValidationError("answer is empty: write a sentence or two, or skip today.")
    if len(text) > 4000:
        raise ValidationError(f"answer is {len(text)} characters; keep it under 4000.")
    with store.session() as s:
        rel = require_member(s, actor, relationship_id)
    qrow = _question_row(store, rel, day)
    try:
        with store.session() as s:
            me = person_row(s, actor)
            row = AnswerRow(question_id=qrow.id, person_id=actor, text_enc=b"")
            s.add(row)
            s.flush()
            row.text_enc = store.seal(me, f"answer:{qrow.id}", text) or b""
    except StoreError as e:
        if isinstance(e.__cause__, IntegrityError):
            raise ConflictError("You already answered today's question.") from None
        raise
    return question_of_the_day(store, actor, relationship_id, day)
