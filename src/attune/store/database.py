"""The ``Store``: one database (SQLite by default, PostgreSQL by URL) plus its cipher.

>>> from attune.store import Store
>>> store = Store.memory()
>>> with store.session() as s:
...     pass
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from attune.config import Settings, get_settings
from attune.errors import StoreError
from attune.store.crypto import Cipher, load_or_create_master_key
from attune.store.models import PersonRow

MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _normalise_url(url: str) -> str:
    # Accept the common postgresql:// form and use the psycopg 3 driver for it.
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str) -> Engine:
    """Create an engine with the settings each backend needs."""
    url = _normalise_url(url)
    if url.startswith("sqlite"):
        if url in ("sqlite://", "sqlite:///:memory:"):
            engine = create_engine(
                "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
            )
        else:
            path = url.split("///", 1)[1] if "///" in url else ""
            if path:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Store:
    """A database and the cipher for its private fields."""

    def __init__(self, engine: Engine, cipher: Cipher, *, url: str = ""):
        self.engine = engine
        self.cipher = cipher
        self.url = url
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        key_file: Path | None = None,
        settings: Settings | None = None,
        run_migrations: bool = True,
    ) -> Store:
        """Open (and migrate) the database named by ``url`` or the settings."""
        settings = settings or get_settings()
        url = url or settings.database_url
        key = load_or_create_master_key(key_file or settings.key_file)
        try:
            engine = make_engine(url)
            if run_migrations:
                migrate(engine)
        except OperationalError as e:
            raise StoreError(
                f"Can't open the database at {_redact(url)}: {e.orig}. "
                "Check ATTUNE_DATABASE_URL and that the server is running."
            ) from None
        return cls(engine, Cipher(key), url=url)

    @classmethod
    def memory(cls) -> Store:
        """A throw-away in-memory SQLite store with a random key (tests, demos)."""
        engine = make_engine("sqlite://")
        migrate(engine)
        return cls(engine, Cipher(secrets.token_bytes(32)), url="sqlite://")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as e:
            session.rollback()
            raise StoreError(f"The database refused a change ({type(e).__name__}).") from e
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def seal(self, person: PersonRow, purpose: str, value: str | None) -> bytes | None:
        if value is None:
            return None
        return self.cipher.encrypt(person.id, person.wrapped_key, purpose, value)

    def unseal(self, person: PersonRow, purpose: str, blob: bytes | None) -> str | None:
        if blob is None:
            return None
        return self.cipher.decrypt(person.id, person.wrapped_key, purpose, blob)

    def tables(self) -> list[str]:
        return sorted(inspect(self.engine).get_table_names())

    def integrity_check(self) -> str:
        """Run the backend's integrity check; 'ok' when all is well."""
        if self.engine.dialect.name != "sqlite":
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return "ok"
        with self.engine.connect() as conn:
            return str(conn.execute(text("PRAGMA integrity_check")).scalar())

    def close(self) -> None:
        self.engine.dispose()


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}" if ":" in creds else f"{scheme}://{user}@{host}"
    return url
