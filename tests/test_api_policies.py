"""GET /v1/policies, GET /v1/policies/{name}, POST /v1/policies/validate."""
from __future__ import annotations

import json

import yaml

from service.policy.load import SHIPPED_DIR

COMMUNITY = (SHIPPED_DIR / "community.yaml").read_text(encoding="utf-8")


def test_list_policies(client):
    body = client.get("/v1/policies").get_json()
    by_name = {p["name"]: p for p in body["policies"]}
    assert set(by_name) == {"community", "commercial"}
    assert by_name["community"]["default"] is True and by_name["commercial"]["default"] is False
    assert by_name["commercial"]["site_kind"] == "commercial"
    assert all(p["revision"].startswith("sha256:") for p in body["policies"])


def test_get_policy_returns_content_revision_and_every_rule(client):
    body = client.get("/v1/policies/community").get_json()
    assert body["content"] == COMMUNITY
    assert body["document"]["site"]["kind"] == "community"
    ids = [r["id"] for r in body["rules"]]
    assert "use-granted" in ids and "no-terms-found" in ids and ids[-1] == "no-rule-matched"


def test_unknown_policy_is_a_404_problem(client):
    response = client.get("/v1/policies/nope")
    assert response.status_code == 404 and response.mimetype == "application/problem+json"


def test_validate_returns_every_error(client):
    bad = COMMUNITY.replace("kind: community ", "kind: hobby ").replace("effect: forbid", "effect: deny", 1)
    body = client.post("/v1/policies/validate", json={"yaml": bad}).get_json()
    assert body["valid"] is False and body["revision"] is None
    fields = {e["field"] for e in body["errors"]}
    assert {"site.kind", "rules.0.effect"} <= fields


def test_validate_a_json_document_with_a_case(client):
    document = json.loads(json.dumps(yaml.safe_load(COMMUNITY), default=str))  # dates as ISO text, as JSON has them
    document["on_no_terms"] = "allow"
    case = {"name": "no terms", "input": {"use": {"action": "republish"}, "terms": {"license": {"kind": "none-found"}},
                                          "article_url": "https://quiet.example/a"},
            "expected": {"decision": "conditional", "rules": ["no-terms-found"]}}
    body = client.post("/v1/policies/validate", json={"document": document, "cases": [case]}).get_json()
    assert body["valid"] is True
    assert body["cases"][0]["passed"] is True, body["cases"]


def test_validate_reports_an_unreadable_case_without_failing(client):
    case = {"name": "bad", "input": {"use": {"action": "fly"}}}
    body = client.post("/v1/policies/validate", json={"yaml": COMMUNITY, "cases": [case]}).get_json()
    assert body["cases"][0]["passed"] is False and body["cases"][0]["errors"][0]["message"].startswith("use.action")


def test_validate_needs_exactly_one_document(client):
    assert client.post("/v1/policies/validate", json={}).status_code == 422
    both = client.post("/v1/policies/validate", json={"yaml": COMMUNITY, "document": {}})
    assert both.status_code == 422 and both.mimetype == "application/problem+json"
