"""Original source: credit lines in several languages, JSON-LD, syndication meta, labels, wire datelines."""
from __future__ import annotations

import pytest

from service.extract import source
from service.page import Page

LONG = " The crew of the trawler was brought ashore safely late in the evening by the coast guard."


def found(body: str, head: str = ""):
    page = Page(f"<html><head>{head}</head><body>{body}</body></html>", "https://portnews.example/2024/a")
    result = source.extract(page)
    return ((result.value.name, result.value.url), result.rule) if result else (None, None)


@pytest.mark.parametrize(("line", "name"), [
    ("The original source of this article is Tidewater Weekly", "Tidewater Weekly"),
    ("This article was originally published on The Harbour Review.", "The Harbour Review"),
    ("This piece first appeared in Coastline Magazine. Republished with thanks.", "Coastline Magazine"),
    ("Originally published by Nordwind Press", "Nordwind Press"),
    ("Dieser Artikel erschien zuerst bei Küstenblatt.", "Küstenblatt"),
    ("Publicado originalmente en El Faro del Puerto.", "El Faro del Puerto"),
    ("Article publié initialement dans Le Quai.", "Le Quai"),
])
def test_credit_lines_in_plain_text(line, name):
    assert found(f"<article><p>Story text.{LONG}</p><p><em>{line}</em></p></article>") == (
        (name, None), "text:credit-line")


def test_credit_line_with_a_link_gives_name_and_url():
    body = '<p>Originally published at <a href="https://tidewater.example/story/9">Tidewater Weekly</a>.</p>'
    assert found(body) == (("Tidewater Weekly", "https://tidewater.example/story/9"), "text:credit-line")


def test_credit_after_a_sentence_in_the_same_paragraph():
    body = "<p>Thanks for reading. This article first appeared in Coastline Magazine.</p>"
    assert found(body) == (("Coastline Magazine", None), "text:credit-line")


def test_phrase_inside_running_prose_is_not_a_credit():
    body = f"<p>The report, first published in 2019 by the board, said fees would rise.{LONG}</p>"
    assert found(body) == (None, None)


def test_jsonld_is_based_on_and_source_organization():
    based = """<script type="application/ld+json">{"@type": "NewsArticle", "isBasedOn":
      {"@type": "NewsArticle", "url": "https://tidewater.example/9", "publisher": {"name": "Tidewater Weekly"}}}
      </script>"""
    assert found("", based) == (("Tidewater Weekly", "https://tidewater.example/9"), "json-ld:isBasedOn")
    organisation = """<script type="application/ld+json">{"@type": "NewsArticle",
      "sourceOrganization": {"@type": "Organization", "name": "Coast Wire"}}</script>"""
    assert found("", organisation) == (("Coast Wire", None), "json-ld:sourceOrganization")


def test_syndication_meta_tag():
    head = '<meta name="syndication-source" content="https://tidewater.example/story/9">'
    assert found("", head) == (("tidewater.example", "https://tidewater.example/story/9"), "meta:syndication-source")


def test_source_labels_but_not_in_captions():
    assert found("<article><p>Quelle: Küstenblatt</p></article>") == (("Küstenblatt", None), "text:source-label")
    assert found("<p>Fuente: El Faro</p>") == (("El Faro", None), "text:source-label")
    assert found("<figure><img src='x.jpg'><figcaption>Source: Coast Wire</figcaption></figure>") == (None, None)


def test_wire_agency_in_the_dateline():
    body = f"<p>HALIFAX (Reuters) - A trawler sank off the coast on Monday.{LONG}</p>"
    assert found(body) == (("Reuters", None), "text:wire-dateline")


def test_credit_line_in_the_site_footer_is_not_the_articles():
    body = "<footer class='site-footer'><p>Originally published by Example Media Group since 1998</p></footer>"
    assert found(body) == (None, None)


def test_an_article_first_published_here_has_no_original_source():
    assert found(f"<article><h1>Trawler sinks</h1><p>A trawler sank.{LONG}</p></article>") == (None, None)


def test_the_pages_own_url_as_its_source_is_no_cross_post():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "isBasedOn": "https://www.portnews.example/a"}'
            '</script><meta name="original-source" content="https://portnews.example/2024/a">')
    assert found("", head) == (None, None)


def test_a_cited_work_is_not_the_original_source():
    head = """<script type="application/ld+json">{"@type": "Article", "isBasedOn":
      {"@type": "ScholarlyArticle", "name": "Roe, J. (2015): Tides and ferries"}}</script>"""
    assert found("", head) == (None, None)


def test_source_label_under_a_picture_is_a_photo_credit():
    body = "<div class='media'><img src='a.jpg'><p>Quelle: Jane Roe</p></div>"
    assert found(body) == (None, None)


def test_wire_agency_with_a_regional_desk():
    body = f"<p>Kiel (dpa/lno) - Die Fähre blieb am Montag im Hafen.{LONG}</p>"
    assert found(body) == (("dpa", None), "text:wire-dateline")


def test_without_the_page_url_a_source_named_like_the_site_is_the_page_itself():
    head = ('<meta property="og:site_name" content="The Quayside">'
            '<meta name="original-source" content="https://thequayside.example/storm-warning-1234">')
    sent_alone = Page(f"<html><head>{head}</head><body><p>Storm.</p></body></html>")
    assert source.extract(sent_alone) is None
    elsewhere = head.replace("thequayside.example", "harbour-post.example")
    found = source.extract(Page(f"<html><head>{elsewhere}</head><body><p>Storm.</p></body></html>"))
    assert found is not None and found.value.url == "https://harbour-post.example/storm-warning-1234"
