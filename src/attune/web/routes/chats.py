"""Chat insights: upload an export, read the report. Nothing is kept after the answer is sent."""

from __future__ import annotations

import re
import secrets
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from attune.errors import ChatFormatError
from attune.web.deps import check_csrf
from attune.web.render import QUICK_EXIT_URL, page, require_person

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)

MAX_UPLOAD = 50 * 1024 * 1024
CHUNK = 1024 * 1024


def _formats() -> tuple[str, ...]:
    from attune.chats import FORMATS

    return tuple(FORMATS)


@router.get("/chats")
def chats_page(request: Request) -> Response:
    require_person(request)
    return page(request, "chats.html", title="Chat insights", formats=_formats())


def _error(request: Request, message: str, status: int = 400) -> Response:
    return page(
        request,
        "chats.html",
        status_code=status,
        title="Chat insights",
        formats=_formats(),
        error=message,
    )


@router.post("/chats")
async def chats_report(
    request: Request,
    export: UploadFile = File(...),
    format: str = Form("auto"),
    me: str = Form(""),
    download: str = Form(""),
) -> Response:
    require_person(request)
    if format != "auto" and format not in _formats():
        return _error(request, f"Unknown format '{format[:20]}'. Choose one from the list.")
    original = Path(export.filename or "chat.txt").name
    suffix = re.sub(r"[^A-Za-z0-9.]", "", Path(original).suffix)[:10] or ".txt"
    with tempfile.TemporaryDirectory(prefix="attune-chat-") as folder:
        path = Path(folder) / f"export{suffix}"
        size = 0
        with path.open("wb") as out:
            while chunk := await export.read(CHUNK):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    return _error(
                        request,
                        "That file is over 50 MB. Export a shorter stretch of the chat.",
                        413,
                    )
                out.write(chunk)
        if size == 0:
            return _error(request, "That file is empty. Choose the exported chat file.")
        nonce = secrets.token_urlsafe(16)
        try:
            html = await run_in_threadpool(
                _report, path, format, me.strip()[:80] or None, None if download else nonce
            )
        except ChatFormatError as e:
            reason = str(e).replace(str(path), original)
            return _error(request, f"We couldn't read that export: {reason}")
    if download:
        return Response(
            html,
            media_type="text/html; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="attune-chat-report.html"'},
        )
    return _served(html, nonce)


def _report(path: Path, fmt: str, me: str | None, nonce: str | None) -> str:
    from attune.chats import parse_chat
    from attune.chats.insights import compute_insights
    from attune.chats.report import render_report

    messages = list(parse_chat(path, fmt))
    if not messages:
        raise ChatFormatError("it holds no messages")
    insights = compute_insights(messages, me=me, jobs=1)
    return render_report(insights, title="Chat insights", nonce=nonce)


def _served(html: str, nonce: str) -> Response:
    # The report carries its own nonce'd style and script; add the quick-exit control.
    exit_link = (
        '<link rel="stylesheet" href="/static/exit.css">'
        '<script src="/static/app.js" defer></script>'
    )
    html = html.replace("</head>", exit_link + "</head>", 1)
    html = html.replace(
        "<body>",
        f'<body><a id="quick-exit" class="quick-exit" href="{QUICK_EXIT_URL}" '
        'rel="noreferrer" data-quick-exit>Leave quickly</a>',
        1,
    )
    csp = (
        f"default-src 'none'; style-src 'self' 'nonce-{nonce}'; "
        f"script-src 'self' 'nonce-{nonce}'; img-src data:; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )
    return Response(
        html,
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": csp, "Cache-Control": "no-store"},
    )
