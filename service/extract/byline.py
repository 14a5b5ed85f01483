"""Visible bylines: the author as the reader sees it, when structured data is missing or names the site.

Two rules, in order: an element the page marks as a byline (a class with "byline", "author",
"autor", "verfasser", ...), looked for after the article's h1 first, then a short text block that
opens with a byline word in one of several languages ("By", "Von", "Par", "Por", "Di", "Text:",
"Autor:"). Bylines of comments, teasers of other articles, menus and author boxes are skipped; photo
credits are never authors.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count, islice
from operator import attrgetter, itemgetter
from typing import Any

from ahocorasick_rs import AhoCorasick

from service.extract.model import Author
from service.extract.names import (
    ELEMENT,
    FREE_TEXT,
    authors_from_text,
    looks_like_person,
    split_names,
    strip_byline,
)
from service.extract.title import h1_elements
from service.page import Block, Page

# Words in a class that mark a byline ("uthor" covers Author and author), searched in the lower-cased
# classes of Page.classed: an XPath of many contains() or translate() calls costs ten times more.
# "auteur" (Dutch, French), "forfatter" (Danish, Norwegian) and "skribent" (Swedish) name the writer too.
BYLINE_HINTS = ("uthor", "autor", "auteur", "forfatter", "skribent", "byline", "verfasser", "writer", "posted-by",
                "contributor", "reporter")
# Class/id words (split at "-", "_" and spaces) of an ancestor that mean "not this article's byline":
# comments, teasers of other articles, menus, author boxes at the foot of the article. Whole words
# only: "taxomenu" or "cards" say nothing.
CONTEXT_WORDS = frozenset({"comment", "comments", "commentlist", "kommentar", "kommentare", "related",
                           "teaser", "teasers", "recommended", "recommendations", "popular", "trending",
                           "newsletter", "reply", "respond", "menu", "breadcrumb", "breadcrumbs", "gallery",
                           "authorbox", "authorbio", "bio", "biography", "morearticles"})
# Context words that are a theme's names for a layout component, used for the article's own header too.
LAYOUT_WORDS = frozenset({"teaser", "teasers"})
# Class words of the element itself that mark a picture, a biography, a link list, not a byline.
SELF_WORDS = frozenset({"avatar", "description", "desc", "credit", "credits", "copyright", "photo", "foto",
                        "image", "img", "pic", "picture", "social", "share", "follow", "contact", "email",
                        "mail", "box"})
_CLASS_WORD = re.compile(r"[^a-z0-9]+")
# Any of those words as a substring, found in one pass (a regex of them costs eight times more).
_CONTEXT_HINT = AhoCorasick(sorted(CONTEXT_WORDS | SELF_WORDS))
# Ancestors that never hold the article's byline.
ELSEWHERE_TAGS = frozenset({"nav", "form", "figure", "figcaption", "select"})
# Where the walk up from a byline stops: the article's context is below them.
STOP_TAGS = frozenset({"body", "html"})
# Class words a CMS derives from the article's own terms ("category-credit-cards", "tag-bio",
# "post_tag-kommentar" in Sandbox-derived WordPress themes): not layout.
TERM_CLASS_PREFIXES = ("tag-", "category-", "post-", "post_tag-", "post_format-", "format-", "status-", "type-",
                       "postid-", "with-", "has-", "no-", "is-")
SKIPPED_TAGS = frozenset({"nav", "aside", "footer", "form", "figcaption", "figure", "script", "style",
                          "noscript", "select", "button", "input", "textarea", "label", "h1", "h2"})
# A credit for pictures, not words: "Foto: ...", "Photo by ...", "Bild: ...".
PICTURE_CREDIT = re.compile(r"^\s*(?:fotos?|photos?|bilder?|images?|illustrations?|grafik|credits?|quelle"
                            r"|source|video|kamera|camera)\b", re.IGNORECASE)
# A block that opens with a byline word; the word must be followed by a name on the same or next line.
# Words a name follows after a space or a colon, and words only followed by a colon.
# "Submitted by" and its German "Gespeichert von" are Drupal's default byline.
BYLINE_WORDS = ("by", "von", "par", "por", "di", "door", "written by", "verfasst von", "geschrieben von",
                "erstellt von", "veröffentlicht von", "posted by", "reported by", "submitted by",
                "gespeichert von", "skrevet af", "skrevet av", "skriven av")
# The Nordic "Av"/"Af" ("Av Anna Berg"), only as a byline writes them: in capitals they are abbreviations
# that open headings ("AV Equipment Rental", "AF Global Strike Command").
CASED_BYLINE_WORDS = ("Av", "av", "Af", "af")
# ... and only on pages in these languages or in none declared ("Av Club Meeting Notes" on an English page).
NORDIC_LANGUAGES = frozenset({"sv", "no", "nb", "nn", "da", "fo"})
# Polish and Czech "Autorka:", Portuguese "Texto:", Polish "Tekst:", Swedish "Skribent:", Turkish "Yazar:".
LABEL_WORDS = ("text", "texte", "texto", "tekst", "autor", "autorin", "autoren", "autorinnen", "autor*innen",
               "autor_innen", "autorka", "autorzy", "autoři", "author", "authors", "auteur", "autore", "verfasser",
               "verfasserin", "skribent", "yazar", "interview", "автор", "авторы", "текст")
TEXT_BYLINE = re.compile(rf"^(?:(?:{'|'.join(BYLINE_WORDS)})\s*:?\s|(?-i:{'|'.join(CASED_BYLINE_WORDS)})\s"
                         rf"|(?:{'|'.join(map(re.escape, LABEL_WORDS))})\s*:)", re.IGNORECASE)
# Dashes a byline may open with ("— By Ann Roe", "---- by Ann Roe"): stripped before the byline word.
ORNAMENT = "-–—―"
# Case-insensitive matching takes, besides the two cases of an ASCII letter, only these four letters
# (re's documentation): "İ" and "ı" for i, "ſ" for s, the Kelvin sign for k; and for Cyrillic letters
# the old-orthography variants U+1C80-U+1C88 (a rounded "в", a tall "т", ...).
_NON_ASCII_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a", *map(chr, range(0x1C80, 0x1C89)))


def _spellings(letter: str) -> set[str]:
    candidates = (letter.lower(), letter.upper(), *_NON_ASCII_FOLDS)
    return {c for c in candidates if re.fullmatch(letter, c, re.IGNORECASE)}


# Every two characters a block TEXT_BYLINE matches can begin with: a set look-up rules out almost
# every block before the regex runs.
BYLINE_OPENINGS = frozenset(first + second for word in BYLINE_WORDS + LABEL_WORDS + CASED_BYLINE_WORDS
                            for first in _spellings(word[0]) for second in _spellings(word[1]))
# ... and a dash before it: another dash, a space, or the word's first letter.
ORNAMENT_OPENINGS = frozenset(dash + next_ for dash in ORNAMENT
                              for next_ in {*ORNAMENT, " ", *(head[0] for head in BYLINE_OPENINGS)})
_OPENINGS = BYLINE_OPENINGS | ORNAMENT_OPENINGS
# Dash-led lines open dialogue in many languages ("— Von wegen, Herr Roe!"): such a line is a byline
# only when short, free of these marks (a comma only to credit a role or agency after the name), and
# within a few blocks under an h1 or after the last paragraph.
MAX_DASH_BYLINE_CHARS = 60
DIALOGUE_MARKS = frozenset(",;!?¡¿")
NEAR_HEADLINE_BLOCKS = 3
SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
PARAGRAPH_CHARS = 200  # a block of prose this long is a paragraph of the story
# Dash-led lines weighed per page: a page has one or two; a list of thousands ("- by ...") is not read.
MAX_DASH_LINES = 8
_TEXT = attrgetter("text")
_FIRST_TWO = itemgetter(slice(0, 2))
STRONG_LABEL = re.compile(r"^(?:\w+\s*:|(?:written|posted|submitted) by\b"
                          r"|(?:verfasst|geschrieben|erstellt|veröffentlicht|gespeichert) von\b)",
                          re.IGNORECASE)
MAX_ELEMENT_CHARS = 200
# Byline-marked elements looked at, after the title and before it: a bound for pages with thousands
# of comment or teaser bylines.
MAX_CANDIDATES = 40
MAX_TEXT_BYLINE_CHARS = 120
MAX_ANCESTORS = 12
# Classed elements after the article's h1 within which a byline's containers are judged leniently (see
# _elsewhere_under_title): the byline sits right under the headline.
UNDER_TITLE = 8


def visible_text(element: Any, limit: int | None = None) -> str:
    """Visible text with a space between text nodes ("von<a>Ann</a>" reads "von Ann").

    With a limit, reading stops once the text is longer: a byline is short, a container is not.
    """
    parts: list[str] = []
    size = 0
    for part in element.itertext():
        words = " ".join(part.split())
        if words:
            parts.append(words)
            size += len(words) + 1
            if limit is not None and size > limit:
                break
    return " ".join(parts)


def outside_article(element: Any) -> bool:
    """The element sits in a comment, a teaser, an author box, a menu or similar: not the article's.

    A class or id is split into words only when one of the words occurs in it at all (one
    Aho-Corasick pass), which for most elements on the way up none does.
    """
    node = element
    for _ in range(MAX_ANCESTORS):
        if node is None or not isinstance(tag := node.tag, str) or tag in STOP_TAGS:
            return False
        if node is not element and tag in ELSEWHERE_TAGS:
            return True
        names = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if _CONTEXT_HINT.find_matches_as_indexes(names):
            words = _class_words(names)
            if words & CONTEXT_WORDS or (node is element and words & SELF_WORDS):
                return True
        node = node.getparent()
    return False


def _class_words(names: str) -> set[str]:
    tokens = [t for t in names.split() if not t.startswith(TERM_CLASS_PREFIXES)]
    return {w for t in tokens for w in _CLASS_WORD.split(t)}


def _elsewhere_under_title(element: Any, headline: Any) -> bool:
    """outside_article for a byline right under the headline: the element's own class words and a
    menu, form or figure round it count as everywhere. Of its containers only those it does not share
    with the headline are read, and there a comment, related-articles or other semantic word still
    counts (a short article is soon followed by its comments and teasers); a layout word ("teaser",
    a theme's card component) counts only outside the headline's own container: beside the h1 a
    "teaser-small__metadata" box is the article's."""
    names = f"{element.get('class', '')} {element.get('id', '')}".lower()
    if _CONTEXT_HINT.find_matches_as_indexes(names) and _class_words(names) & (CONTEXT_WORDS | SELF_WORDS):
        return True
    shared = set(headline.iterancestors())
    home = headline.getparent()
    meeting: Any = None  # the nearest container the byline shares with the headline
    layout = False
    blocks: set[str] | None = set()  # BEM blocks the layout-named containers belong to; None: not BEM
    for node in islice(element.iterancestors(), MAX_ANCESTORS):
        if node.tag in ELSEWHERE_TAGS:
            return True
        if meeting is None and node in shared:
            meeting = node
        if meeting is not None:
            if layout and blocks and not blocks.isdisjoint(node.get("class", "").lower().split()):
                layout = False  # the block ("teaser-large") holds the headline too: it is the article
            continue
        names = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if _CONTEXT_HINT.find_matches_as_indexes(names) and (words := _class_words(names) & CONTEXT_WORDS):
            if words - LAYOUT_WORDS:
                return True
            layout = True
            blocks = _bem_blocks(names, blocks)
    return layout and (home is None or meeting is not home or home.tag in STOP_TAGS)


def _bem_blocks(names: str, blocks: set[str] | None) -> set[str] | None:
    """blocks and the BEM blocks of names' layout-named classes ("teaser-large__meta" is an element of
    "teaser-large"); None once a layout-named class is not a BEM element ("teaser")."""
    for token in names.split():
        if blocks is not None and not LAYOUT_WORDS.isdisjoint(_CLASS_WORD.split(token)):
            block, bem, _ = token.partition("__")
            blocks = blocks | {block} if bem else None
    return blocks


def from_elements(page: Page) -> list[Author] | None:
    """The first element marked as a byline after the title (else before it) whose text holds names."""
    classed = page.classed
    hinted = page.classed_containing(BYLINE_HINTS)
    if not hinted:
        return None
    title_at = _title_index(page)
    before_title: list[Any] = []
    tried = 0
    for index in hinted:  # document order: the article's h1 comes before its byline
        element = classed[index][0]
        if element.tag in SKIPPED_TAGS:  # h1 among them
            continue
        if index < title_at:
            before_title.append(element)
            continue
        headline = classed[title_at][0] if index - title_at <= UNDER_TITLE else None
        authors = _element_authors(page, element, headline)
        if authors:
            return authors
        tried += 1
        if tried >= MAX_CANDIDATES:
            break
    for element in before_title[:MAX_CANDIDATES]:
        authors = _element_authors(page, element)
        if authors:
            return authors
    return None


def _title_index(page: Page) -> int:
    """Where in page.classed the first h1 with visible text is (every h1 of the body is there); past
    the end if none.

    The title rule has the h1s already: finding one in classed is a list.index in C, cheaper than
    reading the tag of every classed element up to it.
    """
    classed = page.classed
    for element in h1_elements(page):
        if visible_text(element, 1):
            try:
                return classed.index((element, (element.get("class") or "").lower()))
            except ValueError:  # an h1 outside the body (a page without one has no classed elements)
                continue
    return len(classed)


def _element_authors(page: Page, element: Any, headline: Any = None) -> list[Author] | None:
    """The names one byline-marked element holds, unless it is a comment's, a teaser's or a credit.
    headline: the article's h1 when the element is right under it (see _elsewhere_under_title)."""
    if _elsewhere_under_title(element, headline) if headline is not None else outside_article(element):
        return None
    text = visible_text(element, MAX_ELEMENT_CHARS)
    if not text or len(text) > MAX_ELEMENT_CHARS or PICTURE_CREDIT.match(text):
        return None
    authors = authors_from_text(text, None, ELEMENT)
    if not authors or not _one_name(text):
        return authors or None
    # The element's link is a sole author's profile: looked for only once the element holds a name.
    link = element if element.tag == "a" else element.find(".//a[@href]")
    url = page.absolute(link.get("href")) if link is not None else None
    return [Author(author.name, url) for author in authors] if url else authors


def _one_name(text: str) -> bool:
    return "," not in text and " und " not in text and " and " not in text


def _openings(blocks: tuple[Block, ...]) -> Iterator[int]:
    """Indices of the blocks whose first two characters may begin a byline word, lazily.

    A page has hundreds of blocks and one or two bylines: map, compress and the set look-up run in C,
    without a Python step per block.
    """
    heads = map(_FIRST_TWO, map(_TEXT, blocks))
    return compress(count(), map(_OPENINGS.__contains__, heads))


def _english(page: Page) -> bool:
    """The page says it is in English: there the Dutch byline word "Door" opens ordinary headings
    ("Door Hardware Guide")."""
    return (page.lang or "").casefold().startswith("en")


def _paragraph_span(blocks: tuple[Block, ...]) -> tuple[int, int]:
    """Indices of the story's first and last paragraph ((len(blocks), -1) without one): read once per
    page, however many dash-led lines are weighed against them."""
    long = [i for i, size in enumerate(map(len, map(_TEXT, blocks))) if size >= PARAGRAPH_CHARS]
    return (long[0], long[-1]) if long else (len(blocks), -1)


def _nordic_or_undeclared(page: Page) -> bool:
    """The page is in a Nordic language or does not say: elsewhere "Av"/"Af" open headings ("Av Club
    Meeting Notes") rather than bylines."""
    lang = (page.lang or "").casefold().replace("_", "-")
    return not lang or lang.split("-")[0] in NORDIC_LANGUAGES


def _dash_byline_placed(blocks: tuple[Block, ...], index: int, line: str, story: tuple[int, int]) -> bool:
    """Whether a line that opens with a dash reads as a byline, not as dialogue ("— Por supuesto,
    Marta."): short, without "!", "?" or ";", with a comma only to credit a role or agency after the
    name, and right under an h1 (no paragraph between, at most a few short blocks besides subheadings
    and picture credits) or after the story's last paragraph. story: the first and last paragraph's
    index (_paragraph_span)."""
    if len(line) > MAX_DASH_BYLINE_CHARS:
        return False
    marks = DIALOGUE_MARKS.intersection(line)
    if marks and (marks != {","} or not _credited_name(line)):
        return False
    near = 0  # blocks between the h1 and the line, subheadings and picture credits not counted
    for block in reversed(blocks[max(0, index - 2 * NEAR_HEADLINE_BLOCKS):index]):  # up to the h1, no paragraph
        tag = block.element.tag
        if tag == "h1":
            return True
        if len(block.text) >= PARAGRAPH_CHARS:
            break
        if tag not in SUBHEADINGS and not PICTURE_CREDIT.match(block.text):
            near += 1
            if near >= NEAR_HEADLINE_BLOCKS:
                break
    first, last = story
    return first < index and last <= index


def _credited_name(line: str) -> bool:
    """A byline whose commas credit a role, an agency or a place after one name ("By Ann Roe, Staff
    Writer", "By Ann Roe, Reuters"), not dialogue ("Por supuesto, Marta.", "Por Dios, Marta Pérez.")."""
    rest = strip_byline(line)
    name = rest.partition(",")[0].strip()
    return len(name.split()) > 1 and looks_like_person(name, strict=True) and split_names(rest) == [name]


def from_text(page: Page) -> list[Author] | None:
    """The first short visible block that opens with a byline word followed by capitalised names.

    The label may stand alone in its block ("<h5>Autor:</h5> Ann Roe"): the name is then the next block.
    """
    blocks = page.blocks
    story: tuple[int, int] | None = None  # the paragraphs' span, read at the first dash-led line
    dash_lines = 0
    for index in _openings(blocks):
        block = blocks[index]
        dashed = block.text[0] in ORNAMENT
        text = block.text.lstrip(ORNAMENT + " ") if dashed else block.text
        if not TEXT_BYLINE.match(text) or (text[:5].casefold() == "door " and _english(page)):
            continue
        if text[:2] in CASED_BYLINE_WORDS and text[2:3].isspace() and not _nordic_or_undeclared(page):
            continue
        lines = text.split("\n")
        first = lines[0]
        if len(first.split()) == 1:  # "Von" on one line, the name on the next line or in the next block
            if len(lines) > 1:
                following = lines[1]
            else:
                following = blocks[index + 1].text if index + 1 < len(blocks) else ""
            first = f"{first} {following.split(chr(10))[0]}"
        if len(first) > MAX_TEXT_BYLINE_CHARS or outside_article(block.element):
            continue
        if dashed:
            dash_lines += 1
            if dash_lines > MAX_DASH_LINES:
                continue
            story = story or _paragraph_span(blocks)
            if not _dash_byline_placed(blocks, index, first, story):
                continue
        # An explicit label ("Verfasst von:", "Posted by") may introduce a lower-case user name.
        check = ELEMENT if STRONG_LABEL.match(first) else FREE_TEXT
        authors = authors_from_text(first, None, check)
        if authors:
            return authors
    return None
