"""Alembic environment: runs on the connection the Store hands over."""

from alembic import context

from attune.store.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")

if connection is None:
    from attune.config import get_settings
    from attune.store.database import make_engine

    engine = make_engine(get_settings().database_url)
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
