"""The per-language clause tables of service/terms/data, compiled once at import.

Each concept of a language (reserved, no_reuse, grant...) is one compiled regex, and each keyword
gates the concepts whose patterns spell it: a sentence holding "vorbehalt" runs German RESERVED, not
every German table (a third of the regex work of one combined regex per language, measured). Every
language's keywords go into one Aho-Corasick automaton, so finding them all on a page is one pass
whatever the number of tables.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import import_module
from itertools import accumulate
from types import ModuleType
from typing import Any

from ahocorasick_rs import AhoCorasick

from service.terms.data import COMMON, LANGUAGES

FLAGS = re.IGNORECASE | re.UNICODE
# Keywords of no language: an e-mail address, Cloudflare's "[email protected]" (contacts.py reads them).
CONTACT_KEYWORDS = ("@", "protected]")
# The concepts each language's combined regex reports, in order of precedence within a sentence.
CONCEPTS = ("reserved", "no_reuse", "without_permission", "copyright", "personal_use", "first_words",
            "press_release", "grant", "noise")
_TABLE_NAMES = {"reserved": "RESERVED", "no_reuse": "NO_REUSE", "without_permission": "WITHOUT_PERMISSION",
                "copyright": "COPYRIGHT", "personal_use": "PERSONAL_USE", "first_words": "FIRST_WORDS",
                "press_release": "PRESS_RELEASE", "grant": "GRANT", "noise": "NOISE"}
_INNER_GROUP = re.compile(r"\(\?P<\w+>")


def _any(patterns: tuple[str, ...] | list[str], flags: int = FLAGS) -> re.Pattern[str] | None:
    patterns = [p for p in patterns if p]
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{_INNER_GROUP.sub('(?:', p)})" for p in patterns), flags)


@dataclass(frozen=True, eq=False)  # identity hash: languages go in sets on every scanned sentence
class Language:
    """One language's clause tables, compiled: `combined` names each concept in a group."""

    code: str
    tables: ModuleType
    concepts: dict[str, re.Pattern[str]]  # concept -> its patterns, compiled together
    gates: dict[str, tuple[str, ...]]  # keyword -> the concepts (noise aside) a sentence holding it runs
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
    sources = {concept: tuple(getattr(tables, _TABLE_NAMES[concept], ())) for concept in CONCEPTS}
    concepts = {concept: pattern for concept, patterns in sources.items() if (pattern := _any(patterns))}
    keywords = tuple(k.lower() for k in tables.KEYWORDS)
    gates = {}
    for keyword in keywords:
        spelled = tuple(c for c in concepts
                        if c != "noise" and any(keyword in _literal(s) for s in sources[c]))
        # a keyword no pattern spells literally ("authoriz" in "authori[sz]ation") gates them all
        gates[keyword] = spelled or tuple(c for c in concepts if c != "noise")
    return Language(code, tables, concepts, gates, keywords)


def _literal(source: str) -> str:
    """A pattern's text with escapes dropped, lower-cased: good enough to see which keywords it spells."""
    return re.sub(r"\\(.)", r"\1", source.lower())


LANGUAGE_TABLES: tuple[Language, ...] = tuple(_compile_language(code) for code in LANGUAGES)
SCANNED: tuple[Language, ...] = LANGUAGE_TABLES + (_compile_language(COMMON),)
# keyword -> the languages whose patterns it unlocks (None: a contact cue, no language)
KEYWORD_INDEX: dict[str, tuple[Language, ...]] = {}
for _lang in SCANNED:
    for _keyword in _lang.keywords:
        KEYWORD_INDEX[_keyword] = KEYWORD_INDEX.get(_keyword, ()) + (_lang,)
for _keyword in CONTACT_KEYWORDS:
    KEYWORD_INDEX.setdefault(_keyword, ())


# Stems of every language's link labels for permission portals and terms pages (contacts.py): only
# the links inside blocks holding one are read.
LINK_LABEL_KEYWORDS = (
    "reprint", "permission", "reuse", "licen", "syndicat", "republish", "terms", "copyright",
    "user agreement", "nutzungsrecht", "lizenz", "nachdruck", "rechte", "nutzungsbeding", "agb",
    "geschäftsbeding", "permiso", "derechos", "términos", "terminos", "aviso legal", "condiciones",
    "sindicaci", "droits", "autorisation", "conditions", "mentions", "cgu", "diritti",
    "autorizzazion", "termini", "condizioni", "note legali")


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


