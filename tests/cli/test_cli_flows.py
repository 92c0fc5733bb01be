"""The CLI end to end through click's runner, as two people sharing one machine."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from attune.cli import main


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("ATTUNE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ATTUNE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def run(*args: str, profile: str = "alex", input: str | None = None, ok: bool = True):
        result = runner.invoke(
            main, ["--profile", profile, *args], input=input, catch_exceptions=False
        )
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return run


def _paired(cli) -> str:
    cli("init", "--name", "Alex", "--country", "GB")
    out = cli("pair", "new").output
    code = re.search(r"code: ([A-Z0-9]{4}-[A-Z0-9]{4})", out).group(1)
    cli("init", "--name", "Sam", profile="sam")
    assert "You joined" in cli("pair", "join", code, profile="sam").output
    return code


def test_newcomer_sees_a_welcome_not_an_error(cli):
    out = cli("today", "--welcome").output
    assert "Welcome to Attune" in out and "attune init" in out


def test_missing_profile_says_what_to_do(cli):
    r = cli("checkin", "--mood", "3", ok=False)
    assert r.exit_code == 1
    assert "Run 'attune --profile alex init' first" in r.output


def test_two_people_check_in_and_reveal(cli):
    _paired(cli)
    out = cli("checkin", "--mood", "4", "--feel", "hopeful", "--high", "a long walk").output
    assert "Checked in" in out and "Sam hasn't checked in yet" in out
    sam_today = cli("today", profile="sam").output
    assert "a long walk" not in sam_today  # no peeking before answering
    out = cli("checkin", "--mood", "2", "--low", "tired", profile="sam").output
    assert "a long walk" in out
    assert "tired" in cli("today").output


def test_question_answer_then_reveal(cli):
    _paired(cli)
    q = cli("question").output
    cli("question", "--answer", "the sea in winter")
    sam = cli("question", profile="sam").output
    assert q.splitlines()[0] in sam and "the sea in winter" not in sam
    assert (
        "the sea in winter"
        in cli("question", "--answer", "my grandmother's kitchen", profile="sam").output
    )


def test_journal_private_share_unshare(cli):
    _paired(cli)
    out = cli("journal", "write", "only for me", "--title", "note").output
    entry = re.search(r"Saved entry (\d+)", out).group(1)
    assert "only for me" not in cli("journal", "list", profile="sam").output
    assert "No journal entry" in cli("journal", "show", entry, profile="sam", ok=False).output
    cli("journal", "share", entry)
    assert "only for me" in cli("journal", "show", entry, profile="sam").output
    cli("journal", "unshare", entry)
    assert cli("journal", "show", entry, profile="sam", ok=False).exit_code == 1
    assert "note" in cli("journal", "search", "only").output


def test_exercise_run_with_timers_turns_and_debrief(cli):
    _paired(cli)
    from attune.content import load_content

    ex = load_content().exercise("reflective-listening.v1")
    steps = "\n" * len(ex.steps)
    out = cli(
        "exercise",
        "run",
        ex.id,
        "--speed",
        "100000",
        input=steps + "being interrupted\nfeeling heard\n",
    ).output
    assert "Turn: Sam" in out or "Turn: You" in out
    assert "Time." in out  # a timer ran to the end
    assert "debrief stays private" in out


def test_unknown_exercise_names_the_alternatives(cli):
    cli("init", "--name", "Alex")
    r = cli("exercise", "run", "gratitude-mapp.v1", "--solo", ok=False)
    assert (
        "Can't find exercise 'gratitude-mapp.v1'" in r.output
        and "attune content list exercise" in r.output
    )


def test_assessment_take_and_history(cli):
    from attune.content import load_content

    cli("init", "--name", "Alex")
    a = load_content().assessment("meta-communication-habits.v1")
    answers = ",".join(f"{it.id}={a.scale.max}" for it in a.items)
    out = cli("assess", "take", a.id, "--answers", answers).output
    assert "Why this score?" in out
    cli("assess", "take", a.id, "--answers", ",".join(f"{it.id}={a.scale.min}" for it in a.items))
    hist = cli("assess", "history", a.id).output
    assert "2 result(s)" in hist


def test_program_ritual_goal(cli):
    _paired(cli)
    cli("program", "start", "thirty-day-connection.v1")
    assert "day 1 of 30" in cli("program", "today").output
    assert "Streak: 1" in cli("program", "done").output
    assert "already done" in cli("program", "done", ok=False).output
    out = cli("ritual", "choose", "goodnight-minutes.v1").output
    rid = re.search(r"\(id (\d+)\)", out).group(1)
    cli("ritual", "log", rid)
    assert "Goodnight minutes" in cli("ritual", "mine").output
    out = cli("goal", "add", "listen well", "--times", "2", "--weeks", "4").output
    gid = re.search(r"Goal (\d+)", out).group(1)
    assert "1/2 this week" in cli("goal", "log", gid).output


def test_export_and_delete_account(cli, tmp_path):
    _paired(cli)
    cli("journal", "write", "alex private words")
    cli("journal", "write", "sam private words", profile="sam")
    path = tmp_path / "export.json"
    cli("export", "-o", str(path))
    data = json.loads(path.read_text())
    assert data["journal"][0]["body"] == "alex private words"
    assert "sam private words" not in path.read_text()
    cli("delete-account", "--yes")
    assert "Run 'attune --profile alex init'" in cli("journal", "list", ok=False).output
    assert "sam private words" in cli("journal", "list", profile="sam").output


def test_content_commands(cli):
    stats = json.loads(cli("content", "stats", "--json").output)
    assert set(stats) == {"exercises", "prompts", "assessments", "programs", "rituals"}
    assert stats["exercises"] >= 16 and stats["prompts"] >= 300 and stats["assessments"] >= 9
    assert stats["programs"] >= 4 and stats["rituals"] >= 25
    assert "Content is valid" in cli("content", "check").output
    assert "reflective-listening.v1" in cli("content", "list", "exercise").output
    assert "steps:" in cli("content", "show", "reflective-listening.v1").output


def test_content_check_names_file_field_and_fix(cli, tmp_path):
    from attune.content.loader import DATA_DIR

    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    broken = copy / "exercises" / "reflective-listening.v1.yaml"
    text = broken.read_text().replace("level:", "levle:", 1)
    broken.write_text(text)
    (copy / "rituals" / "bad.v1.yaml").write_text("id: bad.v1\ntitle: [unclosed\n")
    r = cli("content", "check", str(copy), ok=False)
    assert r.exit_code == 1
    out = " ".join(r.output.split())
    assert "exercises/reflective-listening.v1.yaml: level: Field required" in out
    assert "add this field" in out
    assert "levle" in out and "remove this field or check its spelling" in out
    assert "rituals/bad.v1.yaml" in out and "not valid YAML" in out


def test_doctor_reports_health(cli):
    cli("init", "--name", "Alex")
    out = cli("doctor").output
    assert "database" in out and "integrity ok" in out
    assert "content" in out and "help lines" in out


def test_help_lines_show_local_numbers(cli):
    out = cli("help-lines", "--country", "US").output
    assert "988" in out and "+1988" not in out
    assert "not therapy" in out.lower() or "not a therapy" in out.lower()


def test_every_command_is_documented():
    def walk(group, prefix=""):
        for name, cmd in group.commands.items():
            yield prefix + name, cmd
            if hasattr(cmd, "commands"):
                yield from walk(cmd, prefix + name + " ")

    for name, cmd in walk(main):
        assert cmd.help or cmd.short_help, f"'attune {name}' has no help text"
