"""Today: the check-in, the question of the day, and the insights dashboard."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from attune.content import load_content
from attune.domain import (
    answer_question,
    assessment_history,
    checkin_day,
    checkin_history,
    list_goals,
    my_programs,
    my_rituals,
    program_today,
    question_of_the_day,
    submit_checkin,
)
from attune.domain.checkins import MOODS
from attune.domain.people import Person
from attune.domain.relationships import Relationship
from attune.domain.rituals import consistency
from attune.errors import ConflictError, ValidationError
from attune.web.deps import IdForm, RelQuery, check_csrf, pick_space
from attune.web.render import page, redirect, require_person, store_of
from attune.web.safety import SafetyPanel, panel_for

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def _question(request: Request, me: Person, space: Relationship) -> object | None:
    if not load_content().prompts:
        return None
    return question_of_the_day(store_of(request), me.id, space.id)


def _today(
    request: Request,
    me: Person,
    space: Relationship | None,
    *,
    safety: SafetyPanel | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    store = store_of(request)
    if space is None:
        return page(request, "today.html", title="Today", space=None, safety=safety)
    day = checkin_day(store, me.id, space.id)
    programs = [program_today(store, me.id, e.id) for e in my_programs(store, me.id)]
    feelings = load_content().feelings
    return page(
        request,
        "today.html",
        status_code=status_code,
        title="Today",
        space=space,
        day=day,
        question=_question(request, me, space),
        programs=programs,
        rituals=my_rituals(store, me.id),
        goals=list_goals(store, me.id),
        feelings=feelings.families if feelings else [],
        mood_words=MOODS,
        safety=safety,
        error=error,
        today=date.today(),
    )


@router.get("/today")
def today_page(request: Request, rel: RelQuery = None) -> Response:
    me = require_person(request)
    return _today(request, me, pick_space(request, me, rel))


@router.get("/today/reveal")
def today_reveal(request: Request, rel: RelQuery = None) -> Response:
    """A small fragment the page's script polls to show a partner's answer when it lands."""
    me = require_person(request)
    space = pick_space(request, me, rel)
    if space is None:
        return page(request, "_reveal.html", day=None, question=None)
    return page(
        request,
        "_reveal.html",
        space=space,
        day=checkin_day(store_of(request), me.id, space.id),
        question=_question(request, me, space),
    )


@router.post("/today/checkin")
def today_checkin(
    request: Request,
    rel: IdForm,
    mood: int = Form(...),
    feelings: list[str] = Form([]),
    high: str = Form(""),
    low: str = Form(""),
    need: str = Form(""),
) -> Response:
    me = require_person(request)
    space = pick_space(request, me, rel)
    assert space is not None
    try:
        result = submit_checkin(
            store_of(request),
            me.id,
            space.id,
            mood=mood,
            feelings=feelings,
            high=high or None,
            low=low or None,
            need=need or None,
        )
    except (ValidationError, ConflictError) as e:
        return _today(request, me, space, error=str(e), status_code=400)
    safety = panel_for(result.risk, me.country)
    if safety is None:
        return redirect(f"/today?rel={space.id}")
    # Rendered straight away (no redirect) so nothing about it lands in a URL or history.
    return _today(request, me, space, safety=safety)


@router.post("/today/answer")
def today_answer(request: Request, rel: IdForm, answer: str = Form("")) -> Response:
    me = require_person(request)
    space = pick_space(request, me, rel)
    assert space is not None
    try:
        answer_question(store_of(request), me.id, space.id, answer)
    except (ValidationError, ConflictError) as e:
        return _today(request, me, space, error=str(e), status_code=400)
    return redirect(f"/today?rel={space.id}#question")


@router.get("/insights")
def insights(request: Request, rel: RelQuery = None) -> Response:
    me = require_person(request)
    store = store_of(request)
    space = pick_space(request, me, rel)
    mood_series: dict[str, list[tuple[str, float | None]]] = {}
    if space is not None:
        history = list(reversed(checkin_history(store, me.id, space.id, days=28)))
        mine = [(d.day.strftime("%d %b"), float(d.mine.mood) if d.mine else None) for d in history]
        mood_series["You"] = mine
        for member in space.others(me.id):
            mood_series[member.display_name] = [
                (
                    d.day.strftime("%d %b"),
                    next((float(c.mood) for c in d.revealed if c.person_id == member.id), None),
                )
                for d in history
            ]
    rituals = [(r, consistency(r)) for r in my_rituals(store, me.id)]
    lib = load_content()
    results: dict[str, list[tuple[str, dict[str, float]]]] = {}
    for r in assessment_history(store, me.id):
        results.setdefault(r.assessment_id, []).append((r.taken_at.strftime("%d %b"), r.scores))
    assessments = []
    for aid, rows in results.items():
        item = lib.assessments.get(aid)
        if item is None:
            continue
        series = {
            dim: [(when, scores.get(dim)) for when, scores in rows] for dim in item.dimensions
        }
        lo, hi = _score_range(item)
        assessments.append((item, series, lo, hi))
    programs = [program_today(store, me.id, e.id) for e in my_programs(store, me.id)]
    return page(
        request,
        "insights.html",
        title="Insights",
        space=space,
        mood_series=mood_series,
        rituals=rituals,
        assessments=assessments,
        programs=programs,
        since=date.today() - timedelta(days=27),
    )


def _score_range(item: object) -> tuple[float, float]:
    bands = getattr(item, "bands", [])
    lows = [b.min for b in bands] or [0.0]
    highs = [b.max for b in bands] or [1.0]
    return float(min(lows)), float(max(highs))
