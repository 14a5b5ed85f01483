"""site_name: declared names first, else the <title> segment that names the site's domain."""
from __future__ import annotations

from service.extract import site
from service.page import Page

URL = "https://www.hafen-kurier.example/politik/2024/fähre"


def _page(title: str, head: str = "", url: str | None = URL) -> Page:
    return Page(f"<html><head><title>{title}</title>{head}</head><body><h1>Neue Fähre</h1></body></html>", url)


def test_title_segment_naming_the_domain_is_the_site_name() -> None:
    found = site.site_name(_page("Neue Fähre für den Hafen | Hafen-Kurier"))
    assert found is not None and (found.value, found.rule) == ("Hafen-Kurier", "html:title-segment")


def test_segment_is_matched_by_letters_whatever_the_spacing_and_case() -> None:
    found = site.site_name(_page("Neue Fähre – Politik – HAFEN KURIER"))
    assert found is not None and found.value == "HAFEN KURIER"


def test_a_segment_that_is_not_the_domain_is_not_a_site_name() -> None:
    assert site.site_name(_page("Neue Fähre für den Hafen | Politik")) is None
    assert site.site_name(_page("Neue Fähre | Hafen Kurier", url=None)) is None


def test_the_leading_segment_is_left_alone() -> None:
    # "Site | Headline" titles exist, but a leading segment is as often a headline that happens
    # to name the site: only later segments are read.
    assert site.site_name(_page("Hafen Kurier | Neue Fähre für den Hafen")) is None


def test_declared_names_come_first() -> None:
    page = _page("Neue Fähre | Hafen Kurier", head='<meta property="og:site_name" content="Der Hafen-Kurier">')
    found = site.site_name(page)
    assert found is not None and (found.value, found.rule) == ("Der Hafen-Kurier", "meta:og:site_name")


def test_a_section_named_like_part_of_the_domain_is_not_the_site() -> None:
    page = _page("Neue Fähre für den Hafen - Hafen | Hafen-Kurier")
    found = site.site_name(page)
    assert found is not None and found.value == "Hafen-Kurier"
    assert site.site_name(_page("Neue Fähre für den Hafen | Hafen")) is None


def test_an_address_is_not_a_name() -> None:
    assert site.site_name(_page("Zimmer 127 öffnet | Hotel 127", url="http://127.0.0.1/zimmer")) is None
