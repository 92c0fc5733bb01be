"""Dependencies shared by the routers: CSRF checks and choosing a relationship space."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, HTTPException, Path, Query, Request

from attune.domain import get_relationship, list_relationships
from attune.domain.people import Person
from attune.domain.relationships import Relationship
from attune.web import security
from attune.web.render import store_of

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


async def check_csrf(request: Request) -> None:
    """Refuse an unsafe request that does not carry this session's CSRF token."""
    if request.method not in UNSAFE:
        return
    given = request.headers.get(security.CSRF_HEADER)
    if not given and request.headers.get("content-type", "").startswith(FORM_TYPES):
        value = (await request.form()).get(security.CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not security.tokens_match(getattr(request.state, "csrf", None), given):
        raise HTTPException(
            status_code=403,
            detail=(
                "This form has expired or came from another page. "
                "Go back, reload the page and try again."
            ),
        )


def pick_space(request: Request, me: Person, rel: int | None) -> Relationship | None:
    """The relationship named by ``rel`` (checked), else the person's first, else None."""
    store = store_of(request)
    if rel is not None:
        return get_relationship(store, me.id, rel)
    spaces = list_relationships(store, me.id)
    return spaces[0] if spaces else None


# Ids fit in a 32-bit integer column on every backend; larger numbers are refused up front.
MAX_ID = 2_147_483_647
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
IdForm = Annotated[int, Form(ge=1, le=MAX_ID)]
RelQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]
