"""Exercises run step by step on one device, and assessments with results over time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from attune.content import Assessment, load_content
from attune.domain import (
    assessment_history,
    finish_run,
    get_run,
    list_runs,
    start_run,
    take_assessment,
)
from attune.domain.assessments import StoredResult
from attune.errors import ValidationError
from attune.web.deps import MAX_ID, IdPath, check_csrf, pick_space
from attune.web.render import page, redirect, require_person, store_of

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


@router.get("/exercises")
def exercises_page(request: Request) -> Response:
    me = require_person(request)
    lib = load_content()
    items = sorted(lib.exercises.values(), key=lambda e: (e.duration_minutes, e.title))
    return page(
        request,
        "exercises.html",
        title="Exercises",
        exercises=items,
        runs=list_runs(store_of(request), me.id, limit=10),
    )


@router.get("/exercises/{exercise_id}")
def exercise_page(request: Request, exercise_id: str) -> Response:
    require_person(request)
    return page(
        request,
        "exercise.html",
        title="Exercise",
        exercise=load_content().exercise(exercise_id),
    )


@router.post("/exercises/{exercise_id}/start")
def exercise_start(
    request: Request,
    exercise_id: str,
    rel: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
    solo: str = Form(""),
) -> Response:
    me = require_person(request)
    space = None if solo else pick_space(request, me, rel)
    run, _ = start_run(store_of(request), me.id, exercise_id, space.id if space else None)
    return redirect(f"/runs/{run.id}")


@router.get("/runs/{run_id}")
def run_page(request: Request, run_id: IdPath) -> Response:
    me = require_person(request)
    store = store_of(request)
    run = get_run(store, me.id, run_id)
    exercise = load_content().exercises.get(run.exercise_id)
    names = ["Person A", "Person B"]
    if run.relationship_id is not None:
        space = pick_space(request, me, run.relationship_id)
        if space is not None:
            names = [m.display_name for m in space.members][:2] + names[len(space.members) :]
    return page(
        request,
        "run.html",
        title=run.title,
        run=run,
        exercise=exercise,
        names=names,
        me_id=me.id,
    )


@router.post("/runs/{run_id}/finish")
def run_finish(
    request: Request,
    run_id: IdPath,
    scary: str = Form(""),
    connecting: str = Form(""),
    share: str = Form(""),
) -> Response:
    me = require_person(request)
    finish_run(
        store_of(request),
        me.id,
        run_id,
        scary=scary or None,
        connecting=connecting or None,
        share_debrief=bool(share),
    )
    return redirect(f"/runs/{run_id}")


@router.get("/assessments")
def assessments_page(request: Request) -> Response:
    me = require_person(request)
    lib = load_content()
    taken: dict[str, int] = {}
    for r in assessment_history(store_of(request), me.id):
        taken[r.assessment_id] = taken.get(r.assessment_id, 0) + 1
    items = sorted(lib.assessments.values(), key=lambda a: a.title)
    return page(request, "assessments.html", title="Assessments", items=items, taken=taken)


@router.get("/assessments/{assessment_id}")
def assessment_page(request: Request, assessment_id: str) -> Response:
    me = require_person(request)
    item = load_content().assessment(assessment_id)
    history = assessment_history(store_of(request), me.id, item.id)
    return page(
        request,
        "assessment.html",
        title=item.title,
        item=item,
        history=_history_series(item, history),
        result=None,
    )


@router.post("/assessments/{assessment_id}")
async def assessment_submit(request: Request, assessment_id: str) -> Response:
    me = require_person(request)
    item = load_content().assessment(assessment_id)
    form = await request.form()
    answers: dict[str, int] = {}
    for it in item.items:
        raw = form.get(it.id)
        if isinstance(raw, str) and raw.strip().lstrip("-").isdigit():
            answers[it.id] = int(raw)
    store = store_of(request)
    try:
        _, result = take_assessment(store, me.id, item.id, answers)
    except ValidationError as e:
        return page(
            request,
            "assessment.html",
            status_code=400,
            title=item.title,
            item=item,
            history=_history_series(item, assessment_history(store, me.id, item.id)),
            result=None,
            error=str(e),
            answers=answers,
        )
    lib = load_content()
    suggestions = [lib.all_items()[s] for s in result.suggestions if s in lib.all_items()][:3]
    return page(
        request,
        "assessment.html",
        title=item.title,
        item=item,
        history=_history_series(item, assessment_history(store, me.id, item.id)),
        result=result,
        suggestions=suggestions,
    )


def _history_series(item: Assessment, history: Sequence[StoredResult]) -> dict[str, Any] | None:
    """The actor's results over time as chart series, with the scale's ends."""
    if not history:
        return None
    series = {
        dim: [(r.taken_at.strftime("%d %b %H:%M"), r.scores.get(dim)) for r in history]
        for dim in item.dimensions
    }
    lo = min((b.min for b in item.bands), default=0.0)
    hi = max((b.max for b in item.bands), default=1.0)
    return {"series": series, "lo": float(lo), "hi": float(hi), "count": len(history)}
