"""Tags: each rule on a small invented page, in the markups real pages use."""
from __future__ import annotations

import json

from service.extract import tags
from service.page import Page

URL = "https://blog.lakeside-notes.example/2024/03/spring-walks"


def page(head: str = "", body: str = "") -> Page:
    return Page(f"<html><head>{head}</head><body>{body}</body></html>", URL)


def values(found) -> list[str]:
    return list(found.value) if found else []


def test_article_tag_meta_in_page_order():
    head = '<meta property="article:tag" content="Hiking"><meta property="article:tag" content="Lakes">'
    found = tags.extract(page(head))
    assert values(found) == ["Hiking", "Lakes"]
    assert found.rule == "meta:article:tag"


def test_jsonld_keywords_as_string_and_as_list():
    as_string = {"@type": "BlogPosting", "keywords": "birds, wetlands; spring"}
    as_list = {"@type": "BlogPosting", "keywords": ["birds", "Wetlands", "birds"]}
    for data, expected in ((as_string, ["birds", "wetlands", "spring"]), (as_list, ["birds", "Wetlands"])):
        head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
        found = tags.extract(page(head))
        assert values(found) == expected
        assert found.rule == "json-ld:keywords"


def test_rel_tag_links_but_not_category_links():
    body = ('<h1>Spring walks</h1><p>Filed in <a rel="category tag" href="/c/outdoors">Outdoors</a></p>'
            '<footer class="entry-footer">Tagged <a rel="tag" href="/t/herons">#herons</a>'
            '<a rel="tag" href="/t/reeds">reeds</a></footer>')
    found = tags.extract(page(body=body))
    assert values(found) == ["herons", "reeds"]
    assert found.rule == "link:rel-tag"


def test_rel_tag_links_in_a_tag_cloud_are_not_the_articles():
    body = ('<h1>Spring walks</h1><p>Text.</p>'
            '<div class="widget widget_tag_cloud"><a rel="tag" href="/t/a">everything</a></div>')
    assert tags.extract(page(body=body)) is None


def test_tag_list_marked_by_class_with_links():
    body = ('<h1>Spring walks</h1><p>Text.</p>'
            '<ul class="post-tags"><li><a href="/t/moss">Moss</a></li>'
            '<li><a href="/t/fern">Fern</a></li></ul>')
    found = tags.extract(page(body=body))
    assert values(found) == ["Moss", "Fern"]
    assert found.rule == "html:tag-list"


def test_tag_list_heading_is_not_a_tag_and_the_longest_list_wins():
    body = ('<h1>Walks</h1><ul class="tags-top"><li><a href="/t/moss">Moss</a></li></ul><p>Text.</p>'
            '<h2 class="tags-header">Tags</h2>'
            '<div class="article-tags"><a href="/t/moss">Moss</a><a href="/t/fern">Fern</a>'
            '<a href="/t/lichen">Lichen (12)</a></div>')
    assert values(tags.extract(page(body=body))) == ["Moss", "Fern", "Lichen"]


def test_plain_text_tag_list_with_german_label():
    body = ('<h1>Wanderung</h1><p>Text.</p>'
            '<div class="field-schlagworte">Schlagworte: Moor, Kraniche, Frühling</div>')
    assert values(tags.extract(page(body=body))) == ["Moor", "Kraniche", "Frühling"]


def test_dates_and_counts_in_a_tag_classed_box_are_not_tags():
    body = '<h1>Walks</h1><div class="tags">Mar 18, 2024</div><span class="tags">0</span>'
    assert tags.extract(page(body=body)) is None


def test_news_keywords_meta():
    head = '<meta name="news_keywords" content="floods, river Alder, evacuation">'
    assert values(tags.extract(page(head))) == ["floods", "river Alder", "evacuation"]


def test_generic_keywords_meta_is_not_read():
    head = '<meta name="keywords" content="news, blog, best walks, cheap hotels">'
    assert tags.extract(page(head)) is None


def test_the_tag_list_readers_see_wins_over_declared_tags():
    head = '<meta property="article:tag" content="Outdoors"><meta property="article:tag" content="Herons">'
    body = '<h1>Walks</h1><ul class="tags"><li><a href="/t/herons">Herons</a></li></ul>'
    found = tags.extract(page(head, body))
    assert values(found) == ["Herons"]
    assert found.rule == "html:tag-list"


def test_platform_facets_among_keywords_are_not_tags_but_a_tag_facet_gives_its_tag():
    data = {"@type": "BlogPosting", "keywords": ["Lite:true", "Tag:Hiking", "topic:Lakes", "Elevated:false",
                                                 "https://lakeside-notes.example/x", "Spring walks: a guide"]}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert values(tags.extract(page(head))) == ["Hiking", "Lakes", "Spring walks: a guide"]


def test_the_headline_listed_among_the_keywords_is_not_a_tag():
    head = ('<title>Spring walks around the lake</title>'
            '<meta name="news_keywords" content="Spring walks around the lake, Hiking, Lakes">')
    assert values(tags.extract(page(head))) == ["Hiking", "Lakes"]


def test_a_whole_post_classed_with_its_terms_is_no_tag_list():
    body = ('<div class="post type-post tag-hiking tag-lakes">'
            '<p>We walked <a href="/a">around the lake</a> on 5 March 2024.</p>'
            '<p>See <a href="https://pic.example/x1">pic.example/x1</a> and '
            '<a href="https://pic.example/x2">pic.example/x2</a>.</p>'
            '<p><a href="/n">Next: Autumn walks in the hills. Read more!</a></p></div>')
    head = '<meta property="article:tag" content="Hiking"><meta property="article:tag" content="Lakes">'
    found = tags.extract(page(head, body))
    assert (found.rule, values(found)) == ("meta:article:tag", ["Hiking", "Lakes"])


def test_one_odd_item_does_not_spoil_a_short_tag_list():
    body = ('<ul class="tag-list"><li><a href="/t/a">Hiking</a></li><li><a href="/t/b">Lakes</a></li>'
            '<li><a href="/t/c">Route 2024</a></li></ul>')
    assert values(tags.extract(page(body=body))) == ["Hiking", "Lakes", "Route 2024"]


def test_years_and_slashes_are_tags_too():
    for items in (["Ferry vote 2021", "Harbour 2024", "Lakes", "Dues"], ["Ports/Harbours", "AC/DC", "Lakes"]):
        body = '<ul class="tags">' + "".join(f'<li><a href="/t/{i}">{t}</a></li>' for i, t in enumerate(items))
        assert values(tags.extract(page(body=body + "</ul>"))) == items


def test_a_colon_in_an_ordinary_keyword_stays():
    data = {"@type": "BlogPosting", "keywords": ["re:publica", "re:Invent", "type:story", "region:us",
                                                 "authors:mira-kowalczyk", "Lakes"]}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert values(tags.extract(page(head))) == ["re:publica", "re:Invent", "Lakes"]
