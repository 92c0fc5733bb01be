"""The access matrix: every route, as the author, the partner, a stranger and an anonymous visitor.

Each route of the app must have an entry in ``ROUTES`` (a new route without one
fails ``test_every_route_is_in_the_matrix``). For every route and role the test
builds a fresh world in which the author, Alex, has private things marked with
planted strings, makes the request, and proves that:

- nobody but the author ever receives a private marker (page, JSON, headers);
- a stranger and an anonymous visitor never receive anything of the space;
- the answer is the expected kind (sign-in needed, not found, allowed);
- afterwards the author's private entry still exists and is still private
  (unless the author deleted it), whatever the others tried;
- no marker ever reaches the logs.
"""

from __future__ import annotations

import dataclasses
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy.util import LRUCache

from attune.coach import memory as coach_memory
from attune.content import load_content
from attune.domain import (
    add_goal,
    answer_question,
    choose_ritual,
    create_person,
    create_relationship,
    finish_run,
    get_entry,
    invite,
    join,
    start_program,
    start_run,
    submit_checkin,
    write_entry,
)
from attune.domain.people import feed_token
from attune.errors import NotFound
from attune.store import Store, make_engine
from attune.store.crypto import Cipher, load_or_create_master_key
from attune.web import create_app
from attune.web.app import route_table

PRIVATE = {
    "journal": "PRIV-JOURNAL-7c1e",
    "journal_title": "PRIV-TITLE-2b9f",
    "checkin": "PRIV-CHECKIN-81aa",
    "answer": "PRIV-ANSWER-44d0",
    "debrief": "PRIV-DEBRIEF-0e3c",
    "coach": "PRIV-COACH-9d21",
}
SHARED = "SHARED-ENTRY-5f5f"  # shared with the space: the partner may see it, nobody else
ROLES = ("author", "partner", "stranger", "anon")
CHAT = "12/03/2024, 21:15 - Pat: Are you home soon?\n12/03/2024, 21:16 - Lou: On my way\n"


@dataclass
class World:
    store: Store
    alex: int
    sam: int
    stranger: int
    rel: int
    other_rel: int
    entry: int
    shared_entry: int
    run: int
    enrollment: int
    choice: int
    goal: int
    feed: str
    code: str
    exercise: str
    program: str
    ritual: str
    assessment: str


def build_world(store: Store) -> World:
    lib = load_content()
    alex = create_person(store, "alex", "Alex").id
    sam = create_person(store, "sam", "Sam").id
    stranger = create_person(store, "stranger", "Stranger").id
    olly = create_person(store, "olly", "Olly").id
    rel = create_relationship(store, alex, "partner", today=date(2025, 1, 1)).id
    join(store, sam, invite(store, alex, rel).code)
    other_rel = create_relationship(store, stranger, "friend").id
    join(store, olly, invite(store, stranger, other_rel).code)
    entry = write_entry(store, alex, PRIVATE["journal"], title=PRIVATE["journal_title"]).entry.id
    shared_entry = write_entry(store, alex, SHARED, share_with=rel).entry.id
    submit_checkin(store, alex, rel, mood=4, need=PRIVATE["checkin"])
    answer_question(store, alex, rel, PRIVATE["answer"])
    exercise = sorted(lib.exercises)[0]
    run, _ = start_run(store, alex, exercise, rel)
    finish_run(store, alex, run.id, scary=PRIVATE["debrief"], share_debrief=False)
    coach_memory.remember(store, alex, "person", PRIVATE["coach"])
    program = sorted(lib.programs)[0]
    enrollment = start_program(store, alex, program, relationship_id=rel).id
    ritual = sorted(lib.rituals)[0]
    choice = choose_ritual(store, alex, ritual, rel).id
    goal = add_goal(store, alex, "Listen", times_per_week=2, weeks=4, relationship_id=rel).id
    return World(
        store=store,
        alex=alex,
        sam=sam,
        stranger=stranger,
        rel=rel,
        other_rel=other_rel,
        entry=entry,
        shared_entry=shared_entry,
        run=run.id,
        enrollment=enrollment,
        choice=choice,
        goal=goal,
        feed=feed_token(store, alex),
        code=invite(store, alex, rel).code,
        exercise=exercise,
        program=program,
        ritual=ritual,
        assessment=sorted(lib.assessments)[0],
    )


@dataclass(frozen=True)
class Spec:
    """How to call one route, and who may use it.

    ``may``: the roles that get a real answer ("signed_in" = author, partner, stranger).
    ``public``: anyone may call it, signed in or not.
    """

    url: Callable[[World], str]
    body: Callable[[World], dict[str, Any]] | None = None
    json: bool = False
    may: frozenset[str] = frozenset({"author", "partner", "stranger"})
    public: bool = False
    reveals: bool = False  # the partner's own answer here legitimately reveals the author's
    upload: bool = False  # send a small chat export as the multipart field "export"


AUTHOR = frozenset({"author"})


def EMPTY(w: World) -> dict[str, Any]:  # noqa: N802 - reads as a constant in the table
    return {}


SPACE = frozenset({"author", "partner"})


def s(url: str | Callable[[World], str], **kw: Any) -> Spec:
    return Spec(url=(lambda w: url) if isinstance(url, str) else url, **kw)


ROUTES: dict[tuple[str, str], Spec] = {
    ("GET", "/openapi.json"): s("/openapi.json", public=True),
    ("GET", "/"): s("/", public=True),
    ("GET", "/signup"): s("/signup", public=True),
    ("POST", "/signup"): s(
        "/signup", body=lambda w: {"handle": "alex", "password": "x"}, public=True
    ),
    ("GET", "/login"): s("/login", public=True),
    ("POST", "/login"): s(
        "/login", body=lambda w: {"login": "alex", "password": "guess-it"}, public=True
    ),
    ("POST", "/logout"): s("/logout", body=lambda w: {}, public=True),
    ("GET", "/help"): s("/help", public=True),
    ("GET", "/calendar/{token}.ics"): s(lambda w: f"/calendar/{w.feed}.ics", public=True),
    ("GET", "/spaces"): s("/spaces"),
    ("POST", "/spaces"): s("/spaces", body=lambda w: {"kind": "friend"}),
    ("POST", "/spaces/{rel_id}/invite"): s(
        lambda w: f"/spaces/{w.rel}/invite", body=EMPTY, may=SPACE
    ),
    ("POST", "/spaces/{rel_id}/unlink"): s(
        lambda w: f"/spaces/{w.rel}/unlink", body=lambda w: {"confirm": "yes"}, may=SPACE
    ),
    ("GET", "/join/{code}"): s(lambda w: f"/join/{w.code}"),
    ("POST", "/join"): s("/join", body=lambda w: {"code": w.code}),
    ("GET", "/today"): s(lambda w: f"/today?rel={w.rel}", may=SPACE),
    ("GET", "/today/reveal"): s(lambda w: f"/today/reveal?rel={w.rel}", may=SPACE),
    ("POST", "/today/checkin"): s(
        "/today/checkin", body=lambda w: {"rel": w.rel, "mood": 3}, may=SPACE
    ),
    ("POST", "/today/answer"): s(
        "/today/answer", body=lambda w: {"rel": w.rel, "answer": "hm"}, may=SPACE
    ),
    ("GET", "/insights"): s(lambda w: f"/insights?rel={w.rel}", may=SPACE),
    ("GET", "/exercises"): s("/exercises"),
    ("GET", "/exercises/{exercise_id}"): s(lambda w: f"/exercises/{w.exercise}"),
    ("POST", "/exercises/{exercise_id}/start"): s(
        lambda w: f"/exercises/{w.exercise}/start", body=lambda w: {"rel": w.rel}, may=SPACE
    ),
    ("GET", "/runs/{run_id}"): s(lambda w: f"/runs/{w.run}", may=SPACE),
    ("POST", "/runs/{run_id}/finish"): s(
        lambda w: f"/runs/{w.run}/finish", body=lambda w: {"connecting": "ok"}, may=SPACE
    ),
    ("GET", "/assessments"): s("/assessments"),
    ("GET", "/assessments/{assessment_id}"): s(lambda w: f"/assessments/{w.assessment}"),
    ("POST", "/assessments/{assessment_id}"): s(
        lambda w: f"/assessments/{w.assessment}", body=EMPTY
    ),
    ("GET", "/programs"): s("/programs"),
    ("POST", "/programs/{program_id}/start"): s(
        lambda w: f"/programs/{w.program}/start", body=lambda w: {"solo": "1"}
    ),
    ("POST", "/programs/mine/{enrollment_id}/done"): s(
        lambda w: f"/programs/mine/{w.enrollment}/done", body=EMPTY, may=AUTHOR
    ),
    ("POST", "/programs/mine/{enrollment_id}/snooze"): s(
        lambda w: f"/programs/mine/{w.enrollment}/snooze", body=EMPTY, may=AUTHOR
    ),
    ("POST", "/programs/mine/{enrollment_id}/stop"): s(
        lambda w: f"/programs/mine/{w.enrollment}/stop", body=EMPTY, may=AUTHOR
    ),
    ("GET", "/rituals"): s("/rituals"),
    ("POST", "/rituals/{ritual_id}/choose"): s(
        lambda w: f"/rituals/{w.ritual}/choose", body=lambda w: {"solo": "1"}
    ),
    ("POST", "/rituals/mine/{choice_id}/log"): s(
        lambda w: f"/rituals/mine/{w.choice}/log", body=EMPTY, may=SPACE
    ),
    ("POST", "/rituals/mine/{choice_id}/drop"): s(
        lambda w: f"/rituals/mine/{w.choice}/drop", body=EMPTY, may=AUTHOR
    ),
    ("GET", "/goals"): s("/goals"),
    ("POST", "/goals"): s("/goals", body=lambda w: {"title": "t", "solo": "1"}),
    ("POST", "/goals/{goal_id}/log"): s(lambda w: f"/goals/{w.goal}/log", body=EMPTY, may=SPACE),
    ("GET", "/journal"): s("/journal"),
    ("POST", "/journal"): s("/journal", body=lambda w: {"body": "a new line"}),
    ("GET", "/journal/{entry_id}"): s(lambda w: f"/journal/{w.entry}", may=AUTHOR),
    ("POST", "/journal/{entry_id}/share"): s(
        lambda w: f"/journal/{w.entry}/share", body=lambda w: {"rel": w.rel}, may=AUTHOR
    ),
    ("POST", "/journal/{entry_id}/unshare"): s(
        lambda w: f"/journal/{w.shared_entry}/unshare", body=EMPTY, may=AUTHOR
    ),
    ("POST", "/journal/{entry_id}/delete"): s(
        lambda w: f"/journal/{w.entry}/delete", body=EMPTY, may=AUTHOR
    ),
    ("GET", "/tone"): s("/tone"),
    ("POST", "/tone"): s("/tone", body=lambda w: {"draft": "You never call."}),
    ("GET", "/coach"): s("/coach"),
    ("POST", "/coach"): s("/coach", body=lambda w: {"message": "We argued about the dishes"}),
    ("POST", "/coach/new"): s("/coach/new", body=EMPTY),
    ("POST", "/coach/forget"): s("/coach/forget", body=lambda w: {"confirm": "yes"}),
    ("GET", "/chats"): s("/chats"),
    ("POST", "/chats"): s("/chats", body=EMPTY, upload=True),
    ("GET", "/settings"): s("/settings"),
    ("POST", "/settings/country"): s("/settings/country", body=lambda w: {"country": "DE"}),
    ("POST", "/settings/feed/rotate"): s("/settings/feed/rotate", body=EMPTY),
    ("POST", "/settings/export"): s("/settings/export", body=EMPTY),
    ("POST", "/settings/delete"): s("/settings/delete", body=lambda w: {"confirm": "nobody"}),
    # JSON API
    ("POST", "/api/v1/session"): s(
        "/api/v1/session",
        body=lambda w: {"login": "alex", "password": "guess"},
        json=True,
        public=True,
    ),
    ("DELETE", "/api/v1/session"): s("/api/v1/session", json=True),
    ("GET", "/api/v1/me"): s("/api/v1/me"),
    ("GET", "/api/v1/relationships"): s("/api/v1/relationships"),
    ("GET", "/api/v1/relationships/{rel_id}/checkin"): s(
        lambda w: f"/api/v1/relationships/{w.rel}/checkin", may=SPACE
    ),
    ("POST", "/api/v1/relationships/{rel_id}/checkin"): s(
        lambda w: f"/api/v1/relationships/{w.rel}/checkin",
        body=lambda w: {"mood": 3},
        json=True,
        may=SPACE,
        reveals=True,
    ),
    ("GET", "/api/v1/relationships/{rel_id}/question"): s(
        lambda w: f"/api/v1/relationships/{w.rel}/question", may=SPACE
    ),
    ("POST", "/api/v1/relationships/{rel_id}/question"): s(
        lambda w: f"/api/v1/relationships/{w.rel}/question",
        body=lambda w: {"answer": "hm"},
        json=True,
        may=SPACE,
        reveals=True,
    ),
    ("GET", "/api/v1/journal"): s("/api/v1/journal"),
    ("POST", "/api/v1/journal"): s("/api/v1/journal", body=lambda w: {"body": "x"}, json=True),
    ("GET", "/api/v1/journal/{entry_id}"): s(lambda w: f"/api/v1/journal/{w.entry}", may=AUTHOR),
    ("POST", "/api/v1/journal/{entry_id}/share"): s(
        lambda w: f"/api/v1/journal/{w.entry}/share",
        body=lambda w: {"relationship_id": w.rel},
        json=True,
        may=AUTHOR,
    ),
    ("POST", "/api/v1/journal/{entry_id}/unshare"): s(
        lambda w: f"/api/v1/journal/{w.shared_entry}/unshare", body=EMPTY, json=True, may=AUTHOR
    ),
    ("DELETE", "/api/v1/journal/{entry_id}"): s(
        lambda w: f"/api/v1/journal/{w.entry}", json=True, may=AUTHOR
    ),
    ("GET", "/api/v1/goals"): s("/api/v1/goals"),
    ("GET", "/api/v1/rituals"): s("/api/v1/rituals"),
    ("GET", "/api/v1/programs"): s("/api/v1/programs"),
    ("POST", "/api/v1/analyze"): s("/api/v1/analyze", body=lambda w: {"text": "hi"}, json=True),
    ("GET", "/api/v1/export"): s("/api/v1/export"),
    ("POST", "/api/v1/coach"): s(
        "/api/v1/coach", body=lambda w: {"text": "We argued about the dishes"}, json=True
    ),
    ("GET", "/api/v1/coach/memory"): s("/api/v1/coach/memory"),
    ("DELETE", "/api/v1/coach/memory"): s("/api/v1/coach/memory", json=True),
}


def test_every_route_is_in_the_matrix(web_app):
    routes = set(route_table(web_app))
    missing = sorted(routes - set(ROUTES))
    assert not missing, f"add these routes to the access matrix: {missing}"
    stale = sorted(set(ROUTES) - routes)
    assert not stale, f"these matrix entries name no route: {stale}"


def _client(app, world: World, role: str, login_as, anon_client):  # type: ignore[no-untyped-def]
    if role == "anon":
        return anon_client(app)
    person = {"author": world.alex, "partner": world.sam, "stranger": world.stranger}[role]
    return login_as(person, app)


def _call(client, method: str, spec: Spec, world: World):  # type: ignore[no-untyped-def]
    url = spec.url(world)
    body = spec.body(world) if spec.body else None
    if spec.json:
        headers = {"X-CSRF-Token": client.csrf}
        if method == "GET":
            return client.get(url)
        return client.request(method, url, json=body, headers=headers)
    if method == "GET":
        return client.get(url)
    if spec.upload:
        export = ("chat.txt", CHAT.encode(), "text/plain")
        return client.form(url, body or {}, files={"export": export})
    return client.form(url, body or {})


def _hidden_markers(role: str, spec: Spec) -> set[str]:
    if role == "author":
        return set()
    hidden = set(PRIVATE.values())
    if role != "partner":
        hidden.add(SHARED)
    elif spec.reveals:
        hidden -= {PRIVATE["checkin"], PRIVATE["answer"]}
    return hidden


_COMPILED: LRUCache[Any, Any] = LRUCache(4000)


@pytest.fixture(scope="module")
def template(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Build the world once in a SQLite file; each test works on its own copy of it."""
    folder = tmp_path_factory.mktemp("matrix")
    db, key = folder / "world.db", folder / "world.key"
    store = Store.open(f"sqlite:///{db}", key_file=key)
    world = build_world(store)
    store.close()
    return db, key, world


@pytest.fixture
def world_store(template, tmp_path):  # type: ignore[no-untyped-def]
    db, key, world = template
    copy = tmp_path / "world.db"
    shutil.copyfile(db, copy)
    # Share compiled SQL across the copies: the same statements run in every test.
    engine = make_engine(f"sqlite:///{copy}").execution_options(compiled_cache=_COMPILED)
    store = Store(engine, Cipher(load_or_create_master_key(key)), url=str(copy))
    yield dataclasses.replace(world, store=store), store
    store.close()


@pytest.mark.parametrize("route", sorted(ROUTES), ids=lambda r: f"{r[0]} {r[1]}")
def test_access_matrix(route, world_store, web_settings, login_as, anon_client, caplog):
    """One copy of the world per route; the author goes last, as their actions may change it."""
    caplog.set_level(logging.DEBUG)
    world, store = world_store
    app = create_app(store, web_settings)
    spec = ROUTES[route]
    for role in ("anon", "stranger", "partner", "author"):
        client = _client(app, world, role, login_as, anon_client)
        r = _call(client, route[0], spec, world)
        _check(route, role, spec, r, world, store)
    for marker in (*PRIVATE.values(), SHARED):
        assert marker not in caplog.text, (route, "a private marker reached the logs")


def _check(route, role, spec, r, world, store):  # type: ignore[no-untyped-def]
    text = r.text + " ".join(f"{k}: {v}" for k, v in r.headers.items())
    assert r.status_code < 500, (route, role, r.status_code)
    for marker in _hidden_markers(role, spec):
        assert marker not in text, (route, role, marker)
    api = route[1].startswith("/api/")
    if spec.public:
        pass  # anyone may call it; the marker and invariant checks still apply
    elif role == "anon":
        if api:
            assert r.status_code in (401, 403), (route, r.status_code)
        else:
            assert r.status_code in (303, 403), (route, r.status_code)
            if r.status_code == 303:
                assert r.headers["location"].startswith("/login"), route
    elif role not in spec.may:
        assert r.status_code in (403, 404), (route, role, r.status_code)
    else:
        assert r.status_code < 400 or r.status_code in (400, 409, 422), (route, role, r.status_code)

    # Whatever anyone else tried, the private entry is still there and still private.
    if role != "author":
        entry = get_entry(store, world.alex, world.entry)
        assert entry.private and entry.body == PRIVATE["journal"]
        with pytest.raises(NotFound):
            get_entry(store, world.sam, world.entry)
