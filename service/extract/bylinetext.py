"""Bylines in the text: a short block that opens with a byline word in one of several languages ("By",
"Von", "Par", "Por", "Di", "Door", "Av", "Text:", "Autor:"), the second byline rule after the
byline-marked elements of byline.py, whose context checks (comments, teasers, menus) it shares.
Dash-led lines ("— By Ann Roe") count only where a byline stands, since dialogue opens the same way.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count
from operator import attrgetter, itemgetter

from service.extract.byline import PICTURE_CREDIT, outside_article
from service.extract.model import Author
from service.extract.names import (
    ELEMENT,
    FREE_TEXT,
    authors_from_text,
    looks_like_person,
    split_names,
    strip_byline,
)
from service.page import Block, Page

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
MAX_TEXT_BYLINE_CHARS = 120


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
