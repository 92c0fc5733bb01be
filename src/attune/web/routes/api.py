"""The JSON API under /api/v1, described at /openapi.json.

Sign in with ``POST /api/v1/session``; it sets the session cookie and returns
the CSRF token to send as ``X-CSRF-Token`` on every unsafe request. Every
endpoint goes through the same domain functions as the pages, so the same
rules about who may see what apply.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from attune.domain import (
    answer_question,
    authenticate,
    checkin_day,
    delete_entry,
    export_person,
    get_entry,
    list_entries,
    list_goals,
    list_relationships,
    my_programs,
    my_rituals,
    question_of_the_day,
    share_entry,
    submit_checkin,
    unshare_entry,
    write_entry,
)
from attune.domain.checkins import CheckinDay
from attune.domain.journal import Entry
from attune.domain.questions import QuestionDay
from attune.domain.relationships import get_relationship
from attune.web import security
from attune.web.app import clear_session_cookie, set_session_cookie
from attune.web.deps import MAX_ID, IdPath, check_csrf
from attune.web.render import require_person, store_of
from attune.web.routes.auth import client_address
from attune.web.safety import SafetyPanel, panel_for

router = APIRouter(prefix="/api/v1", dependencies=[Depends(check_csrf)], tags=["attune"])
# Signing in needs no CSRF token: it takes JSON only, which a cross-site form cannot send.
session_router = APIRouter(prefix="/api/v1", tags=["session"])

Text = Annotated[str, Field(max_length=20000)]
ShortText = Annotated[str, Field(max_length=2000)]


class Login(BaseModel):
    login: Annotated[str, Field(min_length=1, max_length=254)]
    password: Annotated[str, Field(min_length=1, max_length=1024)]


class PersonOut(BaseModel):
    id: int
    handle: str
    display_name: str
    country: str


class SessionOut(BaseModel):
    csrf_token: str
    person: PersonOut


class MemberOut(BaseModel):
    id: int
    display_name: str


class RelationshipOut(BaseModel):
    id: int
    kind: str
    name: str
    started_on: date
    members: list[MemberOut]


class CheckinOut(BaseModel):
    person_id: int
    display_name: str
    day: date
    mood: int
    feelings: list[str]
    high: str | None
    low: str | None
    need: str | None


class CheckinDayOut(BaseModel):
    day: date
    mine: CheckinOut | None
    revealed: list[CheckinOut]
    waiting_for: list[str]


class CheckinIn(BaseModel):
    mood: Annotated[int, Field(ge=1, le=5)]
    feelings: Annotated[list[Annotated[str, Field(max_length=40)]], Field(max_length=8)] = []
    high: ShortText | None = None
    low: ShortText | None = None
    need: ShortText | None = None


class HelpLineOut(BaseModel):
    name: str
    kind: str
    phone: str | None
    sms: str | None
    url: str | None


class SafetyOut(BaseModel):
    """Shown only to the author; never stored where anyone else can read it."""

    level: Literal["concern", "crisis"]
    country: str | None
    emergency: str | None
    lines: list[HelpLineOut]
    fallback: str
    safety_planning: list[str]
    not_therapy: str


class CheckinResultOut(BaseModel):
    day: CheckinDayOut
    safety: SafetyOut | None


class AnswerOut(BaseModel):
    person_id: int
    display_name: str
    text: str


class QuestionOut(BaseModel):
    day: date
    prompt_id: str
    prompt: str
    depth: str
    mine: AnswerOut | None
    revealed: list[AnswerOut]
    waiting_for: list[str]


class AnswerIn(BaseModel):
    answer: Annotated[str, Field(min_length=1, max_length=4000)]


class EntryOut(BaseModel):
    id: int
    author_id: int
    author_name: str
    title: str | None
    body: str
    created_at: datetime
    shared_with: int | None


class EntryIn(BaseModel):
    body: Annotated[str, Field(min_length=1, max_length=20000)]
    title: Annotated[str, Field(max_length=200)] | None = None
    share_with: Annotated[int, Field(ge=1, le=MAX_ID)] | None = None


class EntryWriteOut(BaseModel):
    entry: EntryOut
    safety: SafetyOut | None


class ShareIn(BaseModel):
    relationship_id: Annotated[int, Field(ge=1, le=MAX_ID)]


class AnalyzeIn(BaseModel):
    text: Annotated[str, Field(min_length=1, max_length=5000)]


class GoalOut(BaseModel):
    id: int
    title: str
    times_per_week: int
    weeks: int
    started_on: date
    relationship_id: int | None
    per_week: list[int]
    weeks_met: int


class RitualOut(BaseModel):
    id: int
    ritual_id: str
    title: str
    cadence: str
    relationship_id: int | None
    logged_days: list[date]


class ProgramOut(BaseModel):
    id: int
    program_id: str
    title: str
    started_on: date
    days_done: int
    duration_days: int


def _person(p: Any) -> PersonOut:
    return PersonOut(id=p.id, handle=p.handle, display_name=p.display_name, country=p.country)


def _checkin(c: Any) -> CheckinOut:
    return CheckinOut(
        person_id=c.person_id,
        display_name=c.display_name,
        day=c.day,
        mood=c.mood,
        feelings=list(c.feelings),
        high=c.high,
        low=c.low,
        need=c.need,
    )


def _day(d: CheckinDay) -> CheckinDayOut:
    return CheckinDayOut(
        day=d.day,
        mine=_checkin(d.mine) if d.mine else None,
        revealed=[_checkin(c) for c in d.revealed],
        waiting_for=list(d.waiting_for),
    )


def _question(q: QuestionDay) -> QuestionOut:
    def ans(a: Any) -> AnswerOut:
        return AnswerOut(person_id=a.person_id, display_name=a.display_name, text=a.text)

    return QuestionOut(
        day=q.day,
        prompt_id=q.prompt.id,
        prompt=q.prompt.text,
        depth=q.prompt.depth,
        mine=ans(q.mine) if q.mine else None,
        revealed=[ans(a) for a in q.revealed],
        waiting_for=list(q.waiting_for),
    )


def _entry(e: Entry) -> EntryOut:
    return EntryOut(
        id=e.id,
        author_id=e.author_id,
        author_name=e.author_name,
        title=e.title,
        body=e.body,
        created_at=e.created_at,
        shared_with=e.shared_with,
    )


def _safety(panel: SafetyPanel | None) -> SafetyOut | None:
    if panel is None or panel.level not in ("concern", "crisis"):
        return None
    c = panel.country
    return SafetyOut(
        level=panel.level,  # type: ignore[arg-type]
        country=c.code if c else None,
        emergency=c.emergency if c else None,
        lines=[
            HelpLineOut(name=ln.name, kind=ln.kind, phone=ln.phone, sms=ln.sms, url=ln.url)
            for ln in (c.lines if c else [])
        ],
        fallback=panel.fallback,
        safety_planning=list(panel.safety_planning) if panel.level == "concern" else [],
        not_therapy=panel.not_therapy,
    )


# ------------------------------------------------------------------------ session


@session_router.post("/session", response_model=SessionOut, responses={401: {}, 429: {}})
def api_login(request: Request, body: Login) -> Response:
    store = store_of(request)
    address = client_address(request)
    if security.login_blocked(store, body.login, address):
        return JSONResponse(
            {"error": "rate_limited", "detail": "Too many attempts; try again in 15 minutes."},
            status_code=429,
        )
    person = authenticate(store, body.login, body.password)
    if person is None:
        security.record_failure(store, body.login, address)
        return JSONResponse(
            {"error": "login_failed", "detail": "That name and password do not match."},
            status_code=401,
        )
    security.clear_failures(store, body.login)
    token, session = security.start_session(store, person.id)
    out = SessionOut(csrf_token=session.csrf_token, person=_person(person))
    response = JSONResponse(out.model_dump())
    set_session_cookie(request, response, token)
    return response


@router.delete("/session", status_code=204, responses={401: {}})
def api_logout(request: Request) -> Response:
    require_person(request)
    security.end_session(store_of(request), request.cookies.get(security.SESSION_COOKIE))
    response = Response(status_code=204)
    clear_session_cookie(response)
    return response


@router.get("/me", response_model=PersonOut, responses={401: {}})
def api_me(request: Request) -> PersonOut:
    return _person(require_person(request))


# ------------------------------------------------------------------ relationships


@router.get("/relationships", response_model=list[RelationshipOut], responses={401: {}})
def api_relationships(request: Request) -> list[RelationshipOut]:
    me = require_person(request)
    return [
        RelationshipOut(
            id=r.id,
            kind=r.kind,
            name=r.name,
            started_on=r.started_on,
            members=[MemberOut(id=m.id, display_name=m.display_name) for m in r.members],
        )
        for r in list_relationships(store_of(request), me.id)
    ]


@router.get(
    "/relationships/{rel_id}/checkin",
    response_model=CheckinDayOut,
    responses={401: {}, 404: {}},
)
def api_checkin_day(
    request: Request,
    rel_id: IdPath,
    day: Annotated[date | None, Query()] = None,
) -> CheckinDayOut:
    me = require_person(request)
    return _day(checkin_day(store_of(request), me.id, rel_id, day))


@router.post(
    "/relationships/{rel_id}/checkin",
    response_model=CheckinResultOut,
    responses={400: {}, 401: {}, 403: {}, 404: {}, 409: {}},
)
def api_checkin_submit(request: Request, rel_id: IdPath, body: CheckinIn) -> CheckinResultOut:
    me = require_person(request)
    store = store_of(request)
    result = submit_checkin(
        store,
        me.id,
        rel_id,
        mood=body.mood,
        feelings=body.feelings,
        high=body.high,
        low=body.low,
        need=body.need,
    )
    return CheckinResultOut(
        day=_day(checkin_day(store, me.id, rel_id)),
        safety=_safety(panel_for(result.risk, me.country)),
    )


@router.get(
    "/relationships/{rel_id}/question", response_model=QuestionOut, responses={401: {}, 404: {}}
)
def api_question(request: Request, rel_id: IdPath) -> QuestionOut:
    me = require_person(request)
    return _question(question_of_the_day(store_of(request), me.id, rel_id))


@router.post(
    "/relationships/{rel_id}/question",
    response_model=QuestionOut,
    responses={400: {}, 401: {}, 403: {}, 404: {}, 409: {}},
)
def api_answer(request: Request, rel_id: IdPath, body: AnswerIn) -> QuestionOut:
    me = require_person(request)
    store = store_of(request)
    get_relationship(store, me.id, rel_id)
    return _question(answer_question(store, me.id, rel_id, body.answer))


# ------------------------------------------------------------------------ journal


@router.get("/journal", response_model=list[EntryOut], responses={401: {}})
def api_journal(request: Request) -> list[EntryOut]:
    me = require_person(request)
    return [_entry(e) for e in list_entries(store_of(request), me.id)]


@router.post(
    "/journal", response_model=EntryWriteOut, responses={400: {}, 401: {}, 403: {}, 404: {}}
)
def api_journal_write(request: Request, body: EntryIn) -> EntryWriteOut:
    me = require_person(request)
    result = write_entry(
        store_of(request), me.id, body.body, title=body.title, share_with=body.share_with
    )
    return EntryWriteOut(
        entry=_entry(result.entry), safety=_safety(panel_for(result.risk, me.country))
    )


@router.get("/journal/{entry_id}", response_model=EntryOut, responses={401: {}, 404: {}})
def api_journal_entry(request: Request, entry_id: IdPath) -> EntryOut:
    me = require_person(request)
    return _entry(get_entry(store_of(request), me.id, entry_id))


@router.post(
    "/journal/{entry_id}/share",
    response_model=EntryOut,
    responses={401: {}, 403: {}, 404: {}},
)
def api_journal_share(request: Request, entry_id: IdPath, body: ShareIn) -> EntryOut:
    me = require_person(request)
    return _entry(share_entry(store_of(request), me.id, entry_id, body.relationship_id))


@router.post(
    "/journal/{entry_id}/unshare",
    response_model=EntryOut,
    responses={401: {}, 403: {}, 404: {}},
)
def api_journal_unshare(request: Request, entry_id: IdPath) -> EntryOut:
    me = require_person(request)
    return _entry(unshare_entry(store_of(request), me.id, entry_id))


@router.delete("/journal/{entry_id}", status_code=204, responses={401: {}, 403: {}, 404: {}})
def api_journal_delete(request: Request, entry_id: IdPath) -> Response:
    me = require_person(request)
    delete_entry(store_of(request), me.id, entry_id)
    return Response(status_code=204)


# ------------------------------------------------------------------ practice, analysis


@router.get("/goals", response_model=list[GoalOut], responses={401: {}})
def api_goals(request: Request) -> list[GoalOut]:
    me = require_person(request)
    return [
        GoalOut(
            id=g.id,
            title=g.title,
            times_per_week=g.times_per_week,
            weeks=g.weeks,
            started_on=g.started_on,
            relationship_id=g.relationship_id,
            per_week=list(g.per_week),
            weeks_met=g.weeks_met,
        )
        for g in list_goals(store_of(request), me.id)
    ]


@router.get("/rituals", response_model=list[RitualOut], responses={401: {}})
def api_rituals(request: Request) -> list[RitualOut]:
    me = require_person(request)
    return [
        RitualOut(
            id=r.id,
            ritual_id=r.ritual_id,
            title=r.title,
            cadence=r.cadence,
            relationship_id=r.relationship_id,
            logged_days=list(r.logged_days),
        )
        for r in my_rituals(store_of(request), me.id)
    ]


@router.get("/programs", response_model=list[ProgramOut], responses={401: {}})
def api_programs(request: Request) -> list[ProgramOut]:
    me = require_person(request)
    return [
        ProgramOut(
            id=e.id,
            program_id=e.program_id,
            title=e.title,
            started_on=e.started_on,
            days_done=e.days_done,
            duration_days=e.duration_days,
        )
        for e in my_programs(store_of(request), me.id)
    ]


@router.post("/analyze", responses={401: {}})
def api_analyze(request: Request, body: AnalyzeIn) -> dict[str, Any]:
    """The analysis contract of SPEC.md for one text (tone check)."""
    require_person(request)
    from attune.analysis import analyze_one

    return analyze_one(body.text).to_dict()


@router.get("/export", responses={401: {}})
def api_export(request: Request) -> dict[str, Any]:
    """Everything the signed-in person wrote or chose (the same as the settings download)."""
    me = require_person(request)
    return export_person(store_of(request), me.id)
