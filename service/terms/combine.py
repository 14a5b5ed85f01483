"""Findings -> Terms: the one place that decides between cues.

The rules, in order:
1. Cues that cover something else (a photo, reader comments, third-party material) never decide the
   article's licence.
2. Among the rest, article-level beats site-wide, and a stronger cue beats a weaker one at the same
   level. A bare copyright line (below DECISIVE) yields to any licence wherever it sits: a CC blog
   still puts "© Jane Doe" under its posts, and that is the copyright notice the licence asks for.
3. Cues that agree with the winner add their evidence (and a URL-backed id beats a bare name: the
   link's URL is what the publisher pointed to). A publisher's grant next to a licence adds its
   duties; a reservation next to a grant is what the grant carves out of. Other decisive cues that
   disagree are reported as conflicts and lower the confidence.
4. All rights reserved means commercial use needs permission and derivatives are prohibited; nothing
   found means unknown and unknown (what to do then is a policy's decision).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from service.terms.licenses import elements_of
from service.terms.model import Contact, Duty, Evidence, Finding, License, Rule, Tdm, Terms

# How much a cue weighs when cues disagree (higher wins). Finders pick their value from here.
STRENGTH: dict[str, int] = {
    "json-ld": 95,          # "license" on the article's own JSON-LD node
    "rel-license": 90,      # rel="license" link, microdata itemprop="license"
    "meta": 85,             # <meta name="dc.rights|license"> naming a licence
    "statement": 80,        # a sentence stating the licence ("licensed under...", "steht unter...")
    "grant": 70,            # a custom grant in words (cross-post if..., republish free if...)
    "link": 60,             # a plain link to a licence next to statement words
    "reservation": 50,      # "All rights reserved", wire-service clauses, "no reproduction without..."
    "copyright-line": 30,   # "© 2024 Publisher" alone
    "hint": 10,             # contacts, terms-page links, duties without a licence
}
DECISIVE = 40
# Below this a cue is evidence only (contacts, follow-up links, a copyright line that is a menu label):
# it never sets the licence kind on its own.
EVIDENCE_ONLY = 20
SCOPE_RANK = {"article": 2, "page": 1, "site": 1}  # "page": placed neither in the article nor in site chrome
MAX_FOLLOW_UP = 5
MAX_SET_ASIDE = 5
MAX_EVIDENCE = 12  # the winner's first: an editor checks the top of the list
MAX_CONFLICTS = 5
# Kinds that do not contradict a winning kind: a publisher's grant adds duties to a licence, and a
# reservation next to a grant is what the grant carves out of.
COMPLEMENTS: dict[str, tuple[str, ...]] = {"cc": ("custom-grant",), "public-domain": ("custom-grant",),
                                           "custom-grant": ("all-rights-reserved",)}
# What "all rights reserved" forbids without the holder's permission.
RESERVED_PROHIBITIONS = (Rule("republish"), Rule("modify"), Rule("sell"))


def rank(finding: Finding) -> tuple[int, int]:
    """Sort key of a licence cue: scope level (decisive cues only), then strength."""
    level = SCOPE_RANK.get(finding.scope, 0) if finding.strength >= DECISIVE else 0
    return level, finding.strength


def agrees(a: License, b: License) -> bool:
    """Same kind, and for catalogue licences the same elements (versions/ports may be missing on one)."""
    if a.kind != b.kind:
        return False
    if a.id is None or b.id is None:
        return True  # "a Creative Commons licence" agrees with whichever one is named elsewhere
    return elements_of(a) == elements_of(b)


def _specificity(finding: Finding) -> tuple[int, int, int]:
    licence = finding.license
    assert licence is not None
    return bool(licence.url), len((licence.id or "").split("-")), finding.strength


def combine(findings: Iterable[Finding], tdm: Tdm | None = None) -> Terms:
    """The article's Terms from every cue found on its page (and its terms page)."""
    findings = list(findings)
    relevant = [f for f in findings if f.scope in SCOPE_RANK]
    set_aside = tuple(_unique(_describe(f) for f in findings
                              if f.scope not in SCOPE_RANK and f.license is not None))[:MAX_SET_ASIDE]
    licensed = sorted((f for f in relevant if f.license is not None and f.strength >= EVIDENCE_ONLY),
                      key=rank, reverse=True)
    extras = [f for f in relevant if f.license is None]
    contact = _contact(relevant)
    follow_up = _unique(url for f in relevant for url in f.follow_up)[:MAX_FOLLOW_UP]
    if not licensed:
        return Terms(contact=contact, follow_up=tuple(follow_up), tdm=tdm, confidence="medium",
                     evidence=tuple(_unique_evidence(f.evidence for f in extras))[:MAX_EVIDENCE],
                     duties=_duties(extras),
                     scope="article", set_aside=set_aside)
    winner = licensed[0]
    assert winner.license is not None
    agreeing = [f for f in licensed if f.license and agrees(f.license, winner.license)]
    complements = [f for f in licensed if f not in agreeing and f.license
                   and f.license.kind in COMPLEMENTS.get(winner.license.kind, ())]
    conflicting = [f for f in licensed if f not in agreeing + complements and f.strength >= DECISIVE]
    best = max(agreeing, key=_specificity) if winner.license.kind in {"cc", "public-domain"} else winner
    licence = best.license
    assert licence is not None
    commercial, derivatives = _consequences(licence, [best] + agreeing, complements)
    # a grant's duties and prohibitions add to a licence's; a reservation adds nothing to its grant
    additions = [f for f in complements if f.license and f.license.kind == "custom-grant"]
    contributing = agreeing + additions + extras
    implied = RESERVED_PROHIBITIONS if licence.kind == "all-rights-reserved" else ()
    return Terms(
        license=licence,
        commercial_use=commercial,
        derivatives=derivatives,
        share_alike=bool(best.share_alike),
        permissions=_rules(f.permissions for f in [best] + agreeing + extras),
        prohibitions=_rules([f.prohibitions for f in [best] + contributing] + [implied]),
        duties=_duties([best] + contributing),
        contact=contact,
        scope=winner.scope,
        confidence=_confidence(winner, conflicting),
        evidence=tuple(_unique_evidence(f.evidence for f in [winner] + agreeing + complements + conflicting
                                        + extras))[:MAX_EVIDENCE],
        follow_up=tuple(follow_up),
        tdm=tdm,
        conflicts=tuple(_unique(_describe(f) for f in conflicting))[:MAX_CONFLICTS],
        set_aside=set_aside,
    )


def _consequences(licence: License, agreeing: list[Finding], complements: list[Finding]) -> tuple[str, str]:
    if licence.kind == "all-rights-reserved":
        return "needs-permission", "prohibited"
    commercial = next((f.commercial_use for f in agreeing if f.commercial_use), None)
    derivatives = next((f.derivatives for f in agreeing if f.derivatives), None) or "unknown"
    if commercial is None and any(f.license and f.license.kind == "all-rights-reserved" for f in complements):
        commercial = "needs-permission"  # what a grant does not give stays reserved
    return commercial or "unknown", derivatives


def _confidence(winner: Finding, conflicting: list[Finding]) -> str:
    if any(rank(f)[0] >= rank(winner)[0] for f in conflicting):
        return "low"
    if conflicting or winner.strength < STRENGTH["statement"] and winner.license and winner.license.kind == "cc":
        return "medium"
    return "high" if winner.strength >= STRENGTH["reservation"] else "medium"


def _describe(finding: Finding) -> str:
    licence = finding.license
    name = (licence.id or licence.kind) if licence else "?"
    return f"{finding.signal} ({finding.scope}) says {name}: {finding.evidence.text[:120]}"


def _contact(findings: list[Finding]) -> Contact | None:
    email = next((f.contact.email for f in findings if f.contact and f.contact.email), None)
    url = next((f.contact.url for f in findings if f.contact and f.contact.url), None)
    return Contact(email, url) if email or url else None


def _rules(groups: Iterable[tuple[Rule, ...]]) -> tuple[Rule, ...]:
    return tuple(_unique(rule for group in groups for rule in group))


def _duties(findings: Iterable[Finding]) -> tuple[Duty, ...]:
    seen: dict[str, Duty] = {}
    for finding in findings:
        for duty in finding.duties:
            seen.setdefault(duty.type, duty)
    return tuple(seen.values())


def _unique(items: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _unique_evidence(items: Iterable[Evidence]) -> list[Evidence]:
    return _unique(items)
