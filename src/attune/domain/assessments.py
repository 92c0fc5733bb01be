"""Assessment results: scored from the content library and kept over time, private to the taker."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from attune.content import load_content
from attune.content.scoring import AssessmentResult, score_assessment
from attune.domain.access import person_row
from attune.store import Store
from attune.store.models import AssessmentResultRow


@dataclass(frozen=True)
class StoredResult:
    id: int
    assessment_id: str
    taken_at: datetime
    scores: dict[str, float]
    bands: dict[str, str]
    profile: str | None


def take_assessment(
    store: Store, actor: int, assessment_id: str, answers: Mapping[str, int]
) -> tuple[StoredResult, AssessmentResult]:
    """Score the answers and keep the result for the actor's history."""
    assessment = load_content().assessment(assessment_id)
    result = score_assessment(assessment, answers)
    with store.session() as s:
        person_row(s, actor)
        row = AssessmentResultRow(
            person_id=actor,
            assessment_id=assessment.id,
            answers=dict(answers),
            scores=dict(result.scores),
            bands={dim: band.id for dim, band in result.bands.items()},
            profile=result.profile.id if result.profile else None,
        )
        s.add(row)
        s.flush()
        stored = StoredResult(
            row.id, row.assessment_id, row.taken_at, row.scores, row.bands, row.profile
        )
    return stored, result


def assessment_history(
    store: Store, actor: int, assessment_id: str | None = None
) -> list[StoredResult]:
    """The actor's own results, oldest first; nobody else's results are ever returned."""
    with store.session() as s:
        q = select(AssessmentResultRow).where(AssessmentResultRow.person_id == actor)
        if assessment_id:
            q = q.where(AssessmentResultRow.assessment_id == assessment_id)
        rows = s.scalars(q.order_by(AssessmentResultRow.taken_at, AssessmentResultRow.id))
        return [
            StoredResult(r.id, r.assessment_id, r.taken_at, r.scores, r.bands, r.profile)
            for r in rows
        ]
