"""Publication and modification dates, as ISO 8601 (date-time with offset when the page gives one).

Structured sources come first, specific to generic: JSON-LD, OpenGraph/article:*, Dublin Core and
other <meta> names, microdata. What a reader sees settles their conflicts: when structured sources
disagree, the one whose day the page displays (a date line near the headline, a <time>, the URL)
wins; a UTC time whose day is one off the displayed day gives way to the displayed (local) day; a
page that displays only its update gets its declared dateModified. A page without structured
dates is dated by its best visible date line (datelines.py), then its URL, then htmldate (unless
it gives a day the page shows: with no date line left, every date shown is a comment's).

Scoring every visible date is the costly part, so it runs only when a decision needs the scores:
whether a page displays a given day, or any update, is read without them (dateshown.py).

Provenance: json-ld:<key>, meta:<name>, microdata:datePublished, html:time, text:labelled,
text:dateline, url, htmldate.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from itertools import chain

from service.extract import datelines, dateshown
from service.extract.datetext import Stamp, find_written, parse_machine
from service.extract.rules import Found, jsonld_value, run_rule
from service.page import ARTICLE_TYPES, Page

PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:published_time",
                  "datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
                  "dcterms.created", "dc.created", "date", "citation_publication_date", "citation_online_date",
                  "citation_date", "prism.publicationdate", "pubdate", "publishdate", "publish-date",
                  "publish_date", "publication_date", "publication-date", "sailthru.date", "parsely-pub-date",
                  "article.published", "originalpublicationdate", "bt:pubdate", "sw-pubdate")
MODIFIED_META = ("article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
                 "dcterms.modified", "dc.date.modified", "lastmod", "last-modified", "revision_date",
                 "bt:moddate", "dateupdate")
PUBLISHED_KEYS = ("datePublished", "dateCreated", "uploadDate")
MODIFIED_KEYS = ("dateModified",)
STORY_TYPES = frozenset(ARTICLE_TYPES) - {"WebPage", "ItemPage", "AboutPage", "CreativeWork"}
MIN_DATE_DIGITS = re.compile(r"\d{8}|\d+\D+\d+\D+\d+|[^\W\d_]{3}\D*\d+\D+\d+")
# Below this a visible date line is only a guess; the URL's date is then trusted first.
CONFIDENT_SCORE = 3.0
# The longest structured value read as a date: parse_machine takes up to 80 characters, a written
# date ("1. Juni 2017, 10:00 Uhr") a little more. Checked before any pattern runs: MIN_DATE_DIGITS
# backtracks quadratically on long letter runs (100 KB took 86 s).
MAX_WRITTEN_CHARS = 120
ZONE_RANGE = (dt.timedelta(hours=-12), dt.timedelta(hours=14))  # UTC-12 .. UTC+14
SHOWN_TOP = 5  # the visible dates that can confirm a structured one


def _machine(value: object) -> Stamp | None:
    """A structured value that names a day (a bare year or year-month never dates an article)."""
    if not isinstance(value, str) or len(value) >= MAX_WRITTEN_CHARS or not MIN_DATE_DIGITS.search(value):
        return None
    stamp = parse_machine(value)
    if stamp is None:  # "07 أكتوبر 2020", "1. Juni 2017, 10:00"
        written = find_written(value)
        stamp = written[0][1] if written else None
    return stamp


def _structured(page: Page, keys: tuple[str, ...], meta_keys: tuple[str, ...]) -> Iterator[tuple[str, Stamp]]:
    """(rule, stamp) for every structured date of one kind, most specific source first."""
    known = page.memo("dates.values", dict)  # pages often declare one value three times (JSON-LD, og, meta)

    def read(value: object) -> Stamp | None:
        if not isinstance(value, str):
            return None
        if value not in known:
            known[value] = _machine(value)
        return known[value]

    others = (n for n in page.jsonld if n is not page.article and set(n.types) & STORY_TYPES)
    for node in chain([page.article] if page.article else [], others):
        stamp = read(jsonld_value(node.data, keys[0]))  # another story node only when the article's has none
        if stamp:
            yield f"json-ld:{keys[0]}", stamp
            break
    for key in meta_keys:
        for content in page.meta.get(key, ()):
            stamp = read(content)
            if stamp:
                yield f"meta:{key}", stamp
                break
    for value, element in page.itemprops.get(keys[0], ()):
        stamp = read(value) if element.tag != "meta" else None
        if stamp:
            yield f"microdata:{keys[0]}", stamp
            break
    for key in keys[1:]:
        stamp = read(jsonld_value(page.article.data, key)) if page.article else None
        if stamp:
            yield f"json-ld:{key}", stamp


def published(page: Page) -> Found[str] | None:
    """The article's original publication date, as the page shows it (never raises: see run_rule)."""
    return run_rule(page, "dates.published", _published)


def modified(page: Page) -> Found[str] | None:
    """The last modification date the page declares (structured data, else an "Updated" line)."""
    return run_rule(page, "dates.modified", _modified)


def _declared(page: Page, kind: str) -> list[tuple[str, Stamp]]:
    """The structured dates of one kind ("published", "modified"), read once per page."""
    keys, meta_keys = (PUBLISHED_KEYS, PUBLISHED_META) if kind == "published" else (MODIFIED_KEYS, MODIFIED_META)
    return page.memo(f"dates.{kind}", lambda: list(_structured(page, keys, meta_keys)))


def _published(page: Page) -> Found[str] | None:
    structured = _declared(page, "published")
    single = structured[0] if structured and len({stamp.day for _, stamp in structured}) == 1 else None
    if single and _settled(single[1]):
        return Found(single[1].iso, single[0])  # one day, in the publisher's zone: settled
    url = datelines.url_date(page)
    if single and not _may_show_another_day(page, single[1], url):
        return Found(single[1].iso, single[0])  # one day, and the page displays no day that overrules it
    seen = datelines.sightings(page)
    shown = {s.stamp.day for s in seen[:SHOWN_TOP] if s.score > 0} | ({url.day} if url else set())
    if structured:
        return _settle(page, structured, seen, shown, url)
    best = seen[0] if seen else None
    if url and (best is None or best.score < CONFIDENT_SCORE or url.day in shown):
        return Found(url.iso, "url")
    if best is None or best.score < CONFIDENT_SCORE:
        # Only a weak date line: a declared modification date dates the page better than a guess.
        for rule, stamp in _declared(page, "modified"):
            return Found(stamp.iso, rule)
    if best is not None:
        return Found(best.stamp.iso, best.rule)
    found = _htmldate(page)
    if found is not None and dateshown.displays_any(page, {dt.date.fromisoformat(found.value[:10])}):
        return None  # every date the page shows is a comment's, and htmldate found one of those
    return found


def _htmldate(page: Page) -> Found[str] | None:
    """Last resort: htmldate's wider search (JSON in scripts, attributes, image names) on the tree.

    Imported on first use: most pages never get here, and it brings dateparser along. Its
    extensive (free-text) mode is left off: on pages without a date it costs 20-80 ms and mostly
    guesses a bare year. Guesses that land on January 1st come from a bare year and are dropped.
    """
    import htmldate  # imported here on purpose: see docstring

    try:
        value = htmldate.find_date(page.tree, extensive_search=False, original_date=True, url=page.url)
    except (ValueError, TypeError, OverflowError):
        return None
    stamp = parse_machine(value) if value else None
    if stamp is None or (stamp.day.month, stamp.day.day) == (1, 1):
        return None
    return Found(stamp.iso, "htmldate")


def _settled(stamp: Stamp) -> bool:
    """A bare date, or a time with a non-UTC offset: either way the day is the publisher's own."""
    return not stamp.has_time or (not stamp.utc and len(stamp.iso) > 19 and stamp.iso[-6] in "+-")


def _may_show_another_day(page: Page, stamp: Stamp, url: Stamp | None) -> bool:
    """Whether _settle could date the page other than by stamp, the one day its structured dates give.

    Only a displayed day can: the local day next to a UTC time (in the URL, or a visible date), or a
    declared modification day the page shows. When the page displays none of those days, stamp is the
    answer, read from which days are displayed instead of scoring every date the page shows.
    """
    if url and url.day == stamp.day:
        return False  # the day is shown: _settle takes the first structured date
    near = _near_days(stamp)
    if url and url.day in near:
        return True
    modified = {other.day for _, other in _declared(page, "modified")}
    return dateshown.displays_any(page, near | (modified - {stamp.day}))


def _near_days(stamp: Stamp) -> set[dt.date]:
    """The days next to a UTC time's day that are its local day in some time zone (none for a local time)."""
    if not stamp.utc:
        return set()
    moment = dt.datetime.fromisoformat(stamp.iso)
    return {(moment + offset).date() for offset in ZONE_RANGE} - {stamp.day}


def _settle(page: Page, structured: list[tuple[str, Stamp]], seen: list[datelines.Sighting],
            shown: set[dt.date], url: Stamp | None) -> Found[str]:
    """The structured date the page displays; the displayed local day of a UTC time; else the first."""
    top = seen[0] if seen and seen[0].score >= CONFIDENT_SCORE else None
    if top is not None and not top.modified:
        for rule, stamp in structured:
            if stamp.day == top.stamp.day:
                return Found(stamp.iso, rule)
    for rule, stamp in structured:
        if stamp.day in shown:
            return Found(stamp.iso, rule)
    local = _local_day(structured[0][1], seen, url)
    if local is not None:
        return local
    if seen:  # the page shows its last update as its date: the reader's date is that one...
        day = seen[0].stamp.day
        for rule, stamp in _declared(page, "modified"):
            if stamp.day == day:
                # ...unless a published date gives that day too: the page shows that one just as well
                rule, stamp = next(((r, s) for r, s in structured if s.day == day), (rule, stamp))
                return Found(stamp.iso, rule)
    rule, stamp = structured[0]
    return Found(stamp.iso, rule)


def _local_day(stamp: Stamp, seen: list[datelines.Sighting], url: Stamp | None) -> Found[str] | None:
    """The displayed day of a UTC time, when the publisher's zone puts it on the previous or next day."""
    near = _near_days(stamp)
    if not near:
        return None
    if url and url.day in near:
        return Found(url.iso, "url")
    for sighting in seen:
        if sighting.stamp.day in near and not sighting.modified:
            return Found(sighting.stamp.iso, sighting.rule)
    return None


def _modified(page: Page) -> Found[str] | None:
    for rule, stamp in _declared(page, "modified"):
        return Found(stamp.iso, rule)
    if not dateshown.shows_update(page):
        return None  # no visible date is an update's: nothing to score
    for sighting in datelines.sightings(page):
        if sighting.modified:
            return Found(sighting.stamp.iso, sighting.rule)
    return None
