"""Dates a reader sees: date lines near the headline, <time> elements, and the date in the URL.

Every visible complete date outside navigation, sidebars, comments and footers becomes a Sighting,
scored by what makes a date line the article's own: a label ("Veröffentlicht am", "Published"),
an element named for dates (class "date", "byline", "meta"...), closeness to the headline, and a
short line. A label saying "Updated"/"Aktualisiert" lowers the score: that is the modified date.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from service.extract.datetext import Stamp, find_written, parse_machine, plausible, written_spans
from service.extract.title import declared_titles, similarity
from service.page import Page

# Containers whose dates belong to other things: other articles, comments, the site itself.
OUTSIDE_TAGS = frozenset({"nav", "footer", "aside", "menu"})
# A class or id token that starts with one of these names a container of other things.
OUTSIDE_HINT = re.compile(r"(?:^|\s)(?:comment|sidebar|widget|related|recommend|footer|nav|menu|breadcrumb"
                          r"|recent|popular|latest|trending|newsletter|archive|calendar|kommentar|leserbrief"
                          r"|teaser|more|weitere|similar|read-?next|dont-?miss|also)", re.IGNORECASE)
OUTSIDE_DEPTH = 8  # ancestors looked at: the page-wide wrappers further up say nothing
DATE_HINT = re.compile(r"date|time|datum|zeit|publi|posted|submitted|byline|meta|info|stand|fecha"
                       r"|created|dateline|author|autor", re.IGNORECASE)
PUBLISHED_HINT = re.compile(r"publi|posted|created|pubdate|entry-date|post-date|datePublished", re.IGNORECASE)
MODIFIED_HINT = re.compile(r"updat|modif|aktualis|edited", re.IGNORECASE)
PUBLISHED_LABEL = re.compile(
    r"(?:published|posted|veröffentlicht|erschienen|erstellt|publiziert|publié|publicado|pubblicato"
    r"|gepubliceerd|opublikowano|publikováno|yayınlanma|опубликовано|datum|date|fecha|stand|written"
    r"|submitted)\b[^\d]{0,25}$", re.IGNORECASE)
MODIFIED_LABEL = re.compile(
    r"(?:updated?|aktualisiert|aktualisierung|geändert|modified|revision|edited|zuletzt|mis à jour|actualizado"
    r"|aggiornato|bijgewerkt)\b[^\d]{0,25}$", re.IGNORECASE)
# Dates of events the page announces: "next meeting on ...", "... 10:00-11:30", "... ab 19 Uhr".
EVENT_BEFORE = re.compile(r"(?:nächste[nrs]?|next|upcoming|findet|termin|veranstaltung|event|prochaine?|próxim[oa])"
                          r"\b[^\d]{0,40}$", re.IGNORECASE)
EVENT_AFTER = re.compile(r"\s*(?:[-–]\s*\d{1,2}[:.]\d\d|ab\s+\d{1,2}(?:[:.]\d\d)?\s*uhr|bis\s+\d|from\s+\d)",
                         re.IGNORECASE)
COPYRIGHT = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)
# A year (19xx, 20xx) or a numeric date (1.6.17). Written to start with \d: the regex engine then skips
# to the next digit in C instead of trying each character (2.3x faster over a page's text).
HAS_YEAR = re.compile(r"\d(?:(?<=1)9\d\d|(?<=2)0\d\d|[./]\d\d?[./]\d\d)")
MAX_LINE_CHARS = 250  # longer blocks are prose: the dates in them are what the article is about
URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-/_.]?)([01]\d)\2([0-3]\d)(?!\d)")
URL_DATE_SLASHED = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)/")
HEADING_TAGS = ("h1", "h2")
MIN_HEADLINE_SIMILARITY = 0.5
NEAR_AFTER, NEAR_BEFORE = 1500, 300  # characters of text from the headline
MONTH_FIRST_LOCALES = frozenset({"en", "en-us"})
MAX_TIMES = 60  # <time> elements read per page (live blogs carry hundreds)
REPEATED = 3  # a date line whose element shape recurs this often is a listing of other articles


class Sighting(NamedTuple):
    """A visible date with its score (higher: more likely the article's own) and document order."""

    stamp: Stamp
    score: float
    order: int
    rule: str
    modified: bool
    shape: tuple[str, str] = ("", "")


def url_date(page: Page) -> Stamp | None:
    """The date in the page URL's path: /2017/06/01/, /2017-06-01-title, /20170601/."""
    if not page.url:
        return None
    try:
        path = unquote(urlsplit(page.url).path)
    except ValueError:
        return None
    for pattern in (URL_DATE_SLASHED, URL_DATE):
        for match in pattern.finditer(path):
            year, month, day = (int(g) for g in (match.group(1), match.groups()[-2], match.groups()[-1]))
            stamp = _day_stamp(year, month, day)
            if stamp is not None:
                return stamp
    return None


def _day_stamp(year: int, month: int, day: int) -> Stamp | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return Stamp(value, value.isoformat()) if plausible(value) else None


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


def dated_lines(page: Page) -> list[DateLine]:
    """The page's short lines that hold complete dates, outside copyright notices (read once per page)."""
    return page.memo("datelines.lines", lambda: _dated_lines(page))


def dated_times(page: Page) -> list[TimeDate]:
    """The first MAX_TIMES <time> elements that give a date (read once per page)."""
    return page.memo("datelines.times", lambda: _dated_times(page))


def displayed_days(page: Page) -> set[dt.date]:
    """Every day the page displays as a date: enough to rule a day out without scoring any sighting."""
    return {stamp.day for line in dated_lines(page) for _, _, stamp in line.spans} \
        | {time.stamp.day for time in dated_times(page)}


def shows_update(page: Page) -> bool:
    """Whether a visible date is an update's: labelled "Updated" or a <time> named for modification.

    Exactly when sightings() holds a modified one, found without scoring them.
    """
    return any(MODIFIED_LABEL.search(line.text[max(0, start - 40):start])
               for line in dated_lines(page) for start, _, _ in line.spans) \
        or any(_time_modified(_time_names(time.element)) for time in dated_times(page))


def sightings(page: Page) -> list[Sighting]:
    """Every visible date of the page, the likeliest to be the article's own first (scored once per page)."""
    return page.memo("datelines.sightings", lambda: _sightings(page))


def _dated_lines(page: Page) -> list[DateLine]:
    blocks = page.blocks
    texts = [block.text for block in blocks]
    joined = "\x00".join(texts)  # one regex pass over the page finds the few blocks worth reading
    month_first = _month_first(page)
    out = []
    for order in _blocks_with_years(joined, _starts(page)):
        text = texts[order]
        if len(text) > MAX_LINE_CHARS or COPYRIGHT.search(text):
            continue
        spans = written_spans(text, month_first)
        if spans:
            out.append(DateLine(order, text, blocks[order].element, spans))
    return out


def _starts(page: Page) -> list[int]:
    """Where each block's text starts in the blocks' texts joined by one separator character."""
    return page.memo("datelines.starts", lambda: list(accumulate((len(block.text) + 1 for block in page.blocks[:-1]),
                                                                  initial=0)))


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


def _sightings(page: Page) -> list[Sighting]:
    texts = [block.text for block in page.blocks]
    offsets = _Offsets(_starts(page), texts, _headline_index(page))
    out: list[Sighting] = []
    shapes: dict[tuple[str, str], int] = {}  # how often a (tag, class) holds a date: lists repeat theirs
    for order, text, element, found in dated_lines(page):
        shape = (element.tag, element.get("class") or "")
        shapes[shape] = shapes.get(shape, 0) + 1
        base = _hint(element) + _closeness(offsets, order) + (1.0 if len(text) < 80 else 0.0)
        base -= 3.0 if _outside_article(element) else 0.0
        for position, end, stamp in found:
            before = text[max(0, position - 40):position]
            labelled, modified = bool(PUBLISHED_LABEL.search(before)), bool(MODIFIED_LABEL.search(before))
            score = base + 4.0 * labelled - 3.0 * modified - (1.5 if position > 40 and not labelled else 0.0)
            if EVENT_BEFORE.search(before) or EVENT_AFTER.match(text, end):
                score -= 3.0  # an appointment announced on the page, not the page's own date
            rule = "text:labelled" if labelled else "text:dateline"
            out.append(Sighting(stamp, score - 0.01 * position, order, rule, modified, shape))
    out = [s._replace(score=s.score - 2.0) if shapes.get(s.shape, 0) >= REPEATED else s for s in out]
    out.extend(_time_sightings(page, offsets))
    out.sort(key=lambda s: (-s.score, s.order))
    return out


def _time_sightings(page: Page, offsets: _Offsets) -> list[Sighting]:
    out: list[Sighting] = []
    index_of: dict[int, int] = {}
    for element, stamp in dated_times(page):
        if not index_of:
            index_of = {id(block.element): i for i, block in enumerate(page.blocks)}
        order = _block_order(element, index_of)
        names = _time_names(element)
        modified = _time_modified(names)
        score = 2.0 + (3.0 if element.get("pubdate") is not None or PUBLISHED_HINT.search(names) else 0.0)
        score += _closeness(offsets, order) - (4.0 if modified else 0.0)
        score -= 3.0 if _outside_article(element) else 0.0
        out.append(Sighting(stamp, score, order, "html:time", modified))
    return out


def _time_names(element: Any) -> str:
    """A <time>'s class, itemprop and id, and its parent's class: what names the date it gives."""
    names = " ".join(filter(None, (element.get("class"), element.get("itemprop"), element.get("id"))))
    parent = element.getparent()
    if parent is not None:
        names += " " + (parent.get("class") or "")
    return names


def _time_modified(names: str) -> bool:
    return bool(MODIFIED_HINT.search(names))


def _block_order(element: Any, index_of: dict[int, int]) -> int:
    for node in element.iterancestors():
        if id(node) in index_of:
            return index_of[id(node)]
    return 10_000


def _headline_index(page: Page) -> int | None:
    """The block index of the article's headline.

    The h1 (else h2) most like a declared title (JSON-LD headline, og:title, <title>); without one,
    the first h1 (else h2).
    """
    declared = [value for _, value in declared_titles(page)]
    best, best_score = None, MIN_HEADLINE_SIMILARITY
    firsts: dict[str, int] = {}
    for order, block in enumerate(page.blocks):
        tag = block.element.tag
        if tag not in HEADING_TAGS:
            continue
        firsts.setdefault(tag, order)
        score = max((similarity(block.text, value) for value in declared), default=0.0)
        if score > best_score:
            best, best_score = order, score
    if best is not None:
        return best
    return next((firsts[tag] for tag in HEADING_TAGS if tag in firsts), None)


def _month_first(page: Page) -> bool:
    """Whether 06/01/2017 means June 1: US English pages (lang, og:locale or Content-Language)."""
    declared = [page.lang or ""] + [v for key in ("og:locale", "content-language") for v in page.meta.get(key, ())]
    return any(value.lower().replace("_", "-") in MONTH_FIRST_LOCALES for value in declared if value)


def _blocks_with_years(joined: str, starts: list[int]) -> Iterator[int]:
    """Indexes of the blocks whose text holds something like a year or a numeric date."""
    position = 0
    while match := HAS_YEAR.search(joined, position):
        order = bisect_right(starts, match.start()) - 1
        yield order
        if order + 1 >= len(starts):
            return
        position = starts[order + 1]  # the rest of this block needs no second look


class _Offsets:
    """Characters of visible text between the headline and a block (negative: before it)."""

    def __init__(self, starts: list[int], texts: list[str], anchor: int | None):
        self.starts, self.texts, self.anchor = starts, texts, anchor

    def __call__(self, order: int) -> int | None:
        if self.anchor is None or order >= len(self.starts):
            return None
        top = self.starts[self.anchor]
        if order > self.anchor:
            return self.starts[order] - top - len(self.texts[self.anchor])
        return min(0, self.starts[order] + len(self.texts[order]) - top)


def _closeness(offsets: _Offsets, order: int) -> float:
    """Date lines sit just under (or just over) the headline; site header bars sit far above it.

    Distance is counted in characters of text, so menus and share buttons in between cost little.
    """
    distance = offsets(order)
    if distance is None:
        return 0.0
    if 0 <= distance <= NEAR_AFTER:
        return 3.0 - 2.0 * distance / NEAR_AFTER
    if -NEAR_BEFORE <= distance < 0:
        return 1.5
    return -1.0 if distance < 0 else 0.0


def _hint(element: Any) -> float:
    """+2 when the element or its parent is named for dates or bylines."""
    for node in (element, element.getparent()):
        if node is None:
            break
        names = " ".join(filter(None, (node.get("class"), node.get("id"), node.get("itemprop"))))
        if names and DATE_HINT.search(names):
            return 2.0
    return 0.0


def _outside_article(element: Any) -> bool:
    """Inside navigation, a sidebar, comments, a footer or a list of other articles."""
    node = element
    for _ in range(OUTSIDE_DEPTH):
        if node is None or node.tag in {"body", "html"}:
            return False
        if node.tag in OUTSIDE_TAGS:
            return True
        names = " ".join(filter(None, (node.get("class"), node.get("id"))))
        if names and OUTSIDE_HINT.search(names):
            return True
        node = node.getparent()
    return False
