"""Reservation clauses: all rights reserved in five languages, wire clauses, prior permission, copyright
lines, and the traps that are not the article's terms (photo credits, conditional wire clauses,
"some rights reserved", fair use, cookie banners, a JavaScript package's licence)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.page import Page
from service.terms import clauses, cues, tables
from service.terms.combine import STRENGTH

URL = "https://news.example.org/2024/05/story"


def page(body: str, head: str = "") -> Page:
    return Page(f"<html><head>{head}</head><body>{body}</body></html>", URL)


def reservations(body: str, head: str = "") -> list:
    return [f for f in clauses.find(page(body, head)) if f.license is not None]


def signals(body: str) -> set[str]:
    return {f.signal for f in reservations(body)}


@pytest.mark.parametrize("sentence", [
    "© 2024 Harbor Ledger Media LLC. All rights reserved.",
    "Copyright © 2024 Musterverlag GmbH. Alle Rechte vorbehalten.",
    "Todos los derechos reservados Diario Ejemplo S.A. 2023.",
    "© Le Quotidien du Nord 2024. Tous droits réservés.",
    "Copyright 2024 © Gruppo Editoriale Esempio S.p.A. Tutti i diritti sono riservati",
    "Alle Rechte bei der Autorin.",
    "Das Urheberrecht liegt bei der Autorin. Alle Rechte vorbehalten.",
    "Droits de reproduction et de diffusion réservés.",
])
def test_all_rights_reserved_in_five_languages(sentence):
    found = reservations(f'<footer class="site-footer"><p>{sentence}</p></footer>')
    arr = [f for f in found if f.signal == "clause:all-rights-reserved"]
    assert len(arr) == 1
    finding = arr[0]
    assert finding.license.kind == "all-rights-reserved"
    assert (finding.commercial_use, finding.derivatives) == ("needs-permission", "prohibited")
    assert finding.scope == "site" and finding.strength == STRENGTH["reservation"]
    assert finding.evidence.text in sentence
    assert finding.evidence.where.endswith("footer.site-footer > p")


@pytest.mark.parametrize("sentence, signal", [
    ("Our coverage must not be copied, republished or redistributed.", "clause:no-reuse"),
    (("Stories from the Northwind Media newsroom must not be copied, reprinted or passed on unless Northwind "
     "Media agrees in writing."), "clause:no-reuse"),
    ("Reproduction of any Northwind story in print or online is strictly prohibited without our consent.",
     "clause:no-reuse"),
    ("No part of this article may be copied or republished without the prior written consent of the publisher.",
     "clause:prior-permission"),
    ("Nachdruck und Weiterverbreitung, auch auszugsweise, nur mit Genehmigung der Redaktion.", "clause:no-reuse"),
    ("Eine Wiederveröffentlichung ohne vorherige ausdrückliche Erlaubnis des Verlags ist nicht gestattet.",
     "clause:no-reuse"),
    ("Prohibida su reproducción total o parcial, sin autorización escrita de su titular.", "clause:no-reuse"),
    ("Toute reproduction, même partielle, est interdite sans autorisation.", "clause:no-reuse"),
    ("È vietata la riproduzione, anche parziale, dei contenuti.", "clause:no-reuse"),
    ("Not for redistribution.", "clause:no-reuse"),
    ("The content of this page may not be reproduced.", "clause:no-reuse"),
    ("Nachdruck verboten.", "clause:no-reuse"),
    ("Die Inhalte dürfen nicht ohne Genehmigung der Redaktion verwendet werden.", "clause:prior-permission"),
])
def test_reuse_bans_and_permission_clauses(sentence, signal):
    found = reservations(f"<div class='legal'><p>{sentence}</p></div>")
    assert [f.signal for f in found] == [signal]
    assert found[0].license.kind == "all-rights-reserved"


def test_article_level_reservation_is_scoped_to_the_article():
    found = reservations("<article><div class='story-body'><p>Text of the story.</p>"
                         "<p class='is-copyright'>© RIPRODUZIONE RISERVATA</p></div></article>")
    assert [(f.signal, f.scope) for f in found] == [("clause:all-rights-reserved", "article")]


def test_bare_copyright_line_is_a_weak_reservation():
    found = reservations("<footer><p>© 2024 Northwind Daily</p></footer>")
    assert [(f.signal, f.strength) for f in found] == [("clause:copyright-line", STRENGTH["copyright-line"])]
    assert found[0].license.kind == "all-rights-reserved"


def test_copyright_line_that_is_only_a_menu_label_sets_no_licence():
    findings = clauses.find(page("<footer><ul class='footer_list'><li><a href='/'>Copyright 2019 Morgenpost "
                                 "Beispiel GmbH</a></li><li><a href='/agb'>AGB</a></li></ul></footer>"))
    assert [(f.signal, f.license, f.strength) for f in findings] == [("clause:copyright-line", None, STRENGTH["hint"])]


def test_a_paragraph_that_is_only_a_linked_copyright_line_still_states_it():
    found = reservations("<div class='foot'><p class='copy'><a href='/impressum'>© Nordfunk 2023</a></p></div>")
    assert [(f.signal, f.strength) for f in found] == [("clause:copyright-line", STRENGTH["copyright-line"])]


@pytest.mark.parametrize("line", ["Copyrights ⓒ Hankook Ilbo", "Copyright Northwind Media, 2020",
                                  "The copyright of this article remains with the author.",
                                  "Copyright @ 2023 Berita. All right reserved"])
def test_copyright_line_spellings(line):
    assert reservations(f"<footer><p>{line}</p></footer>")


def test_site_footer_that_a_theme_put_inside_the_comments_section_is_the_sites():
    found = reservations("<div id='comments'><ol class='comment-list'><li>Nice post!</li></ol>"
                         "<footer class='footer'><p>© 2022 Fachverlag Beispiel GmbH.</p></footer></div>")
    assert [(f.signal, f.scope) for f in found] == [("clause:copyright-line", "site")]


def test_copyright_of_the_site_design_is_not_the_articles():
    findings = clauses.find(page("<footer><p>site design / logo © 2024 Example Network Inc; user contributions "
                                 "licensed under a free licence</p></footer>"))
    assert [(f.scope, f.license) for f in findings] == [("design", None)]


@pytest.mark.parametrize("markup", [
    "<figure><img src='a.jpg'><figcaption>Pflanzen im Frost. © Erika Muster/dpa</figcaption></figure>",
    "<p class='image-caption'>Foto: dpa</p>",
    "<div class='comments'><p>© 2024 me, all rights reserved, do not copy my comment</p></div>",
])
def test_photo_credits_and_comments_are_not_the_articles_reservation(markup):
    assert reservations(markup) == []


def test_conditional_wire_clause_is_third_party():
    findings = clauses.find(page(
        "<footer><p>Copyright © 2024 Northwind Daily Ltd. Reproduction of any Northwind story in print or online is "
        "strictly prohibited without our consent. Coastline Press reports: Copyright © 2019 Coastline Press. "
        "All rights reserved. Wire copy must not be copied, republished or redistributed."
        "</p></footer>"))
    by_scope = {(f.signal, f.scope) for f in findings if f.license is not None}
    assert by_scope == {("clause:copyright-line", "site"), ("clause:no-reuse", "site")}
    third = [f for f in findings if f.scope == "third-party"]
    assert {f.signal for f in third} == {"clause:copyright-line", "clause:all-rights-reserved", "clause:no-reuse"}
    assert all(f.license is None for f in third)


@pytest.mark.parametrize("text", [
    "Diese Website ist lizenziert als Creative Commons Namensnennung 4.0. Einige Rechte vorbehalten.",
    "Some rights reserved. This work is licensed under a Creative Commons licence.",
    "This article was originally published on Coolsite and has been republished here with permission.",
    ("Our site contains copyrighted material the use of which has not always been authorized by the copyright "
    "owner. If you wish to use copyrighted material for purposes other than fair use you must request "
    "permission from the copyright owner."),
    "We use cookies to improve your experience. By continuing you consent to the use of cookies.",
    "On Sunday the mayor was given permission to leave the building after the authorities had searched it.",
    "Your email address will not be published. Required fields are marked.",
])
def test_traps_give_no_reservation(text):
    assert reservations(f"<div class='content'><p>{text}</p></div>") == []


def test_state_blob_licence_enum_is_read_and_a_software_licence_is_not():
    state = '<script>window.__APOLLO_STATE__ = {"Post:9f":{"title":"x","license":"ALL_RIGHTS_RESERVED"}};</script>'
    package = '<script>var pkg = {"name":"axios","license":"MIT"};</script>'
    found = clauses.find(page("<p>Body.</p>" + package + state))
    assert [(f.signal, f.scope, f.license.kind) for f in found] == [("script:license-enum", "article",
                                                                       "all-rights-reserved")]
    assert found[0].evidence.text == '"license":"ALL_RIGHTS_RESERVED"'
    assert clauses.find(page("<p>Body.</p>" + package)) == []


def test_a_character_that_grows_when_lower_cased_does_not_shift_the_evidence():
    found = reservations("<p>İstanbul Haber Ajansı</p><footer><p>İİİ Media. All rights reserved.</p></footer>")
    assert [f.evidence.text for f in found] == ["All rights reserved."]


def test_an_endless_sentence_is_read_around_its_cue():
    filler = "word " * 20_000
    found = reservations(f"<footer><p>{filler}© 2024 Northwind Daily all rights reserved {filler}</p></footer>")
    assert found and all(len(f.evidence.text) <= 1_000 for f in found)
    assert any("© 2024 Northwind Daily" in f.evidence.text for f in found)


def test_evidence_is_the_sentence_not_the_whole_block():
    sentence = "All rights reserved."
    found = reservations(f"<footer><p>Site by Studio Nine. {sentence} Use of this site constitutes acceptance "
                         "of our user agreement.</p></footer>")
    assert [f.evidence.text for f in found] == [sentence]


def test_a_failing_finder_returns_nothing_and_leaves_a_warning(monkeypatch):
    def broken(_page):
        raise RuntimeError("boom")

    monkeypatch.setattr(cues, "scan", broken)
    target = page("<p>All rights reserved.</p>")
    assert clauses.find(target) == []
    assert any("clauses" in warning for warning in target.warnings)


def test_every_table_pattern_is_reachable_through_its_keywords():
    """The scan only looks at sentences holding a keyword: each table's examples must hold one."""
    for lang in tables.SCANNED:
        assert lang.keywords == tuple(k.lower() for k in lang.keywords)
        assert all(k in tables.KEYWORD_INDEX for k in lang.keywords)
        gated = {concept for concepts in lang.gates.values() for concept in concepts}
        assert gated == set(lang.concepts) - {"noise"}, (lang.code, set(lang.concepts) - gated)


# Fragments a hostile or broken page is made of, cues included, joined in any order.
FRAGMENTS = list("<>/=\"' abc©@&;#-:.!?\n") + ["<p>", "</p>", "<footer>", "<script>", "</script>", "<figure>",
                                                "All rights reserved", "Alle Rechte vorbehalten", "permission",
                                                'data-cfemail="zz"', "[email protected]", "Associated Press articles:",
                                                "may not be published, broadcast", '"license":"ALL_RIGHTS_RESERVED"']
HTMLISH = st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=400), HTMLISH))
def test_no_input_makes_the_clause_finder_raise(html):
    findings = clauses.find(Page(html, URL))
    assert isinstance(findings, list)
    assert all(f.evidence.text and f.scope for f in findings)
