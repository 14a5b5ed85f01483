"""Countries named in text: one index of country names (ISO names, common names and their translations
from pycountry, plus short names, demonyms and capitals from a data file), built once, and a matcher
that walks the words of a text once, longest name first.

Matching is case-sensitive ("US" is a country, "us" is not); all-capital text ("SYRIA AND IRAQ") is
read in title case first.
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

COUNTRY_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "country_names.yaml"
# Languages whose pycountry translations of country names are indexed too.
NAME_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl")
# A word: letters, inner apostrophes, and dot- or hyphen-joined parts ("U.S.", "Guinea-Bissau").
WORD = re.compile(r"[^\W\d_][\w'’]*(?:[.-][^\W\d_][\w'’]*)*\.?")
POSSESSIVE = re.compile(r"['’]s?$")
PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
MAX_UPPER_SHARE = 0.6  # text with more capital letters than this is read in title case


def _norm(word: str) -> str:
    return POSSESSIVE.sub("", word.rstrip("."))


def _key(name: str) -> tuple[str, ...]:
    return tuple(_norm(match.group()) for match in WORD.finditer(name))


@dataclass(frozen=True)
class CountryIndex:
    """Country names (as word tuples) to ISO 3166-1 alpha-2 codes, and the longest name per first word."""

    names: dict[tuple[str, ...], str]
    longest: dict[str, int]

    def find(self, text: str) -> Counter[str]:
        """How often each country is named in text (codes counted per mention)."""
        found: Counter[str] = Counter()
        letters = [c for c in text if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) > MAX_UPPER_SHARE * len(letters):
            text = text.title()
        matches = list(WORD.finditer(text))
        words = [_norm(m.group()) for m in matches]
        i = 0
        while i < len(words):
            code, width = self._at(words, matches, text, i)
            if code:
                found[code] += 1
            i += width
        return found

    def _at(self, words: list[str], matches: list[re.Match[str]], text: str, i: int) -> tuple[str | None, int]:
        longest = self.longest.get(words[i], 0)
        for width in range(min(longest, len(words) - i), 0, -1):
            gaps = (text[matches[j].end():matches[j + 1].start()] for j in range(i, i + width - 1))
            if all(gap.isspace() for gap in gaps):
                code = self.names.get(tuple(words[i:i + width]))
                if code:
                    return code, width
        if "-" in words[i]:  # "US-led", "Syrian-Iraqi": the first part may be a name
            return self.names.get((words[i].split("-", 1)[0],)), 1
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
    return CountryIndex(names=names, longest=longest)
