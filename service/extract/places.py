"""Countries named in text: one index of country names (ISO names, common names and their translations
from pycountry, plus short names, demonyms and capitals from a data file), built once, and a matcher
that reads the words of a text in order, longest name first.

Matching is case-sensitive ("US" is a country, "us" is not); all-capital text ("SYRIA AND IRAQ") is
read in title case first. A text is not split into words: one Aho-Corasick pass finds where a name's
first word occurs, and only there are words read (most words of a text start no name). Where a word
starts, and what it is, is what WORD.finditer would say of the whole text.
"""
from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml
from ahocorasick_rs import AhoCorasick

COUNTRY_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "country_names.yaml"
# Languages whose pycountry translations of country names are indexed too.
NAME_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl")
# A word: letters, inner apostrophes, and dot- or hyphen-joined parts ("U.S.", "Guinea-Bissau").
WORD = re.compile(r"[^\W\d_][\w'’]*(?:[.-][^\W\d_][\w'’]*)*\.?")
LETTER = re.compile(r"[^\W\d_]")  # what a word starts with
WORD_INNER = re.compile(r"[\d_'’]")  # what a word holds besides letters (and the "." or "-" joining parts)
FOLLOWING_WORD = re.compile(rf"\s+({WORD.pattern})")  # the next word, when only white space comes first
POSSESSIVE = re.compile(r"['’]s?$")
POSSESSIVE_ENDS = ("'", "’", "'s", "’s")  # the only endings POSSESSIVE can remove: others skip the regex
SURROGATE = re.compile(r"[\ud800-\udfff]")
PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
MAX_UPPER_SHARE = 0.6  # text with more capital letters than this is read in title case
ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _norm(word: str) -> str:
    word = word.rstrip(".")
    return POSSESSIVE.sub("", word) if word.endswith(POSSESSIVE_ENDS) else word


def _key(name: str) -> tuple[str, ...]:
    return tuple(_norm(match.group()) for match in WORD.finditer(name))


def _starts_word(text: str, at: int) -> bool:
    """Whether WORD.finditer(text) starts a word at `at`, a letter where a name's first word begins.

    A word runs on over letters, digits, "_" and apostrophes, and over a "." or "-" into a letter: it
    runs into `at` when, back from `at` past one "." or "-" and then any digits, "_" and apostrophes,
    the next character is a letter.
    """
    i = at - 1
    if i >= 0 and text[i] in ".-":
        i -= 1
    while i >= 0 and WORD_INNER.match(text, i):
        i -= 1
    return i < 0 or not LETTER.match(text, i)


def _shouting(text: str) -> bool:
    """More than MAX_UPPER_SHARE of the text's letters are capitals ("SYRIA AND IRAQ CLASH AGAIN").

    Counting capitals takes a call per character. Most text is settled by one pass in C first: when
    lower-case ASCII letters are half its characters or more, capitals are at most half its letters.
    """
    raw = text.encode("utf-8", "surrogatepass")  # a byte or more per character
    if 2 * (len(raw) - len(raw.translate(None, ASCII_LOWER))) >= len(raw):
        return False
    letters = list(filter(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, letters)) > MAX_UPPER_SHARE * len(letters)


@dataclass(frozen=True)
class CountryIndex:
    """Country names (as word tuples) to ISO 3166-1 alpha-2 codes, the longest name per first word, and
    an automaton that finds every first word in a text in one pass."""

    names: dict[tuple[str, ...], str]
    longest: dict[str, int]
    first_words: AhoCorasick

    def find(self, text: str) -> Counter[str]:
        """How often each country is named in text (codes counted per mention)."""
        found: Counter[str] = Counter()
        if _shouting(text):
            text = text.title()
        try:
            hits = self.first_words.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:  # lone surrogates (JSON "\\ud800"): no word holds one, nor U+FFFD
            text = SURROGATE.sub("\ufffd", text)
            hits = self.first_words.find_matches_as_indexes(text, overlapping=True)
        free = 0  # the text before this offset belongs to a name found already
        for start in sorted({start for _, start, _ in hits}):
            if start < free or not _starts_word(text, start):
                continue
            code, end = self._at(text, start)
            if code:
                found[code] += 1
                free = end
        return found

    def _at(self, text: str, start: int) -> tuple[str | None, int]:
        """The country whose longest name begins with the word at start, and where that name ends."""
        match = WORD.match(text, start)
        if match is None:  # not reached: find asks only where a word starts
            return None, start + 1
        key, ends = [_norm(match.group())], [match.end()]
        longest = self.longest.get(key[0], 0)
        while len(key) < longest and (match := FOLLOWING_WORD.match(text, ends[-1])):
            key.append(_norm(match.group(1)))
            ends.append(match.end())
        for width in range(min(len(key), longest), 0, -1):
            code = self.names.get(tuple(key[:width]))
            if code:
                return code, ends[width - 1]
        if "-" in key[0]:  # "US-led", "Syrian-Iraqi": the first part may be a name
            return self.names.get((key[0].split("-", 1)[0],)), ends[0]
        return None, ends[0]

    def code_of(self, name: str) -> str | None:
        """The country a whole string names ("Syria", "Beirut", "DE"), or None."""
        name = name.strip()
        if len(name) == 2 and name.isupper() and pycountry.countries.get(alpha_2=name):
            return name
        return self.names.get(_key(name))


def _pycountry_names() -> Iterable[tuple[str, str]]:
    translators = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
                   for lang in NAME_LANGUAGES]
    for country in pycountry.countries:
        english = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
        for name in filter(None, english):
            localised = [name] + [t.gettext(name) for t in translators]
            for variant in localised:
                plain = PARENTHETICAL.sub("", variant)
                yield plain, country.alpha_2
                if ", " in plain:  # "Iran, Islamic Republic of" -> "Iran"
                    yield plain.split(", ", 1)[0], country.alpha_2


@lru_cache(maxsize=4)
def country_index(path: str = str(COUNTRY_NAMES_FILE)) -> CountryIndex:
    """The index, built once per names file: curated names first, then pycountry's (first name wins)."""
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    pairs: list[tuple[str, str]] = [(name, code) for code, names in (data.get("names") or {}).items()
                                    for name in names]
    pairs += list(_pycountry_names())
    names: dict[tuple[str, ...], str] = {}
    longest: dict[str, int] = {}
    for name, code in pairs:
        key = _key(str(name))
        if key and key not in names:
            names[key] = str(code)
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return CountryIndex(names=names, longest=longest, first_words=AhoCorasick(list(longest)))
