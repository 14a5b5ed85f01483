"""The registrable-domain helper every module uses to tell which site a URL or host belongs to."""
from __future__ import annotations

import pytest

from service.domains import registrable_domain
from service.extract.names import domain_label


@pytest.mark.parametrize("value, expected", [
    ("https://www.ferrytimes.com/news/a", "ferrytimes.com"),
    ("ferrytimes.com", "ferrytimes.com"),
    ("news.ferrytimes.co.uk", "ferrytimes.co.uk"),
    ("HTTPS://WWW.FerryTimes.ORG./x", "ferrytimes.org"),
    ("ferrytimes.org:8080/path", "ferrytimes.org"),
    ("//cdn.ferrytimes.net/app.js", "ferrytimes.net"),
    ("https://harbour.gov.au/a", "harbour.gov.au"),
    ("http://127.0.0.1:8080/a", "127.0.0.1"),
    ("http://[::1]/a", "::1"),
])
def test_registrable_domain(value, expected):
    assert registrable_domain(value) == expected


@pytest.mark.parametrize("value", ["http://[::1", "http://[", "co.uk", "", None, 12, "localhost", "https://",
                                   "javascript:alert(1)", "http://" + "a" * 5000, "\x00"])
def test_no_domain_is_none_and_never_an_error(value):
    assert registrable_domain(value) is None


@pytest.mark.parametrize("url, label", [("https://news.ferrytimes.co.uk/a", "ferrytimes"),
                                        ("https://www.ferry-times.com.au/a", "ferrytimes"),
                                        ("https://ferrytimes.de", "ferrytimes"), ("http://[::1", None),
                                        ("http://127.0.0.1/a", None), (None, None)])
def test_domain_label_is_the_registrable_label(url, label):
    assert domain_label(url) == label
