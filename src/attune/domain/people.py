"""People: profiles, passwords (argon2id) and look-ups."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from attune.domain.access import person_row
from attune.errors import ConflictError, NotFound, ValidationError
from attune.store import Store
from attune.store.models import PersonRow

HANDLE_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@dataclass(frozen=True)
class Person:
    id: int
    handle: str
    display_name: str
    email: str | None
    country: str
    created_at: datetime


def _view(row: PersonRow) -> Person:
    return Person(row.id, row.handle, row.display_name, row.email, row.country, row.created_at)


def create_person(
    store: Store,
    handle: str,
    display_name: str,
    *,
    email: str | None = None,
    password: str | None = None,
    country: str = "US",
) -> Person:
    """Create a person with their own data key.

    >>> store = Store.memory()
    >>> create_person(store, "sam", "Sam").handle
    'sam'
    """
    handle = handle.strip().lower()
    if not HANDLE_RE.match(handle):
        raise ValidationError(
            f"handle '{handle}' is not usable: use 1-64 lowercase letters, digits, '.', '_' or '-'."
        )
    if not display_name.strip():
        raise ValidationError("display_name is empty: give a name your partner will recognise.")
    if password is not None and len(password) < 8:
        raise ValidationError("password is too short: use at least 8 characters.")
    country = country.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise ValidationError(f"country '{country}' is not a two-letter code such as US or DE.")
    email = email.strip().lower() if email else None
    with store.session() as s:
        taken = s.scalar(select(func.count()).where(PersonRow.handle == handle))
        if taken:
            raise ConflictError(f"The handle '{handle}' is taken. Choose another one.")
        if email and s.scalar(select(func.count()).where(PersonRow.email == email)):
            raise ConflictError("An account with that email already exists. Log in instead.")
        row = PersonRow(
            handle=handle,
            display_name=display_name.strip()[:80],
            email=email,
            password_hash=_hasher.hash(password) if password else None,
            country=country,
            wrapped_key=b"",
            feed_token=secrets.token_urlsafe(24),
        )
        s.add(row)
        s.flush()
        row.wrapped_key = store.cipher.wrap(row.id, store.cipher.new_data_key())
        return _view(row)


def get_person(store: Store, person_id: int) -> Person:
    with store.session() as s:
        return _view(person_row(s, person_id))


def find_person(store: Store, handle: str) -> Person:
    """Look a person up by handle, raising ``NotFound`` with the next step."""
    with store.session() as s:
        row = s.scalar(select(PersonRow).where(PersonRow.handle == handle.strip().lower()))
        if row is None:
            raise NotFound(
                f"No profile '{handle}' on this machine. "
                f"Run 'attune --profile {handle} init' first."
            )
        return _view(row)


def authenticate(store: Store, login: str, password: str) -> Person | None:
    """Return the person for this handle or email and password, or None."""
    key = login.strip().lower()
    with store.session() as s:
        row = s.scalar(
            select(PersonRow).where((PersonRow.handle == key) | (PersonRow.email == key))
        )
        if row is None or row.password_hash is None:
            # Spend the same time as a real check so accounts cannot be probed by timing.
            _hasher.hash(password)
            return None
        try:
            _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
        return _view(row)


def set_country(store: Store, actor: int, country: str) -> Person:
    country = country.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise ValidationError(f"country '{country}' is not a two-letter code such as US or DE.")
    with store.session() as s:
        row = person_row(s, actor)
        row.country = country
        return _view(row)


def feed_token(store: Store, actor: int) -> str:
    """The secret token of the person's calendar feed."""
    with store.session() as s:
        return person_row(s, actor).feed_token


def rotate_feed_token(store: Store, actor: int) -> str:
    with store.session() as s:
        row = person_row(s, actor)
        row.feed_token = secrets.token_urlsafe(24)
        return row.feed_token


def person_for_feed(store: Store, token: str) -> Person:
    with store.session() as s:
        row = s.scalar(select(PersonRow).where(PersonRow.feed_token == token))
        if row is None or not secrets.compare_digest(row.feed_token, token):
            raise NotFound("No calendar feed at this address. Copy the link again from settings.")
        return _view(row)
