"""The content library: exercises, decks, assessments, programs, rituals and more."""

from attune.content.loader import Library, Problem, check_content, load_content
from attune.content.schema import Assessment, Deck, Exercise, Program, Prompt, Ritual
from attune.content.scoring import AssessmentResult, score_assessment

__all__ = [
    "Assessment",
    "AssessmentResult",
    "Deck",
    "Exercise",
    "Library",
    "Problem",
    "Program",
    "Prompt",
    "Ritual",
    "check_content",
    "load_content",
    "score_assessment",
]
