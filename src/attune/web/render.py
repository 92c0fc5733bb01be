"""Template rendering and the request helpers every route uses.

A route checks access (``require_person``), calls the domain and renders a
template with ``page``. Nothing here runs SQL of its own beyond the session
look-up in ``attune.web.security``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from attune.config import Settings
from attune.domain.people import Person
from attune.store import Store
from attune.web import plots

HERE = Path(__file__).parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))
TEMPLATES.env.globals["plots"] = plots
TEMPLATES.env.globals["moods"] = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very good"}
# A neutral page to land on when someone needs to leave the app quickly.
QUICK_EXIT_URL = "https://www.bbc.com/weather"
TEMPLATES.env.globals["quick_exit_url"] = QUICK_EXIT_URL


class LoginRequired(Exception):
    """Raised by ``require_person`` for a visitor who is not signed in."""


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def current_person(request: Request) -> Person | None:
    person: Person | None = getattr(request.state, "person", None)
    return person


def require_person(request: Request) -> Person:
    """The signed-in person, or ``LoginRequired`` (a redirect for pages, 401 for the API)."""
    person = current_person(request)
    if person is None:
        raise LoginRequired()
    return person


def csrf_token(request: Request) -> str:
    token: str = getattr(request.state, "csrf", "")
    return token


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with the context every template expects."""
    context.setdefault("title", "")
    base = {
        "request": request,
        "me": current_person(request),
        "csrf": csrf_token(request),
        "demo": getattr(request.app.state, "demo", False),
    }
    return TEMPLATES.TemplateResponse(
        request, template, {**base, **context}, status_code=status_code
    )


def redirect(url: str) -> RedirectResponse:
    """See-other redirect after a form post (so reloading does not post again)."""
    return RedirectResponse(url, status_code=303)


def login_redirect(request: Request) -> RedirectResponse:
    target = request.url.path
    if request.url.query:
        target += "?" + request.url.query
    return redirect("/login?next=" + quote(target, safe=""))


def safe_next(value: str | None) -> str:
    """Only local paths are allowed as a place to go after signing in."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/today"
