"""`attune coach` in the terminal: one reply, an interactive loop, memory listing and deletion."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from attune.cli import main


@pytest.fixture
def cli(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ATTUNE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ATTUNE_DATABASE_URL", raising=False)
    monkeypatch.delenv("ATTUNE_LLM_BASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        result = runner.invoke(main, ["--profile", "alex", *args], input=input)
        assert result.exit_code == 0, result.output
        return result.output

    run("init", "--name", "Alex", "--country", "US")
    return run


def test_once_gives_one_reply(cli):
    out = cli("coach", "--once", "We just had a huge fight")
    assert "coach:" in out and "Regulation break" in out


def test_json_reply_for_scripts(cli):
    out = cli("coach", "--json", "--once", "I want to kill myself")
    data = json.loads(out)
    assert data["kind"] == "safety" and data["risk"]["level"] == "crisis"
    assert any(r["phone"] == "988" for r in data["resources"])


def test_interactive_loop_until_quit(cli):
    out = cli("coach", input="I need to talk to my partner about money\nwe overspent again\nquit\n")
    assert out.count("coach:") == 2
    assert "what did you feel" in out.lower()


def test_memory_listing_and_forget(cli):
    cli("coach", "--once", "We feel distant lately")
    assert "We feel distant lately" in cli("coach", "--memory")
    assert "Deleted 2" in cli("coach", "--forget")
    assert "distant" not in cli("coach", "--memory")
