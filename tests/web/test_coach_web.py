"""The coach in the web app: the /coach chat page and the /api/v1/coach endpoints.

What a person relies on: a reply reflects, asks one question and links one next
step with its reason; a crisis or concern gets the safety panel with the
person's own country's lines and never a joint practice; the conversation is
theirs alone (the partner never sees it through any page or API); forgetting
deletes it; every change needs the CSRF token.
"""

from __future__ import annotations

import re

from attune.coach import memory
from attune.domain.people import set_country
from conftest import make_pair

FIGHT = "We had a big fight last night and I feel hurt"
CRISIS = "I can't go on, I want to kill myself tonight"
CONCERN = "He checks my phone every night and I'm not allowed to see my friends"
MARKER = "COACH-MARKER-3e7d"


def test_coach_page_states_what_it_is_and_who_can_see_it(store, login_as, web_client):
    p = make_pair(store)
    alex = login_as(p.alex)
    r = alex.get("/coach")
    assert r.status_code == 200
    assert 'id="coach-form"' in r.text and 'name="message"' in r.text
    assert 'name="csrf_token"' in r.text  # the form works without JavaScript
    assert "not therapy" in r.text
    assert "Nothing you write here is visible to your partner" in r.text
    assert 'id="coach-new"' in r.text and 'id="coach-forget"' in r.text
    assert 'id="quick-exit"' in r.text
    assert 'href="/coach" id="nav-coach"' in alex.get("/today").text
    anon = web_client.get("/coach")
    assert anon.status_code == 303 and anon.headers["location"].startswith("/login")


def test_a_message_gets_a_reflection_one_question_and_one_linked_step(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    r = alex.form("/coach", {"message": FIGHT})
    assert r.status_code == 200
    assert 'id="coach-reply"' in r.text and 'data-kind="reflect"' in r.text
    assert "I hear that you feel hurt" in r.text  # the reflection names the feeling
    question = re.search(r'id="coach-question">([^<]+)</p>', r.text)
    assert question and question.group(1).strip().endswith("?")
    assert r.text.count('id="coach-question"') == 1
    link = re.search(r'<a href="(/[^"]+)" id="coach-step-link">([^<]+)</a>', r.text)
    assert link, "the next step links to the page where it can be done"
    assert link.group(1).startswith(("/exercises/", "/assessments/", "/rituals", "/programs"))
    assert alex.get(link.group(1)).status_code == 200
    assert 'id="coach-step-reason"' in r.text and "Why this:" in r.text
    assert 'id="safety"' not in r.text
    # The conversation is kept: the page shows it again, from the coach's memory.
    again = alex.get("/coach")
    assert FIGHT in again.text and 'id="coach-history"' in again.text
    assert 'id="coach-empty"' not in again.text


def test_crisis_shows_the_crisis_panel_with_local_lines_and_no_joint_step(store, login_as):
    p = make_pair(store)
    set_country(store, p.alex, "GB")
    alex, sam = login_as(p.alex), login_as(p.sam)
    alex.form("/coach", {"message": FIGHT})  # a step was offered before the crisis
    r = alex.form("/coach", {"message": CRISIS})
    assert r.status_code == 200
    assert 'id="safety" class="safety crisis"' in r.text
    assert "Samaritans" in r.text and "116 123" in r.text  # the person's own country's line
    assert "988" not in r.text
    assert 'data-kind="safety"' in r.text
    assert 'id="coach-step"' not in r.text and 'href="/exercises/' not in r.text
    # The conversation stays with safety: an ordinary message next gets no practice either.
    r = alex.form("/coach", {"message": "We argued about the dishes again"})
    assert 'id="safety"' in r.text and 'id="coach-step"' not in r.text
    assert 'href="/exercises/' not in r.text
    assert 'id="safety"' in alex.get("/coach").text  # still there after a reload
    # The partner sees nothing of it, on the coach page or anywhere else.
    for path in ("/coach", "/today", "/journal", "/insights"):
        html = sam.get(path).text
        assert 'id="safety"' not in html and CRISIS not in html
    # A new conversation ends safety mode; the next ordinary message gets a step again.
    assert alex.form("/coach/new").status_code == 303
    r = alex.form("/coach", {"message": FIGHT})
    assert 'id="safety"' not in r.text and 'id="coach-step"' in r.text


def test_concern_shows_private_resources_and_safety_planning(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    r = alex.form("/coach", {"message": CONCERN})
    assert r.status_code == 200
    assert 'id="safety" class="safety concern"' in r.text and "Staying safer" in r.text
    assert "1-800-799-7233" in r.text  # the US domestic violence hotline
    assert 'id="coach-step"' not in r.text and 'href="/exercises/' not in r.text


def test_the_partner_never_sees_the_authors_coach_memory(store, login_as):
    p = make_pair(store)
    alex, sam = login_as(p.alex), login_as(p.sam)
    alex.form("/coach", {"message": f"I keep thinking about {MARKER} and feel sad"})
    api = alex.post(
        "/api/v1/coach",
        json={"text": f"Also {MARKER} at dinner"},
        headers={"X-CSRF-Token": alex.csrf},
    )
    assert api.status_code == 200
    mine = alex.get("/api/v1/coach/memory").json()
    assert sum(MARKER in t["text"] for t in mine["turns"]) == 2  # the marker is really kept
    assert MARKER in alex.get("/coach").text
    seen = [
        sam.get("/coach").text,
        sam.get("/api/v1/coach/memory").text,
        sam.get("/api/v1/export").text,
        sam.form("/coach", {"message": "What did Alex tell you?"}).text,
        sam.post("/api/v1/coach", json={"text": "hello"}, headers={"X-CSRF-Token": sam.csrf}).text,
        sam.form("/coach/forget", {"confirm": "yes"}).text,
    ]
    for text in seen:
        assert MARKER not in text
    assert sam.get("/api/v1/coach/memory").json()["turns"] == []
    # Sam forgetting their own memory leaves Alex's alone.
    assert len(memory.recall(store, p.alex)) == 4


def test_forget_needs_confirmation_and_deletes_everything(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    alex.form("/coach", {"message": FIGHT})
    alex.form("/coach", {"message": CRISIS})
    r = alex.form("/coach/forget")
    assert r.status_code == 400 and "tick the box" in r.text
    assert len(memory.recall(store, p.alex)) == 4
    r = alex.form("/coach/forget", {"confirm": "yes"})
    assert r.status_code == 200 and "4 turns deleted" in r.text
    assert memory.recall(store, p.alex) == []
    assert memory.load_state(store, p.alex) == ({}, None)  # safety mode went with it
    page = alex.get("/coach").text
    assert FIGHT not in page and 'id="coach-empty"' in page and 'id="safety"' not in page


def test_api_forget_deletes_the_memory(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    headers = {"X-CSRF-Token": alex.csrf}
    alex.post("/api/v1/coach", json={"text": FIGHT}, headers=headers)
    assert len(alex.get("/api/v1/coach/memory").json()["turns"]) == 2
    r = alex.delete("/api/v1/coach/memory", headers=headers)
    assert r.status_code == 200 and r.json() == {"deleted": 2}
    assert alex.get("/api/v1/coach/memory").json() == {"turns": [], "safety_mode": False}


def test_every_change_needs_the_csrf_token(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    alex.form("/coach", {"message": FIGHT})
    assert alex.post("/coach", data={"message": CRISIS}).status_code == 403
    assert alex.post("/coach", data={"message": CRISIS, "csrf_token": "x" * 40}).status_code == 403
    assert alex.post("/coach/forget", data={"confirm": "yes"}).status_code == 403
    assert alex.post("/coach/new", data={}).status_code == 403
    assert alex.post("/api/v1/coach", json={"text": CRISIS}).status_code == 403
    assert alex.delete("/api/v1/coach/memory").status_code == 403
    assert alex.delete("/api/v1/coach/memory", headers={"X-CSRF-Token": "nope"}).status_code == 403
    kept = memory.recall(store, p.alex)
    assert [t.text for t in kept if t.role == "person"] == [FIGHT]
    assert not alex.get("/api/v1/coach/memory").json()["safety_mode"]


def test_api_replies_follow_the_coach_contract(store, login_as, web_client):
    p = make_pair(store)
    alex = login_as(p.alex)
    headers = {"X-CSRF-Token": alex.csrf}
    r = alex.post("/api/v1/coach", json={"text": FIGHT}, headers=headers)
    assert r.status_code == 200
    body = r.json()
    assert body["kind"] == "reflect" and body["risk"]["level"] == "none"
    assert body["question"] and body["question"] in body["text"]
    assert body["suggestion"] and body["reason"] and body["safety_mode"] is False
    r = alex.post("/api/v1/coach", json={"text": CRISIS}, headers=headers)
    body = r.json()
    assert body["kind"] == "safety" and body["risk"]["level"] == "crisis"
    assert body["suggestion"] is None and body["safety_mode"] is True
    assert any(res["phone"] == "988" for res in body["resources"])
    assert alex.get("/api/v1/coach/memory").json()["safety_mode"] is True
    assert alex.post("/api/v1/coach", json={"text": "   "}, headers=headers).status_code == 400
    too_long = {"text": "a" * 4001}
    assert alex.post("/api/v1/coach", json=too_long, headers=headers).status_code == 422
    anon = web_client.post(
        "/api/v1/coach", json={"text": FIGHT}, headers={"X-CSRF-Token": web_client.csrf}
    )
    assert anon.status_code == 401
    assert web_client.get("/api/v1/coach/memory").status_code == 401


def test_an_empty_message_on_the_page_is_refused_kindly(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    r = alex.form("/coach", {"message": "   "})
    assert r.status_code == 400 and 'id="form-error"' in r.text and "empty" in r.text
    assert memory.recall(store, p.alex) == []


def test_openapi_describes_the_coach_endpoints(web_client):
    spec = web_client.get("/openapi.json").json()
    assert set(spec["paths"]["/api/v1/coach"]) == {"post"}
    assert set(spec["paths"]["/api/v1/coach/memory"]) == {"get", "delete"}
    reply = spec["components"]["schemas"]["CoachReplyOut"]
    assert {"text", "kind", "risk", "suggestion", "question", "reason", "safety_mode"} <= set(
        reply["properties"]
    )
    assert "/coach" not in spec["paths"]  # the page is not part of the API


def test_with_a_model_configured_its_words_show_and_safety_still_comes_first(
    store, login_as, monkeypatch
):
    from attune.coach import MockBackend
    from attune.domain import write_entry
    from attune.web.routes import coach as coach_routes

    answer = (
        "That sounds really painful. What part of it stays with you most? "
        "A short regulation break could help your body settle first."
    )
    model = MockBackend(lambda messages: answer)
    monkeypatch.setattr(coach_routes, "backend_from_settings", lambda settings: model)
    p = make_pair(store)
    write_entry(store, p.sam, f"private {MARKER}")  # the partner's private words
    alex = login_as(p.alex)
    r = alex.form("/coach", {"message": FIGHT})
    assert "That sounds really painful." in r.text and "Phrased by the language model" in r.text
    assert 'id="coach-step-link"' in r.text  # the plan's next step is still linked
    assert len(model.calls) == 1
    assert MARKER not in " ".join(m.content for m in model.calls[0])
    r = alex.form("/coach", {"message": CRISIS})
    assert len(model.calls) == 1, "a crisis message never goes to the model"
    latest = r.text.split('id="coach-reply"')[1]
    assert 'id="safety"' in r.text and "That sounds really painful." not in latest
    assert 'id="coach-earlier"' in r.text  # earlier turns fold away behind the help lines
