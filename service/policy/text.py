"""Text comparison for draft checks: names compared insensitive to case, accents and punctuation, and
the no-derivatives comparison of a draft's sentences with the original's, tolerating the changes
house style and republication make (time references, datelines, quotes and dashes, numbers' format).
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")
WORD = re.compile(r"\w+", re.UNICODE)
# A dateline opening a story: "BEIRUT (Reuters) -", "WASHINGTON —", "Berlin, 3 March (dpa) -".
DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40}(,[^—–(-]{1,30})?\s*(\([^)]{1,30}\))?\s*[—–-]+\s+")
# Words a republisher may change around a date ("on Tuesday" -> "on March 10", "yesterday").
TIME_WORDS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "last", "next", "this", "week",
    "weekend", "month", "year", "earlier", "later", "ago", "recently", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "on", "in", "at", "of", "the",
    "a", "an", "from", "by"
))
HOUSE_STYLE = ((re.compile(r"\bper ?cent\b|%"), " percent "), (re.compile(r"&"), " and "),
               (re.compile(r"\bu\.?s\.?a?\.?\b"), " us "), (re.compile(r"\bu\.?k\.?\b"), " uk "))
PLACE = re.compile(r"\b(?:in|at|near|from|to|outside|across)\s+((?:the\s+)?(?:[A-Z][\w'-]+\s*){1,3})")
SIMILAR_ENOUGH = 60  # below this a draft sentence is new material (credit, site chrome), not an edit
MAX_SENTENCES = 800  # per side: bounds the pairwise comparison (a hostile draft cannot make it hang)
MAX_TOLERATED_SPAN = 4  # words: a longer differing run is an edit even if it looks like a time or place


def fold(text: str | None) -> str:
    """Case, accents and punctuation folded away: 'Société Générale, S.A.' -> 'societe generale s a'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(WORD.findall(bare))


def contains_name(haystack_folded: str, name: str | None) -> bool:
    """Whether a folded text contains a name as whole words."""
    needle = fold(name)
    return bool(needle) and f" {needle} " in f" {haystack_folded} "


def sentences(paragraphs: list[str]) -> list[str]:
    """Sentences of the given paragraphs, in order."""
    out: list[str] = []
    for paragraph in paragraphs:
        out.extend(s.strip() for s in SENTENCE_END.split(paragraph) if len(WORD.findall(s)) >= 3)
    return out


def _tokens(sentence: str) -> list[str]:
    text = DATELINE.sub("", sentence.strip())
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    lowered = text.lower()
    for pattern, replacement in HOUSE_STYLE:
        lowered = pattern.sub(replacement, lowered)
    return fold(lowered).split()


def _tolerated(run_a: list[str], run_b: list[str], cased_b: set[str]) -> bool:
    """A differing run is tolerated when short and made of time words, dates, or place names."""
    if max(len(run_a), len(run_b)) > MAX_TOLERATED_SPAN:
        return False
    return all(w in TIME_WORDS or _date_number(w) or w in cased_b for w in run_a + run_b)


def _date_number(word: str) -> bool:
    """A day of the month or a year: part of a date, unlike '40' in '40 percent'."""
    return word.isdigit() and (int(word) <= 31 or 1900 <= int(word) <= 2100)


def _proper_names(sentence: str) -> set[str]:
    """Words of place names: capitalised words after a place preposition ("in Aleppo", "near Deir Ezzor")."""
    return {w for match in PLACE.finditer(sentence) for w in fold(match.group(1)).split()}


@dataclass(frozen=True)
class Change:
    draft: str
    original: str | None  # the closest original sentence (None: nothing close)
    similarity: float
    kind: str  # "edited": a near copy that differs | "added": text the original does not have


@dataclass(frozen=True)
class Comparison:
    changes: tuple[Change, ...]
    omitted: tuple[str, ...]  # original sentences the draft leaves out (an excerpt may)
    quoted_words: int  # words of the draft taken from the original


def unchanged(original: str, draft: str) -> bool:
    """Whether draft is original up to tolerated changes (time, place, house style)."""
    a, b = _tokens(original), _tokens(draft)
    if a == b:
        return True
    names = _proper_names(original) | _proper_names(draft)
    ops = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    return all(tag == "equal" or _tolerated(a[i1:i2], b[j1:j2], names) for tag, i1, i2, j1, j2 in ops)


def compare(original: list[str], draft: list[str], is_attribution: Callable[[str], bool]) -> Comparison:
    """The draft's sentences against the original's: each paired with its most similar original sentence
    (rapidfuzz). Near copies that differ are edits; sentences after the first quoted one that match
    nothing and are not attribution (credit lines, licence notices) are additions."""
    original, draft = original[:MAX_SENTENCES], draft[:MAX_SENTENCES]
    keys = [" ".join(_tokens(s)) for s in original]
    changes: list[Change] = []
    used: set[int] = set()
    quoted_words = 0
    started = False
    for sentence in draft:
        best = process.extractOne(" ".join(_tokens(sentence)), keys, scorer=fuzz.ratio) if keys else None
        score = best[1] if best else 0.0
        if best is not None and score >= SIMILAR_ENOUGH:
            started = True
            used.add(best[2])
            quoted_words += len(WORD.findall(sentence))
            if not unchanged(original[best[2]], sentence):
                changes.append(Change(sentence, original[best[2]], round(score, 1), "edited"))
        elif started and not is_attribution(sentence):
            closest = original[best[2]] if best is not None else None
            changes.append(Change(sentence, closest, round(score, 1), "added"))
    omitted = tuple(s for i, s in enumerate(original) if i not in used)
    return Comparison(tuple(changes), omitted, quoted_words)
