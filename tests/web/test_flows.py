"""Whole flows through the pages: pairing, check-in reveal, journal sharing, practice, export."""

from __future__ import annotations

import json
import re

import pytest

from attune.domain import create_person, find_person, list_relationships
from attune.errors import NotFound
from conftest import make_pair

MARK = "ZEBRA-LANTERN-5521"


def _code(html: str) -> str:
    match = re.search(r'id="invite-code">([A-Z0-9-]+)<', html)
    assert match, "no invitation code on the page"
    return match.group(1)


def test_pairing_by_code(store, login_as):
    alex = login_as(create_person(store, "alex", "Alex").id)
    sam_id = create_person(store, "sam", "Sam").id
    sam = login_as(sam_id)
    made = alex.form("/spaces", {"kind": "partner", "name": "Us two"})
    assert made.status_code == 200
    code = _code(made.text)
    assert sam.form("/join", {"code": code.lower()}).status_code == 303
    assert [m.display_name for m in list_relationships(store, sam_id)[0].members] == ["Alex", "Sam"]
    assert "Us two" in sam.get("/spaces").text
    again = login_as(create_person(store, "kim", "Kim").id).form("/join", {"code": code})
    assert again.status_code == 400 and "not valid" in again.text  # each code works once


def test_pairing_by_link(store, login_as, web_client):
    alex = login_as(create_person(store, "alex", "Alex").id)
    sam_id = create_person(store, "sam", "Sam").id
    made = alex.form("/spaces", {"kind": "friend"})
    link = re.search(r'id="invite-link" href="([^"]+)"', made.text).group(1)
    path = "/join/" + link.rsplit("/join/", 1)[1]
    anon = web_client.get(path)
    assert anon.status_code == 303 and anon.headers["location"].startswith("/login?next=%2Fjoin%2F")
    sam = login_as(sam_id)
    page = sam.get(path)
    assert page.status_code == 200 and _code_value(page.text) == link.rsplit("/", 1)[1]
    assert sam.form("/join", {"code": _code_value(page.text)}).status_code == 303
    assert list_relationships(store, sam_id)[0].kind == "friend"


def _code_value(html: str) -> str:
    return re.search(r'id="code" name="code"[^>]*value="([^"]*)"', html).group(1)


def test_checkin_is_revealed_only_after_ones_own(store, login_as):
    p = make_pair(store)
    alex, sam = login_as(p.alex), login_as(p.sam)
    r = alex.form(
        "/today/checkin",
        {"rel": p.rel, "mood": 4, "feelings": ["calm", "grateful"], "high": f"walk {MARK}"},
    )
    assert r.status_code == 303
    mine = alex.get("/today").text
    assert MARK in mine and "calm" in mine and "Sam hasn" in mine
    before = sam.get("/today").text
    assert MARK not in before and 'id="checkin-form"' in before
    assert MARK not in sam.get("/today/reveal").text
    assert MARK not in sam.get(f"/api/v1/relationships/{p.rel}/checkin").text
    assert sam.form("/today/checkin", {"rel": p.rel, "mood": 3}).status_code == 303
    after = sam.get("/today").text
    assert MARK in after and "Alex feels good" in after
    assert "Sam feels okay" in alex.get("/today/reveal").text


def test_question_of_the_day_answer_then_reveal(store, login_as):
    p = make_pair(store)
    alex, sam = login_as(p.alex), login_as(p.sam)
    page = alex.get("/today").text
    assert 'id="question-text"' in page and "Why this question?" in page
    assert (
        alex.form("/today/answer", {"rel": p.rel, "answer": f"the sea {MARK}"}).status_code == 303
    )
    assert MARK not in sam.get("/today").text
    assert sam.form("/today/answer", {"rel": p.rel, "answer": "mountains"}).status_code == 303
    assert MARK in sam.get("/today").text
    assert "mountains" in alex.get("/today").text


def test_journal_private_then_shared_then_private_again(store, login_as):
    p = make_pair(store)
    alex, sam = login_as(p.alex), login_as(p.sam)
    r = alex.form("/journal", {"title": "note", "body": f"private {MARK}"})
    assert r.status_code == 303
    entry = r.headers["location"]
    assert MARK in alex.get(entry).text and "private" in alex.get(entry).text
    assert sam.get(entry).status_code == 404
    assert MARK not in sam.get("/journal").text
    assert MARK not in sam.get("/journal", params={"q": "private"}).text
    assert alex.form(entry + "/share", {"rel": p.rel}).status_code == 303
    shared = sam.get(entry)
    assert shared.status_code == 200 and MARK in shared.text and "shared with you" in shared.text
    assert 'id="unshare-entry"' not in shared.text  # only the author may un-share
    assert sam.form(entry + "/unshare").status_code == 403
    assert alex.form(entry + "/unshare").status_code == 303
    assert sam.get(entry).status_code == 404
    assert MARK not in sam.get("/api/v1/journal").text


def test_exercise_run_with_steps_timers_and_a_debrief(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    r = alex.form("/exercises/reflective-listening.v1/start", {})
    assert r.status_code == 303
    run = alex.get(r.headers["location"]).text
    assert 'class="timer" data-seconds="' in run and "turn" in run
    assert "Alex" in run and "Sam" in run  # turns are named
    done = alex.form(r.headers["location"] + "/finish", {"connecting": "being heard", "share": "1"})
    assert done.status_code == 303
    assert "being heard" in login_as(p.sam).get(r.headers["location"]).text


def test_assessment_result_explains_itself_and_plots_history(store, login_as):
    from attune.content import load_content

    p = make_pair(store)
    alex = login_as(p.alex)
    item = load_content().assessment("meta-communication-habits.v1")
    answers = {it.id: item.scale.max for it in item.items}
    for _ in range(2):
        r = alex.form(f"/assessments/{item.id}", answers)
        assert r.status_code == 200
    assert 'id="why-score"' in r.text and "Why this score?" in r.text
    assert "<svg" in r.text and "<polyline" in r.text
    missing = alex.form(f"/assessments/{item.id}", {})
    assert missing.status_code == 400


def test_program_ritual_and_goal_flows(store, login_as):
    from attune.content import load_content

    p = make_pair(store)
    alex = login_as(p.alex)
    lib = load_content()
    program = sorted(lib.programs)[0]
    assert alex.form(f"/programs/{program}/start").status_code == 303
    page = alex.get("/programs").text
    enrollment = re.search(r"/programs/mine/(\d+)/done", page).group(1)
    assert alex.form(f"/programs/mine/{enrollment}/done").status_code == 303
    page = alex.get("/programs").text
    assert "1 of" in page and "streak 1" in page and "Why these numbers?" in page
    ritual = sorted(lib.rituals)[0]
    assert alex.form(f"/rituals/{ritual}/choose").status_code == 303
    choice = re.search(r"/rituals/mine/(\d+)/log", alex.get("/rituals").text).group(1)
    assert alex.form(f"/rituals/mine/{choice}/log").status_code == 303
    assert "<svg" in alex.get("/rituals").text
    r = alex.form("/goals", {"title": "Listen well", "times_per_week": 2, "weeks": 4})
    assert r.status_code == 303
    goal = re.search(r"/goals/(\d+)/log", alex.get("/goals").text).group(1)
    alex.form(f"/goals/{goal}/log")
    assert "1 of 2 this week" in alex.get("/goals").text
    assert "Listen well: 1/2 this week" in login_as(p.sam).get("/today").text  # shared goal


def test_export_download_holds_my_words_only(store, login_as):
    p = make_pair(store)
    alex, sam = login_as(p.alex), login_as(p.sam)
    alex.form("/journal", {"body": f"mine {MARK}"})
    sam.form("/journal", {"body": "sam's own words", "share_with": str(p.rel)})
    r = alex.form("/settings/export")
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith('attachment; filename="attune-export-alex')
    data = json.loads(r.text)
    assert [e["body"] for e in data["journal"]] == [f"mine {MARK}"]
    assert "sam's own words" not in r.text


def test_account_deletion(store, login_as):
    p = make_pair(store)
    alex, sam = login_as(p.alex), login_as(p.sam)
    alex.form("/journal", {"body": f"gone {MARK}", "share_with": str(p.rel)})
    wrong = alex.form("/settings/delete", {"confirm": "someone"})
    assert wrong.status_code == 400
    r = alex.form("/settings/delete", {"confirm": "alex"})
    assert r.status_code == 200 and 'id="deleted-message"' in r.text
    assert alex.get("/today").status_code == 303  # the session is gone too
    try:
        find_person(store, "alex")
        raise AssertionError("alex still exists")
    except NotFound:
        pass
    assert MARK not in sam.get("/journal").text
    assert "space with Sam." in sam.get("/spaces").text  # Alex is no longer a member


def test_unlinking_keeps_private_entries_private(store, login_as):
    p = make_pair(store)
    alex, sam = login_as(p.alex), login_as(p.sam)
    r = alex.form("/journal", {"body": f"shared {MARK}", "share_with": str(p.rel)})
    assert MARK in sam.get(r.headers["location"]).text
    assert alex.form(f"/spaces/{p.rel}/unlink", {}).status_code == 400  # needs the tick
    assert alex.form(f"/spaces/{p.rel}/unlink", {"confirm": "yes"}).status_code == 200
    assert sam.get(r.headers["location"]).status_code == 404
    assert MARK in alex.get(r.headers["location"]).text


@pytest.mark.postgres
def test_sessions_rate_limits_and_reveal_on_postgres(pg_store, web_settings, login_as, anon_client):
    from attune.web import create_app

    app = create_app(pg_store, web_settings)
    create_person(pg_store, "kai", "Kai", password="correct horse")
    anon = anon_client(app)
    assert anon.form("/login", {"login": "kai", "password": "nope nope"}).status_code == 401
    assert anon.form("/login", {"login": "kai", "password": "correct horse"}).status_code == 303
    p = make_pair(pg_store)
    alex, sam = login_as(p.alex, app), login_as(p.sam, app)
    alex.form("/today/checkin", {"rel": p.rel, "mood": 4, "need": f"tea {MARK}"})
    assert MARK not in sam.get("/today").text
    sam.form("/today/checkin", {"rel": p.rel, "mood": 3})
    assert MARK in sam.get("/today").text
