"""Rate limits per API key: in memory, and in the Redis this machine runs (redis://127.0.0.1:6379)."""
from __future__ import annotations

import json
import uuid

import pytest

KEY_A = "limits-key-a-0123456789abcdef"
KEY_B = "limits-key-b-0123456789abcdef"
KEYS = json.dumps([{"name": "a", "key": KEY_A, "scopes": ["extract"]},
                   {"name": "b", "key": KEY_B, "scopes": ["extract"]}])
REDIS_URL = "redis://127.0.0.1:6379/0"
PAGE = {"html": "<html><head><title>Tide tables</title></head><body></body></html>"}


def extract(client, key):
    return client.post("/v1/extract", json=PAGE, headers={"X-API-Key": key})


def assert_limited_per_key(app):
    client = app.test_client()
    assert [extract(client, KEY_A).status_code for _ in range(3)] == [200, 200, 200]
    over = extract(client, KEY_A)
    assert over.status_code == 429
    assert over.mimetype == "application/problem+json"
    assert 1 <= int(over.headers["Retry-After"]) <= 61  # a one-minute window, rounded up
    assert over.get_json()["status"] == 429
    assert extract(client, KEY_B).status_code == 200, "each key has its own budget"
    assert client.get("/healthz").status_code == 200, "open endpoints are not limited"


def test_in_memory_limit_per_key(make_app):
    assert_limited_per_key(make_app(AUTH_DISABLED=False, API_KEYS=KEYS, RATE_LIMIT="3/minute"))


def test_only_successful_auth_spends_a_key_budget(make_app):
    app = make_app(AUTH_DISABLED=False, API_KEYS=KEYS, RATE_LIMIT="3/minute")
    client = app.test_client()
    for _ in range(5):
        assert client.post("/v1/extract", json=PAGE).status_code == 401
    assert extract(client, KEY_A).status_code == 200


def test_without_auth_the_budget_is_per_address(make_app):
    app = make_app(AUTH_DISABLED=True, RATE_LIMIT="2/minute")
    client = app.test_client()
    codes = [client.post("/v1/extract", json=PAGE).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    other = client.post("/v1/extract", json=PAGE, environ_base={"REMOTE_ADDR": "127.0.0.9"})
    assert other.status_code == 200


def test_empty_rate_limit_means_no_limit(make_app):
    app = make_app(AUTH_DISABLED=False, API_KEYS=KEYS, RATE_LIMIT="")
    client = app.test_client()
    assert all(extract(client, KEY_A).status_code == 200 for _ in range(10))


@pytest.fixture()
def redis_prefix():
    """A prefix of our own per test run, and every key under it deleted afterwards."""
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = f"clearance-test-{uuid.uuid4().hex}"
    yield prefix, connection
    for key in connection.scan_iter(match=f"*{prefix}*"):
        connection.delete(key)
    connection.close()


def test_redis_limit_is_shared_by_every_worker(make_app, redis_prefix):
    prefix, connection = redis_prefix
    config = {"AUTH_DISABLED": False, "API_KEYS": KEYS, "RATE_LIMIT": "3/minute", "REDIS_URL": REDIS_URL,
                  "RATE_LIMIT_PREFIX": prefix}
    first, second = make_app(**config), make_app(**config)  # two workers, one Redis
    assert extract(first.test_client(), KEY_A).status_code == 200
    assert extract(second.test_client(), KEY_A).status_code == 200
    assert any(prefix in key.decode() for key in connection.scan_iter(match=f"*{prefix}*"))
    assert extract(first.test_client(), KEY_A).status_code == 200
    assert extract(second.test_client(), KEY_A).status_code == 429
    assert extract(second.test_client(), KEY_B).status_code == 200


def test_redis_outage_serves_requests(make_app):
    """A limiter whose Redis is unreachable logs and serves rather than failing every request."""
    app = make_app(AUTH_DISABLED=False, API_KEYS=KEYS, RATE_LIMIT="3/minute",
                   REDIS_URL="redis://127.0.0.1:1/0", RATE_LIMIT_PREFIX="unreachable")
    assert extract(app.test_client(), KEY_A).status_code == 200
