"""Which dates a page displays, read without judging them: its short dated lines and its <time>s.

datelines.py scores these to find the article's own date, but several decisions need less: whether
the page displays a given day at all, whether any visible date is an update's. Those are answered
here from the reading alone, and where possible from only the lines that can hold the answer.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate
from typing import Any, NamedTuple

from ahocorasick_rs import AhoCorasick

from service.extract.datetext import Stamp, find_written, label_pattern, parse_machine, written_spans
from service.page import Page

MODIFIED_HINT = re.compile(r"updat|modif|aktualis|edited", re.IGNORECASE)
# Labels of an update's date, lower-case: "Updated", "Aktualisiert am", "Mis à jour le".
MODIFIED_WORDS = ("updated", "update", "aktualisiert", "aktualisierung", "geändert", "modified", "revision",
                  "edited", "zuletzt", "mis à jour", "actualizado", "aggiornato", "bijgewerkt", "gewijzigd",
                  "atualizado", "atualizada", "atualização", "aktualizacja", "zaktualizowano", "aktualizováno",
                  "aktualizace", "uppdaterad", "uppdaterat", "opdateret", "oppdatert", "güncelleme",
                  "güncellenme", "güncellendi", "обновлено", "обновлён", "обновлен", "изменено")
MODIFIED_LABEL = label_pattern(MODIFIED_WORDS, 25)
# The letters a case-insensitive pattern takes for "i" and "s" that str.lower() leaves alone, and the
# combining dot str.lower() gives "İ".
_FOLD_AS_REGEX = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})
LABEL_REACH = 40  # characters before a date where its label is looked for
COPYRIGHT = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)
# A year (19xx, 20xx) or a numeric date (1.6.17). Written to start with \d: the regex engine then skips
# to the next digit in C instead of trying each character (2.3x faster over a page's text).
HAS_YEAR = re.compile(r"\d(?:(?<=1)9\d\d|(?<=2)0\d\d|[./]\d\d?[./]\d\d)")
# Digits of other scripts ("٢٠٢١", "２０２１"), which a written date may use but str.find for "2021" misses
# (listed once at import, 3 ms). Any astral character (mostly emoji) counts too: a class listing the few
# astral digits is searched 60 times slower.
OTHER_DIGITS = re.compile("[" + "".join(chr(c) for c in range(0x80, 0x10000) if chr(c).isdecimal())
                          + "\U00010000-\U0010ffff]")
MAX_LINE_CHARS = 250  # longer blocks are prose: the dates in them are what the article is about
# ...except the dateline that opens the first paragraph of a press release or agency story: a few
# words with the date, then a dash ("27.1.2022 - Bei der ...", "Bonn, 3. Mai 2021 – Die ...").
LEDE_DATELINE = re.compile(r"([^\n]{6,80}?)\s[-–—]\s")
MONTH_FIRST_LOCALES = frozenset({"en", "en-us"})
MAX_TIMES = 60  # <time> elements read per page (live blogs carry hundreds)
UPDATE_KEY = "dateshown.update"


class DateLine(NamedTuple):
    """A short visible line that holds dates, before any scoring: its block index and the dates in it."""

    order: int
    text: str
    element: Any
    spans: list[tuple[int, int, Stamp]]  # (start, end, stamp) of each date, see written_spans


class TimeDate(NamedTuple):
    """A <time> element and the date it gives (its datetime attribute, else its text)."""

    element: Any
    stamp: Stamp


class Text(NamedTuple):
    """The blocks' texts, joined by one separator character (a regex runs once over a page, not once a
    line), and where each block starts in the joined text."""

    texts: list[str]
    joined: str
    starts: list[int]


def text_of(page: Page) -> Text:
    """The page's blocks as one text (computed once per page)."""
    return page.memo("dateshown.text", lambda: _text(page))


def dated_lines(page: Page) -> list[DateLine]:
    """The page's short lines that hold complete dates, outside copyright notices (read once per page)."""
    return page.memo("dateshown.lines", lambda: _dated_lines(page))


def dated_times(page: Page) -> list[TimeDate]:
    """The first MAX_TIMES <time> elements that give a date (read once per page)."""
    return page.memo("dateshown.times", lambda: _dated_times(page))


def displayed_days(page: Page) -> set[dt.date]:
    """Every day the page displays as a date, in a dated line or a <time>."""
    return {stamp.day for line in dated_lines(page) for _, _, stamp in line.spans} \
        | {time.stamp.day for time in dated_times(page)}


def displays_any(page: Page, days: set[dt.date]) -> bool:
    """Whether the page displays one of days: bool(days & displayed_days(page)), for less.

    A written date names its year and its day of the month in digits: only the lines that hold one of
    the days' years ("2021", or ".21" and the like in a numeric date, found with str.find over the
    page's text) and one of their day numbers are read. A page that writes digits of another script
    is read in full: str.find would not see its years.
    """
    if not days:
        return False
    if any(time.stamp.day in days for time in dated_times(page)):
        return True
    text = text_of(page)
    if OTHER_DIGITS.search(text.joined):
        return bool(days & displayed_days(page))
    month_first = _month_first(page)
    day_numbers = {str(day.day) for day in days}
    for order in _blocks_holding(text, _year_forms({day.year for day in days})):
        line = _line_of(text.texts[order])
        if line and any(number in line for number in day_numbers) and HAS_YEAR.search(line) \
                and any(stamp.day in days for _, _, stamp in written_spans(line, month_first)):
            return True
    return False


def shows_update(page: Page) -> bool:
    """Whether a visible date is an update's: labelled "Updated" or the like, or a <time> named for one.

    Exactly when datelines.sightings() holds a modified one (which notes it here when it runs first).
    A label is a word of MODIFIED_WORDS, so a page whose text holds none (most pages) needs no date
    line read.
    """
    return page.memo(UPDATE_KEY, lambda: _shows_update(page))


def note_update(page: Page, shown: bool) -> None:
    """Settle shows_update(page) with what a caller found out anyway (the scored sightings)."""
    page.memo(UPDATE_KEY, lambda: shown)


def _shows_update(page: Page) -> bool:
    if any(MODIFIED_HINT.search(time_names(time.element)) for time in dated_times(page)):
        return True
    if not _holds_any(text_of(page).joined, MODIFIED_WORDS):
        return False
    return any(MODIFIED_LABEL.search(line.text[max(0, start - LABEL_REACH):start])
               for line in dated_lines(page) for start, _, _ in line.spans)


def time_names(element: Any) -> str:
    """A <time>'s class, itemprop and id, and its parent's class: what names the date it gives."""
    names = " ".join(filter(None, (element.get("class"), element.get("itemprop"), element.get("id"))))
    parent = element.getparent()
    if parent is not None:
        names += " " + (parent.get("class") or "")
    return names


def _text(page: Page) -> Text:
    texts = [block.text for block in page.blocks]
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    return Text(texts, "\x00".join(texts), starts)


def _dated_lines(page: Page) -> list[DateLine]:
    text, blocks = text_of(page), page.blocks
    month_first = _month_first(page)
    out = []
    for order in _blocks_with_years(text):
        line = _line_of(text.texts[order])
        if line and (spans := written_spans(line, month_first)):
            out.append(DateLine(order, line, blocks[order].element, spans))
    return out


def _dated_times(page: Page) -> list[TimeDate]:
    out: list[TimeDate] = []
    for element in page.tree.iter("time"):
        if len(out) >= MAX_TIMES:
            break
        stamp = parse_machine(element.get("datetime"))
        if stamp is None or len(element.get("datetime", "")) < 8:
            text = element.text_content()
            found = find_written(text) if len(text) < MAX_LINE_CHARS else []
            stamp = found[0][1] if found else None
        if stamp is not None:
            out.append(TimeDate(element, stamp))
    return out


def _line_of(text: str) -> str | None:
    """The part of a block that can be a date line: a short block whole, or the dateline that opens a
    paragraph of prose ("Berlin, 25. Januar 2022 – Die Ministerin ..."); never a copyright notice."""
    if len(text) > MAX_LINE_CHARS:
        lede = LEDE_DATELINE.match(text)
        text = lede.group(1) if lede else ""
    return text if text and not COPYRIGHT.search(text) else None


def _month_first(page: Page) -> bool:
    """Whether 06/01/2017 means June 1: US English pages (lang, og:locale or Content-Language)."""
    declared = [page.lang or ""] + [v for key in ("og:locale", "content-language") for v in page.meta.get(key, ())]
    return any(value.lower().replace("_", "-") in MONTH_FIRST_LOCALES for value in declared if value)


def _blocks_with_years(text: Text) -> Iterator[int]:
    """Indexes of the blocks whose text holds something like a year or a numeric date."""
    joined, starts = text.joined, text.starts
    position = 0
    while match := HAS_YEAR.search(joined, position):
        order = bisect_right(starts, match.start()) - 1
        yield order
        if order + 1 >= len(starts):
            return
        position = starts[order + 1]  # the rest of this block needs no second look


def _year_forms(years: set[int]) -> list[str]:
    """What a written date of one of years holds: the year, or for 2000-2099 its last two digits
    right after the separator of a numeric date (1.6.21, 1/6/21, 1-6-21)."""
    forms = [str(year) for year in years]
    return forms + [f"{separator}{year % 100:02d}" for year in years if year >= 2000 for separator in "./-"]


def _blocks_holding(text: Text, needles: Iterable[str]) -> list[int]:
    """Indexes of the blocks whose text holds one of needles, in order."""
    joined, starts = text.joined, text.starts
    found: set[int] = set()
    for needle in needles:
        at = joined.find(needle)
        while at >= 0:
            order = bisect_right(starts, at) - 1
            found.add(order)
            at = joined.find(needle, starts[order + 1]) if order + 1 < len(starts) else -1
    return sorted(found)


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether text holds one of the lower-case words in any case, as a case-insensitive pattern sees it.

    Besides lower-casing, the regex engine also takes "ı" for "i", "ſ" for "s", and "İ" for "i" (which
    str.lower() writes with a combining dot): those are mapped to the plain letters first.
    """
    folded = text.lower()
    if "ı" in folded or "ſ" in folded or "\u0307" in folded:
        folded = folded.translate(_FOLD_AS_REGEX)
    return bool(_finder(words).find_matches_as_indexes(folded))


@lru_cache(maxsize=4)
def _finder(words: tuple[str, ...]) -> AhoCorasick:
    """All of words found in one pass over a page's text: a str.find per word costs twice as much once
    the update labels of fifteen languages are listed."""
    return AhoCorasick(list(words))
