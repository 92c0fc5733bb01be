import json

from attune.domain import (
    delete_account,
    export_person,
    list_relationships,
    submit_checkin,
    write_entry,
)
from attune.domain.account import person_exists


def test_export_has_everything_i_wrote_and_nothing_of_my_partner(pair):
    s = pair.store
    submit_checkin(s, pair.alex, pair.rel, mood=4, feelings=["calm"], high="a slow breakfast")
    submit_checkin(s, pair.sam, pair.rel, mood=3, high="sam's secret high")
    write_entry(s, pair.alex, "alex journal")
    data = export_person(s, pair.alex)
    text = json.dumps(data)
    assert data["person"]["handle"] == "alex"
    assert data["checkins"][0]["high"] == "a slow breakfast"
    assert data["journal"][0]["body"] == "alex journal"
    assert "sam's secret high" not in text


def test_delete_account_removes_my_data_and_keeps_partner(pair):
    s = pair.store
    write_entry(s, pair.alex, "to be deleted", share_with=pair.rel)
    delete_account(s, pair.alex)
    assert not person_exists(s, pair.alex)
    assert person_exists(s, pair.sam)
    assert "to be deleted" not in json.dumps(export_person(s, pair.sam))
    rels = list_relationships(s, pair.sam)
    assert [m.display_name for m in rels[0].members] == ["Sam"]


def test_export_includes_my_imported_chats_but_not_my_partners(pair):
    from datetime import datetime

    from attune.chats.model import Message
    from attune.chats.store_import import save_conversation

    s = pair.store
    msgs = [Message(datetime(2024, 1, 5, 9, 0), "Sam", "morning!", "text")]
    save_conversation(s, pair.alex, msgs, "with Sam", "whatsapp")
    save_conversation(
        s, pair.sam, [Message(datetime(2024, 2, 1), "X", "sam-only chat", "text")], "x", "csv"
    )
    data = export_person(s, pair.alex)
    [conv] = data["conversations"]
    assert conv["title"] == "with Sam" and conv["message_count"] == 1
    assert conv["messages"][0]["text"] == "morning!"
    assert "sam-only chat" not in json.dumps(data)
