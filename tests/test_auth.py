"""API keys and scopes, with auth switched on: 401 and 403 problems, hashed keys, the scope table."""
from __future__ import annotations

import hashlib
import json
import logging

import pytest
from flask import Flask, jsonify

from service import auth

EXTRACT_KEY = "extract-key-0123456789abcdef"
CHECK_KEY = "tenant-key-0123456789abcdef"
ADMIN_KEY = "admin-key-0123456789abcdef"
PAGE = "<html><head><title>Ferry timetable changes</title></head><body><p>Boats.</p></body></html>"


def sha(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


KEYS = json.dumps([
    {"name": "cms-extract", "sha256": sha(EXTRACT_KEY), "scopes": ["extract"]},
    {"name": "tenant-a", "key": CHECK_KEY, "scopes": ["check", "extract"], "policy": "community"},
    {"name": "ops", "sha256": sha(ADMIN_KEY).upper(), "scopes": ["admin"]},
])


@pytest.fixture()
def secured(make_app):
    return make_app(AUTH_DISABLED=False, API_KEYS=KEYS)


CHECK_BODY = {"article": {"html": PAGE, "url": "https://ferries.example/timetable"},
              "use": {"action": "republish", "medium": "web"}}


def add_probe_routes(app: Flask) -> None:
    """A route no row of the scope table names: it must need admin."""

    @app.get("/v1/unlisted")
    def unlisted_probe():
        return jsonify(ok=True)


def test_no_key_is_a_401_problem_with_a_challenge(secured):
    response = secured.test_client().post("/v1/extract", json={"html": PAGE})
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.get_json()["type"].endswith("/unauthorized")


def test_unknown_key_is_401(secured):
    response = secured.test_client().post("/v1/extract", json={"html": PAGE},
                                          headers={"Authorization": "Bearer not-a-key-at-all-0000"})
    assert response.status_code == 401


@pytest.mark.parametrize("headers", [{"Authorization": f"Bearer {EXTRACT_KEY}"},
                                     {"Authorization": f"bearer {EXTRACT_KEY}"},
                                     {"X-API-Key": EXTRACT_KEY}])
def test_a_valid_key_in_either_header_is_accepted(secured, headers):
    response = secured.test_client().post("/v1/extract", json={"html": PAGE}, headers=headers)
    assert response.status_code == 200
    assert response.get_json()["metadata"]["title"] == "Ferry timetable changes"


def test_plain_keys_are_hashed_at_load_and_never_kept(secured):
    keys = secured.extensions["clearance.keys"]
    tenant = next(k for k in keys if k.name == "tenant-a")
    assert tenant.digest == hashlib.sha256(CHECK_KEY.encode()).digest()
    assert CHECK_KEY not in repr(keys)
    response = secured.test_client().post("/v1/extract", json={"html": PAGE}, headers={"X-API-Key": CHECK_KEY})
    assert response.status_code == 200


def test_wrong_scope_is_a_403_problem(secured):
    response = secured.test_client().post("/v1/extract", json={"html": PAGE}, headers={"X-API-Key": ADMIN_KEY})
    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert "extract" in response.get_json()["detail"]


def test_auth_comes_before_body_validation(secured):
    response = secured.test_client().post("/v1/extract", data="{broken", content_type="application/json")
    assert response.status_code == 401


def test_open_endpoints_need_no_key(secured):
    client = secured.test_client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/openapi.yaml").status_code == 200


def test_unknown_routes_stay_404_and_405(secured):
    client = secured.test_client()
    assert client.get("/nowhere").status_code == 404
    assert client.get("/v1/extract").status_code == 405


def test_new_routes_are_covered_by_the_table_and_unlisted_ones_need_admin(secured):
    add_probe_routes(secured)
    client = secured.test_client()
    assert client.post("/v1/check", json={}).status_code == 401
    assert client.post("/v1/check", json={}, headers={"X-API-Key": EXTRACT_KEY}).status_code == 403
    assert client.post("/v1/check", json=CHECK_BODY, headers={"X-API-Key": CHECK_KEY}).status_code == 200
    assert client.post("/v1/policies/validate", json={}, headers={"X-API-Key": CHECK_KEY}).status_code == 403
    # past auth, the admin's empty document is judged by the endpoint itself (a 422 lists its errors)
    assert client.post("/v1/policies/validate", json={}, headers={"X-API-Key": ADMIN_KEY}).status_code in {200, 422}
    assert client.get("/v1/unlisted", headers={"X-API-Key": CHECK_KEY}).status_code == 403
    assert client.get("/v1/unlisted", headers={"X-API-Key": ADMIN_KEY}).status_code == 200


def test_a_bound_key_gets_its_own_policy_and_no_other(secured):
    add_probe_routes(secured)
    client = secured.test_client()
    own = client.post("/v1/check", json=CHECK_BODY, headers={"X-API-Key": CHECK_KEY})
    assert own.get_json()["policy"]["name"] == "community"
    named_own = client.post("/v1/check", json={**CHECK_BODY, "policy": "community"}, headers={"X-API-Key": CHECK_KEY})
    assert named_own.status_code == 200
    other = client.post("/v1/check", json={**CHECK_BODY, "policy": "commercial"}, headers={"X-API-Key": CHECK_KEY})
    assert other.status_code == 403
    assert "community" in other.get_json()["detail"]


def test_an_unbound_key_uses_what_it_names(make_app):
    app = make_app(AUTH_DISABLED=False, API_KEYS=json.dumps(
        [{"name": "operator", "key": ADMIN_KEY, "scopes": ["check"]}]))
    client = app.test_client()
    for name in ("community", "commercial"):
        response = client.post("/v1/check", json={**CHECK_BODY, "policy": name}, headers={"X-API-Key": ADMIN_KEY})
        assert response.get_json()["policy"]["name"] == name


def test_auth_on_without_keys_refuses_everything_and_says_so(make_app, caplog):
    with caplog.at_level(logging.WARNING, logger="clearance.auth"):
        app = make_app(AUTH_DISABLED=False, API_KEYS="")
    assert "no API keys" in caplog.text
    client = app.test_client()
    assert client.post("/v1/extract", json={"html": PAGE}, headers={"X-API-Key": EXTRACT_KEY}).status_code == 401
    assert client.get("/healthz").status_code == 200


def test_disabled_auth_is_announced(make_app, caplog):
    with caplog.at_level(logging.WARNING, logger="clearance.auth"):
        app = make_app(AUTH_DISABLED=True)
    assert "DISABLED" in caplog.text
    assert app.test_client().post("/v1/extract", json={"html": PAGE}).status_code == 200


def test_keys_file_yaml(make_app, tmp_path):
    path = tmp_path / "keys.yaml"
    path.write_text(f"- name: newsletter\n  sha256: {sha(EXTRACT_KEY)}\n  scopes: [extract]\n", encoding="utf-8")
    app = make_app(AUTH_DISABLED=False, API_KEYS_FILE=str(path))
    response = app.test_client().post("/v1/extract", json={"html": PAGE}, headers={"X-API-Key": EXTRACT_KEY})
    assert response.status_code == 200


@pytest.mark.parametrize("document, complaint", [
    ('[{"name": "x", "scopes": ["extract"]}]', "sha256"),
    (f'[{{"name": "x", "sha256": "{sha("a")}", "key": "{EXTRACT_KEY}", "scopes": ["extract"]}}]', "sha256"),
    (f'[{{"name": "x", "sha256": "{sha("a")}", "scopes": ["superuser"]}}]', "scopes"),
    ('[{"name": "x", "sha256": "abc", "scopes": ["check"]}]', "sha256"),
    ('{"name": "x"}', "keys"),
    ('[{"name": ', "YAML"),
    ((f'[{{"name": "x", "sha256": "{sha("a")}", "scopes": ["check"]}},'
     f' {{"name": "x", "sha256": "{sha("b")}", "scopes": ["check"]}}]'), "unique"),
])
def test_bad_key_configuration_refuses_to_start(make_app, document, complaint):
    with pytest.raises(ValueError, match=complaint):
        make_app(AUTH_DISABLED=False, API_KEYS=document)


def test_every_key_is_compared(monkeypatch):
    """No early exit on a match: the time taken does not say which key (or how many) matched."""
    keys = auth.parse_keys(KEYS, "test")
    calls = []
    real = auth.hmac.compare_digest
    monkeypatch.setattr(auth.hmac, "compare_digest", lambda a, b: calls.append(1) or real(a, b))
    assert auth.find_key(keys, EXTRACT_KEY).name == "cms-extract"
    assert len(calls) == len(keys)


def test_the_spec_documents_the_security_schemes(app):
    spec = app.extensions["clearance.api"].spec.to_dict()
    assert set(spec["components"]["securitySchemes"]) == {"bearerKey", "apiKeyHeader"}
    extract = spec["paths"]["/v1/extract"]["post"]
    assert {"401", "403", "429"} <= set(extract["responses"])
    assert spec["paths"]["/healthz"]["get"]["security"] == []
