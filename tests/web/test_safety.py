"""Safety in the interface: crisis and concern panels for the author only, quick exit, headers."""

from __future__ import annotations

import pytest

from attune.web import create_app
from attune.web.app import route_table
from attune.web.security import SECURITY_HEADERS
from conftest import make_pair

CRISIS = "I can't go on, I want to kill myself tonight"
CONCERN = "He checks my phone every night and I'm not allowed to see my friends"


def _no_trace(html: str) -> None:
    assert 'id="safety"' not in html
    assert "You matter" not in html and "Staying safer" not in html


def test_crisis_checkin_shows_resources_at_once_and_nothing_joint(store, login_as):
    p = make_pair(store)
    alex, sam = login_as(p.alex), login_as(p.sam)
    r = alex.form("/today/checkin", {"rel": p.rel, "mood": 1, "low": CRISIS})
    assert r.status_code == 200  # rendered in place: nothing lands in a URL or in history
    assert 'id="safety"' in r.text and "crisis" in r.text
    assert "988" in r.text  # the US crisis line, from resources.yaml
    assert 'id="question"' not in r.text and 'id="answer-form"' not in r.text
    for path in ("/today", "/today/reveal", "/insights", "/journal", "/spaces"):
        _no_trace(sam.get(path).text)
    api = sam.get(f"/api/v1/relationships/{p.rel}/checkin").json()
    assert "safety" not in api and "risk" not in str(api)


def test_concern_journal_entry_offers_private_resources_and_safety_planning(store, login_as):
    p = make_pair(store)
    alex, sam = login_as(p.alex), login_as(p.sam)
    r = alex.form("/journal", {"body": CONCERN})
    assert r.status_code == 200
    assert 'id="safety"' in r.text and "Staying safer" in r.text
    assert "nobody else sees this" in r.text
    for path in ("/today", "/journal", "/insights"):
        _no_trace(sam.get(path).text)


def test_crisis_tone_check_shows_resources_and_no_rewrite(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    r = alex.form("/tone", {"draft": CRISIS})
    assert r.status_code == 200
    assert 'id="safety"' in r.text and "988" in r.text
    assert 'id="rewrite"' not in r.text


def test_tone_check_highlights_spans_with_reasons(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    draft = "You never listen to me. What is wrong with you?"
    r = alex.form("/tone", {"draft": draft})
    assert r.status_code == 200
    assert '<mark class="harmful"' in r.text and 'data-label="criticism"' in r.text
    assert 'id="marked-draft"' in r.text and "Why these marks?" in r.text
    assert 'id="rewrite"' in r.text
    assert alex.form("/tone", {"draft": "   "}).status_code == 400


def _get_pages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        path
        for method, path in route_table(app)
        if method == "GET" and "{" not in path and not path.startswith(("/api", "/openapi"))
    ]


def test_quick_exit_is_on_every_page(store, login_as, web_client):
    p = make_pair(store)
    alex = login_as(p.alex)
    app = alex.app
    pages = _get_pages(app) + ["/exercises/reflective-listening.v1", "/no-such-page"]
    assert len(pages) > 15
    for path in pages:
        for client in (alex, web_client):
            r = client.get(path)
            if r.status_code in (301, 302, 303, 307):
                continue
            if path == "/today/reveal":  # a fragment inside /today, which has the control
                continue
            assert 'id="quick-exit"' in r.text, path
            assert "https://www.bbc.com/weather" in r.text


@pytest.mark.parametrize(
    "path",
    ["/", "/login", "/today", "/static/app.css", "/static/app.js", "/openapi.json", "/nope"],
)
def test_security_headers_on_every_response(web_client, path):
    r = web_client.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert r.headers.get(name) == value, (path, name)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp


def test_security_headers_on_api_errors_and_posts(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    for r in (
        alex.get("/api/v1/me"),
        alex.get("/api/v1/journal/999"),
        alex.post("/journal", data={"body": "no token"}),
        alex.get("/calendar/not-a-token.ics"),
    ):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert alex.get("/api/v1/me").headers["cache-control"] == "no-store"


def test_pages_have_no_inline_script_or_style(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    for path in _get_pages(alex.app):
        html = alex.get(path).text
        assert "<script>" not in html and "<style" not in html, path
        assert " style=" not in html and "onclick=" not in html, path


def test_app_builds_over_a_file_store(store_path, web_settings):
    store, _ = store_path
    app = create_app(store, web_settings)
    assert ("GET", "/today") in route_table(app)
