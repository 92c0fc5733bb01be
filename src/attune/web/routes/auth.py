"""Sign up, log in, log out, and the front page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from attune.domain import authenticate, create_person
from attune.errors import ConflictError, ValidationError
from attune.web import security
from attune.web.app import clear_session_cookie, set_session_cookie
from attune.web.deps import check_csrf
from attune.web.render import current_person, page, redirect, safe_next, settings_of, store_of

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.get("/")
def home(request: Request) -> Response:
    if current_person(request) is not None:
        return redirect("/today")
    return page(request, "home.html", title="Welcome")


@router.get("/signup")
def signup_form(request: Request) -> Response:
    if current_person(request) is not None:
        return redirect("/today")
    return page(request, "signup.html", title="Sign up", country=settings_of(request).country)


@router.post("/signup")
def signup(
    request: Request,
    handle: str = Form(""),
    display_name: str = Form(""),
    password: str = Form(""),
    email: str = Form(""),
    country: str = Form("US"),
    next: str = Form(""),
) -> Response:
    store = store_of(request)
    try:
        if len(password) < 8:
            raise ValidationError("Use a password of at least 8 characters.")
        person = create_person(
            store,
            handle,
            display_name,
            email=email or None,
            password=password,
            country=country or "US",
        )
    except (ValidationError, ConflictError) as e:
        return page(
            request,
            "signup.html",
            status_code=400,
            title="Sign up",
            error=str(e),
            form={"handle": handle, "display_name": display_name, "email": email},
            country=country,
        )
    token, _ = security.start_session(store, person.id)
    response = redirect(safe_next(next) if next else "/spaces")
    set_session_cookie(request, response, token)
    return response


@router.get("/login")
def login_form(request: Request, next: str = "") -> Response:
    if current_person(request) is not None:
        return redirect(safe_next(next))
    return page(request, "login.html", title="Log in", next=next)


@router.post("/login")
def login(
    request: Request,
    login: str = Form(""),
    password: str = Form(""),
    next: str = Form(""),
) -> Response:
    store = store_of(request)
    address = client_address(request)
    if security.login_blocked(store, login, address):
        return page(
            request,
            "login.html",
            status_code=429,
            title="Log in",
            next=next,
            error=(
                "Too many attempts. For your safety, sign-in is paused for a few minutes. "
                "Take a breath and try again in 15 minutes."
            ),
        )
    person = authenticate(store, login, password) if login and password else None
    if person is None:
        security.record_failure(store, login, address)
        return page(
            request,
            "login.html",
            status_code=401,
            title="Log in",
            next=next,
            login=login,
            error="That name and password do not match. Try again.",
        )
    security.clear_failures(store, login)
    # A fresh token on every sign-in, so a token planted before sign-in is worthless.
    security.end_session(store, request.cookies.get(security.SESSION_COOKIE))
    token, _ = security.start_session(store, person.id)
    response = redirect(safe_next(next))
    set_session_cookie(request, response, token)
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    security.end_session(store_of(request), request.cookies.get(security.SESSION_COOKIE))
    response = redirect("/")
    clear_session_cookie(response)
    return response
