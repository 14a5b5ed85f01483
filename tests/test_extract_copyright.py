"""Copyright: the article's own notice over the site footer's; holder and year parsed."""
from __future__ import annotations

import pytest

from service.extract import copyright
from service.extract.model import Copyright
from service.page import Page

FOOTER = "<footer><p>© 2024 Harbour Media Inc. All rights reserved. <a href='/privacy'>Privacy</a></p></footer>"
DISCLAIMER = ("<p>This site contains copyrighted material the use of which has not always been authorized by "
              "the copyright owner; the source and copyright must be acknowledged.</p>")


def found(body: str, head: str = ""):
    page = Page(f"<html><head>{head}</head><body>{body}</body></html>", "https://harbour.example/a")
    result = copyright.extract(page)
    return (result.value, result.rule) if result else (None, None)


def test_article_notice_wins_over_the_site_footer():
    body = (f"<div class='post'><p>Text of the story.</p><p>Copyright © Tidewater Weekly, 2019</p>{DISCLAIMER}"
            f"</div>{FOOTER}")
    assert found(body) == (Copyright("Copyright © Tidewater Weekly, 2019", "Tidewater Weekly", 2019),
                           "text:article-notice")


def test_without_markers_the_first_notice_in_document_order_is_taken():
    body = "<div><p>Story.</p><p>© Jane Roe 2021</p></div><div><p>© 2024 Harbour Media</p></div>"
    assert found(body) == (Copyright("© Jane Roe 2021", "Jane Roe", 2021), "text:notice")


def test_jsonld_holder_of_the_article_node_over_the_footer():
    head = """<script type="application/ld+json">{"@graph": [
      {"@type": "WebSite", "copyrightHolder": {"name": "Harbour Media"}},
      {"@type": "NewsArticle", "copyrightHolder": {"@type": "Person", "name": "Jane Roe"}, "copyrightYear": "2020"}
    ]}</script>"""
    assert found(FOOTER, head) == (Copyright("© 2020 Jane Roe", "Jane Roe", 2020), "json-ld:copyright")


def test_meta_copyright_over_the_footer():
    head = '<meta name="copyright" content="Copyright 2022 Tidewater Weekly">'
    assert found(FOOTER, head) == (Copyright("Copyright 2022 Tidewater Weekly", "Tidewater Weekly", 2022),
                                   "meta:copyright")


def test_site_footer_notice_only_as_the_last_resort_and_says_so():
    value, rule = found(f"<article><p>Story.</p>{DISCLAIMER}</article>{FOOTER}")
    assert rule == "text:site-notice"
    assert value == Copyright("© 2024 Harbour Media Inc. All rights reserved.", "Harbour Media Inc.", 2024)


def test_photo_credits_and_disclaimer_prose_are_not_notices():
    body = ("<article><figure><img src='a.jpg'><figcaption>© Coast Wire</figcaption></figure>"
            f"<p>Photo: © Jane Roe</p>{DISCLAIMER}</article>")
    assert found(body) == (None, None)


@pytest.mark.parametrize(("notice", "holder", "year"), [
    ("Copyright © South Front, South Front, 2017", "South Front", 2017),
    ("Copyright © 2005-2017 Global Research · globalresearch.ca", "Global Research", 2017),
    ("(c) 2010–15 Hafenblatt GmbH", "Hafenblatt GmbH", 2015),
    ("© Copyright by Jane Roe 2019. Alle Rechte vorbehalten.", "Jane Roe", 2019),
    ("© Küstenverlag, tous droits réservés", "Küstenverlag", None),
    ("©2019", None, 2019),
])
def test_parse_notice(notice, holder, year):
    parsed = copyright.parse_notice(notice)
    assert (parsed.holder, parsed.year) == (holder, year)


def test_footer_inside_a_page_wide_content_wrapper_is_still_the_sites():
    body = ("<div id='page' class='site-content'><article><p>Story text, long enough to be the lead of the page "
            "and nothing else at all here.</p></article>"
            "<footer class='site-footer'><div class='text-center'>© 2024 Harbour Media</div></footer></div>")
    assert found(body) == (Copyright("© 2024 Harbour Media", "Harbour Media", 2024), "text:site-notice")


def test_the_articles_own_footer_holds_the_articles_notice():
    body = ("<div class='content-wrapper right-sidebar'><article class='post'><p>Story text.</p>"
            "<footer class='entry-footer'><p>Copyright © Jane Roe 2021</p></footer></article></div>" + FOOTER)
    assert found(body) == (Copyright("Copyright © Jane Roe 2021", "Jane Roe", 2021), "text:article-notice")


def test_of_two_unmarked_notices_the_one_nearer_the_text_is_the_articles():
    lead = "<p>" + "The trawler sank off the coast on Monday and the crew was rescued. " * 2 + "</p>"
    body = ("<div><div><p>© 2024 Harbour Media</p></div>"  # first in document order, but far from the text
            f"<div><div>{lead}<p>© Tidewater Weekly 2019</p></div></div></div>")
    assert found(body) == (Copyright("© Tidewater Weekly 2019", "Tidewater Weekly", 2019), "text:notice")
