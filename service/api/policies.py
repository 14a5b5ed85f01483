"""GET /v1/policies, GET /v1/policies/{name}, POST /v1/policies/validate (a dry run of a policy file)."""
from __future__ import annotations

from typing import Any

import yaml
from flask import current_app
from flask_smorest import Blueprint
from werkzeug.routing import BaseConverter

from schemas.policy import PolicyDetailSchema, PolicyListSchema, ValidateRequestSchema, ValidateResponseSchema
from service.api import load_json, problems
from service.policy.cases import CaseError, run_case
from service.policy.load import PolicyFileError, build_policy, parse_policy, revision_of
from service.policy.model import Policy
from service.problems import Problem

blp = Blueprint("policies", __name__, url_prefix="/v1", description="The operator's policies")


class PolicyNotFound(Problem):
    status = 404
    slug = "not-found"
    title = "Not found"


def _policies() -> dict[str, Policy]:
    return current_app.extensions["clearance.policies"]


@blp.route("/policies", methods=["GET"])
@blp.response(200, PolicyListSchema)
def list_policies() -> dict[str, Any]:
    """Every loaded policy with its revision; `default` marks the one used when a request names none."""
    default = current_app.extensions["clearance.default_policy"]
    return {"policies": [{"name": p.name, "description": p.description, "revision": p.revision,
                          "site_kind": p.site.kind, "default": p.name == default}
                         for p in _policies().values()]}


class PolicyNameConverter(BaseConverter):
    """A policy name in a path: any segment but `validate`, so GET /v1/policies/validate is a 405, not a
    lookup of a policy called "validate" (the spec and the Allow header then agree)."""

    regex = r"(?!validate(?:/|$))[^/]+"


def policy_name_schema(_: Any) -> dict[str, Any]:
    """The OpenAPI schema of a policy name path parameter."""
    return {"type": "string", "pattern": r"^(?!validate$)[^/]+$"}


@blp.route("/policies/<policy_name:name>", methods=["GET"])
@blp.response(200, PolicyDetailSchema)
@problems(blp, 404, 422)
def get_policy(name: str) -> dict[str, Any]:
    """One policy: the file as written, its revision, and every rule evaluated (generated ones included)."""
    policy = _policies().get(name)
    if policy is None:
        raise PolicyNotFound(f"no policy named {name[:64]!r}; known: {sorted(_policies())}")
    return {"name": policy.name, "revision": policy.revision, "content": policy.content,
            "document": policy.document,
            "rules": [{"id": r.id, "effect": r.effect, "message": r.message, "origin": r.origin}
                      for r in policy.rules]}


@blp.route("/policies/validate", methods=["POST"])
@blp.doc(requestBody={"required": True, "content": {"application/json": {"schema": ValidateRequestSchema}}})
@blp.response(200, ValidateResponseSchema)
@problems(blp, 400, 413, 415, 422)
def validate_policy() -> dict[str, Any]:
    """Dry-run a policy document: every error, and the decision of each test case (with pass/fail)."""
    body = load_json(ValidateRequestSchema())
    try:
        if "yaml" in body:
            policy = parse_policy(body["yaml"], "request")
        else:
            text = yaml.safe_dump(body["document"], sort_keys=False, allow_unicode=True)
            policy = build_policy(body["document"], "request", revision_of(text.encode("utf-8")), text)
    except PolicyFileError as exc:
        return {"valid": False, "errors": exc.errors, "revision": None, "cases": []}
    results = []
    for case in body["cases"]:
        try:
            decision = run_case(policy, case["input"])
        except CaseError as exc:
            results.append({"name": case["name"], "decision": None, "rules": [], "passed": False,
                            "errors": [{"field": "input", "message": str(exc)}]})
            continue
        expected = case.get("expected") or None
        passed = None
        if expected:
            passed = (decision.decision == expected.get("decision")
                      and ("rules" not in expected or sorted(decision.rule_ids) == sorted(expected["rules"])))
        results.append({"name": case["name"], "decision": decision.decision, "rules": decision.rule_ids,
                        "passed": passed, "errors": []})
    return {"valid": True, "errors": [], "revision": policy.revision, "cases": results}
