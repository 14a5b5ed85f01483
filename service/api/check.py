"""POST /v1/check: may this site use this article this way, and is the draft compliant?

article -> (fetch or given HTML) -> one parse -> metadata -> terms -> policy decision -> draft checks
-> credit block; the decision is recorded and logged as one JSON line (never the page bodies).
"""
from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from flask import current_app
from flask_smorest import Blueprint

from schemas.check import CheckRequestSchema, CheckResponseSchema, DecisionRecordSchema
from service import auth
from service.api import load_json, problems
from service.api.extract import terms_document
from service.article import from_html, from_url
from service.extract import extract_metadata
from service.page import Page
from service.policy import decide
from service.policy.model import Policy
from service.policy.origin import Original
from service.problems import Problem, ValidationProblem
from service.terms import extract_terms

blp = Blueprint("check", __name__, url_prefix="/v1", description="Policy checks of a planned republication")
decision_log = logging.getLogger("clearance.decision")


class DecisionNotFound(Problem):
    status = 404
    slug = "not-found"
    title = "Not found"


def policy_named(name: str | None) -> Policy:
    """The named policy, or the default one; a 422 naming the known policies otherwise."""
    policies: dict[str, Policy] = current_app.extensions["clearance.policies"]
    chosen = name or current_app.extensions["clearance.default_policy"]
    if chosen not in policies:
        raise ValidationProblem(f"no policy named {chosen!r}",
                                errors={"policy": [f"unknown policy; known: {sorted(policies)}"]})
    return policies[chosen]


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)


@blp.route("/check", methods=["POST"])
@blp.doc(requestBody={"required": True, "content": {"application/json": {"schema": CheckRequestSchema}}})
@blp.response(200, CheckResponseSchema)
@problems(blp, 400, 413, 415, 422, 502, 503, 504)
def check() -> dict[str, Any]:
    """Decide on a planned use of an article under a policy; verify the draft when one is given."""
    started = time.perf_counter()
    body = load_json(CheckRequestSchema())
    policy = policy_named(auth.policy_for(body.get("policy")))  # a tenant's key may use only its own
    timings: dict[str, float] = {}
    step = time.perf_counter()
    given = body["article"]
    article = (from_html(given["html"], given.get("url")) if given.get("html")
               else from_url(given["url"], current_app.config))
    timings["read_ms"] = _ms(step)
    step = time.perf_counter()
    extraction = extract_metadata(article.page, current_app.config)
    warnings = list(article.warnings) + list(extraction.warnings)
    terms = extract_terms(article.page, extraction.metadata)
    timings["extract_ms"] = _ms(step)
    step = time.perf_counter()
    draft = Page(body["draft"]["html"], body["draft"].get("url")) if body.get("draft") else None
    original = Original(given.get("url") or extraction.url, extraction.metadata, terms, article.page)
    result = decide(policy, original, body["use"], draft)
    timings["decide_ms"] = _ms(step)
    decision_id = str(uuid.uuid4())
    record = {"decision_id": decision_id, "policy": policy.name, "revision": policy.revision,
              "article_url": original.url, "action": body["use"]["action"], "medium": body["use"]["medium"],
              "decision": result.decision, "rules": result.rule_ids,
              "obligations": [{"duty": o.duty, "status": o.status} for o in result.obligations],
              "total_ms": _ms(started)}
    current_app.extensions["clearance.store"].save(record)
    timings["total_ms"] = _ms(started)
    decision_log.info(json.dumps({"event": "decision", **{k: v for k, v in record.items() if k != "obligations"},
                                  "timings_ms": timings}, ensure_ascii=False))
    return {"decision": result.decision, "reasons": result.reasons, "obligations": result.obligations,
            "contact": result.contact, "attribution": result.attribution,
            "policy": {"name": policy.name, "revision": policy.revision}, "decision_id": decision_id,
            "url": original.url, "metadata": extraction.metadata, "terms": terms_document(terms, original.url, original.copyright_holder or original.site_name),
            "grant": result.grant, "timings_ms": timings, "warnings": warnings}


@blp.route("/decisions/<decision_id>", methods=["GET"])
@blp.response(200, DecisionRecordSchema)
@problems(blp, 404, 503)
def decision_record(decision_id: str) -> dict[str, Any]:
    """A recorded decision: policy and revision, article, use, decision, rule ids, obligations' status."""
    record = current_app.extensions["clearance.store"].get(decision_id[:40])
    if record is None:
        raise DecisionNotFound(f"no decision {decision_id[:40]!r} is recorded")
    return record
