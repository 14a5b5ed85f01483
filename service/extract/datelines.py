"""Dates a reader sees: date lines near the headline, <time> elements, and the date in the URL.

Every visible complete date outside comments becomes a Sighting, scored by what makes a date line
the article's own: a label ("Veröffentlicht am", "Published"), an element named for dates (class
"date", "byline", "meta"...), closeness to the headline, and a short line; navigation, sidebars and
footers lower the score. A label saying "Updated"/"Aktualisiert" lowers it too: that is the modified
date.
The date of an event or a deadline the page announces ("next meeting", "Antworten bis", "until")
ranks below every date of the page's own (in the article, or labelled as its publication or update):
it dates only a page that shows no such date, such as the event's own.
The dates themselves are read by dateshown.py, which answers the questions that need no scores.
"""
from __future__ import annotations

import datetime as dt
import re
from itertools import islice
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from service.extract import dateshown
from service.extract.dateshown import LABEL_REACH, MODIFIED_HINT, MODIFIED_LABEL
from service.extract.datetext import Stamp, alternation, label_pattern, plausible
from service.extract.title import declared_titles, similarity
from service.page import Page

# Containers whose dates belong to other things: other articles, comments, the site itself.
OUTSIDE_TAGS = frozenset({"nav", "footer", "aside", "menu"})
# A class or id token that starts with one of these names a container of other things; their dates
# only score lower ("commented" is a state of the article itself, not a comment).
OUTSIDE_HINT = re.compile(r"(?:^|\s)(?:comment(?!ed\b)|kommentar|leserbrief|sidebar|widget"
                          r"|related|recommend|footer|nav|menu|breadcrumb|recent|popular|latest|trending"
                          r"|newsletter|archive|calendar|teaser|more|weitere|similar|read-?next|dont-?miss|also)",
                          re.IGNORECASE)
# A whole class or id token that names a reader's comment, a part of one, or the comments section: such
# a date is its writer's, never the article's, and is left out. Only these exact forms: an opinion piece
# ("commentary", "kommentar-artikel") or the article's comment count ("comments-meta") is the article's.
COMMENT_PART = (r"\d+|list|liste|body|content|text|meta|metadata|date|datum|time|zeit|timestamp|author|autor"
                r"|head|header|info|item|entry|reply|replies|antwort")
COMMENT_SECTION = r"list|liste|area|section|wrapper|container|thread|block"
COMMENT_TOKEN = re.compile(rf"comment|(?:comment|kommentar|leserbrief)[-_]*(?:{COMMENT_PART})"
                           rf"|(?:comments|kommentare|leserbriefe)(?:[-_]*(?:{COMMENT_SECTION}))?", re.IGNORECASE)
COMMENT, OUTSIDE = "comment", "outside"  # what _outside_article finds a date in
OUTSIDE_DEPTH = 8  # ancestors looked at: the page-wide wrappers further up say nothing
DATE_HINT = re.compile(r"date|time|datum|zeit|publi|posted|submitted|byline|meta|info|stand|fecha"
                       r"|created|dateline|author|autor", re.IGNORECASE)
PUBLISHED_HINT = re.compile(r"publi|posted|created|pubdate|entry-date|post-date|datePublished", re.IGNORECASE)
# Labels of a publication date: "Veröffentlicht am", "Published:", "Datum:".
PUBLISHED_WORDS = ("published", "posted", "veröffentlicht", "erschienen", "erstellt", "publiziert", "publié",
                   "publicado", "publicada", "pubblicato", "gepubliceerd", "geplaatst", "opublikowano", "dodano",
                   "publikováno", "zveřejněno", "publicerad", "publicerat", "publiceret", "publisert", "yayınlanma",
                   "yayımlanma", "yayın", "опубликовано", "опубликован", "datum", "date", "fecha",
                   "stand", "written", "submitted")
PUBLISHED_LABEL = label_pattern(PUBLISHED_WORDS, 25)
# "Data:"/"Дата:" (pt, it, pl, ru) only right before the date: "Data as of ...", "Data: ONS, ..." is
# an English chart's source, not a date label.
DATE_COLON_LABEL = re.compile(r"(?<![^\W\d_])(?:data|дата)\s*:\s*$", re.IGNORECASE)
# Long blocks after the headline whose opening words may be a dateline ("Bonn, 3. Mai 2021 - Das
# Ministerium ..."): a long standfirst may come before it. After the first, a block that opens with
# a preposition ("Am 14. Juli 1998 - dem Tag ...", "On 11 September 2001 - ...") tells of history.
LEDE_BLOCKS = 3
NARRATIVE_OPENERS = frozenset({"am", "im", "on", "in", "at", "since", "seit", "bis", "until", "vom", "from", "le",
                               "el", "il", "au", "en", "desde", "dal", "dem", "the", "op", "w", "v"})
# Dates of events the page announces and deadlines it sets: "next meeting on ...", "Deadline: ...",
# "... 10:00-11:30", "... ab 19 Uhr". Such a date dates the page only when it shows no other date.
EVENT_WORDS = ("nächste", "nächsten", "nächster", "nächstes", "next", "upcoming", "findet", "termin", "veranstaltung",
               "event", "prochain", "prochaine", "próximo", "próxima", "prossimo", "prossima", "volgende",
               "deadline", "frist", "einsendeschluss", "anmeldeschluss", "bewerbungsschluss", "date limite",
               "fecha límite", "scadenza")
EVENT_BEFORE = label_pattern(EVENT_WORDS, 40)
# "until" right before a date, in a few words: "Antworten bis 23.06.", "open until", "jusqu'au".
UNTIL_WORDS = ("bis", "until", "till", "jusqu'au", "jusqu’au", "hasta", "fino al", "entro il", "tot en met")
UNTIL_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{alternation(UNTIL_WORDS)})\b"
                          r"(?:\s+(?:zum|einschließlich|el|le))?\W{0,3}$", re.IGNORECASE)
EVENT_AFTER = re.compile(r"\s*(?:[-–]\s*\d{1,2}[:.]\d\d|ab\s+\d{1,2}(?:[:.]\d\d)?\s*uhr|bis\s+\d|from\s+\d)",
                         re.IGNORECASE)
URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-/_.]?)([01]\d)\2([0-3]\d)(?!\d)")
URL_DATE_SLASHED = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)/")
HEADING_TAGS = ("h1", "h2")
MIN_HEADLINE_SIMILARITY = 0.5
NEAR_AFTER, NEAR_BEFORE = 1500, 300  # characters of text from the headline
REPEATED = 3  # a date line whose element shape recurs this often is a listing of other articles


class Sighting(NamedTuple):
    """A visible date with its score (higher: more likely the article's own) and document order."""

    stamp: Stamp
    score: float
    order: int
    rule: str
    modified: bool
    shape: tuple[str, str] = ("", "")
    event: bool = False  # the date of an event or a deadline the page announces
    own: bool = True  # in the article, or labelled as the page's publication or update wherever it is


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


def sightings(page: Page) -> list[Sighting]:
    """Every visible date of the page, the likeliest to be the article's own first (scored once per page)."""
    return page.memo("datelines.sightings", lambda: _sightings(page))


def _sightings(page: Page) -> list[Sighting]:
    lines = dateshown.dated_lines(page)
    if not lines and not dateshown.dated_times(page):
        dateshown.note_update(page, False)
        return []  # nothing to score: no headline to look for either
    page_text = dateshown.text_of(page)
    offsets = _Offsets(page_text.starts, page_text.texts, _headline_index(page))
    out: list[Sighting] = []
    shapes: dict[tuple[str, str], int] = {}  # how often a (tag, class) holds a date: lists repeat theirs
    long_lines = any(len(page_text.texts[line.order]) > dateshown.MAX_LINE_CHARS for line in lines)
    ledes = _lede_indices(page_text.texts, offsets.anchor) if long_lines else ()
    for order, text, element, found in lines:
        if len(page_text.texts[order]) > dateshown.MAX_LINE_CHARS and (
                order not in ledes or (order != ledes[0] and text.split(maxsplit=1)[0].casefold() in NARRATIVE_OPENERS)):
            continue  # the opening words of a later paragraph: a date the article tells of, not its dateline
        shape = (element.tag, element.get("class") or "")
        shapes[shape] = shapes.get(shape, 0) + 1
        outside = _outside_article(element)
        if outside == COMMENT:
            continue
        base = _hint(element) + _closeness(offsets, order) + (1.0 if len(text) < 80 else 0.0)
        base -= 3.0 if outside else 0.0
        for position, end, stamp in found:
            before = text[max(0, position - LABEL_REACH):position]
            labelled = bool(PUBLISHED_LABEL.search(before) or DATE_COLON_LABEL.search(before))
            modified = bool(MODIFIED_LABEL.search(before))
            score = base + 4.0 * labelled - 3.0 * modified - (1.5 if position > 40 and not labelled else 0.0)
            event = bool(EVENT_BEFORE.search(before) or UNTIL_BEFORE.search(before)
                         or EVENT_AFTER.match(text, end))
            score -= 3.0 * event  # an appointment or a deadline the page announces, not the page's own date
            rule = "text:labelled" if labelled else "text:dateline"
            own = not outside or labelled or modified
            out.append(Sighting(stamp, score - 0.01 * position, order, rule, modified, shape, event, own))
    out = [s._replace(score=s.score - 2.0) if shapes.get(s.shape, 0) >= REPEATED else s for s in out]
    out.extend(_time_sightings(page, offsets))
    # An event's date ranks below every date of the page's own; when the page shows none (only footer
    # or sidebar dates besides), by score like any other.
    owned = any(s.own and not s.event for s in out)
    out.sort(key=lambda s: (s.event and owned, -s.score, s.order))
    dateshown.note_update(page, any(s.modified for s in out))
    return out


def _time_sightings(page: Page, offsets: _Offsets) -> list[Sighting]:
    out: list[Sighting] = []
    index_of: dict[int, int] = {}
    for element, stamp in dateshown.dated_times(page):
        if not index_of:
            index_of = {id(block.element): i for i, block in enumerate(page.blocks)}
        order = _block_order(element, index_of)
        names = dateshown.time_names(element)
        modified = bool(MODIFIED_HINT.search(names))
        labelled = element.get("pubdate") is not None or bool(PUBLISHED_HINT.search(names))
        outside = _outside_article(element)
        if outside == COMMENT:
            continue
        score = 2.0 + 3.0 * labelled + _closeness(offsets, order) - 4.0 * modified - 3.0 * bool(outside)
        own = not outside or labelled or modified
        out.append(Sighting(stamp, score, order, "html:time", modified, own=own))
    return out


def _block_order(element: Any, index_of: dict[int, int]) -> int:
    for node in element.iterancestors():
        if id(node) in index_of:
            return index_of[id(node)]
    return 10_000


def _headline_index(page: Page) -> int | None:
    """The block index of the article's headline.

    The h1 (else h2) most like a declared title (JSON-LD headline, og:title, <title>); without one,
    the first block of any tag that reads exactly as a declared title (a headline styled in a <div>,
    while the page's h2s head its comments or sidebar); else the first h1 (else h2).
    """
    declared = [value for _, value in declared_titles(page)]
    exact = frozenset(declared)
    best, best_score, titled = None, MIN_HEADLINE_SIMILARITY, None
    firsts: dict[str, int] = {}
    for order, block in enumerate(page.blocks):
        tag = block.element.tag
        if tag not in HEADING_TAGS:
            if titled is None and block.text in exact:
                titled = order
            continue
        firsts.setdefault(tag, order)
        score = max((similarity(block.text, value) for value in declared), default=0.0)
        if score > best_score:
            best, best_score = order, score
    if best is not None:
        return best
    if titled is not None:
        return titled
    return next((firsts[tag] for tag in HEADING_TAGS if tag in firsts), None)


def _lede_indices(texts: list[str], anchor: int | None) -> tuple[int, ...]:
    """The block indices of the article's first paragraphs of prose: the first LEDE_BLOCKS blocks over
    MAX_LINE_CHARS after the headline (without a headline, on the page). Only their opening words
    can be a dateline; a date opening a later paragraph is one the article tells of."""
    start = 0 if anchor is None else anchor + 1
    long = (order for order in range(start, len(texts)) if len(texts[order]) > dateshown.MAX_LINE_CHARS)
    return tuple(islice(long, LEDE_BLOCKS))


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


def _outside_article(element: Any) -> str:
    """COMMENT inside a reader's comment or the comments section, else OUTSIDE inside navigation, a
    sidebar, a footer or a list of other articles, else "" (the article's own).

    A comment's own parts may carry names of the other kind (a <footer> or a "comment-footer" holding
    its date): the ancestors above an OUTSIDE container are still looked at for a comment.
    """
    node, found = element, ""
    for _ in range(OUTSIDE_DEPTH):
        if node is None or node.tag in {"body", "html"}:
            break
        if node.tag in OUTSIDE_TAGS:
            found = OUTSIDE
        names = " ".join(filter(None, (node.get("class"), node.get("id"))))
        if names and OUTSIDE_HINT.search(names):
            if any(COMMENT_TOKEN.fullmatch(token) for token in names.split()):
                return COMMENT
            found = OUTSIDE
        node = node.getparent()
    return found
