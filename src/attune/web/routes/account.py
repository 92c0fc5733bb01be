"""Help lines, settings, data export, account deletion and the calendar feed."""

from __future__ import annotations

import json
from datetime import date

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from attune.domain import delete_account, export_person, list_relationships
from attune.domain.people import feed_token, person_for_feed, rotate_feed_token, set_country
from attune.domain.reminders import build_feed
from attune.errors import ValidationError
from attune.web import security
from attune.web.app import clear_session_cookie
from attune.web.deps import check_csrf
from attune.web.render import (
    current_person,
    page,
    redirect,
    require_person,
    settings_of,
    store_of,
)
from attune.web.safety import help_for

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


@router.get("/help")
def help_page(request: Request, country: str = "") -> Response:
    me = current_person(request)
    code = (country or (me.country if me else settings_of(request).country)).upper()[:2]
    from attune.content import load_content

    res = load_content().resources
    assert res is not None
    return page(
        request,
        "help.html",
        title="Help",
        help=help_for(code),
        code=code,
        countries=sorted(res.countries, key=lambda c: c.name),
    )


def _settings_page(request: Request, status_code: int = 200, **extra: object) -> Response:
    me = require_person(request)
    store = store_of(request)
    feed = str(request.base_url).rstrip("/") + f"/calendar/{feed_token(store, me.id)}.ics"
    return page(
        request,
        "settings.html",
        status_code=status_code,
        title="Settings",
        feed_url=feed,
        spaces=list_relationships(store, me.id),
        **extra,
    )


@router.get("/settings")
def settings_page(request: Request) -> Response:
    return _settings_page(request)


@router.post("/settings/country")
def settings_country(request: Request, country: str = Form("")) -> Response:
    me = require_person(request)
    try:
        set_country(store_of(request), me.id, country)
    except ValidationError as e:
        return _settings_page(request, 400, error=str(e))
    return redirect("/settings")


@router.post("/settings/feed/rotate")
def settings_feed_rotate(request: Request) -> Response:
    me = require_person(request)
    rotate_feed_token(store_of(request), me.id)
    return _settings_page(request, notice="New calendar address made; the old one stopped working.")


@router.post("/settings/export")
def settings_export(request: Request) -> Response:
    me = require_person(request)
    data = export_person(store_of(request), me.id)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    name = f"attune-export-{me.handle}-{date.today().isoformat()}.json"
    return Response(
        body,
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post("/settings/delete")
def settings_delete(request: Request, confirm: str = Form("")) -> Response:
    me = require_person(request)
    if confirm.strip().lower() != me.handle:
        return _settings_page(
            request,
            400,
            error="To delete your account, type your user name exactly as shown.",
        )
    store = store_of(request)
    security.end_all_sessions(store, me.id)
    delete_account(store, me.id)
    response = page(request, "deleted.html", title="Account deleted")
    clear_session_cookie(response)
    return response


@router.get("/calendar/{token}.ics")
def calendar_feed(request: Request, token: str) -> Response:
    person = person_for_feed(store_of(request), token)
    return Response(
        build_feed(store_of(request), person.id),
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "no-store"},
    )
