"""A loaded policy and a decision: plain frozen dataclasses (schemas/ turns them into JSON)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

DECISIONS = ("allowed", "conditional", "needs_permission", "denied", "review")


@dataclass(frozen=True)
class Site:
    """The republishing site: who asks."""

    name: str
    url: str
    kind: str  # community | nonprofit | commercial
    monetised: bool
    media: tuple[str, ...]

    @property
    def commercial(self) -> bool:
        """Commercial for licence purposes: a commercial outlet, or any site that earns from its pages."""
        return self.kind == "commercial" or self.monetised


@dataclass(frozen=True)
class UseGrant:
    actions: tuple[str, ...]
    media: tuple[str, ...] = ()  # empty: any medium


@dataclass(frozen=True)
class Agreement:
    """A source's own grant to us, overriding the terms on its pages while it is valid."""

    domain: str
    uses: tuple[UseGrant, ...]
    credit: str | None = None
    duties: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_until: date | None = None

    def status_on(self, day: date) -> str:
        """valid | expired | not-yet-valid on day."""
        if self.valid_until and day > self.valid_until:
            return "expired"
        if self.valid_from and day < self.valid_from:
            return "not-yet-valid"
        return "valid"


@dataclass(frozen=True)
class PolicyRule:
    id: str
    effect: str  # permit | forbid | review
    message: str
    when: dict[str, Any] | None = None
    unless: dict[str, Any] | None = None
    decision: str | None = None  # forbid only: denied | needs_permission
    obligations: tuple[str, ...] = ()
    origin: str = "rules"  # "rules", or the policy key a generated rule comes from
    fallback: bool = False  # the rule that stands for "nothing matched": never evaluated


@dataclass(frozen=True)
class Policy:
    name: str
    revision: str
    content: str
    document: dict[str, Any]
    site: Site
    deny: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    requirements: tuple[str, ...] = ()
    excerpt_max_words: int = 0
    rules: tuple[PolicyRule, ...] = ()
    description: str = ""

    def rule(self, rule_id: str) -> PolicyRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


@dataclass(frozen=True)
class Reason:
    rule: str
    effect: str
    message: str
    evidence: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True)
class Obligation:
    duty: str
    status: str  # met | unmet | unchecked
    detail: str
    evidence: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
