"""Authors: each rule on its own small invented page, plus the hard cases seen on real news pages."""
from __future__ import annotations

import json

import pytest

from service.extract import authors
from service.extract.names import ELEMENT, FREE_TEXT, authors_from_text, is_site, strip_byline
from service.page import Page

URL = "https://www.harbour-gazette.example/2024/05/ferry-timetable"


def page(head: str = "", body: str = "", url: str = URL) -> Page:
    return Page(f"<html><head>{head}</head><body>{body}</body></html>", url)


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def names(found) -> list[str]:
    return [a.name for a in found.value] if found else []


# -- JSON-LD -------------------------------------------------------------------------------------
def test_jsonld_graph_author_by_id_reference_is_resolved():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "https://harbour-gazette.example/#site", "name": "Harbour Gazette"},
        {"@type": "NewsArticle", "headline": "Ferries",
         "author": {"@id": "https://harbour-gazette.example/#p1"}},
        {"@type": "Person", "@id": "https://harbour-gazette.example/#p1", "name": "Mira Kowalczyk",
         "url": "https://harbour-gazette.example/author/mira/"},
    ]}
    found = authors.extract(page(jsonld(graph)))
    assert found.rule == "json-ld:author"
    assert [(a.name, a.url) for a in found.value] == [
        ("Mira Kowalczyk", "https://harbour-gazette.example/author/mira/")]


def test_jsonld_list_keeps_byline_order_and_drops_duplicates():
    data = {"@type": "Article", "author": [{"@type": "Person", "name": "Tomas Brandl"},
                                           {"@type": "Person", "name": "Ines Okafor"},
                                           {"@type": "Person", "name": "tomas brandl"}]}
    assert names(authors.extract(page(jsonld(data)))) == ["Tomas Brandl", "Ines Okafor"]


def test_jsonld_organisation_author_is_kept_when_not_the_site():
    data = {"@type": "NewsArticle",
            "author": {"@type": "Organization", "name": "Coastal Research Collective"}}
    assert names(authors.extract(page(jsonld(data)))) == ["Coastal Research Collective"]


def test_site_named_as_author_gives_way_to_the_visible_byline():
    data = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Harbour Gazette"},
            "publisher": {"@type": "Organization", "name": "Harbour Gazette"}}
    body = ('<h1>Ferry timetable changes</h1><div class="article-byline">Von Henrike Saalfeld</div>'
            '<p>Text.</p>')
    found = authors.extract(page(jsonld(data), body))
    assert names(found) == ["Henrike Saalfeld"]
    assert found.rule == "html:byline-element"


def test_site_named_as_only_author_is_no_author():
    head = ('<meta property="og:site_name" content="Harbour Gazette">'
            '<meta name="author" content="Harbour Gazette">')
    assert authors.extract(page(head, "<h1>Title</h1><p>Body text.</p>")) is None


def test_domain_named_as_author_is_no_author():
    head = '<meta name="author" content="harbour-gazette.example">'
    assert authors.extract(page(head, "<h1>Title</h1><p>Body.</p>")) is None


# -- meta ----------------------------------------------------------------------------------------
def test_meta_author_with_article_author_profile_url():
    head = ('<meta name="author" content="Jonas Feldkamp">'
            '<meta property="article:author" content="https://social.example/jonas.feldkamp">')
    found = authors.extract(page(head))
    assert [(a.name, a.url) for a in found.value] == [
        ("Jonas Feldkamp", "https://social.example/jonas.feldkamp")]
    assert found.rule == "meta:author"


def test_article_author_url_alone_is_not_a_name():
    head = '<meta property="article:author" content="https://social.example/harbourgazette">'
    assert authors.extract(page(head)) is None


def test_meta_author_list_is_split_and_the_site_suffix_dropped():
    head = '<meta name="author" content="Ada Lindqvist, Pim van der Berg, and Rosa Mendes, Harbour Gazette">'
    assert names(authors.extract(page(head))) == ["Ada Lindqvist", "Pim van der Berg", "Rosa Mendes"]


def test_citation_authors_come_before_the_generic_author_tag():
    head = ('<meta name="citation_author" content="Halvorsen, Kari">'
            '<meta name="citation_author" content="Obi Nwosu">'
            '<meta itemprop="author" content="A. Cited, B. Reference">')
    found = authors.extract(page(head))
    assert found.rule == "meta:citation_author"
    assert "Obi Nwosu" in names(found)


def test_dublin_core_creator():
    head = '<meta name="DC.creator" content="Leontine Abara">'
    assert names(authors.extract(page(head))) == ["Leontine Abara"]


def test_cms_written_by_label():
    head = ('<meta name="twitter:label1" content="Verfasst von">'
            '<meta name="twitter:data1" content="Edda Rohrbach">'
            '<meta name="twitter:label2" content="Geschätzte Lesezeit">'
            '<meta name="twitter:data2" content="4 Minuten">')
    found = authors.extract(page(head))
    assert names(found) == ["Edda Rohrbach"]
    assert found.rule == "meta:twitter:data1"


def test_reading_time_label_is_not_an_author():
    head = ('<meta name="twitter:label1" content="Est. reading time">'
            '<meta name="twitter:data1" content="3 minutes">')
    assert authors.extract(page(head)) is None


# -- microdata and rel=author --------------------------------------------------------------------
def test_microdata_author_with_nested_name():
    body = ('<h1>Title</h1><span itemprop="author" itemscope itemtype="https://schema.org/Person">'
            'by <a itemprop="url" href="/team/noor"><span itemprop="name">Noor Haddad</span></a></span>')
    found = authors.extract(page(body=body))
    assert [(a.name, a.url) for a in found.value] == [
        ("Noor Haddad", "https://www.harbour-gazette.example/team/noor")]


def test_rel_author_link_text_and_a_second_link_to_the_same_profile():
    body = ('<h1>Title</h1><a rel="author" href="/author/bjorn/">Björn Aasheim</a><p>Story.</p>'
            '<a rel="author" href="/author/bjorn/">View All Posts By Björn Aasheim</a>')
    found = authors.extract(page(body=body))
    assert [(a.name, a.url) for a in found.value] == [
        ("Björn Aasheim", "https://www.harbour-gazette.example/author/bjorn/")]


# -- visible bylines -----------------------------------------------------------------------------
def test_byline_element_with_two_authors_and_a_role():
    body = '<h1>Title</h1><p class="byline">By Carla Mendez and Yusuf Demir, Staff Writers</p><p>Text.</p>'
    assert names(authors.extract(page(body=body))) == ["Carla Mendez", "Yusuf Demir"]


def test_comment_and_teaser_bylines_are_not_the_article_author():
    body = ('<h1>Title</h1><div class="entry"><span class="author vcard">Greta Holm</span><p>Story.</p></div>'
            '<ol class="comment-list"><li><div class="comment-author">Random Reader</div></li></ol>'
            '<div class="related-posts"><span class="author">Other Writer</span></div>')
    assert names(authors.extract(page(body=body))) == ["Greta Holm"]


def test_comment_author_before_the_article_is_skipped():
    body = ('<div class="comments"><span class="comment-author">Early Commenter</span></div>'
            '<h1>Title</h1><div class="post-author">Von Lieselotte Brandt</div>')
    assert names(authors.extract(page(body=body))) == ["Lieselotte Brandt"]


def test_byline_after_the_title_wins_over_one_in_the_header():
    body = ('<header><div class="author-of-the-week">Kolumnist Eins</div></header>'
            '<h1>Title</h1><div class="article-author">Text: Pauline Ostrowski, Fotos: Gerd Lamprecht</div>')
    assert names(authors.extract(page(body=body))) == ["Pauline Ostrowski"]


def test_photo_credit_element_is_not_an_author():
    body = '<h1>Title</h1><span class="image-author">Foto: Gerd Lamprecht</span><p>Text.</p>'
    assert authors.extract(page(body=body)) is None


@pytest.mark.parametrize("line, expected", [
    ("Von Anna Beispiel und Carl Muster", ["Anna Beispiel", "Carl Muster"]),
    ("By Jane Placeholder", ["Jane Placeholder"]),
    ("Par Élodie Exemple", ["Élodie Exemple"]),
    ("Por Juan Ejemplo", ["Juan Ejemplo"]),
    ("Di Giulia Esempio", ["Giulia Esempio"]),
    ("Autor: Max Mustermann", ["Max Mustermann"]),
    ("Von Sabine Probe, dpa", ["Sabine Probe"]),
    ("By Eastern Wire Collective", ["Eastern Wire Collective"]),
])
def test_visible_byline_in_several_languages(line, expected):
    body = f"<h1>Headline</h1><p>{line}</p><p>The article text follows here and is long enough.</p>"
    found = authors.extract(page(body=body))
    assert names(found) == expected
    assert found.rule == "html:byline-text"


@pytest.mark.parametrize("line", ["Von wegen Sommerpause", "By the numbers: ferries in May",
                                  "Von der Fähre zum Zug", "By continuing you accept cookies"])
def test_sentences_starting_like_a_byline_are_not_bylines(line):
    assert authors.extract(page(body=f"<h1>Headline</h1><p>{line}</p>")) is None


def test_byline_on_two_lines():
    body = "<h1>Headline</h1><p>Von<br>Friederike Olsen</p>"
    assert names(authors.extract(page(body=body))) == ["Friederike Olsen"]


def test_labelled_author_inside_a_line_of_fields():
    body = ('<h1>Headline</h1>'
            '<div class="article-author-date">Datum: 03.02.2024 Autor: Kai Brenner Quelle: Agentur</div>')
    assert names(authors.extract(page(body=body))) == ["Kai Brenner"]


def test_visible_full_name_beats_a_declared_handle():
    head = '<meta name="author" content="kbrenner">'
    body = '<h1>Headline</h1><div class="byline">von Kai Brenner</div>'
    found = authors.extract(page(head, body))
    assert names(found) == ["Kai Brenner"]


# -- junk ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw", ["admin", "redaktion@harbour-gazette.example",
                                 "https://harbour-gazette.example/u/3", "12.05.2024", "Unknown", "x" * 120])
def test_junk_is_never_an_author(raw):
    assert authors.extract(page(f'<meta name="author" content="{raw}">')) is None


def test_strip_byline_removes_labels_and_dates():
    assert strip_byline("Veröffentlicht von Chris Beispiel am 3. Mai 2024") == "Chris Beispiel"
    assert strip_byline("VON MORITZ PROBE am 21. April 2020") == "MORITZ PROBE"
    assert strip_byline("By Ann Roe | May 3, 2024") == "Ann Roe"


def test_degrees_and_agencies_are_not_names():
    assert [a.name for a in authors_from_text("Dana Roe, PhD, RD")] == ["Dana Roe"]
    assert [a.name for a in authors_from_text("Max Probe, AFP")] == ["Max Probe"]


def test_free_text_requires_capitalised_words_but_elements_accept_a_handle():
    assert authors_from_text("flerche", None, ELEMENT)
    assert not authors_from_text("flerche", None, FREE_TEXT)


def test_site_check_compares_normalised_names():
    assert is_site("Harbour-Gazette.example", {"harbourgazette"})
    assert not is_site("Harbour Gazette reader", {"someothersite"})


def test_explicit_label_may_introduce_a_user_name():
    body = "<h1>Headline</h1><p>Verfasst von: moorlaeufer | 3. März 2024</p>"
    assert names(authors.extract(page(body=body))) == ["moorlaeufer"]


def test_visible_byline_may_name_the_site_itself():
    head = '<meta property="og:site_name" content="Wanderfreunde Nord">'
    body = '<h1>Headline</h1><span class="byline">von Wanderfreunde Nord</span>'
    assert names(authors.extract(page(head, body))) == ["Wanderfreunde Nord"]


def test_label_words_without_colon_are_not_bylines():
    assert authors.extract(page(body="<h1>Headline</h1><ul><li>Texte und Materialien</li></ul>")) is None


def test_label_alone_in_its_block_takes_the_next_block():
    body = '<h1>Headline</h1><div><h5>Datum:</h5>03.11.2023<br><h5>Autor:</h5>Jörg Beispielmann/SP-X</div>'
    assert names(authors.extract(page(body=body))) == ["Jörg Beispielmann"]


def test_initials_that_spell_a_degree_are_still_a_name():
    body = '<h1>Headline</h1><span class="byline">by LD</span>'
    assert names(authors.extract(page(body=body))) == ["LD"]


def test_agencies_placeholder_is_not_an_author():
    data = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Agencies"}}
    assert authors.extract(page(jsonld(data))) is None


@pytest.mark.parametrize("markup", [
    # byline as a linked author element under the title
    '<div class="author-name">By <a href="/author/south-front">South Front</a></div>',
    # byline as plain text, date line beside it
    "<p>By South Front</p><p>Global Research, June 01, 2017</p>",
    # byline and date in one line
    '<p class="byline">By South Front | June 01, 2017</p>',
])
def test_founding_example_organisation_byline_in_several_markups(markup):
    head = ('<meta property="og:site_name" content="Global Research">'
            '<meta name="author" content="Global Research">')
    body = f"<h1>Video: Tensions Grow as ISIS Collapses in Syria and Iraq</h1>{markup}<p>Article text.</p>"
    found = Page(f"<html><head>{head}</head><body>{body}</body></html>",
                 "https://www.globalresearch.ca/video-tensions-grow/5593333")
    assert names(authors.extract(found)) == ["South Front"]


def test_surname_particles_are_not_byline_words():
    assert names(authors.extract(page('<meta name="author" content="Di Maio">'))) == ["Di Maio"]
    assert strip_byline("Di Giulia Esempio") == "Giulia Esempio"


def test_bare_domain_declared_as_author_is_not_an_author():
    assert authors.extract(page('<meta name="author" content="webagentur-beispiel.ch">')) is None


def test_date_line_is_not_a_byline():
    body = "<h1>Headline</h1><p>Di Dienstag, 12 Uhr</p><p>Von Montag bis Freitag geöffnet</p>"
    assert authors.extract(page(body=body)) is None


def test_declared_wording_is_not_a_name_but_a_handle_is():
    assert authors.extract(page('<meta name="author" content="unsere Redaktion vor Ort">')) is None
    assert names(authors.extract(page('<meta name="author" content="jdoe">'))) == ["jdoe"]
    assert names(authors.extract(page('<meta name="author" content="van der Berg">'))) == ["van der Berg"]


def test_bracketed_remark_after_a_name_is_dropped():
    body = "<h1>Headline</h1><p>Autor: Samuel Beispiel (Gastbeitrag), Redner bei beispiel.example</p>"
    assert names(authors.extract(page(body=body))) == ["Samuel Beispiel"]


@pytest.mark.parametrize("value", ["javascript:alert(1)", "mailto:desk@harbour-gazette.example"])
def test_link_schemes_are_never_names(value):
    assert authors.extract(page(f'<meta name="author" content="{value}">')) is None


def test_odd_jsonld_author_values_are_skipped_not_fatal():
    data = {"@type": "Article", "author": [1, None, {"name": 5}, {"@id": "#nowhere"}, "Rana Beispiel"]}
    found = authors.extract(page(jsonld(data)))
    assert names(found) == ["Rana Beispiel"]


def test_byline_with_a_co_author_the_declared_data_left_out():
    data = {"@type": "Article", "author": {"@type": "Person", "name": "Rike Feldmann"}}
    body = '<h1>Headline</h1><div class="meta-author">von Rike Feldmann, Ole Brandstätter</div>'
    found = authors.extract(page(jsonld(data), body))
    assert names(found) == ["Rike Feldmann", "Ole Brandstätter"]
    assert found.rule == "html:byline-element"


@pytest.mark.parametrize("extra", ["Harbour Gazette", "Online-Redaktion"])
def test_site_or_desk_beside_the_declared_author_is_no_co_author(extra):
    head = ('<meta property="og:site_name" content="Harbour Gazette">'
            '<meta name="author" content="Rike Feldmann">')
    body = f'<h1>Headline</h1><div class="byline">By Rike Feldmann, {extra}</div>'
    found = authors.extract(page(head, body))
    assert names(found) == ["Rike Feldmann"]
    assert found.rule == "meta:author"


@pytest.mark.parametrize("line", [
    "Analysis by Mira Kowalczyk, Harbour Gazette Senior Maritime Analyst",
    "By Mira Kowalczyk, Senior Correspondent",
    "Opinion by Mira Kowalczyk, Professor",
])
def test_byline_kind_and_job_title_are_not_names(line):
    body = f'<h1>Ferries</h1><div class="byline">{line}</div><p>The ferry left at noon.</p>'
    assert names(authors.extract(page(body=body))) == ["Mira Kowalczyk"]


def test_affiliation_beside_the_writers_is_not_a_co_author():
    body = ('<h1>Storm</h1><div class="content-authors"><span>Mira Kowalczyk</span>, '
            '<span>Tomasz J. Nowak</span>, <em>Harbour Technical University</em></div><p>Rain.</p>')
    assert names(authors.extract(page(body=body))) == ["Mira Kowalczyk", "Tomasz J. Nowak"]


def test_place_the_writer_filed_from_is_not_a_co_author():
    data = {"@type": "NewsArticle", "headline": "Brexit",
            "author": {"@type": "Person", "name": "Mira Kowalczyk, London, Tomasz Nowak"}}
    assert names(authors.extract(page(jsonld(data)))) == ["Mira Kowalczyk", "Tomasz Nowak"]


@pytest.mark.parametrize("alone", ["Harbour Technical University", "Jordan"])
def test_institution_or_place_word_alone_is_still_an_author(alone):
    data = {"@type": "NewsArticle", "headline": "Storm", "author": {"@type": "Organization", "name": alone}}
    assert names(authors.extract(page(jsonld(data)))) == [alone]


@pytest.mark.parametrize("line, expected", [
    ("Gespeichert von moorlaeufer am 24. Juli 2017 - 18:55", ["moorlaeufer"]),
    ("Submitted by Ola Beispiel on Tue, 03/10/2015 - 10:00", ["Ola Beispiel"]),
])
def test_drupal_submitted_line_is_a_byline(line, expected):
    body = f'<h1>Headline</h1><div class="submitted">{line}</div><p>The article text follows here.</p>'
    found = authors.extract(page(body=body))
    assert names(found) == expected
    assert found.rule == "html:byline-text"


@pytest.mark.parametrize("line", ["---- by Kenneth Beispiel", "— Von Kenneth Beispiel", "– By Kenneth Beispiel"])
def test_byline_opening_with_dashes(line):
    body = f"<h1>Headline</h1><div>{line}</div><p>The article text follows here.</p>"
    assert names(authors.extract(page(body=body))) == ["Kenneth Beispiel"]


def test_dashes_before_a_sentence_are_no_byline():
    assert authors.extract(page(body="<h1>Headline</h1><p>— by the way, ferries run late</p>")) is None


@pytest.mark.parametrize("line, expected", [
    ("Autor*innen: Ola Beispiel, Kai Probe", ["Ola Beispiel", "Kai Probe"]),
    ("Autor_innen: Ola Beispiel", ["Ola Beispiel"]),
    ("AutorInnen: Ola Beispiel", ["Ola Beispiel"]),
    ("Авторы: Олег Примеров", ["Олег Примеров"]),
    ("Автор: Олег Примеров", ["Олег Примеров"]),
    ("Propos recueillis par Élodie Exemple", ["Élodie Exemple"]),
])
def test_more_byline_labels_are_stripped(line, expected):
    body = f'<h1>Headline</h1><div class="byline">{line}</div><p>Text.</p>'
    assert names(authors.extract(page(body=body))) == expected


def test_label_heading_of_an_author_box_is_no_name():
    body = ('<h1>Headline</h1><p>Text.</p><div class="article-authors"><h3>Autor*innen</h3></div>')
    assert authors.extract(page(body=body)) is None


def test_term_classes_of_the_article_are_no_context():
    body = ('<div class="hentry post post_tag-kommentar post_tag-bahn"><h1>Headline</h1>'
            '<p>Text.</p><p class="entry-meta">Autor: <span class="author vcard">moorlaeufer</span></p></div>')
    assert names(authors.extract(page(body=body))) == ["moorlaeufer"]


def test_byline_right_under_the_title_is_the_articles_whatever_its_container_is_called():
    body = ('<article class="row"><h1>Title</h1><div class="teaser-small__metadata">'
            '<p class="byline__author">VON HANNA MUSTERFRAU am 21. April 2020</p></div><p>Story.</p></article>')
    assert names(authors.extract(page(body=body))) == ["HANNA MUSTERFRAU"]


def test_under_the_title_a_comment_byline_or_one_in_a_menu_is_still_skipped():
    body = ('<h1>Title</h1><div class="comment-author">Random Reader</div>'
            '<nav><span class="author">Menu Writer</span></nav>')
    assert authors.extract(page(body=body)) is None


@pytest.mark.parametrize("credit", ["Developed By Rana Beispiel", "Designed by Webagentur Beispiel"])
def test_web_developer_credit_is_no_author(credit):
    assert authors.extract(page(f'<meta name="dc.creator" content="{credit}">')) is None


def test_dutch_byline_word_door_is_read_on_dutch_pages_only():
    body = "<h1>{title}</h1><p>Door Hardware Guide</p><p>Hinges, locks and handles for every room.</p>"
    english = Page(f"<html lang='en'><body>{body.format(title='Choosing hinges')}</body></html>", URL)
    dutch = Page("<html lang='nl'><body><h1>Havengelden</h1><p>Door Jan de Vries</p><p>De raad stemt.</p>"
                 "</body></html>", URL)
    assert names(authors.extract(english)) == []
    assert names(authors.extract(dutch)) == ["Jan de Vries"]


@pytest.mark.parametrize("byline, expected", [
    ("By Sam Fellows", ["Sam Fellows"]),
    ("Von Anna Leiter", ["Anna Leiter"]),
    ("By Mira Kowalczyk and Ann Host", ["Mira Kowalczyk", "Ann Host"]),
    ("By Mira Kowalczyk, Research Fellow", ["Mira Kowalczyk"]),
    ("By Mira Kowalczyk, Bureau Chief", ["Mira Kowalczyk"]),
    ("By Mira Kowalczyk, Program Director", ["Mira Kowalczyk"]),
])
def test_offices_that_are_also_surnames_are_roles_only_when_qualified(byline, expected):
    assert [a.name for a in authors_from_text(byline, None, FREE_TEXT)] == expected


def test_initials_beside_a_name_are_not_taken_for_a_country_code():
    assert [a.name for a in authors_from_text("Mira Kowalczyk, JM")] == ["Mira Kowalczyk", "JM"]
