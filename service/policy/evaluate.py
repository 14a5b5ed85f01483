"""Evaluate a policy's rules over the facts of one request and combine them as Cedar does.

Any matching forbid decides (denied, or needs_permission when every matching forbid says asking
helps); otherwise any matching review sends the case to a person; otherwise the matching permits allow,
with their obligations; nothing matching means review. Each matched rule becomes a reason that quotes
the facts it read and the page's evidence behind them.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from service.domains import registrable_domain
from service.policy.conditions import fields_read, matches, resolve
from service.policy.grant import Grant, grant_for
from service.policy.model import Policy, PolicyRule, Reason
from service.terms.model import Terms

MAX_EVIDENCE = 4


@dataclass(frozen=True)
class Verdict:
    effect: str  # permit | forbid | review
    decision: str  # allowed (before obligations) | needs_permission | denied | review
    matched: tuple[PolicyRule, ...]
    reasons: tuple[Reason, ...]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def terms_facts(terms: Terms) -> dict[str, Any]:
    """The terms as condition facts, plus `duty_types` and `actions` lists for `contains` conditions."""
    facts = _plain(terms)
    contact = facts.get("contact")
    if contact and not (contact.get("email") or contact.get("url")):
        facts["contact"] = None
    facts["duty_types"] = [d.type for d in terms.duties]
    facts["permitted_actions"] = [p.action for p in terms.permissions]
    facts["prohibited_actions"] = [p.action for p in terms.prohibitions]
    return facts


def build_facts(policy: Policy, terms: Terms, metadata: Any, use: dict[str, Any], article_url: str | None,
                today: date) -> tuple[dict[str, Any], Grant]:
    """Everything a `when` condition may read, and the grant it was computed with."""
    domain = registrable_domain(article_url)
    grant = grant_for(terms, use, policy, domain, today)
    words = use.get("excerpt_words")
    use_facts = {"action": use["action"], "medium": use.get("medium") or "web", "excerpt_words": words,
                 "within_excerpt_allowance": bool(use["action"] == "excerpt" and words is not None
                                                  and policy.excerpt_max_words and words <= policy.excerpt_max_words)}
    agreement = grant.agreement
    facts = {
        "use": use_facts,
        "site": {**_plain(policy.site), "commercial": policy.site.commercial},
        "source": {"url": article_url, "domain": domain},
        "terms": terms_facts(terms),
        "metadata": _plain(metadata) if metadata is not None else {},
        "grant": {"status": grant.status, "by": grant.by, "from_page": grant.from_page, "detail": grant.detail},
        "agreement": ({"domain": agreement.domain, "status": agreement.status_on(today)} if agreement
                      else {"domain": None, "status": "none"}),
    }
    return facts, grant


def _evidence(rule: PolicyRule, facts: dict[str, Any], grant: Grant, terms: Terms) -> tuple[dict[str, str], ...]:
    out: list[dict[str, str]] = []
    read = list(dict.fromkeys([*fields_read(rule.when), *fields_read(rule.unless)]))
    for path in read:
        out.append({"text": f"{path} = {resolve(facts, path)!r}", "where": "facts"})
    if any(p.startswith(("terms.", "grant.")) for p in read):
        if any(p.startswith("grant.") for p in read):
            out.append({"text": grant.detail, "where": f"grant:{grant.by}"})
        quoted = list(grant.evidence) or [{"text": e.text, "where": e.where} for e in terms.evidence]
        out.extend(quoted[:MAX_EVIDENCE])
    return tuple(out)


def evaluate(policy: Policy, facts: dict[str, Any], grant: Grant, terms: Terms) -> Verdict:
    """Match every rule, then combine: forbid > review > permit > nothing (review)."""
    matched = tuple(r for r in policy.rules if not r.fallback and matches(r.when, facts)
                    and not (r.unless is not None and matches(r.unless, facts)))
    forbids = [r for r in matched if r.effect == "forbid"]
    reviews = [r for r in matched if r.effect == "review"]
    permits = [r for r in matched if r.effect == "permit"]
    if forbids:
        deciding, effect = forbids, "forbid"
        decision = "denied" if any(r.decision != "needs_permission" for r in forbids) else "needs_permission"
    elif reviews:
        deciding, effect, decision = reviews, "review", "review"
    elif permits:
        deciding, effect, decision = permits, "permit", "allowed"
    else:
        fallback = next(r for r in policy.rules if r.fallback)
        deciding, effect, decision = [fallback], "review", "review"
    reasons = tuple(Reason(r.id, r.effect, r.message, _evidence(r, facts, grant, terms)) for r in deciding)
    return Verdict(effect, decision, tuple(deciding), reasons)
