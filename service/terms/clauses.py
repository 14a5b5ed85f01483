"""Reservations: "All rights reserved", wire-service clauses, "only with permission", copyright lines.

A reservation means commercial use needs permission and derivatives are prohibited (the corpus
convention). Each sentence gives at most one finding, its most specific cue first: an explicit
reservation, then a reuse ban ("may not be published, broadcast..."), then "without prior written
permission" next to a reuse verb, then a bare copyright line (weaker: the legal default, not a
statement). Sentences about something else (fair use of third-party material, cookies, privacy,
donations) give nothing; image credits, comments and "X articles:" conditions keep their own scope
with the weakest strength. A per-post licence enum in the page's JavaScript state
(`"license":"ALL_RIGHTS_RESERVED"`) is read when the visible text states no reservation (reading every
script costs more than the rest together); a software licence there ("MIT") never is.
"""
from __future__ import annotations

import re
from typing import Any

from service.page import Page
from service.terms import cues
from service.terms.model import Evidence, Finding, License

RESERVATION = License("all-rights-reserved")
# concept -> (signal, strength), in order of precedence within a sentence
RESERVATION_CUES = (
    ("reserved", "clause:all-rights-reserved", cues.STRENGTH_RESERVATION),
    ("no_reuse", "clause:no-reuse", cues.STRENGTH_RESERVATION),
    ("without_permission", "clause:prior-permission", cues.STRENGTH_RESERVATION),
    ("copyright", "clause:copyright-line", cues.STRENGTH_COPYRIGHT_LINE),
)
# Per-post licence enums live in the page's state blobs (window.__APOLLO_STATE__, __NEXT_DATA__...);
# only the reservation values are this module's (a CC value is the licence finder's, "MIT" nobody's).
STATE_SCRIPT = re.compile(r"^\s*(?:window|self|globalThis)?\.?\[?[\"']?__\w+|^\s*\w*(?:state|data|props)\w*\s*=",
                          re.IGNORECASE)
STATE_TYPES = ("application/json",)
LICENSE_KEY = '"license"'
SCRIPTS_WITH_LICENSE = f"//script[contains(., '{LICENSE_KEY}')]"
SCRIPT_LICENSE = re.compile(r'"license"\s*:\s*"(?:all[_-]rights[_-]reserved)"', re.IGNORECASE)
MAX_SCRIPT_CHARS = 3_000_000


@cues.isolated("clauses")
def find(page: Page) -> list[Finding]:
    """Reservation findings, one per sentence that carries a reservation cue, plus script enums."""
    found = cues.scan(page)
    out: list[Finding] = []
    for sentence in found.sentences:
        finding = _reservation(page, found, sentence)
        if finding is not None:
            out.append(finding)
    if not any(f.license is not None for f in out):
        out.extend(_script_state(page))  # costly on script-heavy pages: only when the text says nothing
    return out


def _reservation(page: Page, found: cues.Scan, sentence: cues.Sentence) -> Finding | None:
    if sentence.has("noise"):
        return None
    for concept, signal, strength in RESERVATION_CUES:
        if not sentence.has(concept):
            continue
        if concept == "without_permission" and not _mentions_reuse(sentence):
            continue
        block = found.blocks[sentence.block_index]
        scope = cues.sentence_scope(page, found, sentence, sentence.cues[concept][0][1])
        if scope in cues.OTHER_SCOPES or (concept == "copyright" and _is_link_label(block.element)):
            # evidence only: a photo's credit, a condition for someone else's articles, a menu label
            return Finding(signal=signal, scope=scope, strength=cues.STRENGTH_HINT,
                           evidence=cues.evidence(page, block, sentence.text, signal))
        return Finding(signal=signal, scope=scope, strength=strength,
                       evidence=cues.evidence(page, block, sentence.text, signal),
                       license=RESERVATION, commercial_use="needs-permission", derivatives="prohibited")
    return None


def _mentions_reuse(sentence: cues.Sentence) -> bool:
    """"Without permission" is a reservation only about copying, republishing and the like."""
    for lang in sentence.langs("without_permission"):
        reuse = lang.pattern("REUSE")
        if reuse is not None and reuse.search(sentence.text):
            return True
    return False


def _is_link_label(element: Any) -> bool:
    """True when the block is an item of a link menu whose whole text is one link's label: navigation
    ("Copyright 2019 Verlag" between "AGB" and "Impressum"), not a statement. A paragraph that is
    only a linked "© 2023 Publisher" still states the copyright."""
    if element.tag != "li" or (element.text or "").strip() or len(element) != 1:
        return False
    child = element[0]
    return child.tag == "a" and not (child.tail or "").strip()


def _script_state(page: Page) -> list[Finding]:
    """A per-post `"license": "ALL_RIGHTS_RESERVED"` in a state blob (not any script: too costly)."""
    for script in page.tree.xpath(SCRIPTS_WITH_LICENSE):  # libxml2 searches the text; no copy per script
        text = script.text or ""
        kind = (script.get("type") or "").lower()
        if not text or len(text) > MAX_SCRIPT_CHARS or "ld+json" in kind:
            continue
        if kind not in STATE_TYPES and script.get("id", "") != "__NEXT_DATA__" and not STATE_SCRIPT.match(text[:200]):
            continue
        if LICENSE_KEY not in text:
            continue
        match = SCRIPT_LICENSE.search(text)
        if match:
            signal = "script:license-enum"
            return [Finding(signal=signal, scope="article", strength=cues.STRENGTH_RESERVATION,
                            evidence=Evidence(match.group(0), signal, page.css_path(script)),
                            license=RESERVATION, commercial_use="needs-permission", derivatives="prohibited")]
    return []
