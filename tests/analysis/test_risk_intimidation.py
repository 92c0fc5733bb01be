"""Where an angry moment ends and intimidation begins."""

import pytest

from attune.analysis.risk import assess_risk


@pytest.mark.parametrize(
    "text",
    [
        "we argued all evening and she slammed the door",
        "i slammed the door on my way out, not proud of it",
    ],
)
def test_a_slammed_door_in_a_fight_is_not_abuse(text):
    assert assess_risk([text])[0].level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "he punched a hole in the wall",
        "she punched holes in the door when I tried to leave",
        "he slams doors to scare me",
    ],
)
def test_damage_and_scare_tactics_are_a_concern(text):
    assert assess_risk([text])[0].level in ("concern", "crisis")
