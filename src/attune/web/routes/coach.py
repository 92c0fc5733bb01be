"""The coach in the web app: a chat page at ``/coach`` and its JSON API under ``/api/v1/coach``.

Every message goes through :class:`attune.coach.Coach`, which runs the safety
triage first. The conversation lives in the signed-in person's own coach
memory (sealed with their key), so the page can show it again, and nobody
else, the partner included, can ever read it. A coach is built only for the
signed-in person; no handler takes a person id from the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from attune.analysis.types import Risk
from attune.coach import Coach, CoachReply, backend_from_settings, memory
from attune.coach.engine import MAX_MESSAGE, content_index
from attune.domain.people import Person
from attune.errors import ValidationError
from attune.web.deps import check_csrf
from attune.web.render import page, redirect, require_person, settings_of, store_of
from attune.web.safety import SafetyPanel, panel_for

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", dependencies=[Depends(check_csrf)], tags=["coach"])

HISTORY = 40  # remembered turns shown on the page
STEP_PREFIX = "One thing you could try:"
# Where each kind of content item lives in the web app.
PLACES = {
    "exercise": "/exercises/{id}",
    "assessment": "/assessments/{id}",
    "ritual": "/rituals",
    "program": "/programs",
    "deck": "/today",
}


@dataclass(frozen=True)
class Step:
    """The one next step of a reply, as a link to the page where it can be done."""

    item_id: str
    title: str
    kind: str
    url: str | None
    reason: str | None
    solo: bool


def _coach(request: Request, me: Person) -> Coach:
    return Coach(store_of(request), me.id, backend=backend_from_settings(settings_of(request)))


def _step(coach: Coach, reply: CoachReply) -> Step | None:
    if reply.suggestion is None or reply.kind == "safety" or coach.library is None:
        return None
    doc = content_index(coach.library).get(reply.suggestion)
    if doc is None:
        return None
    place = PLACES.get(doc.kind)
    return Step(
        item_id=doc.item_id,
        title=doc.title,
        kind=doc.kind,
        url=place.format(id=doc.item_id) if place else None,
        reason=reply.reason,
        solo=doc.participants <= 1,
    )


def _paragraphs(reply: CoachReply, step: Step | None) -> list[str]:
    """The reply's paragraphs; the step's own line is left out when the step card shows it."""
    parts = [p.strip() for p in reply.text.split("\n\n") if p.strip()]
    if step is not None:
        parts = [p for p in parts if not p.startswith(STEP_PREFIX)]
    return parts


def _safety_level(coach: Coach, reply: CoachReply | None = None) -> str:
    if reply is not None and reply.risk.level != "none":
        return reply.risk.level
    seen = coach.state.get("safety") or {}
    level = seen.get("level", "none")
    return level if level in ("concern", "crisis") else "none"


def _panel(me: Person, level: str) -> SafetyPanel | None:
    if level == "none":
        return None
    return panel_for(Risk(level=level), me.country)  # type: ignore[arg-type]


def _coach_page(
    request: Request,
    me: Person,
    coach: Coach,
    *,
    status_code: int = 200,
    reply: CoachReply | None = None,
    said: str = "",
    **extra: Any,
) -> Response:
    turns = memory.recall(store_of(request), me.id, limit=HISTORY)
    if reply is not None and len(turns) >= 2:
        turns = turns[:-2]  # the latest exchange is shown in full below the history
    step = _step(coach, reply) if reply is not None else None
    return page(
        request,
        "coach.html",
        status_code=status_code,
        title="Coach",
        turns=turns,
        reply=reply,
        said=said,
        step=step,
        paragraphs=_paragraphs(reply, step) if reply is not None else [],
        safety=_panel(me, _safety_level(coach, reply)),
        safety_mode=coach.safety_mode,
        max_message=MAX_MESSAGE,
        **extra,
    )


# ------------------------------------------------------------------------- pages


@router.get("/coach")
def coach_page(request: Request) -> Response:
    me = require_person(request)
    return _coach_page(request, me, _coach(request, me))


@router.post("/coach")
def coach_message(request: Request, message: str = Form("")) -> Response:
    me = require_person(request)
    coach = _coach(request, me)
    try:
        reply = coach.reply(message)
    except ValidationError as e:
        return _coach_page(
            request, me, coach, status_code=400, error=str(e), draft=message[:MAX_MESSAGE]
        )
    return _coach_page(request, me, coach, reply=reply, said=message.strip())


@router.post("/coach/new")
def coach_new(request: Request) -> Response:
    me = require_person(request)
    _coach(request, me).new_conversation()
    return redirect("/coach")


@router.post("/coach/forget")
def coach_forget(request: Request, confirm: str = Form("")) -> Response:
    me = require_person(request)
    if confirm != "yes":
        return _coach_page(
            request,
            me,
            _coach(request, me),
            status_code=400,
            error="To delete what the coach remembers, tick the box first.",
            forget_open=True,
        )
    deleted = memory.forget(store_of(request), me.id)
    turns = "turn" if deleted == 1 else "turns"
    return _coach_page(
        request,
        me,
        _coach(request, me),
        notice=f"Done: the coach forgot everything ({deleted} {turns} deleted).",
    )


# --------------------------------------------------------------------------- API


class CoachIn(BaseModel):
    text: Annotated[str, Field(min_length=1, max_length=MAX_MESSAGE)]


class RiskOut(BaseModel):
    level: Literal["none", "concern", "crisis"]
    category: Literal["self_harm", "violence", "abuse"] | None
    start: int | None
    end: int | None


class ResourceOut(BaseModel):
    name: str
    kind: str
    phone: str | None
    sms: str | None
    url: str | None
    hours: str | None
    note: str | None


class CoachReplyOut(BaseModel):
    """One reply. At ``kind: safety`` there is never a suggestion, only help lines."""

    text: str
    kind: Literal["safety", "reflect", "flow", "counsellor"]
    risk: RiskOut
    suggestion: str | None = Field(description="A content id such as 'regulation-break.v1'.")
    resources: list[ResourceOut]
    situation: str | None
    question: str | None
    reason: str | None = Field(description="Why the suggestion fits.")
    source: Literal["script", "model"]
    fallback: str | None = Field(description="Why a configured model's answer was not used.")
    safety_mode: bool = Field(description="True once crisis or concern came up; show quick exit.")


class MemoryTurnOut(BaseModel):
    id: int
    role: Literal["person", "coach"]
    text: str
    at: datetime


class MemoryOut(BaseModel):
    """Only ever the signed-in person's own memory."""

    turns: list[MemoryTurnOut]
    safety_mode: bool


class ForgetOut(BaseModel):
    deleted: int


@api_router.post(
    "/coach", response_model=CoachReplyOut, responses={400: {}, 401: {}, 403: {}, 422: {}}
)
def api_coach(request: Request, body: CoachIn) -> dict[str, Any]:
    """Send one message to the coach; the safety triage runs first."""
    me = require_person(request)
    return _coach(request, me).reply(body.text).to_dict()


@api_router.get("/coach/memory", response_model=MemoryOut, responses={401: {}})
def api_coach_memory(request: Request) -> MemoryOut:
    """What the coach remembers of the signed-in person's conversations, oldest first."""
    me = require_person(request)
    store = store_of(request)
    return MemoryOut(
        turns=[
            MemoryTurnOut(id=t.id, role=t.role, text=t.text, at=t.at)  # type: ignore[arg-type]
            for t in memory.recall(store, me.id, limit=200)
        ],
        safety_mode=Coach(store, me.id).safety_mode,
    )


@api_router.delete("/coach/memory", response_model=ForgetOut, responses={401: {}, 403: {}})
def api_coach_forget(request: Request) -> ForgetOut:
    """Delete everything the coach remembers of the signed-in person (turns and state)."""
    me = require_person(request)
    return ForgetOut(deleted=memory.forget(store_of(request), me.id))
