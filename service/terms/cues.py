"""The one pass over a page's visible text that the clause, grant and contact finders share.

Page.blocks is scanned once per page: one Aho-Corasick pass finds every language's keywords, which
rejects almost every block; in the survivors, only the sentences holding a keyword run through
their languages' combined regex. The result
(which sentence carries which cue, in which language, where on the page) is cached per Page, so
three finders cost one scan. Also here: the strengths the finders use (combine.py's scale) and a
sentence's scope (scope.py's placement and wording, plus "X articles:" conditions and design notices).
"""
from __future__ import annotations

import logging
import re
import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import import_module
from itertools import accumulate
from types import ModuleType
from typing import Any

from ahocorasick_rs import AhoCorasick

from service.page import Block, Page
from service.terms import scope as scopes
from service.terms.combine import STRENGTH
from service.terms.data import COMMON, LANGUAGES
from service.terms.model import Evidence, Finding

log = logging.getLogger("clearance.terms")

# Strengths, from combine.py's scale: combine ranks scope first (article > page > site), then these.
STRENGTH_GRANT = STRENGTH["grant"]
STRENGTH_RESERVATION = STRENGTH["reservation"]
STRENGTH_COPYRIGHT_LINE = STRENGTH["copyright-line"]
STRENGTH_HINT = STRENGTH["hint"]  # contacts, follow-up links, a copyright line that is a menu link's label

# Scopes whose findings are never the article's terms (combine.py ignores them for the licence).
OTHER_SCOPES = ("images", "user-content", "quoted", "third-party", "design")
# Words before a copyright sign that say it covers the site's design, not its articles.
DESIGN_WORDS = re.compile(r"\b(?:site design|design|layout|logo|theme|template|software|source code)\b[^©]{0,20}$",
                          re.IGNORECASE)
CONTACT_KEYWORDS = ("@", "protected]")
FIGURE_TAGS = frozenset({"figure", "figcaption", "picture"})
COMMENT_MARKERS = ("comment", "respond", "reply", "replies", "discussion")
MAX_CONTAINER_DEPTH = 16
# The concepts each language's combined regex reports, in order of precedence within a sentence.
CONCEPTS = ("reserved", "no_reuse", "without_permission", "copyright", "personal_use", "first_words",
            "press_release", "grant", "noise")
_TABLE_NAMES = {"reserved": "RESERVED", "no_reuse": "NO_REUSE", "without_permission": "WITHOUT_PERMISSION",
                "copyright": "COPYRIGHT", "personal_use": "PERSONAL_USE", "first_words": "FIRST_WORDS",
                "press_release": "PRESS_RELEASE", "grant": "GRANT", "noise": "NOISE"}
_INNER_GROUP = re.compile(r"\(\?P<\w+>")
# A sentence ends at . ! ? ; before a non-lowercase start, at a line ending so, or at a " | " separator.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[^\sa-zäöüéèàìòù])|(?<=[.!?;:])\s*\n\s*|\s+\|\s+")
FLAGS = re.IGNORECASE | re.UNICODE


def _any(patterns: tuple[str, ...] | list[str], flags: int = FLAGS) -> re.Pattern[str] | None:
    patterns = [p for p in patterns if p]
    return re.compile("|".join(f"(?:{_INNER_GROUP.sub('(?:', p)})" for p in patterns), flags) if patterns else None


@dataclass(frozen=True)
class Language:
    """One language's clause tables, compiled: `combined` names each concept in a group."""

    code: str
    tables: ModuleType
    combined: re.Pattern[str] | None
    keywords: tuple[str, ...]

    def pattern(self, name: str, flags: int = FLAGS) -> re.Pattern[str] | None:
        """One table compiled alone (cached): for the detail a combined match does not give."""
        key = (name, flags)
        cache = _PATTERN_CACHE.setdefault(self.code, {})
        if key not in cache:
            cache[key] = _any(tuple(getattr(self.tables, name, ())), flags)
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
        sources = tuple(getattr(tables, _TABLE_NAMES[concept], ()))
        if sources:
            body = "|".join(f"(?:{_INNER_GROUP.sub('(?:', s)})" for s in sources)
            parts.append(f"(?P<{concept}>{body})")
    combined = re.compile("|".join(parts), FLAGS) if parts else None
    return Language(code, tables, combined, tuple(k.lower() for k in tables.KEYWORDS))


LANGUAGE_TABLES: tuple[Language, ...] = tuple(_compile_language(code) for code in LANGUAGES)
SCANNED: tuple[Language, ...] = LANGUAGE_TABLES + (_compile_language(COMMON),)
# keyword -> the languages whose patterns it unlocks (None: a contact cue, no language)
KEYWORD_INDEX: dict[str, tuple[Language, ...]] = {}
for _lang in SCANNED:
    for _keyword in _lang.keywords:
        KEYWORD_INDEX[_keyword] = KEYWORD_INDEX.get(_keyword, ()) + (_lang,)
for _keyword in CONTACT_KEYWORDS:
    KEYWORD_INDEX.setdefault(_keyword, ())


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


class KeywordIndex:
    """Lower-case keywords found in one pass over many texts (Aho-Corasick, in Rust): the scan's cost
    no longer grows with the number of keywords, which is what keeps a page under a millisecond."""

    def __init__(self, keywords: Iterable[str]):
        self.keywords = list(dict.fromkeys(k.lower() for k in keywords))
        self.automaton = AhoCorasick(self.keywords)

    def hits(self, texts: list[str]) -> dict[int, list[tuple[int, str]]]:
        """text index -> (offset in that text, keyword) of every keyword occurrence, overlaps included."""
        joined = "".join(texts)  # no separator: a match across two texts is harmless, offsets stay C-made
        lowered = joined.lower()
        if len(lowered) != len(joined):  # a character changed length when lower-cased: go text by text
            lowered = "".join(text.lower() if len(text.lower()) == len(text) else text for text in texts)
        offsets = list(accumulate(map(len, texts), initial=0))
        out: dict[int, list[tuple[int, str]]] = {}
        for pattern, start, _end in self.automaton.find_matches_as_indexes(lowered, overlapping=True):
            index = bisect_right(offsets, start) - 1
            out.setdefault(index, []).append((start - offsets[index], self.keywords[pattern]))
        return out


CLAUSE_KEYWORDS = KeywordIndex(KEYWORD_INDEX)


def forget(page: Page) -> None:
    """Drop the page's cached scan (benchmarks time the scan again; pages are never re-read)."""
    _SCANS.pop(page, None)


def _scan(page: Page) -> Scan:
    """Candidate blocks by keyword; in them, each sentence runs only the languages its keywords name."""
    blocks = page.blocks
    hits = CLAUSE_KEYWORDS.hits([block.text for block in blocks])
    candidates = sorted(hits)
    sentences: list[Sentence] = []
    third_party: dict[int, int] = {}
    for index in candidates:
        text = blocks[index].text
        spans = sentence_spans(text)
        starts = [start for start, _ in spans]
        langs_at: dict[int, set[Language]] = {}  # sentence number -> languages its keywords name
        for offset, keyword in hits[index]:
            number = bisect_right(starts, offset) - 1
            if number >= 0 and KEYWORD_INDEX[keyword]:
                langs_at.setdefault(number, set()).update(KEYWORD_INDEX[keyword])
        block_sentences = []
        for number in sorted(langs_at):
            start, end = spans[number]
            sentence = Sentence(text[start:end].replace("\n", " "), index, start)
            for lang in sorted(langs_at[number], key=SCANNED.index):
                for match in lang.combined.finditer(sentence.text):  # type: ignore[union-attr]
                    if match.lastgroup:
                        sentence.cues.setdefault(match.lastgroup, []).append((lang.code, match))
            if sentence.cues:
                block_sentences.append(sentence)
        if block_sentences:
            sentences.extend(block_sentences)
            condition = _third_party_condition(text)
            if condition is not None:
                third_party[index] = condition
    return Scan(blocks, candidates, sentences, third_party)


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
        def find(page: Page) -> list[Finding]:
            try:
                return list(fn(page))
            except Exception as exc:  # noqa: BLE001 - one broken finder never costs the extraction
                log.debug("terms finder %s failed: %r", name, exc)
                warnings = getattr(page, "warnings", None)
                if isinstance(warnings, list):
                    warnings.append(f"terms finder {name} failed: {type(exc).__name__}")
                return []

        find.__doc__, find.__name__, find.__qualname__ = fn.__doc__, fn.__name__, fn.__qualname__
        return find

    return wrap
