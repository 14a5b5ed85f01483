"""The one pass over a page's visible text that the clause, grant and contact finders share.

Page.blocks is scanned once per page: one Aho-Corasick pass finds every language's keywords (see
tables.py), which rejects almost every block; in the survivors, only the sentences holding a keyword
run the concepts (reserved, grant...) that their keywords gate. The result (which sentence carries
which cue, in which language, where on the page) is cached per Page, so three finders cost one
scan. Also here: the strengths the finders use (combine.py's scale) and a sentence's scope
(scope.py's placement and wording, plus "X articles:" conditions and design notices).
"""
from __future__ import annotations

import functools
import logging
import re
import weakref
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from service.page import Block, Page
from service.terms import scope as scopes
from service.terms.combine import STRENGTH
from service.terms.model import Evidence, Finding
from service.terms.tables import (
    CONCEPTS,
    KEYWORD_INDEX,
    LANGUAGE_TABLES,
    LINK_LABEL_KEYWORDS,
    SCANNED,
    KeywordIndex,
    Language,
)

log = logging.getLogger("clearance.terms")
CONCEPTS_IN_ORDER = tuple(c for c in CONCEPTS if c != "noise")
LINK_LABELS = frozenset(LINK_LABEL_KEYWORDS)

# Strengths, from combine.py's scale: combine ranks scope first (article > page > site), then these.
STRENGTH_GRANT = STRENGTH["grant"]
STRENGTH_RESERVATION = STRENGTH["reservation"]
STRENGTH_COPYRIGHT_LINE = STRENGTH["copyright-line"]
STRENGTH_HINT = STRENGTH["hint"]  # contacts, follow-up links, a copyright line that is a menu link's label

# Scopes whose findings are never the article's terms (combine.py ignores them for the licence).
OTHER_SCOPES = ("images", "user-content", "quoted", "third-party", "design")
# Words before a copyright sign that say it covers the site's design, not its articles.
DESIGN_WORDS = re.compile(
    r"\b(?:site design|design|layout|logo|theme|template|software|source code)\b[^©]{0,20}$", re.IGNORECASE)
FIGURE_TAGS = frozenset({"figure", "figcaption", "picture"})
COMMENT_MARKERS = ("comment", "respond", "reply", "replies", "discussion")
MAX_CONTAINER_DEPTH = 16
# A sentence ends at . ! ? ; before a non-lowercase start, at a line ending so, or at a " | " separator.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[^\sa-zäöüéèàìòù])|(?<=[.!?;:])\s*\n\s*|\s+\|\s+")
# A "sentence" longer than this (a page without punctuation) is read only around its first keyword.
MAX_SENTENCE_CHARS = 2_000
SENTENCE_WINDOW = 500


@dataclass
class Sentence:
    """One sentence of a candidate block and the cues each language found in it."""

    text: str  # line breaks folded to spaces, so patterns see one line
    block_index: int
    start: int  # offset in the block's text
    cues: dict[str, list[tuple[str, re.Match[str]]]] = field(default_factory=dict)  # concept -> (lang, match)

    def has(self, concept: str) -> bool:
        return concept in self.cues

    def langs(self, concept: str) -> list[Language]:
        codes = [code for code, _ in self.cues.get(concept, ())]
        return [lang for lang in LANGUAGE_TABLES if lang.code in codes]


@dataclass
class Scan:
    """What the one pass found: candidate blocks (by index) and their cue-bearing sentences."""

    blocks: tuple[Block, ...]
    candidates: list[int]
    sentences: list[Sentence]
    third_party_from: dict[int, int]  # block index -> offset where a "X articles:" condition starts
    label_candidates: list[int]  # blocks holding a link-label keyword ("reprints", "nutzungsrechte"...)


_SCANS: weakref.WeakKeyDictionary[Page, Scan] = weakref.WeakKeyDictionary()


def scan(page: Page) -> Scan:
    """The page's clause scan, computed once and shared by every finder."""
    cached = _SCANS.get(page)
    if cached is None:
        cached = _scan(page)
        _SCANS[page] = cached
    return cached


ALL_KEYWORDS = KeywordIndex([*KEYWORD_INDEX, *LINK_LABEL_KEYWORDS])  # clause and link-label keywords


def forget(page: Page) -> None:
    """Drop the page's cached scan (benchmarks time the scan again; pages are never re-read)."""
    _SCANS.pop(page, None)


def _scan(page: Page) -> Scan:
    """Candidate blocks by keyword; in them, each sentence runs only the languages its keywords name."""
    blocks = page.blocks
    all_hits = ALL_KEYWORDS.hits([block.text for block in blocks])
    hits = {i: clause for i, found in all_hits.items()
            if (clause := [hit for hit in found if hit[1] in KEYWORD_INDEX])}
    labels = sorted(i for i, found in all_hits.items() if any(k in LINK_LABELS for _, k in found))
    candidates = sorted(hits)
    sentences: list[Sentence] = []
    third_party: dict[int, int] = {}
    for index in candidates:
        text = blocks[index].text
        spans = sentence_spans(text)
        starts = [start for start, _ in spans]
        gated: dict[int, dict[Language, set[str]]] = {}  # sentence number -> language -> concepts to run
        first_hit: dict[int, int] = {}  # sentence number -> offset of its first keyword
        for offset, keyword in hits[index]:
            number = bisect_right(starts, offset) - 1
            if number >= 0 and KEYWORD_INDEX[keyword]:
                for lang in KEYWORD_INDEX[keyword]:
                    gated.setdefault(number, {}).setdefault(lang, set()).update(lang.gates[keyword])
                first_hit.setdefault(number, offset)
        block_sentences = []
        for number in sorted(gated):
            start, end = spans[number]
            if end - start > MAX_SENTENCE_CHARS:  # no rights statement is this long: read around the cue
                start = max(start, first_hit[number] - SENTENCE_WINDOW)
                end = min(end, first_hit[number] + SENTENCE_WINDOW)
            sentence = Sentence(text[start:end].replace("\n", " "), index, start)
            for lang in sorted(gated[number], key=SCANNED.index):
                _read_sentence(sentence, lang, gated[number][lang])
            if sentence.cues:
                block_sentences.append(sentence)
        if block_sentences:
            sentences.extend(block_sentences)
            condition = _third_party_condition(text)
            if condition is not None:
                third_party[index] = condition
    return Scan(blocks, candidates, sentences, third_party, labels)


def _read_sentence(sentence: Sentence, lang: Language, concepts: set[str]) -> None:
    """Run the gated concepts of one language on a sentence; noise is looked for only if one matched."""
    found = False
    for concept in CONCEPTS_IN_ORDER:
        if concept in concepts:
            match = lang.concepts[concept].search(sentence.text)
            if match is not None:
                sentence.cues.setdefault(concept, []).append((lang.code, match))
                found = True
    noise = lang.concepts.get("noise")
    match = noise.search(sentence.text) if found and noise is not None else None
    if match is not None:
        sentence.cues.setdefault("noise", []).append((lang.code, match))


def _third_party_condition(text: str) -> int | None:
    """Offset of the earliest "Associated Press articles:"-style condition in a block, if any."""
    starts = []
    for lang in LANGUAGE_TABLES:
        prefix = lang.pattern("THIRD_PARTY_PREFIX", re.UNICODE)
        found = prefix.search(text) if prefix else None
        if found:
            starts.append(found.start())
    return min(starts) if starts else None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a block's text."""
    spans, start = [], 0
    for brk in _SENTENCE_BREAK.finditer(text):
        if brk.start() > start:
            spans.append((start, brk.start()))
        start = brk.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_scope(page: Page, found: Scan, sentence: Sentence, cue: re.Match[str] | None = None) -> str:
    """A sentence's scope: after a "X articles:" condition it is third-party; a copyright sign after
    "site design / logo" covers the design; otherwise scope.py decides (placement, then wording)."""
    offset = found.third_party_from.get(sentence.block_index)
    if offset is not None and sentence.start >= offset:
        return "third-party"
    if cue is not None and DESIGN_WORDS.search(sentence.text[:cue.start()]):
        return "design"
    element = found.blocks[sentence.block_index].element
    decided = scopes.scope_of(element, sentence.text)
    if decided in ("images", "user-content") and _nearest_container(element) == "footer":
        return "site"
    return decided


def _nearest_container(element: Any) -> str | None:
    """"footer", "figure" or "comments": whichever encloses the element most closely (a footer
    "credits" line, or a site footer that a theme put inside its comments section, is the site's)."""
    node, depth = element, 0
    while node is not None and depth < MAX_CONTAINER_DEPTH and isinstance(node.tag, str):
        if node.tag in FIGURE_TAGS or depth == 0 and node.find(".//img") is not None:
            return "figure"
        tokens = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if any(marker in tokens for marker in COMMENT_MARKERS):
            return "comments"
        if node.tag == "footer" or "footer" in tokens:
            return "footer"
        node, depth = node.getparent(), depth + 1
    return None


def evidence(page: Page, block: Block, text: str, signal: str) -> Evidence:
    """Evidence for a cue: the exact text, what kind of cue, and the CSS path of its block."""
    return Evidence(text=text, signal=signal, where=page.css_path(block.element))


def isolated(name: str) -> Callable[[Callable[[Page], list[Finding]]], Callable[[Page], list[Finding]]]:
    """Wrap a finder so that whatever a page does to it, it returns a list and never raises."""

    def wrap(fn: Callable[[Page], list[Finding]]) -> Callable[[Page], list[Finding]]:
        @functools.wraps(fn)
        def find(page: Page) -> list[Finding]:
            try:
                return list(fn(page))
            except Exception as exc:  # noqa: BLE001 - one broken finder never costs the extraction
                log.debug("terms finder %s failed: %r", name, exc)
                warnings = getattr(page, "warnings", None)
                if isinstance(warnings, list):
                    warnings.append(f"terms finder {name} failed: {type(exc).__name__}")
                return []

        return find

    return wrap
