"""Sign-up, log-in, log-out, session cookies, CSRF and the login rate limit."""

from __future__ import annotations

from attune.config import get_settings
from attune.domain import create_person, list_entries
from attune.web import create_app
from attune.web.security import LOGIN_MAX_FAILURES, SESSION_COOKIE
from conftest import make_pair


def _signup(client, handle="river", password="a-long-password"):  # type: ignore[no-untyped-def]
    return client.form(
        "/signup",
        {"handle": handle, "display_name": "River", "password": password, "country": "DE"},
    )


def test_signup_logs_in_with_a_safe_cookie_and_logout_ends_the_session(web_client):
    r = _signup(web_client)
    assert r.status_code == 303 and r.headers["location"] == "/spaces"
    cookie = r.headers["set-cookie"]
    assert f"{SESSION_COOKIE}=" in cookie
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    assert "Secure" not in cookie  # plain http in tests, secure_cookies=no
    page = web_client.get("/settings")
    assert page.status_code == 200 and "river" in page.text
    token = web_client.cookies.get(SESSION_COOKIE)
    web_client.csrf = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    assert web_client.form("/logout").status_code == 303
    web_client.cookies.set(SESSION_COOKIE, token)  # replaying the old cookie must not work
    assert web_client.get("/settings").headers["location"].startswith("/login")


def test_signup_refuses_a_short_password_and_a_taken_name(web_client, anon_client):
    r = _signup(web_client, password="short")
    assert r.status_code == 400 and "at least 8" in r.text
    assert _signup(web_client).status_code == 303
    r = _signup(anon_client())
    assert r.status_code == 400 and "taken" in r.text


def test_login_with_the_right_password_only(web_app, web_client, store):
    create_person(store, "kai", "Kai", password="correct horse")
    bad = web_client.form("/login", {"login": "kai", "password": "wrong horse"})
    assert bad.status_code == 401 and "do not match" in bad.text
    good = web_client.form(
        "/login", {"login": "kai", "password": "correct horse", "next": "/journal"}
    )
    assert good.status_code == 303 and good.headers["location"] == "/journal"
    assert web_client.get("/journal").status_code == 200


def test_login_next_cannot_point_off_site(web_client, store):
    create_person(store, "kai", "Kai", password="correct horse")
    r = web_client.form(
        "/login", {"login": "kai", "password": "correct horse", "next": "//evil.example/x"}
    )
    assert r.headers["location"] == "/today"


def test_login_is_rate_limited_per_account_and_survives_a_restart(
    web_app, web_client, store, anon_client
):
    create_person(store, "kai", "Kai", password="correct horse")
    for _ in range(LOGIN_MAX_FAILURES):
        assert (
            web_client.form("/login", {"login": "kai", "password": "nope nope"}).status_code == 401
        )
    blocked = web_client.form("/login", {"login": "kai", "password": "correct horse"})
    assert blocked.status_code == 429 and "15 minutes" in blocked.text
    # A new app over the same database (a restart) still refuses.
    restarted = anon_client(create_app(store, web_app.state.settings))
    assert (
        restarted.form("/login", {"login": "kai", "password": "correct horse"}).status_code == 429
    )
    # Another account from the same address is limited too (per-address counter).
    create_person(store, "lee", "Lee", password="another one")
    assert restarted.form("/login", {"login": "lee", "password": "another one"}).status_code == 429


def test_api_login_shares_the_rate_limit(web_client, store):
    create_person(store, "kai", "Kai", password="correct horse")
    for _ in range(LOGIN_MAX_FAILURES):
        r = web_client.post("/api/v1/session", json={"login": "kai", "password": "bad bad bad"})
        assert r.status_code == 401
    r = web_client.post("/api/v1/session", json={"login": "kai", "password": "correct horse"})
    assert r.status_code == 429


def test_forms_without_the_csrf_token_are_refused(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    assert alex.post("/journal", data={"body": "hello"}).status_code == 403
    assert alex.post("/journal", data={"body": "hello", "csrf_token": "forged"}).status_code == 403
    assert list_entries(store, p.alex) == []
    assert alex.form("/journal", {"body": "hello"}).status_code == 303
    assert len(list_entries(store, p.alex)) == 1


def test_json_api_needs_the_csrf_header_on_unsafe_requests(store, login_as):
    p = make_pair(store)
    alex = login_as(p.alex)
    assert alex.post("/api/v1/journal", json={"body": "x"}).status_code == 403
    ok = alex.post("/api/v1/journal", json={"body": "x"}, headers={"X-CSRF-Token": alex.csrf})
    assert ok.status_code == 200 and ok.json()["entry"]["body"] == "x"


def test_anonymous_forms_need_the_double_submit_token(web_app, store):
    create_person(store, "kai", "Kai", password="correct horse")
    from fastapi.testclient import TestClient

    bare = TestClient(web_app, follow_redirects=False)
    r = bare.post("/login", data={"login": "kai", "password": "correct horse"})
    assert r.status_code == 403


def test_api_session_login_returns_a_csrf_token(web_client, store):
    create_person(store, "kai", "Kai", password="correct horse")
    r = web_client.post("/api/v1/session", json={"login": "kai", "password": "correct horse"})
    assert r.status_code == 200
    token = r.json()["csrf_token"]
    assert web_client.get("/api/v1/me").json()["handle"] == "kai"
    assert web_client.delete("/api/v1/session", headers={"X-CSRF-Token": token}).status_code == 204
    assert web_client.get("/api/v1/me").status_code == 401


def test_cookies_are_secure_when_configured(store, tmp_path, anon_client):
    create_person(store, "kai", "Kai", password="correct horse")
    app = create_app(store, get_settings(data_dir=str(tmp_path), secure_cookies="yes"))
    client = anon_client(app)
    r = client.form("/login", {"login": "kai", "password": "correct horse"})
    assert "Secure" in r.headers["set-cookie"]
