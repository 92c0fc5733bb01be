"""A person's own data: export all of it as JSON, or delete the account."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select

from attune.domain.access import active_member_ids, person_row
from attune.store import Store
from attune.store.models import (
    AnswerRow,
    AssessmentResultRow,
    CheckinRow,
    CoachMemoryRow,
    ConversationRow,
    DailyQuestionRow,
    DebriefRow,
    EnrollmentRow,
    ExerciseRunRow,
    GoalLogRow,
    GoalRow,
    JournalRow,
    MembershipRow,
    PersonRow,
    ProgramDayRow,
    RelationshipRow,
    RitualChoiceRow,
    RitualLogRow,
)

EXPORT_VERSION = 1


def _iso(v: date | datetime | None) -> str | None:
    return None if v is None else v.isoformat()


def export_person(store: Store, actor: int) -> dict[str, Any]:
    """Everything the actor wrote or chose, decrypted, as one JSON-ready dict.

    Only the actor's own rows are included: a partner's entries, answers and
    check-ins are theirs, not part of this export.
    """
    with store.session() as s:
        me = person_row(s, actor)

        def un(purpose: str, blob: bytes | None) -> str | None:
            return store.unseal(me, purpose, blob)

        rels = []
        for m in s.scalars(select(MembershipRow).where(MembershipRow.person_id == actor)):
            rel = s.get(RelationshipRow, m.relationship_id)
            if rel is not None:
                rels.append(
                    {
                        "id": rel.id,
                        "kind": rel.kind,
                        "name": rel.name,
                        "joined_at": _iso(m.joined_at),
                        "left_at": _iso(m.left_at),
                    }
                )
        checkins = [
            {
                "relationship_id": c.relationship_id,
                "day": _iso(c.day),
                "mood": c.mood,
                "feelings": c.feelings,
                "high": un(f"checkin.high:{c.id}", c.high_enc),
                "low": un(f"checkin.low:{c.id}", c.low_enc),
                "need": un(f"checkin.need:{c.id}", c.need_enc),
            }
            for c in s.scalars(
                select(CheckinRow).where(CheckinRow.person_id == actor).order_by(CheckinRow.day)
            )
        ]
        answers = []
        for a in s.scalars(
            select(AnswerRow).where(AnswerRow.person_id == actor).order_by(AnswerRow.id)
        ):
            q = s.get(DailyQuestionRow, a.question_id)
            answers.append(
                {
                    "day": _iso(q.day) if q else None,
                    "prompt_id": q.prompt_id if q else None,
                    "answer": un(f"answer:{a.question_id}", a.text_enc),
                }
            )
        journal = [
            {
                "id": j.id,
                "created_at": _iso(j.created_at),
                "title": un(f"journal.title:{j.id}", j.title_enc),
                "body": un(f"journal.body:{j.id}", j.body_enc),
                "shared_with": j.shared_with,
            }
            for j in s.scalars(
                select(JournalRow).where(JournalRow.author_id == actor).order_by(JournalRow.id)
            )
        ]
        runs = []
        for r in s.scalars(
            select(ExerciseRunRow)
            .where(ExerciseRunRow.person_id == actor)
            .order_by(ExerciseRunRow.id)
        ):
            runs.append(
                {
                    "exercise_id": r.exercise_id,
                    "started_at": _iso(r.started_at),
                    "completed_at": _iso(r.completed_at),
                }
            )
        debriefs = [
            {
                "run_id": d.run_id,
                "scary": un(f"debrief.scary:{d.id}", d.scary_enc),
                "connecting": un(f"debrief.connecting:{d.id}", d.connecting_enc),
                "shared": d.shared,
            }
            for d in s.scalars(select(DebriefRow).where(DebriefRow.person_id == actor))
        ]
        results = [
            {
                "assessment_id": r.assessment_id,
                "taken_at": _iso(r.taken_at),
                "answers": r.answers,
                "scores": r.scores,
                "bands": r.bands,
                "profile": r.profile,
            }
            for r in s.scalars(
                select(AssessmentResultRow).where(AssessmentResultRow.person_id == actor)
            )
        ]
        programs = []
        for e in s.scalars(select(EnrollmentRow).where(EnrollmentRow.person_id == actor)):
            days = s.scalars(select(ProgramDayRow).where(ProgramDayRow.enrollment_id == e.id))
            programs.append(
                {
                    "program_id": e.program_id,
                    "started_on": _iso(e.started_on),
                    "active": e.active,
                    "days_done": [{"day": d.day_number, "done_on": _iso(d.done_on)} for d in days],
                }
            )
        rituals = []
        for c in s.scalars(select(RitualChoiceRow).where(RitualChoiceRow.person_id == actor)):
            logs = s.scalars(
                select(RitualLogRow.day).where(
                    RitualLogRow.choice_id == c.id, RitualLogRow.person_id == actor
                )
            )
            rituals.append(
                {"ritual_id": c.ritual_id, "active": c.active, "logged": [_iso(d) for d in logs]}
            )
        goals = []
        for g in s.scalars(select(GoalRow).where(GoalRow.created_by == actor)):
            logs = s.scalars(
                select(GoalLogRow.day).where(
                    GoalLogRow.goal_id == g.id, GoalLogRow.person_id == actor
                )
            )
            goals.append(
                {
                    "title": g.title,
                    "practice_id": g.practice_id,
                    "times_per_week": g.times_per_week,
                    "weeks": g.weeks,
                    "started_on": _iso(g.started_on),
                    "logged": [_iso(d) for d in logs],
                }
            )
        coach = [
            {"role": m.role, "at": _iso(m.created_at), "text": un(f"coach:{m.id}", m.text_enc)}
            for m in s.scalars(
                select(CoachMemoryRow)
                .where(CoachMemoryRow.person_id == actor)
                .order_by(CoachMemoryRow.id)
            )
        ]
        conversations: list[dict[str, Any]] = [
            {
                "id": c.id,
                "title": un(f"conversation.title:{c.id}", c.title_enc),
                "format": c.source_format,
                "message_count": c.message_count,
                "imported_at": _iso(c.imported_at),
            }
            for c in s.scalars(select(ConversationRow).where(ConversationRow.person_id == actor))
        ]
        export: dict[str, Any] = {
            "attune_export_version": EXPORT_VERSION,
            "person": {
                "handle": me.handle,
                "display_name": me.display_name,
                "email": me.email,
                "country": me.country,
                "created_at": _iso(me.created_at),
            },
            "relationships": rels,
            "checkins": checkins,
            "question_answers": answers,
            "journal": journal,
            "exercise_runs": runs,
            "debriefs": debriefs,
            "assessment_results": results,
            "programs": programs,
            "rituals": rituals,
            "goals": goals,
            "coach_memory": coach,
            "conversations": conversations,
        }
    # Imported chats are the person's own data too: include their messages.
    from attune.chats.store_import import load_conversation

    for conv in conversations:
        conv["messages"] = [m.to_dict() for m in load_conversation(store, actor, conv["id"])]
    return export


def delete_account(store: Store, actor: int) -> None:
    """Delete the person and everything they wrote; spaces left empty are removed too."""
    with store.session() as s:
        me = person_row(s, actor)
        rel_ids = list(
            s.scalars(select(MembershipRow.relationship_id).where(MembershipRow.person_id == actor))
        )
        s.delete(me)
        s.flush()
        for rid in rel_ids:
            if not active_member_ids(s, rid):
                s.execute(delete(RelationshipRow).where(RelationshipRow.id == rid))
    store.cipher.forget(actor)


def person_exists(store: Store, actor: int) -> bool:
    with store.session() as s:
        return s.get(PersonRow, actor) is not None
