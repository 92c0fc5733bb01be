"""Relationship spaces: create one, invite by code or link, join, leave."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from attune.domain import create_relationship, invite, join, list_relationships, unlink
from attune.domain.relationships import KINDS
from attune.errors import ConflictError, NotFound, ValidationError
from attune.web.deps import IdPath, check_csrf
from attune.web.render import page, redirect, require_person, store_of

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def _spaces_page(request: Request, status_code: int = 200, **extra: object) -> Response:
    me = require_person(request)
    spaces = list_relationships(store_of(request), me.id)
    return page(
        request,
        "spaces.html",
        status_code=status_code,
        title="Your spaces",
        spaces=spaces,
        kinds=KINDS,
        **extra,
    )


@router.get("/spaces")
def spaces_page(request: Request) -> Response:
    return _spaces_page(request)


@router.post("/spaces")
def spaces_create(request: Request, kind: str = Form("partner"), name: str = Form("")) -> Response:
    me = require_person(request)
    store = store_of(request)
    try:
        rel = create_relationship(store, me.id, kind, name)
    except ValidationError as e:
        return _spaces_page(request, status_code=400, error=str(e))
    return _invite_page(request, rel.id)


def _invite_page(request: Request, rel_id: int) -> Response:
    me = require_person(request)
    inv = invite(store_of(request), me.id, rel_id)
    link = str(request.base_url).rstrip("/") + "/join/" + inv.code
    return _spaces_page(request, invitation=inv, invite_link=link)


@router.post("/spaces/{rel_id}/invite")
def spaces_invite(request: Request, rel_id: IdPath) -> Response:
    return _invite_page(request, rel_id)


@router.post("/spaces/{rel_id}/unlink")
def spaces_unlink(request: Request, rel_id: IdPath, confirm: str = Form("")) -> Response:
    me = require_person(request)
    if confirm != "yes":
        return _spaces_page(
            request, status_code=400, error="Tick the box to confirm that you want to leave."
        )
    unlink(store_of(request), me.id, rel_id)
    return _spaces_page(
        request,
        notice=(
            "You left that space. Your private entries stay yours; shared ones are private again."
        ),
    )


@router.get("/join/{code}")
def join_link(request: Request, code: str) -> Response:
    require_person(request)
    return page(request, "join.html", title="Join a space", code=code[:20])


@router.post("/join")
def join_code(request: Request, code: str = Form("")) -> Response:
    me = require_person(request)
    try:
        join(store_of(request), me.id, code)
    except (NotFound, ConflictError) as e:
        return page(
            request,
            "join.html",
            status_code=400,
            title="Join a space",
            code=code[:20],
            error=str(e),
        )
    return redirect("/today")
