"""Web fixtures: an in-process client over a fresh store, and signed-in people.

``web_client`` is an anonymous ``TestClient``; ``signed_in(store, person_id)``
returns a client with a live session and its CSRF token in ``client.csrf``.
Browser tests can reuse ``web_app`` with a live server.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from attune.config import get_settings
from attune.store import Store
from attune.web import create_app, security

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


class Client(TestClient):
    """A TestClient that remembers its CSRF token and posts forms with it."""

    csrf: str = ""

    def form(self, path: str, data: dict[str, object] | None = None, **kw: object):  # type: ignore[no-untyped-def]
        body = {"csrf_token": self.csrf, **(data or {})}
        return self.post(path, data=body, **kw)  # type: ignore[arg-type]


@pytest.fixture
def web_settings(tmp_path):  # type: ignore[no-untyped-def]
    return get_settings(data_dir=str(tmp_path), country="US", secure_cookies="no")


@pytest.fixture
def web_app(store: Store, web_settings):  # type: ignore[no-untyped-def]
    return create_app(store, web_settings)


def anonymous(app) -> Client:  # type: ignore[no-untyped-def]
    client = Client(app, follow_redirects=False)
    client.csrf = csrf_of(client.get("/login").text)
    return client


def signed_in(app, person_id: int) -> Client:  # type: ignore[no-untyped-def]
    """A client with a session for ``person_id`` (no password round-trip: fast)."""
    store = app.state.store
    token, session = security.start_session(store, person_id)
    client = Client(app, follow_redirects=False)
    client.cookies.set(security.SESSION_COOKIE, token)
    client.csrf = session.csrf_token
    return client


@pytest.fixture
def web_client(web_app) -> Iterator[Client]:  # type: ignore[no-untyped-def]
    with anonymous(web_app) as client:
        yield client


@pytest.fixture
def login_as(request):  # type: ignore[no-untyped-def]
    """Factory: ``login_as(person_id, app=None)`` gives a signed-in client for that person."""
    clients: list[Client] = []

    def make(person_id: int, app=None) -> Client:  # type: ignore[no-untyped-def]
        client = signed_in(app or request.getfixturevalue("web_app"), person_id)
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.close()


@pytest.fixture
def anon_client(request):  # type: ignore[no-untyped-def]
    """Factory: ``anon_client(app=None)`` gives a fresh anonymous client with a CSRF token."""
    clients: list[Client] = []

    def make(app=None) -> Client:  # type: ignore[no-untyped-def]
        client = anonymous(app or request.getfixturevalue("web_app"))
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.close()
