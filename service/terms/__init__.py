"""Reuse terms: what a page's publisher allows, forbids and requires (see model.py for the shape).

`extract_terms` runs every finder over the one parsed Page (and, when the caller asked for it, over
the publisher's linked terms page), then lets combine.py decide. A finder that raises is skipped and
noted in the page's warnings: one broken pattern never costs the whole answer.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from service.page import Page
from service.terms import cc, clauses, contacts, grants, tdm
from service.terms.combine import combine
from service.terms.model import Finding, Terms

log = logging.getLogger("clearance.terms")

Finder = Callable[[Page], list[Finding]]
# Every finder, each reporting what it saw; order does not matter (combine.py decides).
FINDERS: tuple[tuple[str, Finder], ...] = (
    ("cc", cc.find),
    ("clauses", clauses.find),
    ("grants", grants.find),
    ("contacts", contacts.find),
)
# On a linked terms page everything is site-wide, whatever its layout says.
TERMS_PAGE_SCOPE = "site"


def find_all(page: Page) -> list[Finding]:
    """Every finding of every finder on one page, each finder isolated from the others' failures."""
    findings: list[Finding] = []
    for name, finder in FINDERS:
        try:
            findings.extend(finder(page))
        except Exception as exc:  # noqa: BLE001 - per-finder isolation is the point
            log.debug("terms finder %s failed: %r", name, exc)
            page.warnings.append(f"terms finder {name} failed: {type(exc).__name__}")
    return findings


def extract_terms(page: Page, metadata: Any = None, related: Sequence[Page] = ()) -> Terms:
    """The article's reuse terms from its page and any related terms pages already fetched."""
    findings = find_all(page)
    for other in related:
        findings.extend(_as_site_wide(f) for f in find_all(other) if f.scope in {"article", "page", "site"})
    try:
        reservation = tdm.find(page)
    except Exception as exc:  # noqa: BLE001
        log.debug("tdm finder failed: %r", exc)
        reservation = None
    return combine(findings, reservation)


def _as_site_wide(finding: Finding) -> Finding:
    from dataclasses import replace

    return replace(finding, scope=TERMS_PAGE_SCOPE)
