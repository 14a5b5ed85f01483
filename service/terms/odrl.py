"""Terms -> a W3C ODRL 2.2 policy (JSON-LD `Offer`), so rights systems can read what the page allows.

Actions, constraints and duties use the ODRL Common Vocabulary where it has a term (distribute,
modify, translate, sell, print, attribute, inform, acceptTracking; purpose, media, dateTime,
recipient) and this service's own profile terms (prefix `clearance:`) where it has none (cross-post,
excerpt, link-to-original...). Creative Commons share-alike is `cc:ShareAlike` from the ccREL
vocabulary. Duties bind every permission: ODRL attaches duties to the rule they condition.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from service.terms.model import Constraint, Duty, Rule, Terms

PROFILE = "https://clearance.example/ns/terms"
CONTEXT: list[Any] = ["http://www.w3.org/ns/odrl.jsonld",
                      {"clearance": PROFILE + "#", "cc": "http://creativecommons.org/ns#"}]
ACTIONS = {"republish": "distribute", "modify": "modify", "translate": "translate", "sell": "sell",
           "print": "print", "cross-post": "clearance:cross-post", "excerpt": "clearance:excerpt",
           "broadcast": "clearance:broadcast", "tdm": "clearance:tdm"}
DUTY_ACTIONS = {"credit-author": "attribute", "credit-author-institution": "attribute",
                "credit-source": "attribute", "copyright-notice": "attribute", "license-notice": "attribute",
                "exact-credit-line": "attribute", "originally-published-line": "attribute",
                "include-tracking-pixel": "acceptTracking", "notify-publisher": "inform",
                "share-alike": "cc:ShareAlike"}
LEFT_OPERANDS = {"venue": "purpose", "medium": "media", "date_from": "dateTime", "date_to": "dateTime",
                 "audience": "recipient", "max_words": "clearance:maxWords"}


def to_odrl(terms: Terms, target: str | None = None, assigner: str | None = None) -> dict[str, Any]:
    """The terms as an ODRL Offer: permissions with their duties, prohibitions, constraints."""
    duties = [_duty(d) for d in terms.duties]
    if terms.share_alike and not any(d.type == "share-alike" for d in terms.duties):
        duties.append({"action": "cc:ShareAlike"})
    policy: dict[str, Any] = {"@context": CONTEXT, "@type": "Offer", "uid": _uid(terms, target),
                              "profile": PROFILE}
    if terms.license.url:
        policy["clearance:license"] = terms.license.url
    permissions = [_rule(rule, target, assigner) | ({"duty": duties} if duties else {})
                   for rule in terms.permissions]
    prohibitions = [_rule(rule, target, assigner) for rule in terms.prohibitions]
    if permissions:
        policy["permission"] = permissions
    if prohibitions:
        policy["prohibition"] = prohibitions
    return policy


def _uid(terms: Terms, target: str | None) -> str:
    digest = hashlib.sha256(json.dumps([target, terms.license.kind, terms.license.id,
                                        [r.action for r in terms.permissions],
                                        [r.action for r in terms.prohibitions],
                                        [d.type for d in terms.duties]]).encode()).hexdigest()[:16]
    return f"urn:clearance:terms:{digest}"


def _rule(rule: Rule, target: str | None, assigner: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"action": ACTIONS.get(rule.action, f"clearance:{rule.action}")}
    if target:
        out["target"] = target
    if assigner:
        out["assigner"] = assigner
    if rule.constraints:
        out["constraint"] = [_constraint(c) for c in rule.constraints]
    if rule.needs_permission:
        out["clearance:unlessPermitted"] = True  # prohibited unless the assigner agrees (see contact)
    return out


def _constraint(constraint: Constraint) -> dict[str, Any]:
    operator = constraint.operator
    if constraint.name == "date_from" and operator == "eq":
        operator = "gteq"
    if constraint.name == "date_to" and operator == "eq":
        operator = "lteq"
    value = constraint.value
    right = list(value) if isinstance(value, (list, tuple, set, frozenset)) else value
    return {"leftOperand": LEFT_OPERANDS.get(constraint.name, f"clearance:{constraint.name}"),
            "operator": operator, "rightOperand": _jsonable(right)}


def _duty(duty: Duty) -> dict[str, Any]:
    out: dict[str, Any] = {"action": DUTY_ACTIONS.get(duty.type, f"clearance:{duty.type}")}
    if out["action"] != f"clearance:{duty.type}":
        out["clearance:duty"] = duty.type
    if duty.params:
        out["clearance:params"] = _jsonable(duty.params)
    return out


def _jsonable(value: Any) -> Any:
    """Plain JSON values only: anything else becomes its string form."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    return str(value)
