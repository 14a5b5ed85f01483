"""The `when` condition language: data evaluated safely, registrable-domain matching offline."""
from __future__ import annotations

import pytest

from schemas.policy import check_condition
from service.policy.conditions import fields_read, matches, registrable_domain

FACTS = {"use": {"action": "excerpt", "excerpt_words": 80, "medium": "web"},
         "terms": {"license": {"kind": "cc", "id": "CC-BY-4.0"}, "duty_types": ["credit-author"], "contact": None},
         "source": {"url": "https://news.bbc.co.uk/world/1", "domain": "bbc.co.uk"}}


@pytest.mark.parametrize(("condition", "expected"), [
    ({"field": "terms.license.kind", "eq": "cc"}, True),
    ({"field": "terms.license.kind", "in": ["custom-grant", "all-rights-reserved"]}, False),
    ({"field": "terms.license.kind", "not_in": ["none-found"]}, True),
    ({"field": "use.excerpt_words", "lte": 80}, True),
    ({"field": "use.excerpt_words", "gt": 80}, False),
    ({"field": "use.excerpt_words", "gt": "eighty"}, False),  # not comparable: not true, never an error
    ({"field": "terms.duty_types", "contains": "credit-author"}, True),
    ({"field": "terms.contact", "exists": False}, True),
    ({"field": "terms.license.url", "exists": True}, False),
    ({"field": "terms.license.url", "eq": None}, False),  # a missing field equals nothing...
    ({"field": "terms.license.url", "ne": "x"}, True),  # ...and differs from everything
    ({"field": "metadata.title.deeper", "eq": "x"}, False),
    ({"all": [{"field": "use.action", "eq": "excerpt"}, {"field": "use.medium", "eq": "web"}]}, True),
    ({"any": [{"field": "use.action", "eq": "translate"}, {"field": "use.medium", "eq": "print"}]}, False),
    ({"not": {"field": "use.action", "eq": "translate"}}, True),
    ({"field": "source.url", "domain_in": ["bbc.co.uk"]}, True),
    ({"field": "source.url", "domain_in": ["co.uk"]}, False),  # a public suffix is nobody's domain
    ({"field": "source.url", "domain_in": ["www.bbc.co.uk"]}, True),
    ({"field": "source.url", "domain_in": ["bbc.com"]}, False),
    (None, True),
])
def test_conditions(condition, expected):
    assert matches(condition, FACTS) is expected


@pytest.mark.parametrize(("value", "domain"), [
    ("https://www.globalresearch.ca/article/1", "globalresearch.ca"), ("news.bbc.co.uk", "bbc.co.uk"),
    ("HTTPS://Sub.Example.COM:8443/x", "example.com"), ("localhost", None), ("", None), ("http://", None)])
def test_registrable_domain(value, domain):
    assert registrable_domain(value) == domain


@pytest.mark.parametrize(("condition", "problem"), [
    ({"field": "terms.x", "eq": 1, "ne": 2}, "exactly one operator"),
    ({"field": "body", "eq": 1}, "dotted path"),
    ({"field": "use.action", "matches": ".*"}, "unknown operator"),
    ({"all": []}, "non-empty list"),
    ({"all": [{"field": "use.action"}], "any": []}, "stands alone"),
    ({"field": "use.action", "in": "republish"}, "non-empty list"),
    ({"field": "use.action", "exists": "yes"}, "true or false"),
    ("use.action == 'x'", "a condition is a mapping"),
])
def test_condition_problems_are_named(condition, problem):
    assert any(problem in message for message in check_condition(condition))


def test_deep_nesting_is_refused_not_recursed():
    condition: dict = {"field": "use.action", "eq": "x"}
    for _ in range(50):
        condition = {"not": condition}
    assert any("nested deeper" in m for m in check_condition(condition))


def test_fields_read_lists_every_path():
    condition = {"all": [{"field": "use.action", "eq": "x"}, {"not": {"field": "grant.status", "eq": "granted"}}]}
    assert list(fields_read(condition)) == ["use.action", "grant.status"]
