"""The journal: private by default, shared with a space and un-shared on request."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from attune.domain import (
    delete_entry,
    get_entry,
    list_entries,
    list_relationships,
    search_entries,
    share_entry,
    unshare_entry,
    write_entry,
)
from attune.errors import ValidationError
from attune.web.deps import IdForm, IdPath, check_csrf
from attune.web.render import page, redirect, require_person, store_of
from attune.web.safety import panel_for

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def _journal_page(request: Request, status_code: int = 200, **extra: object) -> Response:
    me = require_person(request)
    store = store_of(request)
    q = str(extra.pop("q", "") or "")
    entries = search_entries(store, me.id, q) if q else list_entries(store, me.id)
    return page(
        request,
        "journal.html",
        status_code=status_code,
        title="Journal",
        entries=entries,
        spaces=list_relationships(store, me.id),
        q=q,
        me_id=me.id,
        **extra,
    )


@router.get("/journal")
def journal(request: Request, q: str = "") -> Response:
    return _journal_page(request, q=q[:200])


@router.post("/journal")
def journal_write(
    request: Request, body: str = Form(""), title: str = Form(""), share_with: str = Form("")
) -> Response:
    me = require_person(request)
    rel = int(share_with) if share_with.isdigit() else None
    try:
        result = write_entry(store_of(request), me.id, body, title=title or None, share_with=rel)
    except ValidationError as e:
        return _journal_page(request, 400, error=str(e))
    safety = panel_for(result.risk, me.country)
    if safety is None:
        return redirect(f"/journal/{result.entry.id}")
    return _journal_page(request, safety=safety, written=result.entry)


@router.get("/journal/{entry_id}")
def journal_entry(request: Request, entry_id: IdPath) -> Response:
    me = require_person(request)
    store = store_of(request)
    entry = get_entry(store, me.id, entry_id)
    return page(
        request,
        "entry.html",
        title=entry.title or "Journal entry",
        entry=entry,
        mine=entry.author_id == me.id,
        spaces=list_relationships(store, me.id),
    )


@router.post("/journal/{entry_id}/share")
def journal_share(request: Request, entry_id: IdPath, rel: IdForm) -> Response:
    me = require_person(request)
    share_entry(store_of(request), me.id, entry_id, rel)
    return redirect(f"/journal/{entry_id}")


@router.post("/journal/{entry_id}/unshare")
def journal_unshare(request: Request, entry_id: IdPath) -> Response:
    me = require_person(request)
    unshare_entry(store_of(request), me.id, entry_id)
    return redirect(f"/journal/{entry_id}")


@router.post("/journal/{entry_id}/delete")
def journal_delete(request: Request, entry_id: IdPath) -> Response:
    me = require_person(request)
    delete_entry(store_of(request), me.id, entry_id)
    return redirect("/journal")
