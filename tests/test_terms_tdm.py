"""TDM and AI reservations: TDMRep meta and headers, robots noai; reported apart from the licence."""
from __future__ import annotations

from service.page import Page
from service.terms import extract_terms, tdm


def page(head: str = "", headers: dict[str, str] | None = None) -> Page:
    return Page(f"<html><head>{head}</head><body><p>Text</p></body></html>", "https://news.example/a/1", headers)


def test_tdmrep_meta_with_policy_url():
    found = tdm.find(page('<meta name="tdm-reservation" content="1">'
                          '<meta name="tdm-policy" content="/.well-known/tdm-policy.json">'))
    assert found.reserved is True
    assert found.policy == "https://news.example/.well-known/tdm-policy.json"


def test_tdmrep_headers():
    found = tdm.find(page(headers={"TDM-Reservation": "1", "TDM-Policy": "https://news.example/tdm.json"}))
    assert (found.reserved, found.policy) == (True, "https://news.example/tdm.json")


def test_explicit_no_reservation():
    assert tdm.find(page('<meta name="tdm-reservation" content="0">')).reserved is False


def test_robots_noai_directives():
    assert tdm.find(page('<meta name="robots" content="index, follow, noai, noimageai">')).reserved is True
    assert tdm.find(page(headers={"X-Robots-Tag": "googlebot: noai"})).reserved is True


def test_ordinary_robots_say_nothing_about_mining():
    assert tdm.find(page('<meta name="robots" content="index, follow, noarchive">')) is None


def test_a_reservation_is_not_a_licence():
    terms = extract_terms(page('<meta name="tdm-reservation" content="1">'))
    assert terms.tdm.reserved is True
    assert terms.license.kind == "none-found"
