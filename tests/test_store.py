"""Decision records: SQLite by default and the local PostgreSQL; hostile text is stored, never lost."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, delete

from service.store import DecisionStore, StoreUnavailable, decisions

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
HOSTILE_URL = "https://example.org/a?q=\x00nul&x=" + "é" * 5000 + "\ud800'; DROP TABLE clearance_decisions; --"


def record(**overrides):
    base = {"decision_id": str(uuid.uuid4()), "policy": "community", "revision": "sha256:0123456789abcdef",
            "article_url": HOSTILE_URL, "action": "republish", "medium": "web\x00print", "decision": "conditional",
            "rules": ["use-granted", "r\x00"], "obligations": [{"duty": "no-edits", "status": "unmet"}],
            "total_ms": 3.5}
    return {**base, **overrides}


def roundtrip(store: DecisionStore) -> None:
    first, second = record(), record(decision="denied", rules=["non-commercial-licence"])
    store.save(first)
    store.save(second)
    got = store.get(first["decision_id"])
    assert got["decision"] == "conditional" and got["policy"] == "community"
    assert got["article_url"].startswith("https://example.org/a?q=\ufffdnul") and len(got["article_url"]) == 4096
    assert got["rules"] == ["use-granted", "r\ufffd"] and got["medium"] == "web\ufffdprint"
    assert got["obligations"] == [{"duty": "no-edits", "status": "unmet"}]
    assert store.get(second["decision_id"])["rules"] == ["non-commercial-licence"]
    with pytest.raises(StoreUnavailable):  # the same id twice: refused, the first row untouched
        store.save(record(decision_id=first["decision_id"], decision="allowed"))
    assert store.get(first["decision_id"])["decision"] == "conditional"
    assert store.get("no-such-id") is None


def test_sqlite_file(tmp_path):
    roundtrip(DecisionStore(f"sqlite:///{tmp_path / 'decisions.db'}"))


def test_postgresql():
    try:
        store = DecisionStore(POSTGRES_URL)
    except Exception as exc:  # noqa: BLE001 - the machine's PostgreSQL is part of the test setup
        pytest.fail(f"PostgreSQL at {POSTGRES_URL} is not reachable: {exc}")
    try:
        roundtrip(store)
    finally:
        with store.engine.begin() as connection:
            connection.execute(delete(decisions).where(decisions.c.article_url.like("https://example.org/a?q=%")))
        store.engine.dispose()


def test_an_unreachable_database_is_a_503_problem(make_app):
    app = make_app()
    store = app.extensions["clearance.store"]
    store.engine = create_engine("postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2")
    response = app.test_client().post("/v1/check", json={
        "article": {"html": "<p>Nothing.</p>", "url": "https://quiet.example/a"}, "use": {"action": "republish"}})
    assert response.status_code == 503 and response.mimetype == "application/problem+json"
    assert response.get_json()["title"] == "Decision store unavailable"
