"""Opening a database: URL forms, per-connection settings, and migrations run on open.

Accepted locations: ``None`` (``$ALLEGIANCE_DB``, else ``allegiance.sqlite`` in the working
directory), a plain file path, ``sqlite:///path``, ``postgresql://…`` / ``postgres://…`` (mapped to
the psycopg 3 driver, ``postgresql+psycopg://``).

SQLite gets WAL (readers never block the writer), foreign keys, a busy timeout, and explicit
``BEGIN`` statements: Python's sqlite3 module would otherwise open transactions lazily and commit
DDL on its own, which breaks both transactional migrations and the one-transaction save. Writers
use ``BEGIN IMMEDIATE`` so two processes never both read, then both try to upgrade to a write lock
(SQLite answers that with an immediate SQLITE_BUSY that no timeout cures).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL, Engine, make_url

from allegiance.errors import StoreError

DEFAULT_FILE = "allegiance.sqlite"
MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 30_000
# One fixed key for PostgreSQL advisory locks: migrations and writes serialise on it.
PG_LOCK_KEY = 0x41_6C_6C_65  # "Alle"


def resolve_url(location: str | os.PathLike[str] | None) -> URL:
    """The SQLAlchemy URL for a user-given location (see the module docstring)."""
    if location is None:
        location = os.environ.get("ALLEGIANCE_DB") or DEFAULT_FILE
    text = os.fspath(location)
    if text.startswith(("postgresql://", "postgres://")):
        text = "postgresql+psycopg://" + text.split("://", 1)[1]
    elif "://" not in text:
        path = Path(text).expanduser().resolve()
        if not path.parent.is_dir():
            raise StoreError("the folder for the database does not exist", path=path)
        return URL.create("sqlite", database=str(path))
    try:
        url = make_url(text)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"not a database URL: {text!r}") from exc
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {url.get_backend_name()!r}: use SQLite or PostgreSQL"
        )
    return url


def display(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we send BEGIN ourselves (see _sqlite_begin)
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; fsync at checkpoints only
    cursor.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    mode = "IMMEDIATE" if conn.get_execution_options().get("allegiance_write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def create_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def write_lock(conn: sa.Connection) -> None:
    """Serialise writers that create entities (SQLite already holds its write lock)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})


def _alembic_config(conn: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def migrate(engine: Engine) -> str:
    """Bring the database to the newest schema; return the revision it is at.

    A database written by a newer Allegiance (a revision we do not know) is refused rather than
    half-understood.
    """
    with engine.connect().execution_options(allegiance_write=True) as conn, conn.begin():
        write_lock(conn)
        config = _alembic_config(conn)
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return current or ""
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            raise StoreError(
                f"the database schema is at revision {current!r}, newer than this version of "
                f"Allegiance knows (latest {head!r}): upgrade Allegiance to open it"
            )
        command.upgrade(config, "head")
        return head or ""
