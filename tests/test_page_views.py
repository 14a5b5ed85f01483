"""Page views that the speed work reshaped: blocks, lazy links, lazy microdata, odd input."""
from __future__ import annotations

import lxml.html

from service.extract import dates
from service.page import Page, clean_text


def test_blocks_split_at_block_elements_and_skip_invisible_text():
    p = Page("<html><body><div>Vor<script>var x = 1;</script> dem<!-- note --> Text<p>Absatz</p>Nach"
             "<br>Zeile</div><style>p{}</style></body></html>")
    assert [(b.text, b.element.tag) for b in p.blocks] == [("Vor dem Text", "div"), ("Absatz", "p"),
                                                           ("Nach\nZeile", "div")]


def test_elements_are_html_elements():
    p = Page("<html><body><form><input name='q'></form><p>Hallo <b>Welt</b></p></body></html>")
    assert isinstance(p.tree.find(".//input"), lxml.html.HtmlElement)
    assert p.tree.find(".//p").text_content() == "Hallo Welt"


def test_links_keep_only_web_urls_resolved_on_use():
    p = Page("<html><head><link rel='canonical' href='/a/1'></head><body>"
             "<a href='mailto:x@y.example'>mail</a><a href='javascript:void(0)'>js</a>"
             "<a rel='author' href='https://hafen.example/team/ida'> Ida  Berg </a>"
             "<a href='http://[bad-host/x'>broken</a><a href='#top'>top</a></body></html>",
             "https://hafen.example/news/story")
    hrefs = [link.href for link in p.links]
    assert hrefs[0] == "https://hafen.example/a/1"
    assert "https://hafen.example/team/ida" in hrefs
    assert not any(h.startswith(("mailto:", "javascript:")) for h in hrefs)
    assert [(link.href, link.text) for link in p.links_with_rel("author")] == [
        ("https://hafen.example/team/ida", "Ida Berg")]
    assert [link.href for link in p.links_with_rel("canonical")] == ["https://hafen.example/a/1"]


def test_relative_links_need_a_web_base():
    p = Page("<html><body><a href='/x'>x</a><a href='https://hafen.example/y'>y</a></body></html>")
    assert [link.href for link in p.links] == ["https://hafen.example/y"]


def test_itemprops_read_values_by_element_kind():
    p = Page("<html><body><div itemscope><meta itemprop='datePublished' content='2020-01-02'>"
             "<a itemprop='url author' href='https://hafen.example/ida'>Ida</a>"
             "<time itemprop='dateModified' datetime='2020-01-03'>3. Januar</time>"
             "<span itemprop='headline'> Neue  Fähre </span></div></body></html>",
             "https://hafen.example/")
    props = p.itemprops
    assert set(props) == {"datePublished", "url", "author", "dateModified", "headline"}
    assert [v for v, _ in props["author"]] == ["https://hafen.example/ida"]
    assert [v for v, _ in props["dateModified"]] == ["2020-01-03"]
    assert [v for v, _ in props.get("headline", ())] == ["Neue Fähre"]
    assert props.get("missing") is None and "missing" not in props


def test_odd_input_still_parses():
    assert Page("").blocks == ()
    assert [b.text for b in Page("\ud800<p>x</p>").blocks][-1] == "x"
    assert [b.text for b in Page('<?xml version="1.0" encoding="utf-8"?><p>é</p>').blocks] == ["é"]
    assert [b.text for b in Page(b'<meta charset="windows-1252"><p>\xe9t\xe9</p>').blocks] == ["été"]


def test_clean_text_collapses_spaces_keeps_line_breaks():
    assert clean_text("  a\u00a0\u200b b \n\n  c\t d  ") == "a b\nc d"


def test_itemprops_gathered_by_the_text_walk_include_head_and_hidden_elements():
    p = Page("<html><head><meta itemprop='datePublished' content='2020-01-02'></head><body>"
             "<p itemprop='author'>Ida Berg</p><noscript><div><span itemprop='headline'>Neue Fähre</span></div>"
             "</noscript><svg><g itemprop='image'></g></svg><p>Text <b itemprop='keywords'>Hafen</b></p>"
             "</body></html>")
    assert list(p.itemprops) == ["datePublished", "author", "headline", "image", "keywords"]
    assert [v for v, _ in p.itemprops["headline"]] == ["Neue Fähre"]
    assert [b.text for b in p.blocks] == ["Ida Berg", "Text Hafen"]


def test_itemprops_of_a_document_without_body():
    p = Page("<html><head><meta itemprop='name' content='Hafen'></head></html>")
    assert [v for v, _ in p.itemprops["name"]] == ["Hafen"]


def test_an_archive_replay_toolbar_is_not_part_of_the_page():
    html = ('<html><body><div id="wm-ipp-base" style="display:none"><div id="wm-ipp">'
            '<p>12 Mar 2009 - 4 Jun 2023</p><a href="/web/2009/http://harbour.example/">captures</a></div></div>'
            '<article><h1>Harbour dues</h1><p>The council will vote on the dues.</p></article></body></html>')
    page = Page(html, "https://web.archive.org/web/20090312000000/http://harbour.example/dues")
    assert [block.text for block in page.blocks] == ["Harbour dues", "The council will vote on the dues."]
    assert dates.published(page) is None
    assert dates.published(Page(html.replace("wm-ipp", "ad-box"))) is not None
    older = html.replace('<div id="wm-ipp-base" style="display:none">', "").replace("</div></div>", "</div>", 1)
    assert "wm-ipp-base" not in older and dates.published(Page(older)) is None
    # a tracking pixel in <head> opens <body> early: the head's scripts and links then come first
    stray = html.replace("<html><body>", '<html><head><img src="https://pixel.example/p.gif"><link rel="x" href="/a">'
                         '<script src="/a.js"></script><script src="/b.js"></script><meta name="m" content="c">'
                         "<link rel='y' href='/b'></head><body>")
    assert dates.published(Page(stray)) is None
