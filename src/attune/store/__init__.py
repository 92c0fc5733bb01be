"""Storage: SQLAlchemy models, Alembic migrations and encryption at rest."""

from attune.store.database import Store, make_engine, migrate

__all__ = ["Store", "make_engine", "migrate"]
