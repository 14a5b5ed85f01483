"""The reuse terms of one article: plain frozen dataclasses; schemas/terms.py turns them into JSON.

Vocabularies (licence kinds, commercial use, derivatives, duty types) are those of the shared terms
corpus README; actions and constraint names those of the terms issue.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LICENSE_KINDS = ("cc", "all-rights-reserved", "custom-grant", "public-domain", "none-found")
COMMERCIAL_USE = ("allowed", "prohibited", "needs-permission", "unknown")
DERIVATIVES = ("allowed", "prohibited", "unknown")
CONFIDENCE = ("high", "medium", "low")
ACTIONS = ("republish", "cross-post", "excerpt", "modify", "translate", "sell", "print", "broadcast", "tdm",
           "use")  # use: the generic ODRL action, for grants like "for personal use only"
DUTY_TYPES = ("credit-author", "credit-author-institution", "credit-source", "copyright-notice",
              "license-notice", "link-to-license", "link-to-original", "indicate-changes",
              "include-tracking-pixel", "include-original-links", "canonical-link",
              "originally-published-line", "exact-credit-line", "repeat-terms", "citation-format",
              "headline-unchanged", "disclose-added-reporting", "notify-publisher")


@dataclass(frozen=True)
class License:
    kind: str  # one of LICENSE_KINDS
    id: str | None = None  # "CC-BY-NC-ND-4.0", "CC-BY-SA-3.0-DE"; None when not a CC licence
    url: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Constraint:
    name: str  # venue, medium, max_words, date_from, date_to, audience...
    operator: str  # eq, neq, lteq, gteq, isAnyOf, isNoneOf (ODRL operator names)
    value: Any


@dataclass(frozen=True)
class Rule:
    """A permission or prohibition: an action and the constraints that bound it."""

    action: str  # one of ACTIONS
    constraints: tuple[Constraint, ...] = ()
    # In prohibitions: True when the use is not banned outright but needs the publisher's permission
    # ("for print or commercial sites, contact ..."); the Terms' contact says whom to ask.
    needs_permission: bool = False


@dataclass(frozen=True)
class Duty:
    type: str  # one of DUTY_TYPES
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Contact:
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Evidence:
    text: str  # the exact sentence or markup
    signal: str  # what kind of cue: "rel=license", "json-ld:license", "clause:all-rights-reserved"...
    where: str  # CSS path or JSON-LD path


@dataclass(frozen=True)
class Tdm:
    reserved: bool
    policy: str | None = None


@dataclass(frozen=True)
class Terms:
    license: License = License("none-found")
    commercial_use: str = "unknown"
    derivatives: str = "unknown"
    share_alike: bool = False
    permissions: tuple[Rule, ...] = ()
    prohibitions: tuple[Rule, ...] = ()
    duties: tuple[Duty, ...] = ()
    contact: Contact | None = None
    scope: str = "article"
    confidence: str = "low"
    evidence: tuple[Evidence, ...] = ()
    follow_up: tuple[str, ...] = ()
    tdm: Tdm | None = None
    conflicts: tuple[str, ...] = ()  # cues that disagree with the chosen licence, in words
    set_aside: tuple[str, ...] = ()  # licence cues not counted: they cover images, comments, quotes...


@dataclass(frozen=True)
class Finding:
    """One cue on the page and what it implies about the terms; combine.py turns findings into Terms.

    Finders (CC licences, clauses, contacts, TDM) only report what they saw; deciding between
    conflicting findings (article-level beats site-wide, scope, confidence) happens in one place.

    Strength: combine.STRENGTH is the scale; combine ranks scope first (article > page > site), then
    strength. The clause finders use: grant 70 (a custom grant beats the "All rights reserved" it
    carves out of), reservation 50 ("All rights reserved", wire clauses, "without prior written
    permission"), copyright-line 30 (a bare "© 2023 Publisher": the legal default, no more), hint 10
    with no licence at all (contacts, follow-up links, a copyright line that is a menu link's label).
    Scopes "images", "user-content", "quoted", "third-party" ("Associated Press articles: ...") and
    "design" ("site design / logo ©") are never the article's terms; combine.py ignores them.
    """

    signal: str  # "rel=license", "json-ld:license", "text:cc-statement", "clause:all-rights-reserved"...
    scope: str  # "article" | "site" | "images" | "user-content" | "third-party" ...
    strength: int  # higher wins when findings disagree (see combine.py for the scale)
    evidence: Evidence
    license: License | None = None
    commercial_use: str | None = None
    derivatives: str | None = None
    share_alike: bool | None = None
    permissions: tuple[Rule, ...] = ()
    prohibitions: tuple[Rule, ...] = ()
    duties: tuple[Duty, ...] = ()
    contact: Contact | None = None
    follow_up: tuple[str, ...] = ()
