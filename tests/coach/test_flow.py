"""The multi-turn flow for preparing a hard conversation, ending in a tone-checked opening line."""

from __future__ import annotations

from attune.coach import Coach


def test_hard_conversation_flow_from_what_happened_to_a_rehearsed_opening(store, people):
    coach = Coach(store, people.alex)
    r = coach.reply("I need to talk to my partner about the chores")
    assert r.kind == "flow" and r.suggestion == "prepare-hard-conversation.v1"
    assert "what happened" in r.text.lower()

    r = coach.reply("The dishes were in the sink three nights in a row this week")
    assert r.kind == "flow" and "feel" in r.text.lower()

    r = coach.reply("I felt frustrated and a bit alone with it")
    assert r.kind == "flow" and "need" in r.text.lower()

    r = coach.reply("I need fairness and to feel like a team")
    assert r.kind == "flow" and "ask" in r.text.lower()

    r = coach.reply("to take turns with the dishes on weekdays")
    draft = r.text
    assert "the dishes were in the sink three nights in a row this week" in draft
    assert "frustrated" in draft
    assert "fairness and to feel like a team" in draft
    assert "take turns with the dishes on weekdays" in draft
    assert "tone" in draft

    # A harsh opening line is caught by the tone check and gets a gentler version.
    r = coach.reply("You never do the dishes, it's pathetic")
    assert r.kind == "flow"
    assert "criticism" in r.text or "contempt" in r.text
    assert "try" in r.text.lower()

    # A gentle one ends the flow.
    r = coach.reply("I felt frustrated when the dishes piled up; could we take turns on weekdays?")
    assert r.kind == "flow"
    assert "gentle" in r.text
    assert not coach.state.get("flow")

    # After the flow, the coach is back to ordinary replies.
    assert coach.reply("We had a fight yesterday").kind == "reflect"


def test_flow_survives_a_new_coach_object(store, people):
    Coach(store, people.alex).reply("How do I bring this up with my partner?")
    r = Coach(store, people.alex).reply("They were on their phone during my birthday dinner")
    assert r.kind == "flow" and "feel" in r.text.lower()


def test_the_person_can_leave_the_flow(store, people):
    coach = Coach(store, people.alex)
    coach.reply("I have a difficult conversation with my mum coming up")
    r = coach.reply("never mind")
    assert r.kind == "flow" and r.suggestion is None
    assert not coach.state.get("flow")


def test_a_crisis_in_the_middle_of_a_flow_ends_it_and_routes_to_safety(store, people):
    coach = Coach(store, people.alex)
    coach.reply("How do I tell my partner I'm unhappy?")
    r = coach.reply("Honestly I just want to die")
    assert r.kind == "safety"
    assert not coach.state.get("flow")
    assert coach.reply("to take turns with the dishes").kind == "safety"
