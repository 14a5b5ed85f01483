"""Decision records: one row per decision, so a decision id from a response can be looked up later.

SQLAlchemy Core over CLEARANCE_DATABASE_URL (SQLite by default, PostgreSQL in production). Every value
is written as a bound parameter; text is cleaned of what a database refuses (NUL characters, lone
surrogates) and capped, so no input can break a write or corrupt a stored row.
"""
from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from service.problems import Problem

MAX_TEXT = 4096
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")

metadata = MetaData()
decisions = Table(
    "clearance_decisions", metadata,
    Column("decision_id", String(40), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("policy", String(64), nullable=False),
    Column("revision", String(40), nullable=False),
    Column("article_url", Text),
    Column("action", String(32), nullable=False),
    Column("medium", String(64), nullable=False),
    Column("decision", String(32), nullable=False),
    Column("rules", JSON, nullable=False),
    Column("obligations", JSON, nullable=False),
    Column("total_ms", Float, nullable=False),
)


class StoreUnavailable(Problem):
    status = 503
    slug = "store-unavailable"
    title = "Decision store unavailable"


def clean(value: Any) -> Any:
    """Text a database will store as given: NULs and lone surrogates replaced, length capped."""
    if isinstance(value, str):
        return _UNSTORABLE.sub("\ufffd", value)[:MAX_TEXT]
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(str(k)): clean(v) for k, v in value.items()}
    return value


class DecisionStore:
    """Writes and reads decision records; the table is created on first use."""

    def __init__(self, url: str):
        options: dict[str, Any] = {}
        if url in ("sqlite://", "sqlite:///:memory:"):
            options = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        self.engine: Engine = create_engine(url, **options)
        try:
            metadata.create_all(self.engine)
        except SQLAlchemyError:  # another worker created the table between the check and the create
            metadata.create_all(self.engine)

    def save(self, record: dict[str, Any]) -> None:
        """Store one decision record in its own transaction; failure is a 503, never a half-written row."""
        row = {key: clean(value) for key, value in record.items()}
        row["created_at"] = row.get("created_at") or datetime.now(UTC)
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(decisions).values(**row))
        except SQLAlchemyError as exc:
            raise StoreUnavailable(f"the decision could not be recorded: {type(exc).__name__}") from exc

    def get(self, decision_id: str) -> dict[str, Any] | None:
        """One stored record by its decision id, or None."""
        try:
            with self.engine.connect() as connection:
                row = connection.execute(select(decisions).where(decisions.c.decision_id == decision_id)).first()
        except SQLAlchemyError as exc:
            raise StoreUnavailable(f"the decision store could not be read: {type(exc).__name__}") from exc
        if row is None:
            return None
        out = dict(row._mapping)
        out["created_at"] = out["created_at"].isoformat()
        for key in ("rules", "obligations"):
            if isinstance(out[key], str):
                out[key] = json.loads(out[key])
        return out
