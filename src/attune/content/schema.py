"""The pydantic schema every content file is validated against.

Content is data: each exercise, deck, assessment, program and ritual is a YAML
file with a stable versioned id such as ``three-level-conversation.v1``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.v[0-9]+$")

Level = Literal["beginner", "intermediate", "advanced"]
RelationshipType = Literal["partner", "friend", "family", "team"]
Depth = Literal["surface", "personal", "core"]
DEPTHS: tuple[Depth, ...] = ("surface", "personal", "core")
Turn = Literal["a", "b", "both", "either", "each"]
Theme = Literal[
    "past",
    "dreams",
    "fears",
    "appreciation",
    "conflict",
    "money",
    "family",
    "intimacy",
    "technology",
    "culture",
    "long-distance",
    "everyday",
    "values",
    "play",
    "growth",
]
THEMES: tuple[str, ...] = get_args(Theme)

NonEmpty = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(Strict):
    """Fields every top-level content item shares."""

    id: NonEmpty
    title: NonEmpty
    purpose: NonEmpty = Field(description="What it is for, in one or two sentences.")
    level: Level
    relationship_types: list[RelationshipType] = Field(min_length=1)
    rests_on: NonEmpty = Field(description="The named idea it rests on, with its source tradition.")
    evidence_note: str | None = Field(
        default=None, description="Say so where the evidence is weak or mixed."
    )
    tags: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _versioned_id(cls, v: str) -> str:
        if not ID_RE.match(v):
            raise ValueError(
                f"'{v}' is not a versioned id; use lowercase words joined by '-' and a version, "
                "like 'gratitude-map.v1'"
            )
        return v


class Step(Strict):
    """One step of a guided exercise."""

    title: NonEmpty
    instruction: NonEmpty
    seconds: int | None = Field(default=None, gt=0, description="Optional timer for this step.")
    turn: Turn = Field(default="both", description="Who acts: a, b, both, either, or each in turn.")
    optional: bool = False


class Exercise(Item):
    kind: Literal["exercise"] = "exercise"
    duration_minutes: int = Field(gt=0)
    participants: int = Field(default=2, ge=1, le=8)
    steps: list[Step] = Field(min_length=2)
    debrief: list[NonEmpty] = Field(default_factory=list)


class Prompt(Strict):
    id: NonEmpty
    text: NonEmpty
    depth: Depth
    themes: list[Theme] = Field(min_length=1)
    relationship_types: list[RelationshipType] = Field(min_length=1)


class Deck(Item):
    kind: Literal["deck"] = "deck"
    prompts: list[Prompt] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_prompt_ids(self) -> Deck:
        seen: set[str] = set()
        for p in self.prompts:
            if p.id in seen:
                raise ValueError(f"prompt id '{p.id}' appears twice; give each prompt its own id")
            seen.add(p.id)
        return self


class Choice(Strict):
    text: NonEmpty
    dimension: NonEmpty


class AssessmentItem(Strict):
    id: NonEmpty
    text: NonEmpty = Field(description="The statement or question (for forced choice, a lead-in).")
    dimension: str = "total"
    reverse: bool = False
    choices: list[Choice] | None = Field(default=None, description="Only for forced-choice items.")


class Scale(Strict):
    min: int
    max: int
    labels: dict[int, str]

    @model_validator(mode="after")
    def _ordered(self) -> Scale:
        if self.max <= self.min:
            raise ValueError("scale.max must be greater than scale.min")
        return self


class Band(Strict):
    id: NonEmpty
    dimension: str = "total"
    min: float
    max: float
    label: NonEmpty
    meaning: NonEmpty
    suggest: list[str] = Field(default_factory=list, description="Ids of practices to suggest.")


class Profile(Strict):
    """A named result that holds when each listed dimension falls in the named band."""

    id: NonEmpty
    label: NonEmpty
    meaning: NonEmpty
    when: dict[str, str] = Field(description="dimension -> band id")
    suggest: list[str] = Field(default_factory=list)


class Assessment(Item):
    kind: Literal["assessment"] = "assessment"
    duration_minutes: int = Field(gt=0)
    method: Literal["likert_mean", "likert_sum", "forced_choice"]
    scale: Scale | None = None
    dimensions: list[NonEmpty] = Field(default_factory=lambda: ["total"])
    items: list[AssessmentItem] = Field(min_length=2)
    bands: list[Band] = Field(min_length=1)
    profiles: list[Profile] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Assessment:
        dims = set(self.dimensions)
        if self.method == "forced_choice":
            for it in self.items:
                if not it.choices or len(it.choices) < 2:
                    raise ValueError(f"item '{it.id}' needs at least two choices for forced_choice")
                for c in it.choices:
                    if c.dimension not in dims:
                        raise ValueError(
                            f"item '{it.id}' choice dimension '{c.dimension}' is not in dimensions"
                        )
        else:
            if self.scale is None:
                raise ValueError("likert assessments need a 'scale' with min, max and labels")
            for it in self.items:
                if it.dimension not in dims:
                    raise ValueError(
                        f"item '{it.id}' dimension '{it.dimension}' is not in dimensions"
                    )
        for b in self.bands:
            if b.dimension not in dims:
                raise ValueError(f"band '{b.id}' dimension '{b.dimension}' is not in dimensions")
        band_ids = {(b.dimension, b.id) for b in self.bands}
        for p in self.profiles:
            for dim, band in p.when.items():
                if (dim, band) not in band_ids:
                    raise ValueError(
                        f"profile '{p.id}' names band '{band}' of '{dim}', which is not defined"
                    )
        return self


class ProgramDay(Strict):
    day: int = Field(ge=1)
    title: NonEmpty
    task: NonEmpty
    minutes: int = Field(default=10, gt=0)
    practice: str | None = Field(
        default=None, description="Id of an exercise, ritual or deck to use."
    )
    prompts: list[NonEmpty] = Field(default_factory=list, description="Discussion prompts, if any.")
    deep: bool = Field(default=False, description="A deep talk: counts toward the weekly limit.")


class ProgramWeek(Strict):
    week: int = Field(ge=1)
    theme: NonEmpty
    focus: NonEmpty


class Program(Item):
    kind: Literal["program"] = "program"
    duration_days: int = Field(gt=0)
    minutes_per_day: int = Field(gt=0)
    weeks: list[ProgramWeek] = Field(default_factory=list)
    days: list[ProgramDay] = Field(min_length=1)

    @model_validator(mode="after")
    def _days_cover(self) -> Program:
        numbers = [d.day for d in self.days]
        if numbers != list(range(1, self.duration_days + 1)):
            raise ValueError(
                f"days must be numbered 1..{self.duration_days} in order; got {numbers[:5]}..."
            )
        return self


class Ritual(Item):
    kind: Literal["ritual"] = "ritual"
    duration_minutes: int = Field(gt=0)
    cadence: Literal["daily", "weekly", "occasional"]
    how: list[NonEmpty] = Field(min_length=1)


class Feeling(Strict):
    word: NonEmpty
    intensity: Literal[1, 2, 3] = Field(description="1 mild, 2 moderate, 3 strong")
    means: NonEmpty


class FeelingFamily(Strict):
    id: NonEmpty
    name: NonEmpty
    pleasant: bool
    about: NonEmpty
    feelings: list[Feeling] = Field(min_length=3)


class Feelings(Strict):
    kind: Literal["feelings"] = "feelings"
    id: NonEmpty
    rests_on: NonEmpty
    families: list[FeelingFamily] = Field(min_length=6)


class Term(Strict):
    id: NonEmpty
    term: NonEmpty
    definition: NonEmpty
    rests_on: str | None = None
    see_also: list[str] = Field(default_factory=list)


class Glossary(Strict):
    kind: Literal["glossary"] = "glossary"
    id: NonEmpty
    terms: list[Term] = Field(min_length=8)


class Line(Strict):
    name: NonEmpty
    kind: Literal[
        "crisis",
        "suicide_prevention",
        "domestic_violence",
        "mental_health",
        "youth",
        "sexual_assault",
    ]
    phone: str | None = Field(
        default=None, description="As dialled locally, e.g. '988' or '116 123'."
    )
    sms: str | None = None
    url: str | None = None
    hours: str | None = None
    checked: date
    source: NonEmpty

    @field_validator("phone", "sms")
    @classmethod
    def _diallable(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"\+?[0-9][0-9 \-]{1,20}", v):
            raise ValueError(
                f"'{v}' is not a diallable number; write digits with spaces, e.g. '116 123'"
            )
        if v is not None and v.startswith("+") and len(re.sub(r"\D", "", v)) < 8:
            raise ValueError(
                f"'{v}' looks like a short code written as an international number, which cannot "
                "be dialled; write the local short code instead, e.g. '988' or '116 123'"
            )
        return v

    @property
    def tel(self) -> str | None:
        return None if self.phone is None else "tel:" + re.sub(r"[ \-]", "", self.phone)


class Country(Strict):
    code: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
    name: NonEmpty
    emergency: NonEmpty
    lines: list[Line] = Field(default_factory=list)


class ProfessionalHelp(Strict):
    id: NonEmpty
    name: NonEmpty
    when: NonEmpty
    how_to_find: NonEmpty


class Resources(Strict):
    kind: Literal["resources"] = "resources"
    id: NonEmpty
    not_therapy: NonEmpty
    fallback: NonEmpty = Field(description="What to do where we list no line for a country.")
    safety_planning: list[NonEmpty] = Field(min_length=3)
    countries: list[Country] = Field(min_length=10)
    professional_help: list[ProfessionalHelp] = Field(min_length=3)


KINDS = ("exercise", "deck", "assessment", "program", "ritual")
MODELS: dict[str, type[BaseModel]] = {
    "exercise": Exercise,
    "deck": Deck,
    "assessment": Assessment,
    "program": Program,
    "ritual": Ritual,
    "feelings": Feelings,
    "glossary": Glossary,
    "resources": Resources,
}
# Folder under content/data -> kind of the files it holds.
FOLDERS: dict[str, str] = {
    "exercises": "exercise",
    "decks": "deck",
    "assessments": "assessment",
    "programs": "program",
    "rituals": "ritual",
}
