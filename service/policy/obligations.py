"""The obligations of a permitted use: the grant's duties, the licence's own, the policy's requirements."""
from __future__ import annotations

from typing import Any

from service.policy.grant import ADAPTATIONS, Grant
from service.policy.model import Policy, PolicyRule
from service.terms.model import Terms

# Creative Commons' own attribution duties (TASL: title, author, source, licence).
CC_DUTIES = ("credit-author", "credit-source", "license-notice", "link-to-license", "link-to-original")


def collect(policy: Policy, terms: Terms, grant: Grant, permits: tuple[PolicyRule, ...],
            use: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(duty, params) in a stable order, each once: grant's, licence's, the service's own checks, policy's."""
    duties: dict[str, dict[str, Any]] = {}

    def add(duty: str, params: dict[str, Any] | None = None) -> None:
        duties.setdefault(duty, {}).update(params or {})

    if grant.by == "agreement" and grant.agreement is not None:
        for agreed in grant.agreement.duties:
            add(agreed)
        if grant.agreement.credit:
            add("exact-credit-line", {"text": grant.agreement.credit})
    else:
        for found in terms.duties:
            add(found.type, dict(found.params))
        if terms.license.kind == "cc":
            for duty in CC_DUTIES:
                add(duty)
            if use["action"] in ADAPTATIONS:
                add("indicate-changes")
        if terms.derivatives == "prohibited" and grant.status == "granted":
            add("no-edits")
    if use["action"] == "excerpt":
        add("excerpt-within-allowance", {"max_words": policy.excerpt_max_words})
    for rule in permits:
        for duty in rule.obligations:
            add(duty)
    for duty in policy.requirements:
        add(duty)
    return list(duties.items())
