"""Discord, Messenger/Instagram, iMessage, Signal, CSV and JSON Lines exports, and detection."""

from __future__ import annotations

import json

import pytest

from attune.chats import detect_format, parse_chat
from attune.chats.messenger import fix_mojibake
from attune.errors import ChatFormatError


def _write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, (dict, list)):
        content = json.dumps(content, ensure_ascii=False)
    path.write_text(content, encoding="utf-8")
    return path


def test_discord_exporter_json(tmp_path):
    path = _write(
        tmp_path,
        "channel.json",
        {
            "guild": {"id": "1", "name": "Direct Messages"},
            "channel": {"id": "2", "type": "DirectTextChat", "name": "sam"},
            "messages": [
                {
                    "id": "1",
                    "type": "Default",
                    "timestamp": "2024-01-05T21:07:00.123+01:00",
                    "content": "hi",
                    "author": {"name": "sam", "nickname": "Sam"},
                    "attachments": [],
                },
                {
                    "id": "2",
                    "type": "Default",
                    "timestamp": "2024-01-05T21:08:00+01:00",
                    "content": "look",
                    "author": {"name": "ana"},
                    "attachments": [{"url": "x.png"}],
                },
                {
                    "id": "3",
                    "type": "RecipientAdd",
                    "timestamp": "2024-01-05T21:09:00+01:00",
                    "content": "Added Bo to the group.",
                    "author": {"name": "ana"},
                },
            ],
        },
    )
    assert detect_format(path) == "discord"
    got = [m.to_dict() for m in parse_chat(path)]
    assert got[0] == {
        "timestamp": "2024-01-05T20:07:00.123000+00:00",
        "sender": "Sam",
        "text": "hi",
        "kind": "text",
    }
    assert [(m["sender"], m["kind"]) for m in got[1:]] == [("ana", "media"), ("ana", "system")]
    assert got[1]["text"] == "look"


def test_messenger_repairs_mojibake_and_joins_parts_oldest_first(tmp_path):
    folder = tmp_path / "inbox" / "sam_123"
    folder.mkdir(parents=True)
    _write(
        folder,
        "message_1.json",
        {
            "participants": [{"name": "Sam"}, {"name": "Ren\u00c3\u00a9e"}],
            "messages": [
                {
                    "sender_name": "Ren\u00c3\u00a9e",
                    "timestamp_ms": 1704485340000,
                    "content": "caf\u00c3\u00a9 ?",
                },
                {
                    "sender_name": "Sam",
                    "timestamp_ms": 1704485280000,
                    "content": "x",
                    "photos": [{"uri": "a.jpg"}],
                },
            ],
        },
    )
    _write(
        folder,
        "message_2.json",
        {
            "participants": [{"name": "Sam"}],
            "messages": [
                {
                    "sender_name": "Sam",
                    "timestamp_ms": 1704485220000,
                    "content": "Sam started a call.",
                    "type": "Call",
                }
            ],
        },
    )
    messages = list(parse_chat(folder / "message_1.json"))
    assert [(m.sender, m.text, m.kind) for m in messages] == [
        ("Sam", "Sam started a call.", "system"),
        ("Sam", "x", "media"),
        ("Renée", "café ?", "text"),
    ]
    assert messages[0].timestamp.isoformat() == "2024-01-05T20:07:00+00:00"


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("caf\u00c3\u00a9", "café"),
        ("café", "café"),
        ("\u00e2\u0080\u0099", "\u2019"),
        ("\u00ff", "\u00ff"),
        ("日本", "日本"),
    ],
)
def test_mojibake_repair_only_where_it_round_trips(raw, fixed):
    assert fix_mojibake(raw) == fixed


def test_imessage_exporter_text(tmp_path):
    path = _write(
        tmp_path,
        "+15555550100.txt",
        (
            "Jan 05, 2024  9:07:12 PM\nMe\nHello there\nsecond line\n\n"
            "Jan 05, 2024  9:08:00 PM (Read by you after 1 minute)\n+15555550100\nHi!\n\n"
            "Jan 06, 2024 10:00:00 AM\n+15555550100\n"
            "/Users/me/Library/Messages/Attachments/ab/IMG_1.heic\n\n"
            "Jan 06, 2024 10:01:00 AM\nMe renamed the conversation to Book club\n\n"
        ),
    )
    assert detect_format(path) == "imessage"
    got = [(m.timestamp.isoformat(), m.sender, m.text, m.kind) for m in parse_chat(path)]
    assert got == [
        ("2024-01-05T21:07:12", "Me", "Hello there\nsecond line", "text"),
        ("2024-01-05T21:08:00", "+15555550100", "Hi!", "text"),
        (
            "2024-01-06T10:00:00",
            "+15555550100",
            "/Users/me/Library/Messages/Attachments/ab/IMG_1.heic",
            "media",
        ),
        ("2024-01-06T10:01:00", "", "Me renamed the conversation to Book club", "system"),
    ]


def test_signal_export_markdown(tmp_path):
    path = _write(
        tmp_path,
        "chat.md",
        (
            "[2024-01-05 21:07:12] Sam: hi\nthere\n"
            "[2024-01-05 21:08:00] Ana: ![image](./media/a.jpg)\n"
        ),
    )
    assert detect_format(path) == "signal"
    got = [(m.sender, m.text, m.kind) for m in parse_chat(path)]
    assert got == [("Sam", "hi\nthere", "text"), ("Ana", "![image](./media/a.jpg)", "media")]


def test_csv_and_jsonl_fallbacks(tmp_path):
    csv_path = _write(
        tmp_path,
        "chat.csv",
        (
            'timestamp,sender,text,kind\n2024-01-05T21:07:00,Sam,"hi, you",text\n'
            '1704485280,Ana,"two\nlines",\n2024-01-05T21:09:00+01:00,,joined,system\n'
        ),
    )
    assert detect_format(csv_path) == "csv"
    got = [m.to_dict() for m in parse_chat(csv_path)]
    assert got == [
        {"timestamp": "2024-01-05T21:07:00", "sender": "Sam", "text": "hi, you", "kind": "text"},
        {
            "timestamp": "2024-01-05T20:08:00+00:00",
            "sender": "Ana",
            "text": "two\nlines",
            "kind": "text",
        },
        {
            "timestamp": "2024-01-05T20:09:00+00:00",
            "sender": "",
            "text": "joined",
            "kind": "system",
        },
    ]
    jsonl_path = _write(
        tmp_path, "chat.jsonl", "\n".join(json.dumps(g, ensure_ascii=False) for g in got) + "\n"
    )
    assert detect_format(jsonl_path) == "jsonl"
    assert [m.to_dict() for m in parse_chat(jsonl_path)] == got


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("chat.csv", "when,who\n1,2\n", 1),
        (
            "chat.jsonl",
            '{"timestamp": "2024-01-05T21:07:00", "sender": "a", "text": "b"}\nnope\n',
            2,
        ),
        ("chat.jsonl", '{"timestamp": "yesterday", "sender": "a", "text": "b"}\n', 1),
        ("chat.csv", "timestamp,sender,text,kind\n2024-01-05T21:07:00,a,b,photo\n", 2),
    ],
)
def test_fallback_errors_name_the_file_and_line(tmp_path, name, content, line):
    path = _write(tmp_path, name, content)
    with pytest.raises(ChatFormatError) as info:
        list(parse_chat(path))
    assert info.value.line == line
    assert name in str(info.value)


def test_unknown_files_are_refused_clearly(tmp_path):
    path = _write(tmp_path, "notes.txt", "Shopping list\n- milk\n- eggs\n")
    with pytest.raises(ChatFormatError, match="does not look like a chat export"):
        detect_format(path)
    with pytest.raises(ChatFormatError, match="no such file"):
        list(parse_chat(tmp_path / "missing.txt"))
