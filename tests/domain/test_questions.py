from datetime import date, timedelta

import pytest

from attune.domain import (
    answer_question,
    create_person,
    create_relationship,
    invite,
    join,
    question_of_the_day,
)
from attune.domain.questions import allowed_depths
from attune.errors import ConflictError


def test_pacing_rules():
    assert allowed_depths(0, 0) == ("surface",)
    assert allowed_depths(10, 0) == ("surface", "personal")
    assert allowed_depths(30, 0) == ("surface", "personal", "core")
    assert "core" not in allowed_depths(30, 1)


def test_new_relationship_is_not_flooded_with_core_questions(store):
    a = create_person(store, "a1", "A").id
    b = create_person(store, "b1", "B").id
    start = date(2026, 1, 1)
    rel = create_relationship(store, a, "partner", today=start).id
    join(store, b, invite(store, a, rel).code)
    depths = [
        question_of_the_day(store, a, rel, start + timedelta(days=i)).prompt.depth
        for i in range(60)
    ]
    assert set(depths[:7]) == {"surface"}
    assert "core" not in depths[:21]
    assert "core" in depths[21:], "a settled relationship should reach core prompts eventually"
    for i in range(21, 60):
        week = depths[max(0, i - 6) : i + 1]
        assert week.count("core") <= 1, f"more than one core prompt in the week ending day {i}"
    ids = [
        question_of_the_day(store, a, rel, start + timedelta(days=i)).prompt.id for i in range(60)
    ]
    assert len(set(ids)) == 60, "no prompt repeats while fresh ones remain"


def test_both_partners_get_the_same_prompt_and_reveal_after_answer(pair):
    s = pair.store
    qa = question_of_the_day(s, pair.alex, pair.rel)
    qs = question_of_the_day(s, pair.sam, pair.rel)
    assert qa.prompt.id == qs.prompt.id
    answer_question(s, pair.alex, pair.rel, "the lake trip")
    assert question_of_the_day(s, pair.sam, pair.rel).revealed == ()
    view = answer_question(s, pair.sam, pair.rel, "my first bike")
    assert [a.text for a in view.revealed] == ["the lake trip"]
    with pytest.raises(ConflictError):
        answer_question(s, pair.sam, pair.rel, "again")


def test_friend_space_gets_only_prompts_meant_for_friends(store):
    a = create_person(store, "f1", "F").id
    rel = create_relationship(store, a, "friend", today=date(2025, 1, 1)).id
    for i in range(20):
        q = question_of_the_day(store, a, rel, date(2026, 1, 1) + timedelta(days=i))
        assert "friend" in q.prompt.relationship_types
