"""Published and modified dates: each rule, and the hard cases learned from real news pages.

Fixtures are invented pages (sites, names and wording made up) shaped like the markup that news
and blog systems produce.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import warnings

import pytest

from service.extract import datelines, dates, dateshown, datetext
from service.extract.datetext import find_written, parse_machine
from service.page import Page


def page(body: str = "", head: str = "", url: str | None = "https://news.example/story", lang: str = "de") -> Page:
    return Page(f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>', url)


def jsonld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def published(p: Page) -> tuple[str | None, str | None]:
    found = dates.published(p)
    return (found.value, found.rule) if found else (None, None)


# -- structured sources ----------------------------------------------------------------------------
def test_jsonld_article_in_graph_keeps_time_and_offset():
    head = jsonld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Ostsee Bote"},
        {"@type": "NewsArticle", "headline": "Fähre fällt aus", "datePublished": "2021-03-04T09:15:00+01:00",
         "dateModified": "2021-03-05T10:00:00+01:00"}]})
    p = page(head=head)
    assert published(p) == ("2021-03-04T09:15:00+01:00", "json-ld:datePublished")
    assert dates.modified(p).value == "2021-03-05T10:00:00+01:00"
    assert dates.modified(p).rule == "json-ld:dateModified"


def test_opengraph_article_published_time():
    head = '<meta property="article:published_time" content="2019-11-02T18:00:00+02:00">'
    assert published(page(head=head)) == ("2019-11-02T18:00:00+02:00", "meta:article:published_time")


def test_dublin_core_date_only_stays_date_only():
    head = '<meta name="DC.date.issued" content="2018-06-20">'
    assert published(page(head=head)) == ("2018-06-20", "meta:dc.date.issued")


def test_microdata_time_element():
    body = '<article><time itemprop="datePublished" datetime="2016-09-27">27 Sep 2016</time></article>'
    assert published(page(body)) == ("2016-09-27", "microdata:datePublished")


def test_bare_year_in_meta_never_dates_an_article():
    head = '<meta itemprop="datePublished" content="2006">'
    body = "<h1>Alte Mühle</h1><p class='date'>12.03.2015</p>"
    assert published(page(body, head))[0] == "2015-03-12"


def test_unknown_zone_name_is_read_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert parse_machine("Wed Jul 08 16:36:31 CEST 2020").iso == "2020-07-08T16:36:31+02:00"
        assert parse_machine("Wed Jul 08 16:36:31 QQT 2020").iso == "2020-07-08T16:36:31"


def test_future_and_ancient_dates_are_rejected():
    tomorrow_plus = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assert parse_machine(tomorrow_plus) is None
    assert parse_machine("1970-01-01") is None


# -- what the page shows settles conflicts -----------------------------------------------------------
def test_displayed_date_picks_between_disagreeing_structured_dates():
    head = (jsonld({"@type": "Article", "datePublished": "2021-12-06T14:36:00+01:00"})
            + '<meta name="date" content="2022-12-15">')
    body = "<h1>Zehn Tipps für ein ruhiges Fest</h1><div class='article-info'>15.12.2022</div><p>Text.</p>"
    assert published(page(body, head)) == ("2022-12-15", "meta:date")


def test_utc_time_yields_to_the_local_day_in_the_url():
    head = jsonld({"@type": "NewsArticle", "datePublished": "2023-11-09T03:28:35Z"})
    p = page(head=head, url="https://daily.example/2023/11/08/politics/debate-night/")
    assert published(p) == ("2023-11-08", "url")


def test_utc_time_yields_to_the_displayed_local_line():
    head = jsonld({"@type": "NewsArticle", "datePublished": "2020-04-14T00:38:07Z"})
    body = "<h1>Second suspect turns himself in</h1><div class='article-meta'>Apr 13, 2020 at 4:38 PM</div>"
    value, rule = published(page(body, head, lang="en-US"))
    assert value == "2020-04-13T16:38:00"
    assert rule == "text:dateline"


def test_utc_shift_is_bounded_by_real_time_zones():
    # 12:32 UTC cannot be the previous day anywhere: the displayed 05/12 line is another story's.
    head = '<meta name="DC.date.issued" content="2020-12-06T12:32:58Z">'
    body = "<h1>El primero en hablar</h1><ul class='lista'><li>05/12/2020 - 15:10</li></ul>"
    assert published(page(body, head, lang="es"))[0] == "2020-12-06T12:32:58+00:00"


def test_page_showing_its_update_as_its_date():
    head = jsonld({"@type": "Article", "datePublished": "2021-01-01T11:00:00Z",
                   "dateModified": "2023-04-01T10:00:00Z"})
    body = "<h1>Cloud-Gaming im Test</h1><p class='publishInfo'><time>01.04.2023, 12:00</time> Uhr</p>"
    assert published(page(body, head)) == ("2023-04-01T10:00:00+00:00", "json-ld:dateModified")


# -- visible date lines --------------------------------------------------------------------------------
@pytest.mark.parametrize("line, expected", [
    ("Veröffentlicht am 1. Juni 2017", "2017-06-01"),
    ("Published June 01, 2017", "2017-06-01"),
    ("Datum: 01.06.2017", "2017-06-01"),
    ("Publié le 1 juin 2017", "2017-06-01"),
    ("Publicado el 1 de junio de 2017", "2017-06-01"),
    ("Pubblicato il 1 giugno 2017", "2017-06-01"),
    ("Stand: 01.06.2017", "2017-06-01"),
])
def test_labelled_date_line_in_several_languages(line, expected):
    body = f"<h1>Ein Titel über den Hafen</h1><div class='byline'>{line}</div><p>Erster Absatz.</p>"
    assert published(page(body, url=None))[0] == expected


def test_byline_date_beats_comment_and_sidebar_dates():
    body = ("<div class='site-header'>Montag, 8. März 2021</div>" + "<nav><a href='/'>Start</a></nav>" * 3
            + "<article><h1>Neue Brücke eröffnet</h1><p class='meta'>von Jana Roth am 20.02.2021</p>"
            "<p>Die Brücke ist offen.</p></article>"
            "<aside class='sidebar'><ul><li>Mehr: 05.03.2021</li><li>Mehr: 04.03.2021</li></ul></aside>"
            "<div class='comments'><div class='comment'>Leser / 21.02.2021</div></div>")
    assert published(page(body)) == ("2021-02-20", "text:dateline")


def test_listing_dates_repeated_in_one_shape_lose_to_the_articles_own():
    teasers = "".join(f"<div class='news-date'>{d}.10.2021</div>" for d in (1, 5, 9, 12))
    body = (f"<h1>Tunnel eröffnet</h1>{teasers}<div class='date'>20.10.2021</div>"
            "<p>Lange erwartet.</p>")
    assert published(page(body))[0] == "2021-10-20"


def test_dateline_opening_a_long_first_paragraph():
    prose = "Die neue Fähre verbindet die Inseln ab sofort stündlich, auch am Wochenende. " * 5
    body = f"<h1>Neue Fährverbindung</h1><p>Mitteilung vom 25. Januar 2022 | Hafenstadt – {prose}</p>"
    assert published(page(body, url=None))[0] == "2022-01-25"
    body = f"<h1>Neue Fährverbindung</h1><p>27.1.2022 - {prose}</p>"
    assert published(page(body, url=None))[0] == "2022-01-27"
    # A date further into the prose is what the article is about, not its date.
    body = f"<h1>Neue Fährverbindung</h1><p>{prose} Der Fahrplan gilt ab 1. März 2022 – bis auf Weiteres.</p>"
    assert published(page(body, url=None))[0] is None


def test_a_later_paragraph_opening_with_a_date_is_history_not_a_dateline():
    intro = "Der alte Leuchtturm steht seit langer Zeit am Ende der Mole und hat viel erlebt. " * 4
    history = ("Am 14. Juli 1998 - dem Tag des großen Sturms - " +
               "brach die Laterne, und die Stadt sammelte lange Geld für eine neue. " * 4)
    body = f"<h1>Der Leuchtturm wird saniert</h1><p>{intro}</p><p>{history}</p>"
    assert published(page(body, url=None))[0] is None
    # The same paragraph first under the headline is an agency story's dateline.
    body = f"<h1>Der Leuchtturm wird saniert</h1><p>{history}</p><p>{intro}</p>"
    assert published(page(body, url=None))[0] == "1998-07-14"


def test_updated_line_is_modified_not_published():
    body = ("<h1>Storm closes the harbour</h1>"
            "<div class='dates'>Published June 1, 2017 · Updated June 3, 2017</div>")
    p = page(body, lang="en")
    assert published(p)[0] == "2017-06-01"
    assert dates.modified(p).value == "2017-06-03"


def test_only_an_updated_line_still_dates_the_page():
    body = "<h1>Vereinsregeln</h1><p>Letzte Aktualisierung: 18.01.2018</p>"
    assert published(page(body))[0] == "2018-01-18"


def test_several_time_elements_prefer_the_published_one():
    body = ("<article><header><h1>Liga-Gipfel</h1>"
            "<time class='updated' datetime='2022-02-03T08:00:00+01:00'>3. Februar</time>"
            "<time class='entry-date published' datetime='2022-02-01T18:00:00+01:00'>1. Februar</time>"
            "</header></article>"
            "<ul class='related'><li><time datetime='2022-01-20T10:00:00+01:00'>20. Januar</time></li></ul>")
    assert published(page(body)) == ("2022-02-01T18:00:00+01:00", "html:time")


# -- URL -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", [
    "https://blog.example/2017/06/01/harbour-notes/",
    "https://blog.example/news/2017-06-01-harbour-notes",
    "https://blog.example/archiv/20170601/harbour",
])
def test_url_date_patterns(url):
    assert published(page("<p>Kein Datum im Text.</p>", url=url)) == ("2017-06-01", "url")


def test_no_date_anywhere():
    assert dates.published(page("<h1>Über uns</h1><p>Wir sind ein Verein.</p>")) is None


# -- reading written dates -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Dienstag, 1. Februar 2022", "2022-02-01"),
    ("26\nOkt 2018", "2018-10-26"),
    ("jueves 2 de abril de 2020", "2020-04-02"),
    ("20 septembrie 2020 16:20", "2020-09-20T16:20:00"),
    ("December 29th 2019", "2019-12-29"),
    ("November 8, 2023 at 6:09 p.m.", "2023-11-08T18:09:00"),
    ("2012年6月4日", "2012-06-04"),
    ("Am 9. Okt. 2020", "2020-10-09"),
    ("29 июня 2020", "2020-06-29"),
    ("5 Kasım 2021", "2021-11-05"),
    ("2023. október 31.", "2023-10-31"),
])
def test_find_written(text, expected):
    assert [stamp.iso for _, stamp in find_written(text)] == [expected]


def test_slashed_dates_follow_the_page_convention():
    assert find_written("06/01/2017")[0][1].iso == "2017-01-06"
    assert find_written("06/01/2017", month_first=True)[0][1].iso == "2017-06-01"
    assert find_written("06/13/2019")[0][1].iso == "2019-06-13"  # no 13th month: must be month first


def test_words_that_merely_start_like_months_are_not_dates():
    assert find_written("Marsch 2019 und Junior 2020") == []
    assert find_written("In 2019 May 5 people came") == []


def test_last_resort_finds_a_date_in_page_scripts():
    body = ('<div id="app">Bewertung</div><script>window.__STATE__ = {"review": '
            '{"publishedDate": "2016-11-04T20:37:27Z", "stars": 5}};</script>')
    value, rule = published(page(body, url="https://bewertungen.example/r/581c"))
    assert (value[:10], rule) == ("2016-11-04", "htmldate")


def test_last_resort_never_returns_a_bare_year():
    body = "<p>Gegründet 1998. Wir reparieren Fahrräder.</p><footer>Seit 1998</footer>"
    assert dates.published(page(body, url="https://rad.example/ueber-uns")) is None


def test_us_locale_reads_slashed_dates_month_first():
    body = "<h1>County fair opens</h1><div class='post-date'>06/01/2017</div>"
    us = Page(f"<html><head><meta property='og:locale' content='en_US'></head><body>{body}</body></html>", None)
    uk = Page(f"<html lang='en-GB'><body>{body}</body></html>", None)
    assert published(us)[0] == "2017-06-01"
    assert published(uk)[0] == "2017-01-06"


def test_announced_events_are_not_the_pages_date():
    body = ("<h1>Arbeitsrecht: Urlaub verfällt nicht</h1>"
            "<div class='termin-datum'>19.1.23, 10:00-11:30 Uhr</div>"
            "<div class='post-date'>20.12.2022</div><p>Der nächste Stammtisch findet am 5. Februar 2023 statt.</p>")
    assert published(page(body))[0] == "2022-12-20"


@pytest.mark.parametrize(("lang", "deadline", "posted"), [
    ("de", "Antworten bis 30.06.2024", "<p>Geschrieben am 3. Mai 2024</p>"),
    ("en", "Submissions are open until March 15, 2024", "<p>January 10, 2024</p>"),
    ("fr", "Inscriptions jusqu'au 15 mars 2024", "<p>10 janvier 2024</p>"),
    ("es", "Fecha límite: 15 de marzo de 2024", "<p>10 de enero de 2024</p>"),
])
def test_a_deadline_is_not_the_pages_date(lang: str, deadline: str, posted: str):
    body = f"<h1>Umfrage an die Fraktionen</h1><p>{deadline}</p><p>{'Die Fragen stehen unten. ' * 12}</p>{posted}"
    assert published(page(body, lang=lang))[0] == ("2024-05-03" if lang == "de" else "2024-01-10")


def test_a_dateline_that_reads_like_an_event_still_beats_a_footer_date():
    body = ("<h1>Council roundup</h1><p class='date'>Upcoming votes, 3 May 2021</p><p>The council met.</p>"
            "<footer><p>Imprint 4 June 2021</p></footer>")
    assert published(page(body, lang="en", url=None))[0] == "2021-05-03"
    # A footer line the page labels as its own update still outranks an announced date.
    body = body.replace("Imprint", "This page was last updated on")
    assert published(page(body, lang="en", url=None))[0] == "2021-06-04"


def test_a_page_that_announces_its_next_meeting_is_dated_by_its_last_edit():
    body = ("<h1>Lesekreis Nordstadt</h1><p>Der nächste Lesekreis findet am Do. 6. März 2025 ab 18 Uhr statt.</p>"
            "<p>Wir lesen gemeinsam und reden darüber.</p>"
            "<div class='printfooter'>Diese Seite wurde zuletzt am 27. Februar 2025 um 10:12 Uhr geändert.</div>")
    assert published(page(body, url="https://wiki.lesekreis.example/Treffen"))[0] == "2025-02-27T10:12:00"
    announcement = body.split("<div class='printfooter'>")[0]  # an event's own page: its date is all it shows
    assert published(page(announcement, url="https://wiki.lesekreis.example/Treffen"))[0] == "2025-03-06"


def test_a_headline_styled_in_a_div_anchors_the_byline_not_the_comments_heading():
    head = "<meta property='og:title' content='Le droit de grève en question'>"
    body = ("<div class='pane-title'>Le droit de grève en question</div>"
            "<div class='signature'>Par Jeanne Martin<br>le 07 mai 2024</div>"
            + "<p>Le texte de la tribune, assez long pour écarter la suite de la signature.</p>" * 20
            + "<h2>Réactions</h2><div class='submitted'>par Paul le 9 mai 2024 - 12:38.</div><p>Bien vu.</p>")
    assert published(page(body, head, lang="fr"))[0] == "2024-05-07"


def test_comment_dates_never_date_the_page():
    comments = ("<ol class='comment-list'><li class='comment'><div class='comment-metadata'>"
                "<time datetime='2024-02-25T13:02:00+01:00'>25. Februar 2024 um 13:02 Uhr</time></div>"
                "<p>Tolle Folge!</p></li></ol>")
    episode = "<h1>Folge 12: Raumschiffe</h1><p>Wir sprechen über Raumschiffe.</p>"
    assert published(page(episode + comments, url="https://podcast.example/folge-12/")) == (None, None)
    posted = "<p class='post-meta'>20. Februar 2024</p>"
    assert published(page(episode + posted + comments))[0] == "2024-02-20"


def test_a_page_showing_only_comment_dates_still_gets_the_last_resorts_other_date():
    comments = "<ol class='comment-list'><li class='comment'><div class='says'>Ina am 25. Februar 2024</div></li></ol>"
    state = '<script>window.__STATE__ = {"episode": {"publishedDate": "2024-02-19T06:00:00Z"}};</script>'
    episode = "<h1>Folge 12: Raumschiffe</h1><p>Wir sprechen über Raumschiffe.</p>"
    value, rule = published(page(episode + comments + state, url="https://podcast.example/folge-12/"))
    assert (value[:10], rule) == ("2024-02-19", "htmldate")


def test_an_article_marked_commented_is_not_a_comment():
    marked = "<article class='post commented'><h1>Neue Bänke am See</h1><div class='byline'>Jo Doe 17.8.2013</div></article>"
    assert published(page(marked, url=None)) == ("2013-08-17", "text:dateline")
    remark = ("<article><h1>Neue Bänke am See</h1><p>Endlich.</p></article>"
              "<ol class='comment-list'><li><div class='says'>Ina, 17.8.2013</div></li></ol>")
    assert published(page(remark, url=None)) == (None, None)


@pytest.mark.parametrize(("lang", "body"), [
    ("en", ("<article class='commentary'><h1>Why the ferry plan fails</h1><p class='date'>3 May 2021</p>"
           "<p>An opinion.</p></article>")),
    ("de", ("<div class='kommentar-artikel'><h1>Der Fährplan scheitert</h1><p class='datum'>3. Mai 2021</p>"
           "<p>Eine Meinung.</p></div>")),
    ("en", ("<h1>Ferry plan</h1><div class='comments-meta'><span>Posted 3 May 2021</span> · 4 comments</div>"
           "<p>The plan.</p>")),
])
def test_an_opinion_piece_or_a_comment_count_is_not_a_comment(lang: str, body: str):
    assert published(page(body, lang=lang, url=None))[0] == "2021-05-03"


@pytest.mark.parametrize("container", [
    "<div id='comments'><div class='{}'>Ina, 3 May 2021</div></div>",
    "<ol class='commentlist'><li><p>Ina</p><p class='{}'>3 May 2021</p></li></ol>",
    "<div class='comment-body'><span class='{}'>3 May 2021</span></div>",
    "<section class='comments-area'><div class='comment__meta'><span class='{}'>3 May 2021</span></div></section>",
    "<div class='kommentare'><div class='kommentar-info'><span class='{}'>3. Mai 2021</span></div></div>",
    "<div class='leserbriefe'><p class='{}'>3. Mai 2021</p></div>",
    "<div id='comment-4711'><p class='{}'>3 May 2021</p></div>",
    "<ol><li class='comment'><footer><p class='{}'>Ina, 3 May 2021</p></footer><p>Agreed.</p></li></ol>",
    "<ol><li class='comment'><div class='comment-footer'><p class='{}'>3 May 2021</p></div></li></ol>",
])
def test_dates_in_comment_containers_never_date_the_page(container: str):
    body = "<h1>Ferry plan</h1><p>The plan.</p>" + container.format("date")
    assert published(page(body, url=None)) == (None, None)


def test_iso_output_drops_fractions_of_a_second():
    assert parse_machine("2023-11-06T13:00:15.055Z").iso == "2023-11-06T13:00:15+00:00"


def test_other_story_nodes_never_date_the_article():
    head = (jsonld({"@type": "NewsArticle", "headline": "Werft baut Fähre", "datePublished": "2021-05-01T10:00:00Z"})
            + jsonld({"@type": "NewsArticle", "headline": "Hafenfest abgesagt", "datePublished": "2021-04-20T08:00:00Z"}))
    body = ("<h1>Werft baut Fähre</h1><p>Die Werft baut eine neue Fähre für die Insellinie.</p>"
            "<div class='teaser'><h3>Hafenfest abgesagt</h3><span class='date'>20.04.2021</span></div>")
    assert published(page(body, head)) == ("2021-05-01T10:00:00+00:00", "json-ld:datePublished")


@pytest.mark.parametrize("url", [None, "", "http://[::1", "https://x.example/2020/13/45/"])
@pytest.mark.parametrize("value", ['["2020-01-01", "x"]', '{"a": 1}', "20200101", '"9999-99-99T99:99"',
                                   '"2020-02-30"'])
def test_odd_values_and_urls_never_break_extraction(url, value):
    head = f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": {value}}}</script>'
    p = page("<h1>Titel</h1><p>31.02.2020</p><time datetime='T'>x</time>", head, url=url)
    found = dates.published(p)
    assert found is None or found.value[:4].isdigit()
    dates.modified(p)
    assert not [w for w in p.warnings if "failed" in w]


@pytest.mark.parametrize("source", [
    '<meta property="article:published_time" content="{}">',
    '<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{}"}}</script>',
    '<time itemprop="datePublished" datetime="{}">gestern</time>',
])
@pytest.mark.parametrize("value", ["2021-05-01T10:00:00+99:00", "2021-05-01T10:00:00-24:00", "2021-05-01T10:00:00+25:30"])
def test_an_impossible_utc_offset_is_not_a_date(source, value):
    """dateutil reads +99:00 as an offset that datetime refuses: the value is skipped, the page still dated."""
    markup = source.format(value)
    head, body = (markup, "") if "<time" not in markup else ("", markup)
    p = page(f"<article>{body}<p class='date'>Veröffentlicht am 03.05.2021</p></article>", head)
    assert parse_machine(value) is None
    assert not [w for w in p.warnings if "failed" in w]
    assert published(p)[0][:10] in ("2021-05-01", "2021-05-03")  # its day as text, or the visible line


@pytest.mark.parametrize("filler", ["x" * 100_000, "Mai " * 25_000, "3 " * 50_000])
def test_a_100_kb_date_value_is_not_a_date_and_is_skipped_at_once(filler):
    """No structured value that long names a date; the length is checked before any pattern runs on it."""
    head = (f'<meta property="article:published_time" content="{filler}">'
            + jsonld({"@type": "NewsArticle", "datePublished": filler, "dateModified": filler}))
    body = f"<article><time datetime='{filler}'>x</time><p class='date'>Veröffentlicht am 03.05.2021</p></article>"
    p = page(body, head)
    assert published(p)[0] == "2021-05-03"
    assert dates._machine(filler) is None
    assert not [w for w in p.warnings if "failed" in w]


# -- shortcuts: what is skipped for speed would not have changed the answer ---------------------------
def test_month_trie_matches_exactly_the_names():
    names = ["jan", "january", "june", "jul", "july", "mai", "mar", "march", "märz", "mrz"]
    pattern = re.compile(datetext.alternation(names), re.IGNORECASE)
    probes = {name[:cut] for name in names for cut in range(1, len(name) + 1)} | {n + "x" for n in names}
    assert {p for p in probes if pattern.fullmatch(p)} == set(names)
    assert pattern.fullmatch("MÄRZ") and pattern.fullmatch("July")


DAY_BODIES = [
    "<h1>Fähre fällt aus</h1><p class='date'>04.03.2021</p><p>Text.</p>",
    "<h1>Fähre fällt aus</h1><p class='date'>03.03.2021</p><p>Text.</p>",
    "<h1>Fähre fällt aus</h1><p class='date'>05.03.2021, 01:30</p><aside><p>04.03.2021</p></aside>",
    "<h1>Fähre fällt aus</h1><div class='meta'>Aktualisiert: 06.03.2021</div>",
    "<h1>Fähre fällt aus</h1><time datetime='2021-03-03T22:00:00-05:00'>3. März</time>",
    "<aside><p>04.03.2021</p></aside><p>Ohne Überschrift.</p>",
    "<h1>Fähre fällt aus</h1><p>Kein Datum.</p>",
]
DAY_HEADS = [
    {"datePublished": "2021-03-04T23:30:00Z"},
    {"datePublished": "2021-03-04T01:15:00Z", "dateModified": "2021-03-06T08:00:00Z"},
    {"datePublished": "2021-03-04T12:00:00Z", "dateModified": "2021-03-04T15:00:00Z"},
    {"datePublished": "2021-03-04T09:15:00"},
    {"datePublished": "2021-03-04T09:15:00+01:00", "dateModified": "2021-03-05T10:00:00+01:00"},
]
DAY_URLS = [None, "https://news.example/2021/03/03/faehre", "https://news.example/2021/03/04/faehre"]


@pytest.mark.parametrize("url", DAY_URLS)
@pytest.mark.parametrize("data", DAY_HEADS)
@pytest.mark.parametrize("body", DAY_BODIES)
def test_one_structured_day_is_settled_as_scoring_every_sighting_settles_it(body, data, url):
    p = page(body, jsonld({"@type": "NewsArticle", **data}), url=url)
    structured = list(dates._structured(p, dates.PUBLISHED_KEYS, dates.PUBLISHED_META))
    seen, found_url = datelines.sightings(p), datelines.url_date(p)
    shown = {s.stamp.day for s in seen[:dates.SHOWN_TOP] if s.score > 0} | ({found_url.day} if found_url else set())
    assert dates.published(p) == dates._settle(p, structured, seen, shown, found_url)
    assert dateshown.displayed_days(p) == {s.stamp.day for s in seen}
    assert dateshown.shows_update(p) == any(s.modified for s in seen)


def test_a_day_the_page_does_not_display_otherwise_needs_no_scoring(monkeypatch):
    def never(page):
        raise AssertionError("scored every sighting")

    monkeypatch.setattr(datelines, "_sightings", never)
    head = jsonld({"@type": "NewsArticle", "datePublished": "2021-03-04T23:30:00Z"})
    p = page("<h1>Fähre fällt aus</h1><p class='date'>04.03.2021</p><p>Seit 12.01.2020 fährt sie.</p>", head)
    assert published(p) == ("2021-03-04T23:30:00+00:00", "json-ld:datePublished")
    assert dates.modified(p) is None  # no "Updated" line: nothing to score either


def test_a_weakly_shown_day_both_dates_give_is_the_published_one():
    head = jsonld({"@type": "NewsArticle", "datePublished": "2021-03-04T12:00:00Z",
                   "dateModified": "2021-03-04T15:00:00Z"})
    p = page("<aside><p>04.03.2021</p></aside><p>Ohne Überschrift.</p>", head, url=None)
    assert published(p) == ("2021-03-04T12:00:00+00:00", "json-ld:datePublished")


READ_BODIES = [
    "<h1>Fähre</h1><p class='date'>04.03.2021</p><p>Seit 12.01.2020 fährt sie, Fahrplan 2021.</p>",
    "<h1>Ferry</h1><p>Posted March 5, 2021 at 9:00</p><p>Meeting 1-6-21 and 1/6/21.</p>",
    "<h1>Ferry</h1><p>Updated 2021-03-03T10:00</p><footer>© 2021 Harbour Media</footer>",
    "<h1>عبّارة</h1><p>٠٤.٠٣.٢١</p>",
    "<h1>Ferry</h1><p>Seen 03.03.20٢١ 🚢</p>",
]


@pytest.mark.parametrize("body", READ_BODIES)
@pytest.mark.parametrize("days", [{dt.date(2021, 3, 4)}, {dt.date(2021, 3, 3), dt.date(2021, 3, 5)},
                                  {dt.date(2021, 6, 1)}, {dt.date(2020, 1, 12)}, {dt.date(2019, 5, 5)}, set()])
def test_displays_any_agrees_with_reading_every_line(body, days):
    assert dateshown.displays_any(page(body), days) == bool(days & dateshown.displayed_days(page(body)))


@pytest.mark.parametrize("text", ["UPDATED ", "Zuletzt aktualiſiert:", "MODİFİED", "modıfıed", "Mis À Jour le"])
def test_update_words_are_found_in_every_case_the_label_pattern_matches(text):
    assert dateshown.MODIFIED_LABEL.search(text)  # "ſ" is "s", "ı" and "İ" are "i" to the regex engine
    assert dateshown._holds_any(text, dateshown.MODIFIED_WORDS)


def test_label_pattern_matches_what_a_flat_alternation_matches():
    words = ("date", "dated", "datum", "published", "publié", "stand")
    pattern = datetext.label_pattern(words, 25)
    flat = re.compile("(?:" + "|".join(words) + r")\b[^\d]{0,25}$", re.IGNORECASE)
    for text in ("Published on ", "Dated:", "Datum ", "Stand: ", "Standard 2020 ", "publié le ", "DATE",
                 "x" * 30 + "date: " + "y" * 30, "update ", "Posted by Jane Doe on the first of"):
        assert bool(pattern.search(text)) == bool(flat.search(text)), text


def test_the_calendar_follows_the_clock():
    calendar = datetext._Calendar()
    assert calendar.tomorrow() == dt.date.today() + dt.timedelta(days=1)
    calendar.next_day, calendar.until = dt.date(2001, 1, 2), 0.0  # the day it knew is over
    assert calendar.tomorrow() == dt.date.today() + dt.timedelta(days=1)


def test_a_chart_source_labelled_data_is_not_the_publication_date():
    prose = "<p>" + "The harbour dues rose again this spring, and the council wants to know why. " * 3 + "</p>"
    body = ("<h1>Harbour dues rise</h1><p>May 2, 2024</p>" + prose +
            "<figure><figcaption>Data as of May 9, 2024</figcaption></figure><p>Data: Port office, May 9, 2024</p>")
    assert published(page(body, lang="en", url=None))[0][:10] == "2024-05-02"
    labelled = "<h1>Taxas do porto</h1><p>Data: 03/05/2024</p>" + prose
    assert published(page(labelled, lang="pt", url=None))[0][:10] == "2024-05-03"


def test_a_dateline_after_a_long_standfirst_is_still_read():
    standfirst = "<p class='intro'>" + "Das Ministerium stellt den neuen Hafenplan vor, der Gebühren senkt. " * 5 + "</p>"
    lede = "<p>Bonn, 3. Mai 2021 – " + "Das Ministerium hat heute den Plan vorgestellt und erklärt. " * 5 + "</p>"
    later = "<p>Am 11. September 2001 – " + "dem Tag, an dem sich vieles änderte – begann die Planung. " * 5 + "</p>"
    body = "<h1>Hafenplan vorgestellt</h1>" + standfirst + lede + "<p>Mehr dazu.</p>" * 2
    assert published(page(body, url=None))[0][:10] == "2021-05-03"
    mid_text = "<h1>Hafenplan vorgestellt</h1>" + standfirst * 3 + later
    assert published(page(mid_text, url=None))[0] is None


def test_a_french_des_between_numbers_is_no_month():
    assert find_written("Le 12 des 2000 participants sont venus.") == []
    assert [stamp.day for _, stamp in find_written("Publisert 3. desember 2024")] == [dt.date(2024, 12, 3)]
