"""Custom grants parsed into rules: the founding example (plain and Cloudflare-obfuscated), nonprofit
republishing rules, "the first N words", press releases, personal use only; and what is not a grant."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.page import Page
from service.terms import cc, clauses, contacts, extract_terms, grants
from service.terms.combine import STRENGTH, combine
from service.terms.model import Constraint, Rule

FIXTURES = Path(__file__).parent / "fixtures" / "terms"
SEED_URL = "https://www.globalresearch.ca/video-tensions-grow-as-isis-collapses-in-syria-and-iraq/5593512"
URL = "https://news.example.org/2024/05/story"


def page(body: str) -> Page:
    return Page(f"<html><body>{body}</body></html>", URL)


def only_grant(body: str):
    found = grants.find(page(body))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("fixture", ["seed_crosspost.html", "seed_crosspost_cfemail.html"])
def test_founding_example_is_parsed_into_rules(fixture):
    seed = Page((FIXTURES / fixture).read_text(encoding="utf-8"), SEED_URL)
    found = grants.find(seed)
    assert len(found) == 1
    grant = found[0]
    assert grant.license.kind == "custom-grant"
    assert grant.signal == "clause:grant" and grant.scope == "site" and grant.strength == STRENGTH["grant"]
    assert grant.permissions == (Rule("cross-post", (Constraint("venue", "eq", "community"),
                                                     Constraint("medium", "eq", "web"))),)
    assert set(grant.prohibitions) == {Rule("print", (), needs_permission=True),
                                       Rule("republish", (Constraint("venue", "eq", "commercial"),),
                                            needs_permission=True)}
    assert [d.type for d in grant.duties] == ["credit-source", "copyright-notice", "link-to-original"]
    assert grant.commercial_use == "needs-permission"
    assert grant.derivatives is None
    assert grant.contact.email == "publications@globalresearch.ca"
    assert grant.evidence.text.startswith("The Centre of Research on Globalization grants permission to cross-post")
    assert "For publication of Global Research articles in print" in grant.evidence.text
    assert "fair use" not in grant.evidence.text and "PayPal" not in grant.evidence.text
    assert grant.evidence.where.endswith("div.disclaimer > p:nth-of-type(1)")


@pytest.mark.parametrize("fixture", ["seed_crosspost.html", "seed_crosspost_cfemail.html"])
def test_founding_example_end_to_end_through_combine(fixture):
    seed = Page((FIXTURES / fixture).read_text(encoding="utf-8"), SEED_URL)
    terms = combine(clauses.find(seed) + grants.find(seed) + contacts.find(seed) + cc.find(seed))
    assert terms.license.kind == "custom-grant"
    assert (terms.commercial_use, terms.derivatives) == ("needs-permission", "unknown")
    assert {d.type for d in terms.duties} == {"credit-source", "copyright-notice", "link-to-original"}
    assert terms.contact.email == "publications@globalresearch.ca"
    assert [r.action for r in terms.permissions] == ["cross-post"]
    assert {r.action for r in terms.prohibitions if r.needs_permission} == {"print", "republish"}


NONPROFIT = """
<article><div class="entry-content"><p>Story text.</p></div></article>
<section class="republish-box">
  <h3>Republish this article</h3>
  <p>You are free to republish this story for free, online or in print, if you follow these rules:</p>
  <ul>
    <li>Credit the author and the Harbor Ledger in the byline.</li>
    <li>Link to the original story on our website.</li>
    <li>Do not edit the text, except to update references to time and place or to match your house style.</li>
    <li>You may not sell our stories separately.</li>
    <li>Include our tracking pixel in the HTML of the page.</li>
    <li>Set a canonical link pointing to the original URL.</li>
  </ul>
  <h3>Newsletter</h3><p>Sign up to get our stories by e-mail.</p>
</section>
"""


def test_nonprofit_republishing_rules():
    grant = only_grant(NONPROFIT)
    assert grant.permissions == (Rule("republish"),)  # online and in print: no medium constraint
    assert [d.type for d in grant.duties] == ["credit-source", "credit-author", "link-to-original",
                                              "include-tracking-pixel", "canonical-link"]
    assert grant.derivatives == "prohibited"
    assert Rule("sell") in grant.prohibitions
    assert grant.commercial_use is None  # the rules say nothing about commercial outlets
    assert "Sign up" not in grant.evidence.text


def test_guidelines_page_adds_its_rules_to_the_licence_it_names():
    """A republishing-guidelines page (what follow_terms fetches): the grant names a CC licence, so it
    sets no licence of its own; its rules, under their headings, become the licence's extra duties."""
    article = Page((FIXTURES / "guidelines_article.html").read_text(encoding="utf-8"),
                   "https://theledger-academic.example/heatwaves-are-lasting-longer-41122")
    guidelines = Page((FIXTURES / "guidelines_page.html").read_text(encoding="utf-8"),
                      "https://theledger-academic.example/republishing-guidelines")
    found = grants.find(guidelines)
    assert [(f.signal, f.license) for f in found] == [("clause:grant-terms", None)]
    assert {d.type for d in found[0].duties} == {"credit-author", "credit-author-institution", "credit-source",
                                                 "link-to-original", "include-tracking-pixel",
                                                 "include-original-links"}
    assert found[0].derivatives == "prohibited"
    assert "Images are not covered" not in found[0].evidence.text
    alone = extract_terms(article)
    assert alone.license.kind == "all-rights-reserved"
    assert "https://theledger-academic.example/republishing-guidelines" in alone.follow_up
    followed = extract_terms(article, None, [guidelines])
    assert (followed.license.kind, followed.license.id) == ("cc", "CC-BY-ND-4.0")
    assert followed.derivatives == "prohibited"
    assert {"credit-author-institution", "include-tracking-pixel"} <= {d.type for d in followed.duties}


def test_first_words_may_be_republished():
    grant = only_grant("<div class='post-footer'><p>The first 150 words of this article may be republished if you "
                       "credit the author and link to the original.</p></div>")
    assert grant.signal == "clause:first-words" and grant.scope == "article"
    assert grant.permissions == (Rule("excerpt", (Constraint("max_words", "lteq", 150),)),)
    assert {d.type for d in grant.duties} == {"credit-author", "link-to-original"}


def test_press_release_is_free_to_reprint():
    grant = only_grant("<div class='release'><p>This press release may be freely reprinted in full or in part."
                       "</p></div>")
    assert grant.signal == "clause:press-release"
    assert grant.permissions == (Rule("republish"),) and grant.commercial_use == "allowed"


def test_press_release_in_german():
    grant = only_grant("<div class='pm'><p>Pressemitteilung der Stadtwerke Beispielstadt. Abdruck honorarfrei.</p>"
                       "</div>")
    assert grant.signal == "clause:press-release" and grant.commercial_use == "allowed"


@pytest.mark.parametrize("text", [
    ("© 2021 Lindenblatt.de – Alle Rechte vorbehalten. Lindenblatt erlaubt Lesern, Artikel zu speichern, "
    "wenn sie ausschließlich für private Zwecke genutzt werden."),
    "© 2024 Northwind Journal. For personal, non-commercial use only.",
    "Contenido exclusivamente para uso personal.",
])
def test_personal_use_only(text):
    grant = only_grant(f"<footer><p>{text}</p></footer>")
    assert grant.signal == "clause:personal-use"
    assert grant.permissions == (Rule("use", (Constraint("purpose", "eq", "private"),)),)
    assert grant.prohibitions == (Rule("republish", needs_permission=True),)
    assert (grant.commercial_use, grant.derivatives) == ("needs-permission", None)


def test_personal_use_grant_outranks_the_reservation_it_carves_out_of():
    target = page("<div id='main'><p>© 2021 Lindenblatt.de – Alle Rechte vorbehalten. Lindenblatt erlaubt Lesern, "
                  "Artikel ausschließlich für private Zwecke zu speichern. Jede Weitergabe an Dritte bedarf der "
                  "schriftlichen Genehmigung der Redaktion.</p></div>")
    terms = combine(clauses.find(target) + grants.find(target))
    assert terms.license.kind == "custom-grant" and terms.commercial_use == "needs-permission"


@pytest.mark.parametrize("text, duties", [
    ("Los artículos pueden reproducirse siempre que se cite la fuente y se incluya un enlace al original.",
     {"credit-source", "link-to-original"}),
    ("Vous pouvez republier nos articles à condition de citer la source et l'auteur.",
     {"credit-source", "credit-author"}),
    ("Die Texte dürfen gerne übernommen werden, wenn die Quelle genannt und der Beitrag verlinkt wird.",
     {"credit-source", "link-to-original"}),
    ("Se autoriza la reproducción total o parcial citando la fuente.", {"credit-source"}),
    ("Reproduction autorisée avec mention de la source.", {"credit-source"}),
    ("Riproduzione consentita citando la fonte e l'autore.", {"credit-source", "credit-author"}),
    ("Permission is hereby granted to reproduce this article provided the author is credited.", {"credit-author"}),
    ("Nachdruck mit Quellenangabe gestattet, Belegexemplar erbeten.", {"credit-source", "notify-publisher"}),
    ("Der Beitrag darf gerne mit Quellenangabe übernommen werden.", {"credit-source"}),
    ("Reprinting is permitted with credit to the source.", {"credit-source"}),
    ("Our articles may be republished with attribution and a link to the original.",
     {"credit-source", "link-to-original"}),
    ("Die Veröffentlichung ist unter Nennung der Quelle gestattet.", {"credit-source"}),
    ("La reproduction des articles est autorisée à condition de citer la source.", {"credit-source"}),
])
def test_grants_in_other_languages(text, duties):
    grant = only_grant(f"<div class='legal'><p>{text}</p></div>")
    assert grant.license.kind == "custom-grant"
    assert {d.type for d in grant.duties} == duties


@pytest.mark.parametrize("text", [
    "This article was originally published on Coolsite and has been republished here with permission.",
    "You can share this article on Facebook or Twitter.",
    "Republicans may republish their platform next week, the spokesman said.",
    "Nachdruck nur mit Genehmigung gestattet.",
    "Kommentare dürfen nicht übernommen werden, wenn sie beleidigen.",
])
def test_not_grants(text):
    assert grants.find(page(f"<article><p>{text}</p></article>")) == []


def test_grant_inside_a_reader_comment_is_not_the_articles():
    found = grants.find(page("<div class='comment-content'><p>You may republish this article for free.</p></div>"))
    assert [(f.scope, f.strength) for f in found] == [("user-content", STRENGTH["hint"])]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<li>", "<ul>", "<h3>", " ", ".", "grants permission to cross-post",
                                 "You are free to republish", "the first 200 words", "for personal use only",
                                 "credit the author", "contact:", "x@y.z", "[email protected]",
                                 '<a data-cfemail="41">', "print", "commercial", "Do not edit", "\n"]),
                max_size=60).map("".join))
def test_no_input_makes_the_grant_finder_raise(html):
    assert isinstance(grants.find(Page(html, URL)), list)
