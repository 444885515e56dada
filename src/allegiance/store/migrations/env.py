"""Alembic environment, run only programmatically by :func:`allegiance.store.engine.migrate`.

There is no alembic.ini: the caller passes an open connection in ``config.attributes``, so the
migration runs inside the caller's transaction (and lock). Offline (SQL script) mode is not
supported.
"""

from __future__ import annotations

from alembic import context

from allegiance.store.schema import include_name, metadata


def run() -> None:
    if context.is_offline_mode():
        raise RuntimeError("allegiance migrations run online only (open_store)")
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run()
