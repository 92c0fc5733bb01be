"""`attune import`: the JSON Lines contract on stdout, and the summary without --jsonl."""

from __future__ import annotations

import json

from click.testing import CliRunner

from attune.cli import main

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


def test_import_summary_without_jsonl(tmp_path):
    path = tmp_path / "_chat.txt"
    path.write_text(CHAT, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path)])
    assert result.exit_code == 0, result.output
    assert "4 messages" in result.output
    assert "Bo" in result.output and "2" in result.output
    assert "media: 1" in result.output and "system: 1" in result.output


def test_import_refuses_a_non_chat_with_a_clear_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a chat at all\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--jsonl"])
    assert result.exit_code != 0
    assert "notes.txt" in result.output and "expected" in result.output
