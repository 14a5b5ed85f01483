"""The shortcuts the extractors take for speed find exactly what the plain way finds."""
from __future__ import annotations

import re

import lxml.etree
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import labels, taxonomy
from service.extract.copyright import (
    HOLDER_END,
    MARKERS,
    NAME_ABBREVIATIONS,
    NOTICE,
    NOTICE_WORDS,
    RESERVED,
    YEAR_RANGE,
    parse_notice,
)
from service.extract.model import Copyright
from service.extract.source import CREDIT_PHRASES, CREDIT_WORDS, SOURCE_LABEL, SOURCE_LABEL_WORDS
from service.extract.textlines import matching_lines, may_hold
from service.extract.zones import near_media, page_zone, zone_of
from service.page import Page

CREDITS = """<html><body>
<nav class="main-menu"><a href="/">Home</a> <span>© 2023 Menu Corp</span></nav>
<article class="post-body"><h1>Harbour cranes return</h1>
<p>The cranes came back on Monday. This Story First Appeared in The Quayside Gazette.</p>
<p>Line one<br>ORIGINALLY PUBLISHED AT harbour-notes.example<br>Quelle: Hafenblatt</p>
<p>Erstmals erschienen in Der Kranbote. Publié initialement dans Le Quai.</p>
<div class="credits"><span>Source: Port Authority</span> (C) 2019 Dock Writers, all rights reserved</div>
<p>Harbour desk. Copyright 2020 Bosphorus Wire</p>
</article>
<footer class="site-footer"><div id="colophon">Copyright © 2024 Quay Media Ltd.</div></footer>
</body></html>"""


def _found(page: Page, pattern, words=()) -> list[tuple[str, int, int]]:
    return [(m.line, m.start, m.end) for m in matching_lines(page, pattern, words)]


def test_matching_lines_with_keywords_finds_what_the_full_search_finds() -> None:
    page = Page(CREDITS, "https://quay.example/a")
    for pattern, words in ((CREDIT_PHRASES, CREDIT_WORDS), (SOURCE_LABEL, SOURCE_LABEL_WORDS),
                           (NOTICE, NOTICE_WORDS)):
        assert _found(page, pattern) == _found(page, pattern, words)
    assert len(_found(page, CREDIT_PHRASES, CREDIT_WORDS)) == 4  # the upper-case line included
    assert len(_found(page, NOTICE, NOTICE_WORDS)) == 5  # two markers on the footer line


def test_matching_lines_without_usable_lowercase_still_searches_everything() -> None:
    # "İ" lower-cases to two characters: offsets into the lowered text would be wrong
    page = Page(CREDITS.replace("Harbour desk", "İstanbul desk"), "https://quay.example/a")
    assert _found(page, NOTICE) == _found(page, NOTICE, NOTICE_WORDS)
    assert any(line.startswith("İstanbul") for line, _, _ in _found(page, NOTICE, NOTICE_WORDS))


def test_page_zone_agrees_with_zone_of_for_every_element() -> None:
    page = Page(CREDITS, "https://quay.example/a")
    elements = list(page.tree.iter(lxml.etree.Element))
    cached = [page_zone(page, element) for element in elements]  # the cache fills as it goes
    assert cached == [zone_of(element) for element in elements]
    assert {"article", "chrome"} <= set(cached)


def test_classed_gathered_by_the_blocks_walk_matches_a_plain_walk() -> None:
    page = Page(CREDITS.replace("<nav", '<svg class="icon"><g class="inner"></g></svg><nav'))
    body = page.tree.find("body")
    plain = [(e, (e.get("class") or "").lower()) for e in body.iter(lxml.etree.Element)
             if e.get("class") is not None or e.tag == "h1"]
    assert page.blocks  # the walk ran for the text first
    assert [(id(e), c) for e, c in page.classed] == [(id(e), c) for e, c in plain]
    assert ("icon" in {c for _, c in page.classed}) and ("inner" in {c for _, c in page.classed})


HREFS = ["https://other.example/x?", "http://other.example/#", "HTTP://other.example/x", "http:///x",
         "https://other.example/;p?q#f", "http://[::1", " https://other.example/a b ", "/relative/path",
         "mailto:desk@news.example", "https://news.example/story?id=4"]


def _resolved_by_urljoin(base: str | None, href: str) -> str | None:
    from urllib.parse import urljoin, urlsplit
    href = href.strip()
    try:
        resolved = urljoin(base, href) if base else href
        return resolved if urlsplit(resolved).scheme in {"http", "https"} else None
    except ValueError:
        return None


def test_absolute_resolves_absolute_hrefs_as_urljoin_does() -> None:
    for base in ("https://news.example/a/b", "http://news.example/", "ftp://files.example/", None, "http://[::1"):
        page = Page("<html><body></body></html>", base)
        assert [page.absolute(h) for h in HREFS] == [_resolved_by_urljoin(page.base_url, h) for h in HREFS]
    page = Page("<html><body></body></html>", "https://news.example/a/b")
    assert page.absolute("https://other.example/x?") == "https://other.example/x"  # urljoin's own rebuild
    assert page.absolute("http://other.example/x?") == "http://other.example/x?"  # another scheme: kept as is


# Labelled lines: the shortcuts (blocks visited only where a colon or a term is, values read only
# where a taxonomy can come of them, the inner-label split only after a known label) against the
# plain way: every block walked, every line's values read, every line split.
LABEL_FRAGMENTS = ["<p>", "</p>", "<div>", "</div>", "<dl>", "<dt>", "<dd>", "<li>", "<ul>", "</ul>", "<br>", "<br>",
                   "<footer>", "</footer>", "<nav>", "</nav>", "<article>", "<h4>", "</h4>", "Region: Europe",
                   "Theme: Labour", "Tags : ferries, ports", "In-depth Report: PORTS", "Special Dossier: STRIKES",
                   "By: Jane Roe", "Contact: desk@x.example", "Notes: 12", "tagged with: a", "ſection : b",
                   "Region:", "Schlagwörter:", "Filed in:", "Previous post:", "Harbour", ", ", "10:30 ",
                   "The strike spread north: ferries stood still. ", "<a href='/tag/ferries'>Ferries</a>",
                   "<a href='/2024/fees'>Fees</a>", "<a href='https://other.example/tag/y'>Y</a>", "İ",
                   "Filed in: <a href='/tag/unions'>Unions</a>", "Ports and ferries Region: Europe Theme: Labour",
                   "Filed in: <a href='/TA\ng/docks'>Docks</a>"]


def _plain_labelled(page: Page) -> list[tuple[str, int, str]]:
    """(label, position, rest) of every labelled line, from the per-block walk the labels module had."""
    out: list[tuple[str, int, str]] = []
    blocks, position, skip_until = page.blocks, 0, -1
    split = labels._inner_label(taxonomy.TAXONOMY_LABELS)[0]
    for index, block in enumerate(blocks):
        if index <= skip_until:
            continue
        if block.element.tag == "dt":  # a term and the dd blocks after it; its values are read later
            label = block.text.replace("\n", " ").strip().rstrip(":").strip()
            skip_until = index
            while skip_until + 1 < len(blocks) and blocks[skip_until + 1].element.tag == "dd":
                skip_until += 1
            if labels.LABEL_LINE.match(label + ": x"):
                out.append((label, position, ""))
            position += 1
            continue
        for line in [segment for part in block.text.split("\n") for segment in labels._split_at_labels(part, split)]:
            position += 1
            colon = line.find(":")
            match = labels.LABEL_LINE.match(line) if 0 < colon <= 80 and len(line) <= 300 else None
            if match:
                rest = match.group(2).strip()
                if not rest:
                    rest, skip_until, _ = labels._following(blocks, index)
                out.append((match.group(1).strip(), position, rest))
    return out


def _plain_taxonomy_lines(page: Page) -> list[labels.LabelledValues]:
    """taxonomy_lines the plain way: every line read, every zone looked up, then the runs."""
    lines = [entry for entry in labels.read_labels(page, taxonomy.TAXONOMY_LABELS)
             if taxonomy._eligible_label(taxonomy._key(entry.label)) and taxonomy._eligible_values(entry)
             and page_zone(page, entry.element) != "chrome"]
    known = {i for i, entry in enumerate(lines) if taxonomy._key(entry.label) in taxonomy.TAXONOMY_LABELS}
    accepted = known | {i for i, entry in enumerate(lines) if taxonomy._archive_links(page, entry)}
    for run in taxonomy._runs(lines):
        if len(known.intersection(run)) >= taxonomy.MIN_KNOWN_IN_RUN:
            accepted.update(run)
    return [entry for i, entry in enumerate(lines) if i in accepted]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LABEL_FRAGMENTS), max_size=60))
def test_labelled_lines_and_taxonomy_lines_find_what_the_plain_way_finds(parts: list[str]) -> None:
    page = Page("".join(parts), "https://harbour.example/2024/story")
    lines = labels.labelled_lines(page, taxonomy.TAXONOMY_LABELS)
    assert [(line.label, line.position, line.rest) for line in lines] == _plain_labelled(page)
    assert taxonomy.taxonomy_lines(page) == _plain_taxonomy_lines(page)


def test_an_archive_word_broken_by_a_line_break_in_the_target_still_counts() -> None:
    # urlsplit drops the line break: /TA\ng/docks is an archive page, /tag/docks
    page = Page("<p>Filed in: <a href='/TA\ng/docks'>Docks</a></p>", "https://harbour.example/2024/story")
    assert [entry.label for entry in taxonomy.taxonomy_lines(page)] == ["Filed in"]
    assert taxonomy.taxonomy_lines(page) == _plain_taxonomy_lines(page)


def test_a_known_label_inside_a_line_is_split_even_in_odd_case() -> None:
    page = Page("<p>Region: Europe ſection : Transport</p>", "https://h.example/a")
    labelled = [(line.label, line.rest) for line in labels.labelled_lines(page, taxonomy.TAXONOMY_LABELS)]
    assert labelled == [("Region", "Europe"), ("ſection", "Transport")]


def test_keyword_spellings_cover_every_letter_that_lower_cases_to_the_keyword() -> None:
    # the keyword pass lower-cases ASCII letters only: every other letter whose lower case is a
    # keyword's letter must be among the keyword's spellings, or text.lower() would find more
    import sys

    from service.extract.source import WIRE_WORDS
    from service.extract.textlines import _spellings
    words = (*CREDIT_WORDS, *SOURCE_LABEL_WORDS, *NOTICE_WORDS, *WIRE_WORDS)
    letters = {char for word in words for char in word}
    lowering_to: dict[str, set[str]] = {char: set() for char in letters}
    for code in range(sys.maxunicode + 1):
        lowered = chr(code).lower()
        if lowered in lowering_to and not chr(code).isascii():
            lowering_to[lowered].add(chr(code))
    for word in words:
        spelled = _spellings(word)
        for i, char in enumerate(word):
            assert {spelling[i] for spelling in spelled} - {char} == lowering_to[char] - {char}, (word, char)


def test_keyword_gated_search_finds_upper_case_accented_and_kelvin_spellings() -> None:
    body = "<p>Notes.</p><p>PUBLIÉ INITIALEMENT DANS Le Quai</p><p>Hafen (\u212aNA) - Text</p><p>BEIRUT (Reuters) - Text</p>"
    page = Page(body, "https://quay.example/a")
    assert _found(page, CREDIT_PHRASES, CREDIT_WORDS) == _found(page, CREDIT_PHRASES)
    assert len(_found(page, CREDIT_PHRASES, CREDIT_WORDS)) == 1
    assert may_hold(page, ("(kna",)) and may_hold(page, ("(reuters",)) and not may_hold(page, ("(afp",))
    # with "İ" in the text no keyword offset is trusted: every line is searched, every keyword may be there
    dotted = Page(body + "<p>ORİGINALLY PUBLISHED AT x.example</p>", "https://quay.example/a")
    assert _found(dotted, CREDIT_PHRASES, CREDIT_WORDS) == _found(dotted, CREDIT_PHRASES)
    assert len(_found(dotted, CREDIT_PHRASES, CREDIT_WORDS)) == 2
    assert may_hold(dotted, ("(afp",))


ZONE_FRAGMENTS = ["<div>", "</div>", "<nav>", "</nav>", "<footer>", "</footer>", "<header>", "</header>", "<article>",
                  "</article>", "<main>", "</main>", "<aside>", "</aside>", "<div class='sidebar-left'>",
                  "<div class='entry-content'>", "<div id='colophon'>", "<div class='content'>", "<section>",
                  "<div itemprop='articleBody'>", "<p>", "</p>", "<figure><img src='x.jpg'>", "</figure>",
                  "<span class='photo-credit'>", "</span>", "x"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ZONE_FRAGMENTS), max_size=40), st.randoms(use_true_random=False))
def test_page_zone_agrees_with_zone_of_in_any_order_of_questions(parts: list[str], random) -> None:
    page = Page("<html><body>" + "".join(parts) + "</body></html>")
    elements = list(page.tree.iter(lxml.etree.Element))
    random.shuffle(elements)  # the memo fills in whatever order the rules ask
    assert [page_zone(page, element) for element in elements] == [zone_of(element) for element in elements]


def test_near_media_looks_at_the_element_and_two_ancestors() -> None:
    page = Page("<div><figure><img src='a.jpg'></figure><div><p><span>© Jane</span></p></div></div>"
                "<div class='bild'><p><b>x</b></p></div><div><div><div><p>© Roe</p></div></div><img src='b.jpg'></div>")
    spans = {element.text: element for element in page.tree.iter("span", "b", "p") if element.text}
    assert not near_media(spans["© Jane"])  # the picture is three levels up
    assert near_media(spans["x"])  # a grandparent marked as a picture's
    assert not near_media(spans["© Roe"])


def _plain_parse_notice(notice: str) -> Copyright:
    """parse_notice without the literal tests that skip its patterns."""
    years = [int(m.group(1)) for m in YEAR_RANGE.finditer(notice)]
    last = YEAR_RANGE.search(notice)
    if last and last.group(2):
        end = last.group(2)
        years.append(int(end) if len(end) == 4 else int(last.group(1)[:2] + end))
    rest = RESERVED.sub("", YEAR_RANGE.sub("", MARKERS.sub("", notice)))
    rest = HOLDER_END.sub("", re.sub(r"\s+([.,])", r"\1", " ".join(rest.split())))
    parts: list[str] = []
    for part in re.split(r"\s*,\s*", rest):
        part = re.sub(r"^(?i:by)\s+", "", part.strip(" ;:-–—"))
        if part.endswith(".") and part.rsplit(" ", 1)[-1].casefold() not in NAME_ABBREVIATIONS:
            part = part.rstrip(".")
        if part and part.casefold() not in {p.casefold() for p in parts}:
            parts.append(part)
    return Copyright(notice=notice, holder=", ".join(parts) or None, year=max(years) if years else None)


NOTICE_FRAGMENTS = ["©", "(c)", "(C)", "Copyright", "copyright:", " ", "  ", "\u00a0", "2017", "1999-2024", "2019–23",
                    "20", "19", "By", "BY ", "by", "Quay Media", "Ltd.", "Inc.", ",", " ,", " .", ".", ". ", "|", " | ",
                    "·", " • ", "All rights reserved", "ALLE RECHTE VORBEHALTEN", "x2020", "Kelvin \u212a", ":", "-"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NOTICE_FRAGMENTS), max_size=14))
def test_parse_notice_reads_what_the_plain_way_reads(parts: list[str]) -> None:
    notice = "".join(parts)
    assert parse_notice(notice) == _plain_parse_notice(notice)
