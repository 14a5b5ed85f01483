"""URL equivalence for links to the original, name matching, and the no-derivatives comparison."""
from __future__ import annotations

import pytest

from service.policy.text import compare, contains_name, fold, sentences, unchanged
from service.policy.urls import same_url

ORIGINAL = "https://www.example-news.org/2026/03/ferries/"


@pytest.mark.parametrize("variant", [
    "http://example-news.org/2026/03/ferries", "https://example-news.org/2026/03/ferries/?utm_source=x&utm_medium=y",
    "https://www.example-news.org/2026/03/ferries/amp/", "https://amp.example-news.org/2026/03/ferries",
    "https://www.example-news.org/2026/03/ferries/?amp=1", "https://WWW.Example-News.org/2026/03/ferries/#comments",
    "https://www.example-news.org/2026/03/ferries/?fbclid=abc", "https://example-news.org:443/2026/03/ferries"])
def test_same_article_whatever_the_variant(variant):
    assert same_url(variant, ORIGINAL)


@pytest.mark.parametrize("other", [
    "https://www.example-news.org/2026/03/ferries-2/", "https://www.example-news.com/2026/03/ferries/",
    "https://www.example-news.org/2026/03/ferries/?page=2", "mailto:editor@example-news.org", "", "http://[::1"])
def test_different_pages_stay_different(other):
    assert not same_url(other, ORIGINAL)


def test_names_fold_case_accents_and_punctuation():
    assert fold("Société Générale, S.A.!") == "societe generale s a"
    assert contains_name(fold("Reporting by JOSÉ MARÍA PÉREZ-GÓMEZ for the paper"), "José María Pérez Gómez")
    assert not contains_name(fold("By Annabel Kellerman"), "Anna Keller")


ONE = "The harbour authority approved the plan on Tuesday, its chair said."


@pytest.mark.parametrize("draft", [
    "The harbour authority approved the plan on March 10, its chair said.",  # time reference updated
    "The harbour authority approved the plan yesterday, its chair said.",
    "PORT ALDEN — The harbour authority approved the plan on Tuesday, its chair said.",  # dateline added
    "The harbour authority approved the plan on Tuesday, its chair said",  # house style: punctuation
    "The Harbour Authority approved the plan on Tuesday, its chair said.",  # house style: capitals
])
def test_tolerated_changes(draft):
    assert unchanged(ONE, draft)


@pytest.mark.parametrize("draft", [
    "The harbour authority rejected the plan on Tuesday, its chair said.",
    "The harbour authority approved the plan on Tuesday, its chair said, despite strong protests.",
    "The harbour authority approved the plan on Tuesday.",
])
def test_real_edits(draft):
    assert not unchanged(ONE, draft)


def test_numbers_that_are_not_dates_are_edits():
    assert not unchanged("Costs fell by 40 percent.", "Costs fell by 60 percent.")
    assert unchanged("Costs fell by 40 percent.", "Costs fell by 40%.")


def test_compare_reports_edited_added_and_omitted_sentences():
    original = sentences(["First sentence of the story is here. Second sentence follows with more detail.",
                          "Third sentence closes the story nicely."])
    draft = sentences(["First sentence of the story is here. Second sentence follows with much more detail.",
                       "An opinion of our own slipped into the copy. Credit: Example News."])
    result = compare(original, draft, lambda s: s.startswith("Credit"))
    assert [(c.kind, c.draft) for c in result.changes] == [
        ("edited", "Second sentence follows with much more detail."),
        ("added", "An opinion of our own slipped into the copy.")]
    assert result.omitted == ("Third sentence closes the story nicely.",)
