"""Sessions, CSRF tokens, login rate limits and security headers for the web app.

Sessions live in the database: the browser holds a random token in an
HttpOnly, SameSite=Lax cookie and the database keeps only its SHA-256, so a
copy of the database cannot be replayed as a login. Each session has its own
CSRF token; visitors who are not signed in get a double-submit token in a
separate cookie so the sign-up and log-in forms are protected too.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select

from attune.store import Store
from attune.store.models import LoginAttemptRow, WebSessionRow, utcnow

SESSION_COOKIE = "attune_session"
ANON_CSRF_COOKIE = "attune_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SESSION_TTL = timedelta(days=30)
LOGIN_WINDOW = timedelta(minutes=15)
LOGIN_MAX_FAILURES = 5

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@dataclass(frozen=True)
class WebSession:
    """A signed-in browser: who it is and the CSRF token its forms must carry."""

    person_id: int
    csrf_token: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(store: Store, person_id: int) -> tuple[str, WebSession]:
    """Create a session for ``person_id``; returns the cookie token and the session."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    with store.session() as s:
        s.add(
            WebSessionRow(
                token_hash=_hash(token),
                person_id=person_id,
                csrf_token=csrf,
                expires_at=utcnow() + SESSION_TTL,
            )
        )
    return token, WebSession(person_id, csrf)


def load_session(store: Store, token: str | None) -> WebSession | None:
    """The live session for a cookie token, or None (unknown, expired or account deleted)."""
    if not token or len(token) > 128:
        return None
    now = utcnow()
    with store.session() as s:
        row = s.scalar(select(WebSessionRow).where(WebSessionRow.token_hash == _hash(token)))
        if row is None:
            return None
        if row.expires_at < now:
            s.delete(row)
            return None
        if now - row.last_seen > timedelta(minutes=5):
            row.last_seen = now
        return WebSession(row.person_id, row.csrf_token)


def end_session(store: Store, token: str | None) -> None:
    """Forget a session (log out)."""
    if not token:
        return
    with store.session() as s:
        s.execute(delete(WebSessionRow).where(WebSessionRow.token_hash == _hash(token)))


def end_all_sessions(store: Store, person_id: int) -> None:
    with store.session() as s:
        s.execute(delete(WebSessionRow).where(WebSessionRow.person_id == person_id))


def tokens_match(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison that is False when either side is missing."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


# ------------------------------------------------------------------ login rate limits


def _keys(login: str, client: str) -> tuple[str, str]:
    account = "acct:" + _hash("account:" + login.strip().lower())[:64]
    address = "ip:" + _hash("address:" + client)[:64]
    return account, address


def login_blocked(store: Store, login: str, client: str) -> bool:
    """True when the account or the address has too many recent failures."""
    since = utcnow() - LOGIN_WINDOW
    with store.session() as s:
        for key in _keys(login, client):
            n = s.scalar(
                select(func.count())
                .select_from(LoginAttemptRow)
                .where(LoginAttemptRow.key == key, LoginAttemptRow.at >= since)
            )
            if (n or 0) >= LOGIN_MAX_FAILURES:
                return True
    return False


def record_failure(store: Store, login: str, client: str) -> None:
    now = utcnow()
    with store.session() as s:
        for key in _keys(login, client):
            s.add(LoginAttemptRow(key=key, at=now))
        # Old failures mean nothing any more; keep the table small.
        s.execute(delete(LoginAttemptRow).where(LoginAttemptRow.at < now - LOGIN_WINDOW * 4))


def clear_failures(store: Store, login: str) -> None:
    """A successful sign-in clears the account's failures (not the address's)."""
    account, _ = _keys(login, "")
    with store.session() as s:
        s.execute(delete(LoginAttemptRow).where(LoginAttemptRow.key == account))
