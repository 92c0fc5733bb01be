"""Coach memory is private to the person, encrypted, exported only to them, and deletable."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from attune.coach import Coach, forget, recall
from attune.coach.memory import clear, remember
from attune.domain import export_person
from attune.errors import NotFound
from attune.store.models import CoachMemoryRow


def test_turns_are_remembered_encrypted_and_only_for_their_owner(store, people):
    Coach(store, people.alex).reply("We had a fight about my sister's visit")
    mine = recall(store, people.alex)
    assert [m.role for m in mine] == ["person", "coach"]
    assert mine[0].text == "We had a fight about my sister's visit"
    assert recall(store, people.sam) == []
    with store.session() as s:
        blobs = [r.text_enc for r in s.scalars(select(CoachMemoryRow))]
    assert blobs and all(b"sister" not in b for b in blobs)


def test_export_holds_own_memory_and_never_the_partners(store, people):
    remember(store, people.alex, "person", "alex private coach note")
    remember(store, people.sam, "person", "sam private coach note")
    alex_export = export_person(store, people.alex)
    texts = [m["text"] for m in alex_export["coach_memory"]]
    assert "alex private coach note" in texts
    assert "sam private coach note" not in str(alex_export)
    assert "alex private coach note" not in str(export_person(store, people.sam))


def test_forget_one_and_clear_all(store, people):
    coach = Coach(store, people.alex)
    coach.reply("I feel distant from my partner")
    coach.reply("We barely talk anymore")
    items = recall(store, people.alex)
    assert len(items) == 4
    assert forget(store, people.alex, items[0].id) == 1
    assert [m.id for m in recall(store, people.alex)] == [m.id for m in items[1:]]
    assert clear(store, people.alex) == 3
    assert recall(store, people.alex) == []
    with store.session() as s:
        assert not list(
            s.scalars(select(CoachMemoryRow).where(CoachMemoryRow.person_id == people.alex))
        )
    assert export_person(store, people.alex)["coach_memory"] == []


def test_nobody_can_delete_someone_elses_memory(store, people):
    item = remember(store, people.alex, "person", "mine")
    with pytest.raises(NotFound):
        forget(store, people.sam, item)
    assert [m.text for m in recall(store, people.alex)] == ["mine"]


def test_forgetting_everything_also_ends_safety_mode(store, people):
    Coach(store, people.alex).reply("I want to end my life")
    forget(store, people.alex)
    assert not Coach(store, people.alex).safety_mode


def test_remember_false_keeps_nothing(store, people):
    Coach(store, people.alex, remember=False).reply("We had a fight")
    assert recall(store, people.alex) == []
    assert export_person(store, people.alex)["coach_memory"] == []
