"""The web app: ``create_app(store, settings)`` builds a FastAPI application.

>>> from attune.store import Store
>>> app = create_app(Store.memory())
>>> any(r.path == "/today" for r in app.routes)
True

Pages are server-rendered (Jinja2) and work without JavaScript; the JSON API
lives under ``/api/v1`` and is described at ``/openapi.json``. Every response
carries strict security headers; every unsafe request must carry the session's
CSRF token (form field ``csrf_token`` or header ``X-CSRF-Token``).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from attune.config import Settings, get_settings
from attune.errors import (
    AnalysisError,
    AttuneError,
    ChatFormatError,
    ConflictError,
    ContentNotFound,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from attune.store import Store
from attune.web import security
from attune.web.render import HERE, LoginRequired, login_redirect, page

log = logging.getLogger("attune.web")

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _secure_cookies(request: Request, settings: Settings) -> bool:
    mode = settings.secure_cookies.lower()
    if mode in ("yes", "true", "1", "on"):
        return True
    if mode in ("no", "false", "0", "off"):
        return False
    return request.url.scheme == "https"


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    """Attach the session cookie with the flags the threat model asks for."""
    response.set_cookie(
        security.SESSION_COOKIE,
        token,
        max_age=int(security.SESSION_TTL.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=_secure_cookies(request, request.app.state.settings),
        path="/",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(security.SESSION_COOKIE, path="/")


def create_app(store: Store, settings: Settings | None = None, *, demo: bool = False) -> FastAPI:
    """Build the web app over ``store``."""
    from attune.web.routes import ROUTERS

    settings = settings or get_settings()
    app = FastAPI(
        title="Attune",
        version="1",
        description=(
            "The Attune JSON API. Sign in with POST /api/v1/session, then send the session "
            "cookie and, on unsafe requests, the X-CSRF-Token header it returned."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = store
    app.state.settings = settings
    app.state.demo = demo

    @app.middleware("http")
    async def session_and_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        request.state.person = None
        token = request.cookies.get(security.SESSION_COOKIE)
        session = security.load_session(store, token)
        drop_cookie = token is not None and session is None
        new_anon = None
        if session is not None:
            from attune.domain import get_person

            try:
                request.state.person = get_person(store, session.person_id)
                request.state.csrf = session.csrf_token
            except NotFound:
                session = None
                drop_cookie = True
        if session is None:
            anon = request.cookies.get(security.ANON_CSRF_COOKIE)
            if not anon or len(anon) > 128:
                anon = new_anon = security.new_csrf_token()
            request.state.csrf = anon
        response = await call_next(request)
        for name, value in security.SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.state.person is not None or _is_api(request):
            response.headers.setdefault("Cache-Control", "no-store")
        if drop_cookie and security.SESSION_COOKIE not in response.headers.get("set-cookie", ""):
            clear_session_cookie(response)
        if new_anon is not None:
            response.set_cookie(
                security.ANON_CSRF_COOKIE,
                new_anon,
                httponly=True,
                samesite="strict",
                secure=_secure_cookies(request, settings),
                path="/",
            )
        return response

    def _error(request: Request, status: int, message: str, kind: str) -> Response:
        if _is_api(request):
            return JSONResponse({"error": kind, "detail": message}, status_code=status)
        return page(request, "error.html", status_code=status, message=message, status=status)

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, _exc: LoginRequired) -> Response:
        if _is_api(request):
            return JSONResponse(
                {"error": "login_required", "detail": "Sign in first: POST /api/v1/session."},
                status_code=401,
            )
        return login_redirect(request)

    @app.exception_handler(AttuneError)
    async def _attune_error(request: Request, exc: AttuneError) -> Response:
        # Domain messages never hold a person's private text (see errors.py), so they are
        # safe to show; the log line names only the kind of error.
        if isinstance(exc, NotFound | ContentNotFound):
            return _error(request, 404, str(exc), "not_found")
        if isinstance(exc, PermissionDenied):
            return _error(request, 403, str(exc), "forbidden")
        if isinstance(exc, ValidationError | ChatFormatError | AnalysisError):
            return _error(request, 400, str(exc), "invalid")
        if isinstance(exc, ConflictError):
            return _error(request, 409, str(exc), "conflict")
        log.warning("request failed with %s", type(exc).__name__)
        return _error(request, 500, "Something went wrong on our side. Please try again.", "error")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {
            403: "This page is not available to you.",
            404: "There is nothing at this address.",
            405: "That action is not available here.",
        }
        message = messages.get(exc.status_code, str(exc.detail))
        if exc.status_code == 403 and isinstance(exc.detail, str):
            message = exc.detail
        return _error(request, exc.status_code, message, "http_error")

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> Response:
        fields = sorted({".".join(str(p) for p in e.get("loc", ())[1:]) for e in exc.errors()})
        message = "Some fields are missing or not valid: " + (", ".join(fields) or "the request")
        return _error(request, 422, message, "invalid")

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for router in ROUTERS:
        app.include_router(router)
    return app


def route_table(app: FastAPI) -> list[tuple[str, str]]:
    """Every (method, path) the app answers, flattened across included routers."""
    try:
        from fastapi.routing import iter_route_contexts  # FastAPI >= 0.16x includes lazily
    except ImportError:  # pragma: no cover - older FastAPI keeps a flat list
        contexts: list[object] = list(app.routes)
    else:
        contexts = list(iter_route_contexts(app.routes))
    table: list[tuple[str, str]] = []
    for route in contexts:
        path = getattr(route, "path", None)
        for method in sorted(getattr(route, "methods", None) or ()):
            if method != "HEAD" and path is not None:
                table.append((method, path))
    return table
