"""Title: the visible headline confirmed by declared titles; site names and kickers cut off.

Fixtures are invented pages shaped like the markup of news and blog systems.
"""
from __future__ import annotations

import json

from service.extract import title
from service.extract.title import similarity, strip_site
from service.page import Page


def extract(body: str = "", head: str = "", url: str = "https://hafenblatt.example/a/1") -> tuple[str, str] | None:
    found = title.extract(Page(f"<html><head>{head}</head><body>{body}</body></html>", url))
    return (found.value, found.rule) if found else None


def test_h1_beats_title_with_site_suffix():
    # The suffix is a slogan, not the site's name: only the h1 shows the clean headline.
    head = ("<title>Fähre fällt wegen Sturm aus | Nachrichten von der Küste</title>"
            '<meta property="og:title" content="Fähre fällt wegen Sturm aus | Nachrichten von der Küste">')
    assert extract("<h1>Fähre fällt wegen Sturm aus</h1>", head) == ("Fähre fällt wegen Sturm aus", "html:h1")


def test_declared_title_matching_the_site_name_is_cut_to_the_h1():
    head = '<meta property="og:title" content="Fähre fällt wegen Sturm aus | Hafenblatt">'
    assert extract("<h1>Fähre fällt wegen Sturm aus</h1>", head) == ("Fähre fällt wegen Sturm aus", "meta:og:title")


def test_h1_equal_to_declared_title_reports_the_declared_source():
    head = '<meta property="og:title" content="Harbour reopens after storm">'
    assert extract("<h1>Harbour reopens after storm</h1>", head) == ("Harbour reopens after storm", "meta:og:title")


def test_kicker_and_hidden_parts_of_the_h1_are_left_out():
    head = '<meta property="og:title" content="Hafen: „Wir bauen neu“ | Hafenblatt">'
    body = ('<h1><span class="article-kicker">Hafen</span><span class="visually-hidden"> - </span>'
            '<span class="headline">„Wir bauen neu“</span></h1>')
    assert extract(body, head)[0] == "„Wir bauen neu“"


def test_h1_hidden_from_sight_is_not_the_headline():
    # The hidden h1 names the section and says exactly what <title> says; the visible one is the story.
    head = '<title>Meldungen</title><meta property="og:title" content="Neue Messstation am Deich">'
    body = '<h1 class="pagetitle hidden">Meldungen</h1><h1>Neue Messstation am Deich</h1>'
    assert extract(body, head) == ("Neue Messstation am Deich", "meta:og:title")


def test_invisible_site_suffix_and_toptitle_inside_the_h1_are_left_out():
    head = "<title>Neue Messstation am Deich</title>"
    body = '<h1>Neue Messstation am Deich<span class="element-invisible"> | DEICHPOST</span></h1>'
    assert extract(body, head)[0] == "Neue Messstation am Deich"
    body = '<h1><span class="entry__toptitle">Küste</span> Neue Messstation am Deich in Betrieb</h1>'
    assert extract(body, "<title>Messstation am Deich</title>")[0] == "Neue Messstation am Deich in Betrieb"


def test_date_inside_the_h1_is_left_out():
    head = "<title>Ministerin besucht den neuen Hafen in Kiel - Land Nord</title>"
    body = ('<h1><span class="supertitle"><time datetime="2022-02-01">1. Februar 2022</time></span>'
            "<span>Ministerin besucht den neuen Hafen in Kiel</span></h1>")
    assert extract(body, head)[0] == "Ministerin besucht den neuen Hafen in Kiel"


def test_logo_and_menu_h1s_lose_to_the_one_matching_the_declared_title():
    head = "<title>Werkzeuge der Steinzeit im Museum | Steinzeit-Blog</title>"
    body = "<h1>Steinzeit-Blog</h1><nav><h1>Menü</h1></nav><h1>Werkzeuge der Steinzeit im Museum</h1>"
    assert extract(body, head, url="https://steinzeit-blog.example/w")[0] == "Werkzeuge der Steinzeit im Museum"


def test_h1_linking_to_the_front_page_is_the_site_name():
    # The header's h1 is the site's name: it is no headline, and <title> loses it as a site part.
    head = "<title>Drehfiguren - Tanzfiguren - Tanzkreis am See</title>"
    body = '<h1><a href="/"><span>Tanzfiguren - Tanzkreis am See</span></a></h1><p>Die Figur geht so.</p>'
    assert extract(body, head, url="https://tanzkreis.example/drehfiguren") == ("Drehfiguren", "html:title")
    # A headline linking to its own article stays one.
    body = '<h1><a href="/2023/drehfiguren?ref=1">Drehfiguren für Anfänger</a></h1>'
    assert extract(body, "<title>Drehfiguren für Anfänger</title>")[0] == "Drehfiguren für Anfänger"


def test_unmarked_kicker_before_a_declared_title_is_dropped():
    head = '<meta property="og:title" content="Eigentumsvorbehalt: Das sollten Käufer wissen">'
    body = "<h1>Ausfälle vermeiden Eigentumsvorbehalt: Das sollten Käufer wissen</h1>"
    assert extract(body, head) == ("Eigentumsvorbehalt: Das sollten Käufer wissen", "meta:og:title")


def test_unmarked_kicker_span_and_a_full_stop_after_the_headline_span():
    # The full stop after the span belongs to the headline's last word: with a space before it the h1
    # would no longer end with the declared title, and the unmarked kicker would stay.
    head = '<meta property="og:title" content="Wie der Deich gebaut wird.">'
    body = '<h1><span class="topic">WISSEN</span><span>Wie der Deich gebaut wird</span>.</h1>'
    assert extract(body, head) == ("Wie der Deich gebaut wird.", "meta:og:title")
    head = "<title>Deich bau, endlich fertig</title>"
    assert extract("<h1><span>Deich</span><span>bau</span>, endlich fertig</h1>", head)[0] == "Deich bau, endlich fertig"


def test_h1_that_leads_a_long_breadcrumb_title_is_the_headline():
    # The rest of <title> is sections and a slogan the site test cannot know; the h1 shares too few
    # of its words to match it as a whole.
    head = ("<title>Neue Brücke über den Fluss eröffnet / Lokales / Region / Artikel / Home - Talbote"
            " - Ihre Zeitung für das ganze Tal mit Nachrichten und Bildern</title>")
    assert extract("<h1>Neue Brücke über den Fluss eröffnet</h1>", head, url="https://tb.example/a") == \
        ("Neue Brücke über den Fluss eröffnet", "html:h1")
    # A translation in front of the title does not beat the h1 that says the declared headline.
    head = ('<meta property="og:title" content="Ponte nuovo sul fiume aperto">'
            "<title>New bridge over the river opened|Ponte nuovo sul fiume aperto</title>")
    body = "<h1>New bridge over the river opened</h1><h1><span>Valle /</span> Ponte nuovo sul fiume aperto</h1>"
    assert extract(body, head) == ("Ponte nuovo sul fiume aperto", "meta:og:title")


def test_lone_h1_beats_a_title_written_for_search_engines():
    head = '<meta property="og:title" content="Die besten Regenjacken 2024 - Vergleich">'
    body = "<h1>Ratgeber: Regenjacken – was sie im Herbst wirklich leisten müssen</h1>"
    assert extract(body, head) == ("Ratgeber: Regenjacken – was sie im Herbst wirklich leisten müssen", "html:h1")
    # ...but not a section name sharing no word with it, nor one of several h1s, nor a short one.
    assert extract("<h1>Neues aus dem Verein</h1>", head)[1] == "meta:og:title"
    assert extract(body + "<h1>Weitere Regenjacken im Test</h1>", head)[1] == "meta:og:title"
    assert extract("<h1>Regenjacken</h1>", head)[1] == "meta:og:title"
    # An h1 that begins with the declared title holds a subline after it.
    head = '<meta property="og:title" content="Regenjacken im Test.">'
    body = "<h1><strong>Regenjacken im Test.</strong><br>Vier Modelle fallen bei starkem Wind durch</h1>"
    assert extract(body, head) == ("Regenjacken im Test.", "meta:og:title")


def test_without_h1_the_declared_title_loses_the_site_name():
    head = ('<meta property="og:site_name" content="Abendpost Online">'
            '<meta property="og:title" content="Rathaus bekommt neues Dach - Abendpost Online">')
    assert extract("<p>Text</p>", head) == ("Rathaus bekommt neues Dach", "meta:og:title")


def test_declared_title_that_is_only_the_site_name_is_passed_over():
    data = {"@type": "NewsArticle", "name": "Ballblatt.example"}
    head = (f'<script type="application/ld+json">{json.dumps(data)}</script>'
            '<meta property="og:site_name" content="Ballblatt.example">'
            '<meta property="og:title" content="Nordstadt gegen Südhafen">')
    assert extract("<p>Live</p>", head, url="https://www.ballblatt.example/live/1") == \
        ("Nordstadt gegen Südhafen", "meta:og:title")
    assert extract("", '<meta property="og:site_name" content="Ballblatt"><title>Ballblatt</title>') == \
        ("Ballblatt", "html:title")


def test_jsonld_headline_first_and_entities_unescaped():
    data = {"@type": "NewsArticle", "headline": "L&#039;été des ports"}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script><title>Autre titre</title>'
    assert extract("", head) == ("L'été des ports", "json-ld:headline")


def test_title_tag_last_resort():
    assert extract("", "<title>Nur ein Titel</title>") == ("Nur ein Titel", "html:title")
    assert extract("<p>nichts</p>") is None


def test_strip_site_cuts_site_names_and_dates_only():
    names = ["Hafenblatt", "hafenblatt"]
    assert strip_site("Neue Fähre | Hafenblatt", names) == "Neue Fähre"
    assert strip_site("Hafenblatt - Neue Fähre", names) == "Neue Fähre"
    assert strip_site("Neue Fähre | Lokales - Hafenblatt.de", names) == "Neue Fähre"
    assert strip_site("Neue Fähre : 31.10.2023, 10.19 Uhr", names) == "Neue Fähre"
    assert strip_site("Brexit - what happens next", names) == "Brexit - what happens next"
    # The site's name glued to a long headline part is not a site part.
    assert strip_site("Streit eskaliert - Jetzt spricht der Hafenmeister Hafenblatt", names) == \
        "Streit eskaliert - Jetzt spricht der Hafenmeister Hafenblatt"


def test_similarity():
    assert similarity("Der Streit um den Hafen geht weiter", "Hafen: Streit geht weiter") > 0.5
    assert similarity("Menü", "Der Streit um den Hafen geht weiter") == 0.0


# -- h1s that link somewhere: only a link to this site's front page that carries the h1 is a logo ---------
# The host (kg-news) does not name the site: were the h1 taken for the site's name, <title> would lose
# its headline as the site part and keep "Kettlewick Gazette".
NEWS_URL = "https://kg-news.example/2024/story"


def test_h1_linking_to_its_own_fragment_is_still_the_headline():
    # "#" has an empty path, like "/", but it points into this page, not to the front page.
    head = ("<title>Parish hall gets a new roof - Kettlewick Gazette</title>"
            '<meta property="og:title" content="Parish hall gets a new roof">')
    body = '<h1><a href="#">Parish hall gets a new roof</a></h1><p>The roofers came on Monday.</p>'
    assert extract(body, head, url=NEWS_URL) == ("Parish hall gets a new roof", "meta:og:title")


def test_h1_linking_to_another_sites_front_page_is_still_the_headline():
    head = "<title>Why our choir moved to Songbook this winter - Kettlewick Gazette</title>"
    body = ('<h1>Why our choir moved to <a href="https://songbook-app.example/">Songbook</a> this winter</h1>'
            "<p>We sing from tablets now.</p>")
    assert extract(body, head, url=NEWS_URL)[0] == "Why our choir moved to Songbook this winter"


def test_a_front_page_link_on_a_few_words_of_the_h1_does_not_make_it_a_logo():
    head = "<title>What our readers grew this summer - Kettlewick Gazette</title>"
    body = '<h1>What <a href="/">our readers</a> grew this summer</h1><p>Pumpkins, mostly.</p>'
    assert extract(body, head, url=NEWS_URL)[0] == "What our readers grew this summer"


def test_h1_linking_to_the_front_page_of_the_same_site_on_another_host_is_the_site_name():
    head = "<title>Drehfiguren - Tanzkreis am See</title>"
    body = '<h1><a href="https://www.tanzkreis.example/">Tanzkreis am See</a></h1><p>Die Figur geht so.</p>'
    assert extract(body, head, url="https://blog.tanzkreis.example/drehfiguren") == ("Drehfiguren", "html:title")


# -- a lone h1 against a declared title the page shows as a heading -------------------------------------
def test_lone_topic_h1_loses_to_the_declared_title_shown_as_a_heading():
    head = '<meta property="og:title" content="Ada Quill opens a second bakery">'
    body = ('<div class="topic-header"><h1>Ada Quill news</h1></div>'
            "<h2>Ada Quill opens a second bakery</h2><p>The new shop is on Mill Lane.</p>")
    assert extract(body, head) == ("Ada Quill opens a second bakery", "meta:og:title")


def test_live_blog_banner_h1_loses_to_the_declared_title_shown_as_a_heading():
    head = '<meta property="og:title" content="Storm Wilma: ferries cancelled across the islands">'
    body = ("<h1>Live: Storm Wilma updates</h1><h2>Storm Wilma: ferries cancelled across the islands</h2>"
            "<p>All crossings are off until noon.</p>")
    assert extract(body, head)[0] == "Storm Wilma: ferries cancelled across the islands"


def test_h1_linking_to_the_front_page_is_the_site_name_when_the_page_comes_without_a_url():
    # HTML given without its URL: an absolute link to a front page that carries the h1 is the logo...
    head = "<title>Council approves the harbour budget - Kettlewick Gazette</title>"
    body = ('<header><h1><a href="https://www.kettlewick-gazette.example/">Kettlewick Gazette</a></h1></header>'
            "<h2>Council approves the harbour budget</h2><p>The vote was close.</p>")
    assert extract(body, head, url=None)[0] == "Council approves the harbour budget"
    # ... unless the canonical URL names another site than the link's.
    canonical = '<link rel="canonical" href="https://news.kettlewick.example/2024/budget">'
    body = ('<h1><a href="https://www.songbook-app.example/">Council approves the harbour budget</a></h1>'
            "<p>The vote was close.</p>")
    assert extract(body, head + canonical, url=None) == ("Council approves the harbour budget", "html:h1")
