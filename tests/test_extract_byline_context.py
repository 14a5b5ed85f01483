"""Bylines in context: where on the page a visible byline may be read as the article's own.

Invented pages: a byline right under the headline, bylines of comments and of teasers for other
articles after a short article, and dash-led lines that are dialogue rather than bylines.
"""
from __future__ import annotations

import pytest

from service.extract import authors, bylinetext
from service.page import Page

URL = "https://www.moorbach-bote.example/2024/06/short-note"
STORY = ("<p>The ferry to the north island runs an hour later from Monday, the harbour office said, "
         "because the tide tables for the summer weeks leave too little water at the pier in the early "
         "morning; the bus connections will be moved to match.</p>")


def names(body: str) -> list[str]:
    found = authors.extract(Page(f"<html><head></head><body>{body}</body></html>", URL))
    return [a.name for a in found.value] if found else []


# -- right under the headline ---------------------------------------------------------------------------
def test_comment_byline_right_after_a_short_article_is_not_its_byline():
    body = ("<article><h1>Short note</h1><p>The pier is closed today.</p></article>"
            '<div id="comments"><div class="comment-body"><span class="byline">By Olf Tarrant</span>'
            "<p>Thanks for the notice.</p></div></div>")
    assert names(body) == []


def test_teaser_byline_right_after_a_short_article_is_not_its_byline():
    body = ("<article><h1>Short note</h1><p>The pier is closed today.</p></article>"
            '<section class="related-articles"><div class="teaser"><h3>Other story</h3>'
            '<span class="author">By Olf Tarrant</span></div></section>')
    assert names(body) == []


def test_teaser_list_after_a_short_article_is_not_its_byline():
    # No "related" word: the teaser layout alone, outside the headline's own container.
    body = ("<article><h1>Short note</h1><p>The pier is closed today.</p></article>"
            '<div class="teasers"><div class="teaser"><h3>Other story</h3>'
            '<span class="author">By Olf Tarrant</span></div></div>')
    assert names(body) == []


def test_byline_in_a_teaser_styled_box_beside_the_headline_is_the_articles():
    # A theme names the header's meta box after its card component: beside the h1 it is the article's.
    body = ('<main><div class="story-head"><h1>Short note</h1><div class="teaser-card__meta">'
            '<span class="author">By Wenke Hallgrim</span></div></div>' + STORY + "</main>")
    assert names(body) == ["Wenke Hallgrim"]


def test_byline_in_the_meta_box_of_the_articles_own_teaser_block_is_the_articles():
    # BEM: the article is the theme's "teaser-large" block, the h1 has its own wrapper, the byline sits in
    # the block's meta element: the layout word names the article itself.
    body = ('<article class="teaser-large"><header class="teaser-large__header"><h1>Short note</h1></header>'
            '<div class="teaser-large__meta"><span class="author-name">Wenke Hallgrim</span></div>'
            + STORY + "</article>")
    assert names(body) == ["Wenke Hallgrim"]


def test_meta_box_of_another_teaser_block_after_a_short_article_is_not_its_byline():
    body = ('<main><article><header class="story__header"><h1>Short note</h1></header>'
            '<p>The pier is closed today.</p></article><div class="teaser-list">'
            '<div class="teaser-list__meta"><span class="author-name">Olf Tarrant</span></div></div></main>')
    assert names(body) == []


# -- lines that open with a dash --------------------------------------------------------------------------
@pytest.mark.parametrize("line", ["— Von wegen, Frau Kessler!", "— Por supuesto, Lucía.", "— Por Dios, Lucía Ferrán.",
                                  "— By any chance, Mr Orrin?"])
def test_dialogue_opening_with_a_dash_is_no_byline(line):
    body = f"<h1>Am Steg</h1><p>{line}</p>{STORY}"
    assert names(body) == []


def test_dash_led_byline_in_the_middle_of_the_story_is_no_byline():
    # A quote's attribution between paragraphs, not the article's byline.
    body = f"<h1>Am Steg</h1>{STORY}<blockquote>The tide decides.</blockquote><p>— by Wenke Hallgrim</p>{STORY}"
    assert names(body) == []


def test_dash_led_byline_at_the_end_of_the_story_is_the_byline():
    body = f"<h1>Am Steg</h1>{STORY}{STORY}<p>— by Wenke Hallgrim</p><div>Share this</div>"
    assert names(body) == ["Wenke Hallgrim"]


def test_dash_led_lines_judged_are_bounded(monkeypatch):
    # Thousands of rejected dash-led lines (no h1, no story) must not each be judged against the whole
    # page: only the first few are weighed, and a plain byline after them is still found.
    judged = []
    placed = bylinetext._dash_byline_placed

    def counting(*args):
        judged.append(args[1])
        return placed(*args)

    monkeypatch.setattr(bylinetext, "_dash_byline_placed", counting)
    body = "<p>- by Wenke Hallgrim</p>" * 500 + "<p>By Olf Tarrant</p>"
    assert names(body) == ["Olf Tarrant"]
    assert len(judged) <= 10


@pytest.mark.parametrize("line", ["— By Wenke Hallgrim, Staff Writer", "— Von Wenke Hallgrim, dpa"])
def test_dash_led_byline_with_a_role_or_agency_under_the_headline(line):
    body = f"<h1>Am Steg</h1><p>{line}</p>{STORY}{STORY}"
    assert names(body) == ["Wenke Hallgrim"]


def test_dash_led_wire_byline_at_the_end_of_the_story():
    body = f"<h1>Am Steg</h1>{STORY}{STORY}<p>-- by Wenke Hallgrim, Reuters</p>"
    assert names(body) == ["Wenke Hallgrim"]


def test_dash_led_byline_after_a_subheading_a_deck_and_a_picture_credit():
    body = (f"<h1>Am Steg</h1><h2>The pier closes early</h2><p>A short deck line</p><p>Photo: harbour office</p>"
            f"<p>— By Wenke Hallgrim</p>{STORY}")
    assert names(body) == ["Wenke Hallgrim"]


@pytest.mark.parametrize("line", ["— Por Dios, España.", "— By the way, Staff Writer", "— Par exemple, Lucía Ferrán"])
def test_dialogue_with_a_comma_stays_no_byline(line):
    body = f"<h1>Am Steg</h1><p>{line}</p>{STORY}"
    assert names(body) == []


def _names_in(lang: str, body: str) -> list[str]:
    found = authors.extract(Page(f'<html lang="{lang}"><head></head><body>{body}</body></html>', URL))
    return [a.name for a in found.value] if found else []


@pytest.mark.parametrize("lang", ["en", "en-GB", "de"])
def test_nordic_av_opens_no_byline_on_pages_in_other_languages(lang):
    # "AV" (audio-visual) in a heading's usual spelling: "Av Club Meeting Notes".
    assert _names_in(lang, f"<h1>Am Steg</h1><p>Av Club Meeting Notes</p>{STORY}") == []


@pytest.mark.parametrize("lang", ["sv", "nb-NO", "da", ""])
def test_nordic_av_and_af_open_a_byline_on_nordic_or_undeclared_pages(lang):
    assert _names_in(lang, f"<h1>Vid bryggan</h1><p>Av Wenke Hallgrim</p>{STORY}") == ["Wenke Hallgrim"]
    assert _names_in(lang, f"<h1>Ved broen</h1><p>Af Wenke Hallgrim</p>{STORY}") == ["Wenke Hallgrim"]
