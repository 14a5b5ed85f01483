"""Countries named in text: one index of country names (ISO names, common names and their translations
from pycountry, plus short names, demonyms and capitals from a data file), built once, and a matcher
that walks the words of a text once, longest name first.

Matching is case-sensitive ("US" is a country, "us" is not); all-capital text ("SYRIA AND IRAQ") is
read in title case first. Only words that begin with the first letter of some name are looked at
closer: in running text that is one word in five or fewer.
"""
from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter
from pathlib import Path

import pycountry
import yaml

COUNTRY_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "country_names.yaml"
# Languages whose pycountry translations of country names are indexed too.
NAME_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl")
# A word: letters, inner apostrophes, and dot- or hyphen-joined parts ("U.S.", "Guinea-Bissau").
WORD = re.compile(r"[^\W\d_][\w'’]*(?:[.-][^\W\d_][\w'’]*)*\.?")
POSSESSIVE = re.compile(r"['’]s?$")
PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
MAX_UPPER_SHARE = 0.6  # text with more capital letters than this is read in title case
ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


POSSESSIVE_ENDS = ("'", "’", "'s", "’s")  # the only endings POSSESSIVE can remove: others skip the regex


def _norm(word: str) -> str:
    word = word.rstrip(".")
    return POSSESSIVE.sub("", word) if word.endswith(POSSESSIVE_ENDS) else word


def _key(name: str) -> tuple[str, ...]:
    return tuple(_norm(match.group()) for match in WORD.finditer(name))


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
    the letters names begin with."""

    names: dict[tuple[str, ...], str]
    longest: dict[str, int]
    initials: frozenset[str]

    def find(self, text: str) -> Counter[str]:
        """How often each country is named in text (codes counted per mention)."""
        found: Counter[str] = Counter()
        if _shouting(text):
            text = text.title()
        matches = list(WORD.finditer(text))
        words = list(map(re.Match.group, matches))
        # A word can start a name only with a name's first letter (normalising keeps the first letter).
        starts = compress(count(), map(self.initials.__contains__, map(itemgetter(0), words)))
        free = 0  # the words before this one belong to a name found already
        for i in starts:
            if i < free:
                continue
            code, width = self._at(words, matches, text, i)
            if code:
                found[code] += 1
                free = i + width
        return found

    def _at(self, words: list[str], matches: list[re.Match[str]], text: str, i: int) -> tuple[str | None, int]:
        first = _norm(words[i])
        longest = min(self.longest.get(first, 0), len(words) - i)
        span = 1  # the words from i on that only white space separates, up to the longest name
        while span < longest and text[matches[i + span - 1].end():matches[i + span].start()].isspace():
            span += 1
        key = [first, *map(_norm, words[i + 1:i + span])] if longest else []
        for width in range(len(key), 0, -1):
            code = self.names.get(tuple(key[:width]))
            if code:
                return code, width
        if "-" in first:  # "US-led", "Syrian-Iraqi": the first part may be a name
            return self.names.get((first.split("-", 1)[0],)), 1
        return None, 1

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
    return CountryIndex(names=names, longest=longest, initials=frozenset(word[0] for word in longest))
