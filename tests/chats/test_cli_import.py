"""`attune import`: storing for the profile, the JSON Lines contract, and the dry-run summary."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from attune.chats import parse_chat
from attune.chats.store_import import list_conversations, load_conversation
from attune.cli import main
from attune.domain import find_person
from attune.store import Store

CHAT = (
    "[05.01.24, 21:07:00] Ana: Olá 😊\n"
    '[05.01.24, 21:07:30] Bo: two\nlines "quoted"\n'
    "[05.01.24, 21:08:00] Bo: \u200eimage omitted\n"
    "[13.01.24, 09:00:00] Messages and calls are end-to-end encrypted.\n"
)


def test_import_jsonl_writes_the_contract(tmp_path):
    path = tmp_path / "_chat.txt"
    path.write_text(CHAT, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout_bytes.decode("utf-8").splitlines()
    assert lines[0] == json.dumps(
        {"timestamp": "2024-01-05T21:07:00", "sender": "Ana", "text": "Olá 😊", "kind": "text"},
        ensure_ascii=False,
    )
    records = [json.loads(x) for x in lines]
    assert [r["kind"] for r in records] == ["text", "text", "media", "system"]
    assert records[1]["text"] == 'two\nlines "quoted"'
    assert records[3]["sender"] == ""


def test_import_date_order_override(tmp_path):
    path = tmp_path / "chat.txt"
    path.write_text("01/02/24, 10:00 - Ana: hi\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--jsonl", "--date-order", "mdy"])
    assert json.loads(result.stdout_bytes)["timestamp"] == "2024-01-02T10:00:00"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A data folder of its own, so that imports land in a throwaway database."""
    monkeypatch.setenv("ATTUNE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ATTUNE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    return tmp_path


def _run(*args: str):
    return CliRunner().invoke(main, ["--profile", "alex", *args])


def test_import_stores_the_conversation_for_the_profile(home):
    assert _run("init", "--name", "Alex").exit_code == 0
    path = home / "_chat.txt"
    path.write_text(CHAT, encoding="utf-8")
    result = _run("import", str(path), "--title", "Ana and Bo")
    assert result.exit_code == 0, result.output
    assert "4 messages" in result.output and "media: 1" in result.output
    cid = int(re.search(r"Stored as conversation (\d+)", result.output).group(1))
    store = Store.open()
    try:
        me = find_person(store, "alex").id
        [info] = list_conversations(store, me)
        assert (info.id, info.title, info.source_format, info.message_count) == (
            cid,
            "Ana and Bo",
            "whatsapp",
            4,
        )
        assert load_conversation(store, me, cid) == list(parse_chat(path))
    finally:
        store.close()


def test_import_names_the_conversation_after_the_file(home):
    _run("init", "--name", "Alex")
    path = home / "WhatsApp Chat with Bo.txt"
    path.write_text(CHAT, encoding="utf-8")
    assert _run("import", str(path)).exit_code == 0
    store = Store.open()
    try:
        [info] = list_conversations(store, find_person(store, "alex").id)
        assert info.title == "WhatsApp Chat with Bo"
    finally:
        store.close()


def test_import_without_a_profile_says_what_to_do(home):
    path = home / "_chat.txt"
    path.write_text(CHAT, encoding="utf-8")
    result = _run("import", str(path))
    assert result.exit_code == 1
    assert "Run 'attune --profile alex init' first" in result.output
    assert "Stored" not in result.output


def test_import_dry_run_shows_the_summary_and_stores_nothing(home):
    _run("init", "--name", "Alex")
    path = home / "_chat.txt"
    path.write_text(CHAT, encoding="utf-8")
    result = _run("import", str(path), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "4 messages" in result.output
    assert "Bo" in result.output and "2" in result.output
    assert "media: 1" in result.output and "system: 1" in result.output
    assert "Stored" not in result.output
    store = Store.open()
    try:
        assert list_conversations(store, find_person(store, "alex").id) == []
    finally:
        store.close()


def test_import_dry_run_needs_no_profile(home):
    path = home / "_chat.txt"
    path.write_text(CHAT, encoding="utf-8")
    result = _run("import", str(path), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "4 messages" in result.output


def test_import_refuses_a_non_chat_with_a_clear_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a chat at all\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--jsonl"])
    assert result.exit_code != 0
    assert "notes.txt" in result.output and "expected" in result.output
