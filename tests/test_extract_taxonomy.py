"""Labelled taxonomies and the section, on our own small pages: many markups, languages and traps."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import copyright, lead, regions, source, taxonomy, themes
from service.page import Page

SITE = "https://harbourreview.example/2024/05/ferry-strike"


def taxonomies(body: str, head: str = "", url: str | None = SITE) -> dict[str, list[str]]:
    page = Page(f"<html><head>{head}</head><body>{body}</body></html>", url)
    found = taxonomy.extract(page)
    return found.value if found else {}


def section(body: str, head: str = "") -> str | None:
    page = Page(f"<html><head>{head}</head><body>{body}</body></html>", SITE)
    found = taxonomy.section(page, taxonomies(body, head))
    return found.value if found else None


def test_labels_with_link_lists_and_comma_text():
    body = """<article><p>Topics: <a href="/topic/ports">Ports</a> <a href="/topic/labour">Labour</a></p>
    <p>Tags: strike, ferries, North Sea</p></article>"""
    assert taxonomies(body) == {"Topics": ["Ports", "Labour"], "Tags": ["strike", "ferries", "North Sea"]}


def test_several_labels_in_one_line_of_spans_are_split_at_known_labels():
    body = """<div class="terms"><span>Region:</span> <a href="/region/europe">Europe</a>
    <span>Theme:</span> <a href="/theme/labour">Labour</a>, <a href="/theme/transport">Transport</a></div>"""
    assert taxonomies(body) == {"Region": ["Europe"], "Theme": ["Labour", "Transport"]}


def test_definition_list_with_and_without_colons():
    body = """<dl><dt>Kategorie</dt><dd><a href="/kategorie/verkehr">Verkehr</a></dd>
    <dt>Schlagwörter:</dt><dd>Streik</dd><dd>Fähre</dd></dl>"""
    assert taxonomies(body) == {"Kategorie": ["Verkehr"], "Schlagwörter": ["Streik", "Fähre"]}


def test_label_alone_takes_the_list_that_follows():
    body = """<div class="post-tags"><h4>Etiquetas:</h4><ul><li><a href="/etiqueta/puerto">puerto</a></li>
    <li><a href="/etiqueta/huelga">huelga</a></li></ul></div><p>Next paragraph of the article text here.</p>"""
    assert taxonomies(body) == {"Etiquetas": ["puerto", "huelga"]}


def test_french_label_with_a_space_before_the_colon():
    assert taxonomies("<p>Thèmes : Transports, Social</p>") == {"Thèmes": ["Transports", "Social"]}


def test_unknown_label_in_a_run_of_two_known_ones_is_a_taxonomy():
    body = "<div>Region: Europe<br>Theme: Labour<br>Special Dossier: PORT STRIKES</div>"
    assert taxonomies(body)["Special Dossier"] == ["PORT STRIKES"]


def test_unknown_label_next_to_only_one_known_label_is_not():
    body = "<div>Thema: Hafenfest<br>Termin: Samstag, 14 Uhr<br>Ort: Kai 3</div>"
    assert taxonomies(body) == {"Thema": ["Hafenfest"]}


def test_unknown_label_linking_to_archive_pages_is_a_taxonomy_but_article_links_are_not():
    body = """<article><p>Filed in: <a href="/tag/ferries">Ferries</a>, <a href="/tag/unions">Unions</a></p>
    <p>Previous post: <a href="/2024/05/harbour-fees-rise">Harbour fees rise</a></p>
    <p>Articles by: <a href="/author/jane-roe">Jane Roe</a></p></article>"""
    assert taxonomies(body) == {"Filed in": ["Ferries", "Unions"]}


def test_region_word_in_running_text_is_not_a_label():
    body = """<p>Region: the strike spread north overnight, and the port authority warned of delays.</p>
    <p>Across the region: ferries stood still while talks went on in the capital for a third day.</p>"""
    assert taxonomies(body) == {}


def test_people_dates_contacts_and_footer_credits_are_not_taxonomies():
    body = """<p>By: Jane Roe</p><p>Date: 5 May 2024</p><p>Source: Coast Wire</p>
    <p>Contact: <a href="mailto:desk@harbourreview.example">desk@harbourreview.example</a></p>
    <p>Comments: 12</p>
    <footer class="site-footer"><p>Theme: Lighthouse by Example Themes</p></footer>"""
    assert taxonomies(body) == {}


def test_first_occurrence_of_a_label_wins():
    body = "<article><p>Tags: ferries</p></article><div><p>Tags: cats, dogs</p></div>"
    assert taxonomies(body) == {"Tags": ["ferries"]}


def test_without_a_page_url_relative_archive_links_still_count():
    body = '<p>Filed in: <a href="/tag/ferries">Ferries</a></p>'
    assert taxonomies(body, url=None) == {"Filed in": ["Ferries"]}


def test_section_from_meta_jsonld_label_and_breadcrumb():
    assert section("", '<meta property="article:section" content="Business">') == "Business"
    jsonld = '<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": ["Ports", "x"]}</script>'
    assert section("", jsonld) == "Ports"
    assert section("<p>Rubrik: Wirtschaft</p>") == "Wirtschaft"
    crumbs = """<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": [
      {"@type": "ListItem", "position": 1, "name": "Home"},
      {"@type": "ListItem", "position": 2, "item": {"name": "Transport"}},
      {"@type": "ListItem", "position": 3, "name": "Ferry strike ends"}]}</script>"""
    assert section("", crumbs) == "Transport"
    assert section("<p>Nothing filed here.</p>") is None


FRAGMENTS = ["<p>", "</p>", "<dl>", "<dt>", "<dd>", "Region:", "Theme:", "In-depth Report:", "©", "Copyright", " 2017",
             ",", "<br>", "<a href='/tag/x'>", "<a href='http://[::1'>", "</a>", "<footer>", "</footer>", "<li>",
             "The original source of this article is ", "BEIRUT (Reuters) - ", "Syria", "US", "\n", ":", "<ul>",
             "<article>", "Tags:", "x", "<!-- c -->", "&amp;", "Source:", "<figure>", "<meta name='geo.region' content='-'>",
             ('<script type="application/ld+json">{"@type": "Article", "contentLocation": [1, {"address": '
              '{"addressCountry": {"name": 5}}}], "copyrightYear": "abc", "isBasedOn": {"publisher": 5}}</script>')]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.sampled_from([None, "https://a.example/x", "http://[::1/"]))
def test_taxonomy_fields_never_fail_on_mixtures_of_their_cues(parts, url):
    page = Page("".join(parts), url)
    labelled = taxonomy.extract(page)
    values = labelled.value if labelled else {}
    article_lead = lead.of(page, "Syria", None)
    for run in (lambda: taxonomy.section(page, values), lambda: regions.extract(page, values, article_lead),
                lambda: themes.extract(page, values, article_lead), lambda: source.extract(page),
                lambda: copyright.extract(page)):
        run()
    assert not [w for w in page.warnings if "failed" in w]


def section_with_title(head: str, title: str) -> str | None:
    page = Page(f"<html><head>{head}</head><body></body></html>", SITE)
    found = taxonomy.section(page, {}, title)
    return found.value if found else None


def test_a_section_that_repeats_the_headline_or_names_a_field_gives_way_to_the_next_source():
    jsonld = '<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": "Harbours"}</script>'
    repeated = '<meta property="article:section" content="Ferry strike ends after ten days">'
    assert section_with_title(repeated + jsonld, "Ferry strike ends after ten days") == "Harbours"
    assert section_with_title('<meta property="article:section" content="tags">' + jsonld, "Ferries") == "Harbours"
    assert section_with_title(repeated, "Ferry strike ends after ten days") is None


def test_breadcrumb_names_have_their_entities_read():
    crumbs = ('<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": ['
              '{"position": 1, "name": "Start"}, {"position": 2, "name": "Natur &#038; Umwelt"},'
              '{"position": 3, "name": "Ferry strike ends"}]}</script>')
    assert section_with_title(crumbs, "Ferry strike ends") == "Natur & Umwelt"


def test_filed_names_that_are_dates_are_not_names_but_a_year_in_a_name_is():
    for date in ("9-19 December 2011", "February 2012", "9 de diciembre de 2011", "2019"):
        assert taxonomy.filed_name(date) is None
    for name in ("Euro 2024", "Wahl 2021", "Uncategorized", "Mai-Demo"):
        assert taxonomy.filed_name(name) == name
