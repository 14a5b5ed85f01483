"""Does anything grant this use to this site? An agreement first, then the allow list, then the page's terms.

The answer is a Grant: `granted`, `not-granted` (a permission route may exist: ask), `prohibited` (the
licence itself excludes the use: a non-commercial licence for a commercial site, an adaptation of a
no-derivatives work), `expired` (our agreement is not valid today) or `unknown` (no terms found).
Policy rules read it as the `grant` fact; they decide, this module only reads the terms.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from service.domains import registrable_domain
from service.policy.model import Agreement, Policy, Site
from service.terms.model import Constraint, Rule, Terms

# A grant of one action covers these requested actions (a cross-post is a republication with a link).
COVERS = {"republish": {"republish", "cross-post", "excerpt"}, "cross-post": {"cross-post", "republish", "excerpt"},
          "excerpt": {"excerpt"}, "translate": {"translate"}, "modify": {"modify", "translate"},
          "print": {"print"}, "sell": {"sell"}, "broadcast": {"broadcast"}, "tdm": {"tdm"}}
ADAPTATIONS = frozenset({"translate", "modify"})
MEDIUM_SYNONYMS = {"internet": "web", "online": "web", "website": "web", "digital": "web"}
ALL_RIGHTS_KINDS = frozenset({"all-rights-reserved"})


@dataclass(frozen=True)
class Grant:
    status: str  # granted | not-granted | prohibited | expired | unknown
    by: str  # agreement | allow-list | licence | terms
    detail: str
    agreement: Agreement | None = None
    evidence: tuple[dict[str, str], ...] = field(default_factory=tuple)

    @property
    def from_page(self) -> bool:
        return self.by in ("licence", "terms")


def venues_of(site: Site) -> set[str]:
    """The venue names a site counts as, for a constraint such as venue isAnyOf [community, nonprofit]."""
    venues = {site.kind}
    venues.add("commercial" if site.commercial else "non-commercial")
    return venues


def _medium(value: Any) -> str:
    text = str(value).strip().lower()
    return MEDIUM_SYNONYMS.get(text, text)


def _values(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple, set)) else [value]


def constraint_holds(constraint: Constraint, use: dict[str, Any], site: Site, today: date) -> bool:
    """Whether one constraint of a permission or prohibition holds for this use; unknown ones never do."""
    name, op = constraint.name, constraint.operator
    if name == "venue":
        actual: set[Any] = venues_of(site)
        wanted = {str(v).strip().lower() for v in _values(constraint.value)}
    elif name == "medium":
        actual = {_medium(use.get("medium") or "web")}
        wanted = {_medium(v) for v in _values(constraint.value)}
    elif name == "max_words":
        words = use.get("excerpt_words")
        if use.get("action") != "excerpt" or words is None:
            return False
        try:
            limit = int(constraint.value)
        except (TypeError, ValueError):
            return False  # a word allowance we cannot read grants nothing
        return bool(words <= limit) if op in ("lteq", "lt", "eq") else False
    elif name in ("date_from", "date_to", "dateTime"):
        try:
            bound = date.fromisoformat(str(constraint.value)[:10])
        except ValueError:
            return False
        return today >= bound if (name == "date_from" or op in ("gteq", "gt")) else today <= bound
    else:
        return False
    if op in ("eq", "isAnyOf", "isA", "isPartOf"):
        return bool(actual & wanted)
    if op in ("neq", "isNoneOf"):
        return not (actual & wanted)
    return False


def rule_covers(rule: Rule, use: dict[str, Any], site: Site, today: date) -> bool:
    """A permission or prohibition covers the use: its action covers the requested one, every constraint holds."""
    if use["action"] not in COVERS.get(rule.action, {rule.action}):
        return False
    return all(constraint_holds(c, use, site, today) for c in rule.constraints)


def _agreement_for(policy: Policy, domain: str | None) -> Agreement | None:
    if not domain:
        return None
    return next((a for a in policy.agreements if registrable_domain(a.domain) == domain), None)


def _agreement_covers(agreement: Agreement, use: dict[str, Any]) -> bool:
    medium = _medium(use.get("medium") or "web")
    return any(any(use["action"] in COVERS.get(a, {a}) for a in u.actions)
               and (not u.media or medium in {_medium(m) for m in u.media}) for u in agreement.uses)


def grant_for(terms: Terms, use: dict[str, Any], policy: Policy, source_domain: str | None, today: date) -> Grant:
    """What grants (or refuses) this use, in order of authority: agreement, allow list, the page's terms."""
    agreement = _agreement_for(policy, source_domain)
    if agreement is not None:
        status = agreement.status_on(today)
        if status != "valid":
            return Grant("expired", "agreement", f"our agreement with {agreement.domain} is {status} "
                         f"({agreement.valid_from or '…'} to {agreement.valid_until or '…'})", agreement)
        if _agreement_covers(agreement, use):
            return Grant("granted", "agreement", f"our agreement with {agreement.domain} grants "
                         f"{use['action']} on {use.get('medium') or 'web'}", agreement)
    if source_domain and source_domain in {registrable_domain(d) for d in policy.allow}:
        return Grant("granted", "allow-list", f"{source_domain} is on the allow list")
    return _grant_from_terms(terms, use, policy.site, today)


def _grant_from_terms(terms: Terms, use: dict[str, Any], site: Site, today: date) -> Grant:
    kind = terms.license.kind
    evidence = tuple({"text": e.text, "where": e.where} for e in terms.evidence[:3])
    action = use["action"]
    if kind == "none-found":
        return Grant("unknown", "terms", "the page states no reuse terms", evidence=evidence)
    if kind == "public-domain":
        return Grant("granted", "licence", "the work is in the public domain", evidence=evidence)
    if kind == "cc":
        label = terms.license.id or terms.license.name or "a Creative Commons licence"
        if action in ADAPTATIONS and terms.derivatives == "prohibited":
            return Grant("prohibited", "licence", f"{label} allows no derivatives ({action})", evidence=evidence)
        if site.commercial and terms.commercial_use == "prohibited":
            return Grant("prohibited", "licence", f"{label} forbids commercial use and {site.name} is "
                         "commercial", evidence=evidence)
        for prohibition in terms.prohibitions:
            if rule_covers(prohibition, use, site, today):
                status = "not-granted" if getattr(prohibition, "needs_permission", False) else "prohibited"
                return Grant(status, "licence", f"{label}: {prohibition.action} "
                             + ("needs the publisher's permission" if status == "not-granted" else "is prohibited"),
                             evidence=evidence)
        return Grant("granted", "licence", f"{label} grants {action}", evidence=evidence)
    for prohibition in terms.prohibitions:
        if rule_covers(prohibition, use, site, today):
            return Grant("not-granted", "terms", f"the terms prohibit {prohibition.action} without permission",
                         evidence=evidence)
    for permission in terms.permissions:
        if rule_covers(permission, use, site, today):
            bounds = ", ".join(f"{c.name} {c.operator} {c.value}" for c in permission.constraints) or "no bounds"
            return Grant("granted", "terms", f"the terms permit {permission.action} ({bounds})", evidence=evidence)
    why = "all rights are reserved" if kind in ALL_RIGHTS_KINDS else "no permission of the terms covers it"
    return Grant("not-granted", "terms", f"{action} on {use.get('medium') or 'web'} by a {site.kind} site: {why}",
                 evidence=evidence)
