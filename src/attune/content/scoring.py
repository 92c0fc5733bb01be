"""Score an assessment: answers in, scores, bands, a profile and suggested practices out.

Three methods are supported, named by the assessment's ``method``:

- ``likert_mean``: per dimension, the mean of the answers after reversing
  ``reverse: true`` items (a reversed value is ``scale.min + scale.max - value``).
- ``likert_sum``: the same, but the sum instead of the mean.
- ``forced_choice``: each answer is the 0-based index of the chosen option;
  a dimension scores one point for every choice made for it.

A score falls in the band of its dimension whose ``min <= score <= max``. Where two
bands share an endpoint, a score exactly on it counts in the lower band, so a
result has to pass a threshold to move up.

>>> from attune.content import load_content
>>> quiz = load_content().assessment("meta-communication-habits.v1")
>>> result = score_assessment(quiz, {"mc-01": 4, "mc-02": 3, "mc-03": 2, "mc-04": 5, "mc-05": 4})
>>> result.scores["total"], result.bands["total"].id
(4.0, 'shared-language')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from attune.content.schema import Assessment, AssessmentItem, Band, Profile
from attune.errors import ContentError, ValidationError

__all__ = ["AssessmentResult", "ItemScore", "score_assessment"]


@dataclass(frozen=True)
class ItemScore:
    """How one answer counted: its item, dimension, raw answer and the value that was used."""

    item_id: str
    dimension: str
    answer: int
    value: float
    reversed: bool = False
    choice: str | None = None


@dataclass(frozen=True)
class AssessmentResult:
    """The outcome of one assessment, with what it takes to explain it."""

    assessment_id: str
    scores: dict[str, float]
    bands: dict[str, Band]
    profile: Profile | None
    suggestions: list[str]
    counted: tuple[ItemScore, ...] = ()
    assessment: Assessment | None = field(default=None, repr=False, compare=False)

    def explain(self) -> str:
        """Say in plain words why each score is what it is ("why this score?")."""
        a = self.assessment
        lines: list[str] = []
        if a is not None:
            lines.append(f"{a.title}: {_method_words(a)}")
        for dim, score in self.scores.items():
            band = self.bands[dim]
            lines.append(
                f"{_dim_name(dim)}: {_fmt(score)}, in the band '{band.label}' "
                f"({_fmt(band.min)} to {_fmt(band.max)})."
            )
            used = [c for c in self.counted if c.dimension == dim]
            if used:
                lines.append("  Counted: " + "; ".join(_item_words(c) for c in used) + ".")
            elif a is not None and a.method == "forced_choice":
                lines.append("  None of your choices went to this one.")
            flipped = [c.item_id for c in used if c.reversed]
            if flipped:
                lines.append(
                    "  Reversed (worded the other way round, so a high answer counts low): "
                    + ", ".join(flipped)
                    + "."
                )
            if a is not None and any(
                b.min == score for b in a.bands if b.dimension == dim and b != band
            ):
                lines.append(
                    "  This is right on the edge of two bands; an edge counts in the lower one."
                )
            lines.append(f"  {band.meaning.strip()}")
        if self.profile is not None:
            conditions = ", ".join(
                f"{_dim_name(d)} in '{self._band_label(d, b)}'"
                for d, b in self.profile.when.items()
            )
            lines.append(f"Overall: {self.profile.label}, because {conditions}.")
        if a is not None and a.evidence_note:
            lines.append(f"Keep in mind: {a.evidence_note.strip()}")
        return "\n".join(lines)

    def _band_label(self, dim: str, band_id: str) -> str:
        band = self.bands.get(dim)
        return band.label if band is not None and band.id == band_id else band_id


def score_assessment(assessment: Assessment, answers: Mapping[str, int]) -> AssessmentResult:
    """Score ``answers`` (item id -> scale value, or choice index for forced choice).

    Raises ``ValidationError`` naming the item and the allowed range when an answer
    is missing, out of range or for an item the assessment does not have.
    """
    _check_answers(assessment, answers)
    counted = tuple(_count(assessment, item, answers[item.id]) for item in assessment.items)
    scores: dict[str, float] = {}
    for dim in assessment.dimensions:
        values = [c.value for c in counted if c.dimension == dim]
        if assessment.method == "likert_mean":
            if not values:
                raise ContentError(
                    f"Assessment '{assessment.id}' has no items for dimension '{dim}'; "
                    "add items or remove the dimension."
                )
            scores[dim] = round(sum(values) / len(values), 4)
        else:
            scores[dim] = float(sum(values))
    bands = {dim: _band_for(assessment, dim, score) for dim, score in scores.items()}
    profile = next(
        (
            p
            for p in assessment.profiles
            if all(dim in bands and bands[dim].id == band_id for dim, band_id in p.when.items())
        ),
        None,
    )
    if profile is not None:
        suggestions = list(dict.fromkeys(profile.suggest))
    else:
        suggestions = list(dict.fromkeys(ref for b in bands.values() for ref in b.suggest))
    return AssessmentResult(
        assessment_id=assessment.id,
        scores=scores,
        bands=bands,
        profile=profile,
        suggestions=suggestions,
        counted=counted,
        assessment=assessment,
    )


def _allowed(assessment: Assessment, item: AssessmentItem) -> tuple[int, int]:
    if assessment.method == "forced_choice":
        return 0, len(item.choices or []) - 1
    assert assessment.scale is not None  # the schema requires a scale for likert methods
    return assessment.scale.min, assessment.scale.max


def _check_answers(assessment: Assessment, answers: Mapping[str, int]) -> None:
    known = {item.id for item in assessment.items}
    unknown = sorted(k for k in answers if k not in known)
    if unknown:
        shown = ", ".join(repr(k[:40]) for k in unknown[:3])
        raise ValidationError(
            f"Assessment '{assessment.id}' has no item {shown}; "
            f"its items are {_id_span(assessment)}."
        )
    for item in assessment.items:
        lo, hi = _allowed(assessment, item)
        what = "a choice index" if assessment.method == "forced_choice" else "an answer"
        if item.id not in answers:
            raise ValidationError(
                f"Item '{item.id}' of '{assessment.id}' has no answer; "
                f"give {what} from {lo} to {hi}."
            )
        value = answers[item.id]
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise ValidationError(
                f"Item '{item.id}' of '{assessment.id}' needs {what} from {lo} to {hi} "
                f"(a whole number); got {str(value)[:20]!r}."
            )


def _id_span(assessment: Assessment) -> str:
    ids = [item.id for item in assessment.items]
    return f"{ids[0]} to {ids[-1]}" if len(ids) > 2 else ", ".join(ids)


def _count(assessment: Assessment, item: AssessmentItem, answer: int) -> ItemScore:
    if assessment.method == "forced_choice":
        assert item.choices is not None  # the schema requires choices for forced choice
        chosen = item.choices[answer]
        return ItemScore(item.id, chosen.dimension, answer, 1.0, choice=chosen.text)
    assert assessment.scale is not None
    if item.reverse:
        flipped = assessment.scale.min + assessment.scale.max - answer
        return ItemScore(item.id, item.dimension, answer, float(flipped), reversed=True)
    return ItemScore(item.id, item.dimension, answer, float(answer))


def _band_for(assessment: Assessment, dim: str, score: float) -> Band:
    bands = sorted((b for b in assessment.bands if b.dimension == dim), key=lambda b: b.min)
    for band in bands:
        if band.min <= score <= band.max:
            return band
    raise ContentError(
        f"Assessment '{assessment.id}' has no band for {dim} = {_fmt(score)}; "
        "make its bands cover the whole score range."
    )


def _method_words(a: Assessment) -> str:
    if a.method == "forced_choice":
        return "each choice you made gave one point to the preference it stands for."
    assert a.scale is not None
    kind = "average" if a.method == "likert_mean" else "total"
    return (
        f"each score is the {kind} of your answers to its items, "
        f"each answer from {a.scale.min} to {a.scale.max}."
    )


def _item_words(c: ItemScore) -> str:
    if c.choice is not None:
        return f"{c.item_id} (you chose: {c.choice.strip()})"
    if c.reversed:
        return f"{c.item_id} (you answered {c.answer}, counted as {_fmt(c.value)})"
    return f"{c.item_id} ({c.answer})"


def _dim_name(dim: str) -> str:
    return "Score" if dim == "total" else dim.replace("_", " ").capitalize()


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")
