"""SQLAlchemy models: one table per noun of the domain.

Free text that a person may keep private (journal bodies, check-in notes,
answers, debriefs) is stored only as ciphertext in ``*_enc`` columns; see
``attune.store.crypto`` and docs/security.md.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    """Naive UTC now: every stored datetime is UTC without tzinfo."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class PersonRow(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handle: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    email: Mapped[str | None] = mapped_column(String(254), unique=True, nullable=True)
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    country: Mapped[str] = mapped_column(String(2), default="US")
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    feed_token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RelationshipRow(Base):
    __tablename__ = "relationships"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(80))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    started_on: Mapped[date] = mapped_column(Date)


class MembershipRow(Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("relationship_id", "person_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    relationship_id: Mapped[int] = mapped_column(ForeignKey("relationships.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    joined_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    left_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class InvitationRow(Base):
    __tablename__ = "invitations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    relationship_id: Mapped[int] = mapped_column(ForeignKey("relationships.id", ondelete="CASCADE"))
    created_by: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class CheckinRow(Base):
    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("relationship_id", "person_id", "day"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    relationship_id: Mapped[int] = mapped_column(ForeignKey("relationships.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    mood: Mapped[int] = mapped_column(Integer)
    feelings: Mapped[list[str]] = mapped_column(JSON)
    high_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    low_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    need_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    risk_level: Mapped[str] = mapped_column(String(8), default="none")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DailyQuestionRow(Base):
    __tablename__ = "daily_questions"
    __table_args__ = (UniqueConstraint("relationship_id", "day"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    relationship_id: Mapped[int] = mapped_column(ForeignKey("relationships.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    prompt_id: Mapped[str] = mapped_column(String(64))
    depth: Mapped[str] = mapped_column(String(16))


class AnswerRow(Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("question_id", "person_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("daily_questions.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    text_enc: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class JournalRow(Base):
    __tablename__ = "journal_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    shared_with: Mapped[int | None] = mapped_column(
        ForeignKey("relationships.id", ondelete="SET NULL"), nullable=True
    )
    title_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    body_enc: Mapped[bytes] = mapped_column(LargeBinary)
    risk_level: Mapped[str] = mapped_column(String(8), default="none")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    shared_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ExerciseRunRow(Base):
    __tablename__ = "exercise_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    relationship_id: Mapped[int | None] = mapped_column(
        ForeignKey("relationships.id", ondelete="SET NULL"), nullable=True
    )
    exercise_id: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    steps_done: Mapped[int] = mapped_column(Integer, default=0)


class DebriefRow(Base):
    __tablename__ = "debriefs"
    __table_args__ = (UniqueConstraint("run_id", "person_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("exercise_runs.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    scary_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    connecting_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AssessmentResultRow(Base):
    __tablename__ = "assessment_results"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    assessment_id: Mapped[str] = mapped_column(String(64))
    answers: Mapped[dict[str, int]] = mapped_column(JSON)
    scores: Mapped[dict[str, float]] = mapped_column(JSON)
    bands: Mapped[dict[str, str]] = mapped_column(JSON)
    profile: Mapped[str | None] = mapped_column(String(64), nullable=True)
    taken_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class EnrollmentRow(Base):
    __tablename__ = "program_enrollments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    relationship_id: Mapped[int | None] = mapped_column(
        ForeignKey("relationships.id", ondelete="SET NULL"), nullable=True
    )
    program_id: Mapped[str] = mapped_column(String(64))
    started_on: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ProgramDayRow(Base):
    __tablename__ = "program_days"
    __table_args__ = (UniqueConstraint("enrollment_id", "day_number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(
        ForeignKey("program_enrollments.id", ondelete="CASCADE")
    )
    day_number: Mapped[int] = mapped_column(Integer)
    done_on: Mapped[date] = mapped_column(Date)


class SnoozeRow(Base):
    __tablename__ = "program_snoozes"
    __table_args__ = (UniqueConstraint("enrollment_id", "day"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(
        ForeignKey("program_enrollments.id", ondelete="CASCADE")
    )
    day: Mapped[date] = mapped_column(Date)


class RitualChoiceRow(Base):
    __tablename__ = "ritual_choices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    relationship_id: Mapped[int | None] = mapped_column(
        ForeignKey("relationships.id", ondelete="SET NULL"), nullable=True
    )
    ritual_id: Mapped[str] = mapped_column(String(64))
    chosen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RitualLogRow(Base):
    __tablename__ = "ritual_logs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    choice_id: Mapped[int] = mapped_column(ForeignKey("ritual_choices.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)


class GoalRow(Base):
    __tablename__ = "goals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    relationship_id: Mapped[int | None] = mapped_column(
        ForeignKey("relationships.id", ondelete="CASCADE"), nullable=True
    )
    title: Mapped[str] = mapped_column(String(200))
    practice_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    times_per_week: Mapped[int] = mapped_column(Integer)
    weeks: Mapped[int] = mapped_column(Integer)
    started_on: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class GoalLogRow(Base):
    __tablename__ = "goal_logs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)


class CoachMemoryRow(Base):
    __tablename__ = "coach_memory"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    text_enc: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ConversationRow(Base):
    """An imported chat history, owned by one person and never shared."""

    __tablename__ = "conversations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    title_enc: Mapped[bytes] = mapped_column(LargeBinary)
    source_format: Mapped[str] = mapped_column(String(16))
    message_count: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    body_enc: Mapped[bytes] = mapped_column(LargeBinary)


class WebSessionRow(Base):
    """A signed-in browser: only a hash of the cookie's token is stored."""

    __tablename__ = "web_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class LoginAttemptRow(Base):
    """A failed sign-in, kept briefly so that rate limits survive restarts.

    ``key`` is a hash of the account name or of the client address, never the raw value.
    """

    __tablename__ = "login_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(80), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
