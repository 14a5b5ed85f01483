"""Copyright: the article's own notice ("Copyright © South Front, South Front, 2017"), with holder and year.

A cross-posted article carries its author's notice near its end, while the site's footer carries the
site's ("© 2024 Site Inc. All rights reserved"). Rules, specific first: a notice inside the article
container, the article's JSON-LD copyrightNotice/copyrightHolder/copyrightYear, a notice where the
page does not say (first in document order), the copyright meta tags, and last the site's own notice
in its footer (the one statement that covers a site's own articles; its provenance says so).
Photo credits (figure captions, "Photo: © ...") are never the article's notice.
"""
from __future__ import annotations

import re
from typing import Any

from service.extract.datetext import alternation, initials
from service.extract.lead import paragraph_blocks
from service.extract.model import Copyright
from service.extract.rules import Found, Rule, first_match, jsonld_value
from service.extract.textlines import matching_lines
from service.extract.zones import ARTICLE, CHROME, NEUTRAL, near_media, page_zone
from service.page import Page, clean_text

# A notice starts at ©, (c) or the word Copyright followed by ©, a year or a capitalised name.
NOTICE = re.compile(r"©|\((?i:c)\)\s*(?=\d{4}|[A-Z])|(?i:copyright)\s*(?=©|\((?i:c)\)|\d{4}|[A-Z])")
NOTICE_WORDS = ("©", "(c)", "copyright")  # one of them starts every notice (lower-cased)
MARKERS = re.compile(r"^(?:\s|©|\((?i:c)\)|(?i:copyright)\b|:)+")
YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)\d{2}|\d{2}))?\b")
# "All rights reserved" in the languages the service meets, searched as a trie (alternation): a flat
# alternation of them costs three times more.
RESERVED_PHRASES = ("all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
                    "todos los derechos reservados", "tutti i diritti riservati", "riproduzione riservata",
                    "some rights reserved", "todos os direitos reservados", "alle rechten voorbehouden",
                    "wszelkie prawa zastrzeżone", "všechna práva vyhrazena", "alla rättigheter förbehållna",
                    "alle rettigheder forbeholdes", "alle rettigheter reservert", "tüm hakları saklıdır",
                    "все права защищены")
RESERVED = re.compile(f"(?i:(?={initials(RESERVED_PHRASES)})(?:{alternation(RESERVED_PHRASES)}))\\.?")
HOLDER_END = re.compile(r"\s[|·•]\s.*|\.\s.*", re.DOTALL)
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,])")
HOLDER_PARTS = re.compile(r"\s*,\s*")
BY = re.compile(r"^(?i:by)\s+")
# Abbreviations whose full stop belongs to the holder's name.
NAME_ABBREVIATIONS = frozenset({"inc.", "ltd.", "co.", "corp.", "bros.", "llc.", "plc.", "e.v.", "s.a.", "n.v."})
PHOTO_CREDIT = re.compile(r"^(?i:photo|foto|bild|image|picture|credit|illustration|video)s?\b")
CAPTION_TAGS = frozenset({"figcaption", "figure", "caption"})
MAX_NOTICE_CHARS = 200
MAX_LINE_CHARS = 400
META_KEYS = ("copyright", "dc.rights", "dcterms.rights", "rights")


def parse_notice(notice: str) -> Copyright:
    """Holder and year of a notice: the latest year of a range; the holder's repeated parts once."""
    found = list(YEAR_RANGE.finditer(notice))
    years = [int(m.group(1)) for m in found]
    if found and found[0].group(2):  # a range: its end year
        first, end = found[0].group(1), found[0].group(2)
        years.append(int(end) if len(end) == 4 else int(first[:2] + end))
    rest = MARKERS.sub("", notice)
    rest = RESERVED.sub("", YEAR_RANGE.sub("", rest) if found else rest)
    rest = " ".join(rest.split())  # single spaces: the literal tests below stand for \s
    if " ." in rest or " ," in rest:
        rest = SPACE_BEFORE_PUNCTUATION.sub(r"\1", rest)
    rest = HOLDER_END.sub("", rest)
    parts: list[str] = []
    for part in HOLDER_PARTS.split(rest) if "," in rest else [rest]:
        part = part.strip(" ;:-–—")
        part = BY.sub("", part) if part[:2].lower() == "by" else part
        if part.endswith(".") and part.rsplit(" ", 1)[-1].casefold() not in NAME_ABBREVIATIONS:
            part = part.rstrip(".")
        if part and part.casefold() not in {p.casefold() for p in parts}:
            parts.append(part)
    return Copyright(notice=notice, holder=", ".join(parts) or None, year=max(years) if years else None)


def _notices(page: Page) -> list[tuple[Any, Copyright]]:
    """(element, parsed notice) of every visible notice with a holder or a year, in document order."""
    out: list[tuple[Any, Copyright]] = []
    last_line: tuple[int, str] | None = None
    for found in matching_lines(page, NOTICE, NOTICE_WORDS):
        if (id(found.block), found.line) == last_line:  # one notice per line: the first marker starts it
            continue
        last_line = (id(found.block), found.line)
        if (found.element.tag in CAPTION_TAGS or len(found.line) > MAX_LINE_CHARS
                or PHOTO_CREDIT.match(found.line)):
            continue
        notice = found.line[found.start:][:MAX_NOTICE_CHARS]
        reserved = RESERVED.search(notice)
        notice = (notice[:reserved.end()] if reserved else notice).strip()
        parsed = parse_notice(notice)
        # a year-less notice by a picture is the picture's credit
        if (parsed.holder or parsed.year) and (parsed.year or not near_media(found.element)):
            out.append((found.element, parsed))
    return out


def _depth_with(ancestors: dict[Any, int], element: Any) -> int:
    """How deep the nearest common ancestor of element and the lead paragraph is."""
    node = element
    while node is not None and node not in ancestors:
        node = node.getparent()
    return ancestors.get(node, 0)


def classify(page: Page) -> dict[str, Copyright]:
    """The first notice of each zone. The site's chrome is the site's; of the other notices, the ones
    closest to the article's first paragraph (deepest common ancestor) keep their zone and the rest
    are the site's: an unmarked footer sits further from the text than the article's own notice."""
    zoned = [(page_zone(page, element), element, parsed) for element, parsed in _notices(page)]
    depths: dict[int, int] = {}  # by index into zoned; only needed when two notices outside the chrome compete
    if sum(zone != CHROME for zone, _, _ in zoned) >= 2:
        first = paragraph_blocks(page)[:1]
        ancestors: dict[Any, int] = {}
        if first:
            chain = list(first[0].element.iterancestors())[::-1] + [first[0].element]
            ancestors = {node: depth for depth, node in enumerate(chain)}
        depths = {i: _depth_with(ancestors, element) for i, (_, element, _) in enumerate(zoned)}
    closest = max((depths.get(i, 0) for i, (zone, _, _) in enumerate(zoned) if zone != CHROME), default=0)
    out: dict[str, Copyright] = {}
    for i, (zone, _, parsed) in enumerate(zoned):
        out.setdefault(CHROME if zone == CHROME or depths.get(i, 0) < closest else zone, parsed)
    return out


def _jsonld(page: Page) -> Copyright | None:
    node = page.article.data if page.article else {}
    notice = jsonld_value(node, "copyrightNotice")
    holder = jsonld_value(node, "copyrightHolder")
    year = jsonld_value(node, "copyrightYear")
    if isinstance(holder, dict):
        holder = holder.get("name")
    holder = clean_text(holder) if isinstance(holder, str) and holder.strip() else None
    year = int(year) if isinstance(year, (int, str)) and str(year).strip().isdigit() else None
    if isinstance(notice, str) and notice.strip():
        parsed = parse_notice(clean_text(notice))
        return Copyright(parsed.notice, holder or parsed.holder, year or parsed.year)
    if holder or year:
        return Copyright(" ".join(["©", *([str(year)] if year else []), *([holder] if holder else [])]), holder, year)
    return None


def _meta(page: Page) -> Found[Copyright] | None:
    for key in META_KEYS:
        for content in page.meta.get(key, ()):
            parsed = parse_notice(clean_text(content)[:MAX_NOTICE_CHARS])
            if parsed.holder or parsed.year:
                return Found(parsed, f"meta:{key}")
    return None


def extract(page: Page) -> Found[Copyright] | None:
    """The article's copyright notice, parsed; the site's footer notice only when there is no other."""
    zones: dict[str, Copyright] = {}
    rules: list[Rule] = [
        ("text:article-notice", lambda p: zones.update(classify(p)) or zones.get(ARTICLE)),
        ("json-ld:copyright", _jsonld),
        ("text:notice", lambda p: zones.get(NEUTRAL)),
        ("meta", _meta),
        ("text:site-notice", lambda p: zones.get(CHROME)),
    ]
    return first_match(page, rules)
