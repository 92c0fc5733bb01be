"""The demo: a lived-in space seeded through the domain, shown in the terminal and the browser."""

from __future__ import annotations

from click.testing import CliRunner

from attune.cli import main
from attune.demo import DEMO_PASSWORD, seed_demo
from attune.domain import authenticate, checkin_history, list_goals, my_programs


def test_seed_demo_makes_several_weeks_of_practice(store):
    summary = seed_demo(store)
    robin = authenticate(store, "robin", DEMO_PASSWORD)
    assert robin is not None and authenticate(store, "jules", DEMO_PASSWORD) is not None
    assert summary.checkins >= 30 and summary.answers >= 10
    history = checkin_history(store, robin.id, summary.relationship_id, days=28)
    assert sum(1 for d in history if d.mine) >= 14
    assert sum(1 for d in history if d.revealed) >= 10  # both answered, both see
    programs = my_programs(store, robin.id)
    assert programs and programs[0].days_done >= 10
    assert list_goals(store, robin.id)[0].total >= 4


def test_demo_pages_show_plots(store, login_as):
    seed_demo(store)
    robin = authenticate(store, "robin", DEMO_PASSWORD)
    client = login_as(robin.id)
    page = client.get("/insights").text
    assert 'id="mood-chart"' in page and "<polyline" in page and "Jules" in page
    assert client.get("/today").status_code == 200


def test_demo_command_prints_the_summary():
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert "Log in as robin or jules" in result.output
    assert "check-ins" in result.output and "streak" in result.output


def test_serve_command_is_documented():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--demo" in result.output
