"""Programs with a daily task and a forgiving streak, rituals, and shared goals."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from attune.content import load_content
from attune.domain import (
    add_goal,
    choose_ritual,
    complete_day,
    drop_ritual,
    list_goals,
    log_goal,
    log_ritual,
    my_programs,
    my_rituals,
    program_today,
    snooze_today,
    start_program,
    stop_program,
)
from attune.domain.rituals import MAX_ACTIVE, consistency
from attune.errors import ConflictError, ValidationError
from attune.web.deps import IdPath, check_csrf, pick_space
from attune.web.render import page, redirect, require_person, store_of

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def _programs_page(request: Request, status_code: int = 200, error: str | None = None) -> Response:
    me = require_person(request)
    store = store_of(request)
    mine = [program_today(store, me.id, e.id) for e in my_programs(store, me.id)]
    active = {t.enrollment.program_id for t in mine}
    catalogue = [p for p in load_content().programs.values() if p.id not in active]
    return page(
        request,
        "programs.html",
        status_code=status_code,
        title="Programs",
        mine=mine,
        catalogue=sorted(catalogue, key=lambda p: p.duration_days),
        error=error,
    )


@router.get("/programs")
def programs(request: Request) -> Response:
    return _programs_page(request)


@router.post("/programs/{program_id}/start")
def program_start(request: Request, program_id: str, solo: str = Form("")) -> Response:
    me = require_person(request)
    space = None if solo else pick_space(request, me, None)
    try:
        start_program(
            store_of(request), me.id, program_id, relationship_id=space.id if space else None
        )
    except ConflictError as e:
        return _programs_page(request, 409, str(e))
    return redirect("/programs")


@router.post("/programs/mine/{enrollment_id}/done")
def program_done(request: Request, enrollment_id: IdPath) -> Response:
    me = require_person(request)
    try:
        complete_day(store_of(request), me.id, enrollment_id)
    except ConflictError as e:
        return _programs_page(request, 409, str(e))
    return redirect("/programs")


@router.post("/programs/mine/{enrollment_id}/snooze")
def program_snooze(request: Request, enrollment_id: IdPath) -> Response:
    me = require_person(request)
    snooze_today(store_of(request), me.id, enrollment_id)
    return redirect("/programs")


@router.post("/programs/mine/{enrollment_id}/stop")
def program_stop(request: Request, enrollment_id: IdPath) -> Response:
    me = require_person(request)
    stop_program(store_of(request), me.id, enrollment_id)
    return redirect("/programs")


def _rituals_page(request: Request, status_code: int = 200, error: str | None = None) -> Response:
    me = require_person(request)
    mine = my_rituals(store_of(request), me.id)
    chosen = {r.ritual_id for r in mine}
    catalogue = [r for r in load_content().rituals.values() if r.id not in chosen]
    return page(
        request,
        "rituals.html",
        status_code=status_code,
        title="Rituals",
        mine=[(r, consistency(r)) for r in mine],
        catalogue=sorted(catalogue, key=lambda r: (r.cadence, r.title)),
        max_active=MAX_ACTIVE,
        error=error,
    )


@router.get("/rituals")
def rituals(request: Request) -> Response:
    return _rituals_page(request)


@router.post("/rituals/{ritual_id}/choose")
def ritual_choose(request: Request, ritual_id: str, solo: str = Form("")) -> Response:
    me = require_person(request)
    space = None if solo else pick_space(request, me, None)
    try:
        choose_ritual(store_of(request), me.id, ritual_id, space.id if space else None)
    except ConflictError as e:
        return _rituals_page(request, 409, str(e))
    return redirect("/rituals")


@router.post("/rituals/mine/{choice_id}/log")
def ritual_log(request: Request, choice_id: IdPath, back: str = Form("")) -> Response:
    me = require_person(request)
    log_ritual(store_of(request), me.id, choice_id)
    return redirect("/today" if back == "today" else "/rituals")


@router.post("/rituals/mine/{choice_id}/drop")
def ritual_drop(request: Request, choice_id: IdPath) -> Response:
    me = require_person(request)
    drop_ritual(store_of(request), me.id, choice_id)
    return redirect("/rituals")


def _goals_page(request: Request, status_code: int = 200, error: str | None = None) -> Response:
    me = require_person(request)
    lib = load_content()
    practices = sorted(
        [*lib.exercises.values(), *lib.rituals.values()], key=lambda x: x.title.lower()
    )
    return page(
        request,
        "goals.html",
        status_code=status_code,
        title="Goals",
        goals=list_goals(store_of(request), me.id),
        practices=practices,
        error=error,
    )


@router.get("/goals")
def goals(request: Request) -> Response:
    return _goals_page(request)


@router.post("/goals")
def goal_add(
    request: Request,
    title: str = Form(""),
    times_per_week: int = Form(2),
    weeks: int = Form(4),
    practice_id: str = Form(""),
    solo: str = Form(""),
) -> Response:
    me = require_person(request)
    space = None if solo else pick_space(request, me, None)
    try:
        add_goal(
            store_of(request),
            me.id,
            title,
            times_per_week=times_per_week,
            weeks=weeks,
            practice_id=practice_id or None,
            relationship_id=space.id if space else None,
        )
    except ValidationError as e:
        return _goals_page(request, 400, str(e))
    return redirect("/goals")


@router.post("/goals/{goal_id}/log")
def goal_log(request: Request, goal_id: IdPath, back: str = Form("")) -> Response:
    me = require_person(request)
    log_goal(store_of(request), me.id, goal_id)
    return redirect("/today" if back == "today" else "/goals")
