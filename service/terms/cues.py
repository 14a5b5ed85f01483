"""The one pass over a page's visible text that the clause, grant and contact finders share.

Page.blocks is scanned once per page: a cheap keyword test rejects almost every block, and only the
survivors are split into sentences and run through each language's one combined regex. The result
(which sentence carries which cue, in which language, where on the page) is cached per Page, so
three finders cost one scan. Also here: the strength scale, and where on the page a block sits
(article, site chrome, image caption, comments), which decides a finding's scope.
"""
from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType
from typing import Any

from service.page import Block, Page
from service.terms.data import LANGUAGES
from service.terms.model import Evidence, Finding

log = logging.getLogger("clearance.terms")

# The strength scale every finder uses (the Finding docstring in model.py states it for combine.py).
STRENGTH_ARTICLE_GRANT = 90  # an explicit licence or grant about this article
STRENGTH_ARTICLE_RESERVATION = 70  # "all rights reserved" and kin, inside the article
STRENGTH_SITE_GRANT = 60  # a grant about the site's articles in general (beats a site reservation)
STRENGTH_SITE_RESERVATION = 50  # a reservation in the site's footer or chrome
STRENGTH_COPYRIGHT_LINE = 30  # a bare copyright line: a reservation by default, nothing more
STRENGTH_WEAK = 10  # evidence only: a contact, a copyright line used as a link label, other scopes

# Scopes whose findings are never the article's terms; they are reported with STRENGTH_WEAK.
OTHER_SCOPES = ("images", "user-content", "third-party")

COPYRIGHT_SIGN = (r"©|&copy;|\(c\)\s*\d{4}|\bcopyright\s*(?:©\s*)?(?:\(c\)\s*)?\d{4}"
                  r"|\bcopyright\s*©")
CONTACT_KEYWORDS = ("@", "protected]")
# The concepts each language's combined regex reports, in order of precedence within a sentence.
CONCEPTS = ("reserved", "no_reuse", "without_permission", "copyright", "personal_use", "first_words",
            "press_release", "grant", "noise")
_TABLE_NAMES = {"reserved": "RESERVED", "no_reuse": "NO_REUSE", "without_permission": "WITHOUT_PERMISSION",
                "copyright": "COPYRIGHT", "personal_use": "PERSONAL_USE", "first_words": "FIRST_WORDS",
                "press_release": "PRESS_RELEASE", "grant": "GRANT", "noise": "NOISE"}
_INNER_GROUP = re.compile(r"\(\?P<\w+>")
# A sentence ends at . ! ? ; followed by space and a non-lowercase start, or at a line that ends so.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[^\sa-zäöüéèàìòù])|(?<=[.!?;:])\s*\n\s*|\s+\|\s+")
FLAGS = re.IGNORECASE | re.UNICODE

# Where a block sits: ancestor markers, nearest first decides. Tokens are lower-cased tag/id/class.
IMAGE_MARKERS = ("caption", "figure", "photo", "image", "img", "gallery", "media-credit")
USER_MARKERS = ("comment", "respond", "reply", "forum", "guestbook")
ARTICLE_MARKERS = ("article", "story", "entry-content", "post-content", "post-body", "articlebody",
                   "main-content")
SITE_MARKERS = ("footer", "colophon", "site-info", "legal", "masthead", "sidebar", "widget", "navbar",
                "menu", "bottom")
MAX_SCOPE_DEPTH = 14


def _any(patterns: tuple[str, ...] | list[str], flags: int = FLAGS) -> re.Pattern[str] | None:
    patterns = [p for p in patterns if p]
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None


@dataclass(frozen=True)
class Language:
    """One language's clause tables, compiled: `combined` names each concept in a group."""

    code: str
    tables: ModuleType
    combined: re.Pattern[str]
    keywords: tuple[str, ...]

    def pattern(self, name: str, flags: int = FLAGS) -> re.Pattern[str] | None:
        """One table compiled alone (cached): for the detail a combined match does not give."""
        key = (name, flags)
        cache = _PATTERN_CACHE.setdefault(self.code, {})
        if key not in cache:
            table = getattr(self.tables, name, ())
            cache[key] = _any(tuple(table), flags)
        return cache[key]

    def patterns(self, name: str) -> dict[str, re.Pattern[str]]:
        """A dict table (DUTIES, VENUES...) compiled entry by entry."""
        key = (name, -1)
        cache = _PATTERN_CACHE.setdefault(self.code, {})
        if key not in cache:
            cache[key] = {k: re.compile(v, FLAGS) for k, v in getattr(self.tables, name, {}).items()}
        return cache[key]


_PATTERN_CACHE: dict[str, dict[tuple[str, int], Any]] = {}


def _compile_language(code: str) -> Language:
    tables = import_module(f"service.terms.data.{code}")
    parts = []
    for concept in CONCEPTS:
        sources = list(getattr(tables, _TABLE_NAMES[concept], ()))
        if concept == "copyright":
            sources.append(COPYRIGHT_SIGN)
        if sources:
            body = "|".join(f"(?:{_INNER_GROUP.sub('(?:', s)})" for s in sources)
            parts.append(f"(?P<{concept}>{body})")
    return Language(code, tables, re.compile("|".join(parts), FLAGS), tuple(tables.KEYWORDS))


LANGUAGE_TABLES: tuple[Language, ...] = tuple(_compile_language(code) for code in LANGUAGES)
# One cheap test over every block: any keyword of any language, the copyright sign, an e-mail.
PREFILTER = re.compile("|".join(re.escape(k) for k in sorted(
    {k for lang in LANGUAGE_TABLES for k in lang.keywords} | {"©", "(c)", "&copy;"} | set(CONTACT_KEYWORDS),
    key=len, reverse=True)), FLAGS)


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


_SCANS: weakref.WeakKeyDictionary[Page, Scan] = weakref.WeakKeyDictionary()


def scan(page: Page) -> Scan:
    """The page's clause scan, computed once and shared by every finder."""
    cached = _SCANS.get(page)
    if cached is None:
        cached = _scan(page)
        _SCANS[page] = cached
    return cached


def _scan(page: Page) -> Scan:
    blocks = page.blocks
    candidates = [i for i, block in enumerate(blocks) if PREFILTER.search(block.text)]
    sentences: list[Sentence] = []
    third_party: dict[int, int] = {}
    for index in candidates:
        text = blocks[index].text
        hits = [(lang, m) for lang in LANGUAGE_TABLES for m in lang.combined.finditer(text.replace("\n", " "))]
        if not hits:
            continue
        for lang in LANGUAGE_TABLES:
            prefix = lang.pattern("THIRD_PARTY_PREFIX", re.UNICODE)
            found = prefix.search(text) if prefix else None
            if found and (index not in third_party or found.start() < third_party[index]):
                third_party[index] = found.start()
        for start, end in sentence_spans(text):
            sentence = Sentence(text[start:end].replace("\n", " "), index, start)
            for lang, match in hits:
                if start <= match.start() < end:
                    # re-run on the sentence so the match's offsets are the sentence's own
                    again = lang.combined.search(sentence.text, match.start() - start)
                    if again is not None and again.lastgroup:
                        sentence.cues.setdefault(again.lastgroup, []).append((lang.code, again))
            if sentence.cues:
                sentences.append(sentence)
    return Scan(blocks, candidates, sentences, third_party)


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


def _tokens(element: Any) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return f"{tag} {element.get('id', '')} {element.get('class', '')}".lower()


def position_scope(element: Any) -> str:
    """article | site | images | user-content, from the nearest telling ancestor of element."""
    node, depth = element, 0
    while node is not None and depth < MAX_SCOPE_DEPTH and isinstance(node.tag, str):
        tokens = _tokens(node)
        if node.tag in ("figcaption", "figure") or any(m in tokens for m in IMAGE_MARKERS):
            return "images"
        if any(m in tokens for m in USER_MARKERS):
            return "user-content"
        if node.tag == "footer" or any(m in tokens for m in SITE_MARKERS):
            return "site"
        if node.tag in ("article", "main") or any(m in tokens for m in ARTICLE_MARKERS):
            return "article"
        node, depth = node.getparent(), depth + 1
    return "site"


def sentence_scope(page: Page, found: Scan, sentence: Sentence) -> str:
    """A sentence's scope: a "X articles:" condition before it makes it third-party, else position."""
    offset = found.third_party_from.get(sentence.block_index)
    if offset is not None and sentence.start >= offset:
        return "third-party"
    block = found.blocks[sentence.block_index]
    for lang in LANGUAGE_TABLES:
        credit = lang.pattern("IMAGE_CREDIT")
        if credit is not None and credit.search(block.text):
            return "images"
    return position_scope(block.element)


def evidence(page: Page, block: Block, text: str, signal: str) -> Evidence:
    """Evidence for a cue: the exact text, what kind of cue, and the CSS path of its block."""
    return Evidence(text=text, signal=signal, where=page.css_path(block.element))


def isolated(name: str) -> Callable[[Callable[[Page], list[Finding]]], Callable[[Page], list[Finding]]]:
    """Wrap a finder so that whatever a page does to it, it returns a list and never raises."""

    def wrap(fn: Callable[[Page], list[Finding]]) -> Callable[[Page], list[Finding]]:
        def find(page: Page) -> list[Finding]:
            try:
                return list(fn(page))
            except Exception as exc:  # noqa: BLE001 - one broken finder never costs the extraction
                log.debug("terms finder %s failed: %r", name, exc)
                try:
                    page.warnings.append(f"terms finder {name} failed: {type(exc).__name__}")
                except Exception:  # noqa: BLE001
                    pass
                return []

        find.__doc__, find.__name__, find.__qualname__ = fn.__doc__, fn.__name__, fn.__qualname__
        return find

    return wrap
