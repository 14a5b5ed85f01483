"""The shortcuts of the title and author rules find exactly what the plain way finds.

Each test holds the plain way (a regex over every string, a walk over every element) beside the fast
one and compares them on invented markup with the cases the shortcut has to get right.
"""
from __future__ import annotations

import re

import lxml.etree

from service.extract import byline, bylinetext, names, title
from service.page import Page

BYLINES = """<html><head><title>Neue Fähre | Hafenblatt</title></head><body>
<div class="teaser-list"><span class="author">Von Teaser Autor</span></div>
<h1 class="entry-title">Neue Fähre</h1>
<div id="main" class="post-body tag-bio category-credit-cards">
<p class="byline">Von Ann Roe und Bob Poe</p>
<div class="author-avatar"><img src="a.png"></div>
<div class="comments"><p class="comment-author">Carl Doe</p></div>
<section class="authorbox"><p class="author-name">Ann Roe</p></section>
<nav><span class="author">Menu Author</span></nav>
<p>Die Fähre fährt wieder.</p><p>BY THE WAY, no byline</p><p>İnterview: Ayşe Yıldız</p>
<p>dı Maio</p><p>Text:</p><p>Dora Loe</p><p>Written by: jdoe</p><p>V</p>
</div></body></html>"""

TEXT_BYLINE_PLAIN = re.compile(
    r"^(?:(?:by|von|par|por|di|door|written by|verfasst von|geschrieben von|erstellt von|veröffentlicht von"
    r"|posted by|reported by)\s*:?\s"
    r"|(?:text|texte|autor(?:in)?|autoren|author|authors|auteur|autore|verfasser(?:in)?|interview)\s*:)",
    re.IGNORECASE)


def _outside_plain(element) -> bool:
    node = element
    for _ in range(byline.MAX_ANCESTORS):
        if node is None or not isinstance(node.tag, str) or node.tag in {"body", "html"}:
            return False
        if node is not element and node.tag in byline.ELSEWHERE_TAGS:
            return True
        tokens = [t for t in f"{node.get('class', '')} {node.get('id', '')}".lower().split()
                  if not t.startswith(byline.TERM_CLASS_PREFIXES)]
        words = {w for t in tokens for w in re.split(r"[^a-z0-9]+", t)}
        if words & byline.CONTEXT_WORDS or (node is element and words & byline.SELF_WORDS):
            return True
        node = node.getparent()
    return False


def test_outside_article_agrees_with_the_word_walk_for_every_element() -> None:
    page = Page(BYLINES, "https://hafenblatt.example/a")
    elements = list(page.tree.iter(lxml.etree.Element))
    fast = [byline.outside_article(element) for element in elements]
    assert fast == [_outside_plain(element) for element in elements]
    assert True in fast and False in fast


def test_text_bylines_are_the_blocks_the_full_regex_matches() -> None:
    page = Page(BYLINES, "https://hafenblatt.example/a")
    plain = [i for i, block in enumerate(page.blocks) if TEXT_BYLINE_PLAIN.match(block.text)]
    fast = [i for i in bylinetext._openings(page.blocks) if bylinetext.TEXT_BYLINE.match(page.blocks[i].text)]
    assert fast == plain
    # upper case, the Turkish dotted and dotless I (case-insensitive matches of "i") and a label alone
    assert {page.blocks[i].text.split()[0] for i in plain} >= {"Von", "İnterview:", "dı", "Text:", "Written"}


def test_byline_openings_hold_every_spelling_the_regex_takes() -> None:
    words = bylinetext.BYLINE_WORDS + bylinetext.LABEL_WORDS + bylinetext.CASED_BYLINE_WORDS
    letters = sorted({letter for word in words for letter in word[:2]})
    any_case = re.compile(f"[{''.join(letters)}]", re.IGNORECASE)
    taken = {chr(code) for code in range(0x110000) if any_case.fullmatch(chr(code))}
    assert taken == {character for opening in bylinetext.BYLINE_OPENINGS for character in opening}
    assert {"by", "BY", "İn", "ın", "Di", "dı"} <= bylinetext.BYLINE_OPENINGS


def test_the_first_h1_found_in_classed_is_the_one_the_walk_finds() -> None:
    for html in (BYLINES, BYLINES.replace('<h1 class="entry-title">', "<h1><span></span></h1><h1>"),
                 BYLINES.replace("<h1", "<h2").replace("</h1>", "</h2>")):
        page = Page(html, "https://hafenblatt.example/a")
        h1s = (i for i, (e, _) in enumerate(page.classed) if e.tag == "h1" and byline.visible_text(e, 1))
        plain = next(h1s, len(page.classed))
        assert byline._title_index(page) == plain


def test_title_gates_change_nothing() -> None:
    texts = ["", " ", "Neue Fähre", "| Neue Fähre -", "Neue Fähre:", "\u00a0Neue Fähre", "a - b", "a|b", "::"]
    for text in texts:
        assert title._trim_edges(text) == title.EDGE_PUNCTUATION.sub("", text)
        assert bool(title.SEPARATOR_CHAR.search(text)) or not title.SITE_SEPARATOR.search(text)


def _strip_edges_plain(text: str) -> str:
    text = names.BRACKETED_REMARK.sub("", text).strip(" \t:|-–—,;·•/")
    while text.endswith(".") and len(text.rsplit(" ", 1)[-1]) > 2:
        text = text[:-1].rstrip()
    return text


def _is_junk_plain(name: str) -> bool:
    if len(name) < 2 or len(name) > names.MAX_NAME_CHARS or len(name.split()) > 10:
        return True
    if not names._WORD.search(name) or names._JUNK.search(name) or names._DATE_LIKE.search(name):
        return True
    return name.casefold().strip(". ") in names.PLACEHOLDERS


def test_name_gates_change_nothing() -> None:
    samples = ["Ann Roe", "Ann Roe (Gastbeitrag)", "Ann Roe [dpa] ", "Ann Roe (www.example.org)", "Ann Roe)",
               "ann@example.org", "www.example.org", "http://x", "Ann Roe, https://x", "J. Roe",
               "Ana Ruiz C.",
               "example.com/ann", "12.3.", "--", "Ann Roe.", "By: Ann Roe", "Ann Roe (Gast)\n"]
    for text in samples:
        assert names._strip_edges(text) == _strip_edges_plain(text), text
        assert names.is_junk(text) == _is_junk_plain(text), text
    # the inner label needs its colon; without one the text is only stripped
    assert names.strip_byline("Datum: 1.2.2021 Autor: Ann Roe Quelle: X") == "Ann Roe"
    assert names.strip_byline("Ann Roe Autor Bob") == "Ann Roe Autor Bob"


def test_site_names_include_the_domain_label() -> None:
    page = Page(BYLINES, "https://hafenblatt.example/a")
    assert "hafenblatt" in names.site_names(page)
