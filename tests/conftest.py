"""Shared fixtures: stores on in-memory SQLite, a real file, and PostgreSQL; paired people."""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from attune.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def shared_data(*parts: str) -> Path:
    """A path in ../shared/data, skipping the test with a reason when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"outside data not found at {path} (clone with ../shared beside the repo)")
    return path


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store.memory()
    yield s
    s.close()


@pytest.fixture
def store_path(tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    db = tmp_path / "attune.db"
    s = Store.open(f"sqlite:///{db}", key_file=tmp_path / "attune.key")
    yield s, db
    s.close()


def _postgres_url() -> str | None:
    return os.environ.get("ATTUNE_TEST_POSTGRES_URL") or None


@pytest.fixture
def pg_store(worker_id: str) -> Iterator[Store]:
    """A real PostgreSQL store in a schema of its own; fails in CI when the server is down."""
    url = _postgres_url()
    if url is None:
        if os.environ.get("CI"):
            pytest.fail(
                "CI must set ATTUNE_TEST_POSTGRES_URL so the storage tests run on PostgreSQL"
            )
        pytest.skip("set ATTUNE_TEST_POSTGRES_URL=postgresql://... to run the PostgreSQL tests")
    from sqlalchemy import create_engine, text

    from attune.store.crypto import Cipher
    from attune.store.database import _normalise_url, migrate

    schema = "attune_t_" + re.sub(r"\W", "", worker_id) + "_" + secrets.token_hex(4)
    admin = create_engine(_normalise_url(url))
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as e:  # noqa: BLE001 - any connection failure means the same thing here
        admin.dispose()
        pytest.fail(f"PostgreSQL at {url} is not reachable: {type(e).__name__}: {e}")
    engine = create_engine(_normalise_url(url), connect_args={"options": f"-csearch_path={schema}"})
    migrate(engine)
    s = Store(engine, Cipher(secrets.token_bytes(32)), url=url)
    yield s
    s.close()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@dataclass
class Pair:
    store: Store
    alex: int
    sam: int
    rel: int


def make_pair(store: Store, kind: str = "partner") -> Pair:
    from datetime import date, timedelta

    from attune.domain import create_person, create_relationship, invite, join

    alex = create_person(store, "alex", "Alex").id
    sam = create_person(store, "sam", "Sam").id
    rel = create_relationship(store, alex, kind, today=date.today() - timedelta(days=60)).id
    join(store, sam, invite(store, alex, rel).code)
    return Pair(store, alex, sam, rel)


@pytest.fixture
def pair(store: Store) -> Pair:
    return make_pair(store)
