"""Imported conversations: sealed at rest, compressed, and reachable only by their owner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from attune.chats.model import Message
from attune.chats.store_import import (
    conversation_info,
    delete_conversation,
    list_conversations,
    load_conversation,
    save_conversation,
)
from attune.domain import create_person
from attune.errors import NotFound, ValidationError
from attune.store import Store

SECRET = "the surprise party is on Friday, don't tell"


def _chat(n: int = 3) -> list[Message]:
    t0 = datetime(2024, 2, 1, 21, 30)
    msgs = [
        Message(t0, "", "Messages are end-to-end encrypted.", "system"),
        Message(t0 + timedelta(minutes=1), "Sam Ñúñez", SECRET),
        Message(t0 + timedelta(minutes=2), "Alex", "IMG-0001.jpg (file attached)", "media"),
        Message(datetime(2024, 2, 1, 20, 33, tzinfo=UTC), "Alex", "multi\nline 😊"),
    ]
    for i in range(n):
        msgs.append(Message(t0 + timedelta(hours=i + 1), "Alex", f"ok {i}"))
    return msgs


@pytest.fixture
def people(store: Store) -> tuple[int, int]:
    return create_person(store, "alex", "Alex").id, create_person(store, "sam", "Sam").id


def test_round_trip_keeps_every_field(store: Store, people: tuple[int, int]) -> None:
    alex, _ = people
    msgs = _chat()
    cid = save_conversation(store, alex, iter(msgs), " Sam ", "WhatsApp")
    assert load_conversation(store, alex, cid) == msgs
    info = conversation_info(store, alex, cid)
    assert (info.title, info.source_format, info.message_count) == ("Sam", "whatsapp", len(msgs))


def test_text_and_title_are_sealed_and_compressed(store: Store, people: tuple[int, int]) -> None:
    alex, _ = people
    msgs = [
        Message(datetime(2024, 1, 1) + timedelta(minutes=i), "Alex", SECRET) for i in range(500)
    ]
    cid = save_conversation(store, alex, msgs, "Secret planning with Sam", "telegram")
    with store.engine.connect() as conn:
        title, body = conn.execute(
            text("SELECT title_enc, body_enc FROM conversations WHERE id = :id"), {"id": cid}
        ).one()
    assert b"Secret planning" not in title
    assert b"surprise" not in body and b"Alex" not in body
    plain = sum(len(m.to_dict()["text"]) + 60 for m in msgs)
    assert len(body) < plain / 10  # gzip makes a repetitive chat much smaller


def test_only_the_owner_can_reach_a_conversation(store: Store, people: tuple[int, int]) -> None:
    alex, sam = people
    cid = save_conversation(store, alex, _chat(), "Sam", "whatsapp")
    for call in (load_conversation, conversation_info, delete_conversation):
        with pytest.raises(NotFound) as err:
            call(store, sam, cid)
        assert "Sam" not in str(err.value)
    assert list_conversations(store, sam) == []
    assert [c.id for c in list_conversations(store, alex)] == [cid]
    assert load_conversation(store, alex, cid)  # still there after Sam's attempts


def test_list_newest_first_and_delete(store: Store, people: tuple[int, int]) -> None:
    alex, _ = people
    first = save_conversation(store, alex, _chat(1), "One", "csv")
    second = save_conversation(store, alex, [], "Empty", "jsonl")
    assert [c.id for c in list_conversations(store, alex)] == [second, first]
    assert load_conversation(store, alex, second) == []
    delete_conversation(store, alex, first)
    assert [c.title for c in list_conversations(store, alex)] == ["Empty"]
    with pytest.raises(NotFound):
        load_conversation(store, alex, first)


def test_bad_titles_and_formats_are_refused(store: Store, people: tuple[int, int]) -> None:
    alex, _ = people
    with pytest.raises(ValidationError):
        save_conversation(store, alex, _chat(), "  ", "whatsapp")
    with pytest.raises(ValidationError):
        save_conversation(store, alex, _chat(), "x" * 201, "whatsapp")
    with pytest.raises(ValidationError):
        save_conversation(store, alex, _chat(), "Sam", "a-format-name-too-long")
    assert list_conversations(store, alex) == []


def test_unknown_person_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        save_conversation(store, 999, _chat(), "Sam", "whatsapp")


def test_account_export_lists_it_and_deletion_removes_it(
    store: Store, people: tuple[int, int]
) -> None:
    from attune.domain.account import delete_account, export_person

    alex, _ = people
    cid = save_conversation(store, alex, _chat(), "Sam", "signal")
    exported = export_person(store, alex)["conversations"]
    assert exported[0]["id"] == cid and exported[0]["title"] == "Sam"
    delete_account(store, alex)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM conversations")).scalar() == 0
