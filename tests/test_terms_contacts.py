"""Whom to ask: permission e-mails (plain and Cloudflare-obfuscated), reprint portals, terms pages; and
addresses that are not permission contacts (authors, donations, privacy officers)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.page import Page
from service.terms import contacts

FIXTURES = Path(__file__).parent / "fixtures" / "terms"
URL = "https://news.example.org/2024/05/story"


def encode_cfemail(address: str, key: int) -> str:
    """What Cloudflare writes into data-cfemail: the key byte, then each byte XOR the key."""
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in address.encode("utf-8"))


def page(body: str) -> Page:
    return Page(f"<html><body>{body}</body></html>", URL)


def emails(body: str) -> list[str]:
    return [f.contact.email for f in contacts.find(page(body)) if f.contact and f.contact.email]


@pytest.mark.parametrize("address, key", [("syndication@harbor-ledger.example", 0x5A),
                                           ("rechte@verlag.example.de", 0x01), ("a.b+c@x.io", 0xFF)])
def test_cfemail_round_trip(address, key):
    assert contacts.decode_cfemail(encode_cfemail(address, key)) == address


@pytest.mark.parametrize("bad", ["", "zz", "5a", "5a00", "not hex at all", "41" + "00" * 3])
def test_cfemail_garbage_decodes_to_nothing(bad):
    assert contacts.decode_cfemail(bad) is None


def test_seed_cloudflare_variant_yields_the_publications_address():
    seed = Page((FIXTURES / "seed_crosspost_cfemail.html").read_text(encoding="utf-8"), URL)
    found = [f for f in contacts.find(seed) if f.contact and f.contact.email]
    assert [(f.signal, f.contact.email) for f in found] == [("contact:cfemail", "publications@globalresearch.ca")]
    assert "[email protected]" in found[0].evidence.text
    assert found[0].evidence.where.endswith("div.disclaimer > p:nth-of-type(1)")


def test_cloudflare_protection_link_is_decoded_too():
    encoded = encode_cfemail("licensing@northwind.example", 0x33)
    body = (f"<p>For reprint permission write to <a href='/cdn-cgi/l/email-protection#{encoded}'>"
            "[email&#160;protected]</a>.</p>")
    assert emails(body) == ["licensing@northwind.example"]


def test_plain_permission_address():
    assert emails("<p>Republication rights: please contact permissions@northwind.example.</p>") == [
        "permissions@northwind.example"]


@pytest.mark.parametrize("text", [
    "Timothy Writer covers politics. You can follow him on Twitter and email him at t.writer@northwind.example",
    "Please support the project: PayPal: support@donate.example or via our website.",
    "Questions about your data? Write to our privacy officer at privacy@northwind.example.",
    "Subscribe to our newsletter: send an e-mail to news@northwind.example.",
])
def test_addresses_that_are_not_permission_contacts(text):
    assert emails(f"<p>{text}</p>") == []


@pytest.mark.parametrize("label", ["Reprints & Permissions", "Reuse this content", "Photo requests, reprints",
                                   "Nutzungsrechte", "Lizenzen", "Content licensing", "Droits de reproduction"])
def test_permission_portal_links(label):
    found = contacts.find(page(f"<div class='article-tools'><a href='/licensing/request?id=7'>{label}</a></div>"))
    assert [(f.signal, f.contact.url) for f in found] == [("contact:link",
                                                           "https://news.example.org/licensing/request?id=7")]
    assert found[0].evidence.text == label and found[0].license is None


@pytest.mark.parametrize("label", ["Republishing guidelines", "Terms of Use", "Nutzungsbedingungen",
                                   "Conditions générales d'utilisation", "Términos y condiciones"])
def test_terms_pages_go_into_follow_up(label):
    found = contacts.find(page(f"<footer><a href='/legal/terms'>{label}</a></footer>"))
    assert [(f.signal, f.follow_up) for f in found] == [("follow-up:terms-link",
                                                         ("https://news.example.org/legal/terms",))]


@pytest.mark.parametrize("article, terms, kept", [
    ("https://www.ferrytimes.com/news/a", "https://ferrytimes.com/terms", True),
    ("https://www.hbn.com/news/a", "https://hbn.com/terms", True),  # a short name is no "co.uk"
    ("https://www.hbn.com/news/a", "https://www.hbn.org/terms", False),
    ("https://ferrytimes.com/news/a", "https://legal.ferrytimes.com/terms", True),
    ("https://www.ferrytimes.co.uk/news/a", "https://ferrytimes.co.uk/terms", True),
    ("https://www.ferrytimes.com/news/a", "https://licences.example.net/terms", False),
    ("https://ferrytimes.co.uk/news/a", "https://other.co.uk/terms", False),
    ("https://www.ferrytimes.com/news/a", "http://[::1/terms", False),
])
def test_a_terms_link_is_followed_only_on_the_same_registrable_domain(article, terms, kept):
    found = contacts.find(Page(f"<html><body><footer><a href='{terms}'>Terms of Use</a></footer></body></html>",
                               article))
    assert bool([f for f in found if f.signal == "follow-up:terms-link"]) == kept


def test_click_here_for_reprint_permission():
    found = contacts.find(page("<div class='permission'><p>© 2022 Harbour Gazette Ltd.<br>Ask "
                               "<a href='/reprints/request'>here</a> if you would like to reprint this story.</p></div>"))
    assert [(f.signal, f.contact.url) for f in found] == [("contact:link", "https://news.example.org/reprints/request")]


def test_here_in_a_sentence_about_something_else_is_no_contact():
    assert contacts.find(page("<p>Read more about our newsroom <a href='/about'>here</a>.</p>")) == []


def test_terms_page_of_another_site_is_not_followed():
    assert contacts.find(page("<footer><a href='https://other.example.com/terms'>Terms of Use</a></footer>")) == []


def test_a_headline_ending_in_a_cue_word_is_not_a_portal():
    assert contacts.find(page("<ul><li><a href='/news/1'>Gerichte bestätigen Creative-Commons-Lizenzen</a></li>"
                              "</ul>")) == []


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<a href='", "'>", "</a>", "/cdn-cgi/l/email-protection#", "ff",
                                 "00", "4a", "data-cfemail=\"", "\"", "[email protected]", "permission", "@", "a@b.cd",
                                 "Reprints", "Terms of Use", " ", "mailto:", "\n"]), max_size=60).map("".join))
def test_no_input_makes_the_contact_finder_raise(html):
    assert isinstance(contacts.find(Page(html, URL)), list)
