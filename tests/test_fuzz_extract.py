"""Fuzzing the one parse, every extractor and the terms finders: nothing raises, every result fits the schema.

A rule that raises is isolated by run_rule (a warning, not a 500), so "never raises" is checked where
it matters: no `rule ... failed` / `terms finder ... failed` warning, and the response schema accepts
what extraction returned.
"""
from __future__ import annotations

from dataclasses import asdict

from html_strategies import pages
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas.extract import ExtractResponseSchema
from service.api.extract import terms_document
from service.extract import extract_metadata
from service.page import Page
from service.terms import extract_terms

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
URLS = st.sampled_from((None, "https://news.example/section/story?id=7", "http://[::1]/x", "https://xn--bcher-kva.example/"))


def assert_extracts_cleanly(page: Page) -> None:
    result = extract_metadata(page)
    failed = [w for w in result.warnings if w.startswith("rule ")]
    assert not failed, failed
    terms = extract_terms(page, result.metadata)
    failed = [w for w in page.warnings if "failed" in w]  # finders are isolated: a failure is a warning
    assert not failed, failed
    body = {"url": result.url, "metadata": asdict(result.metadata), "provenance": result.provenance,
            "terms": terms_document(terms, result.url, result.metadata.site_name),
            "warnings": list(result.warnings)}
    assert ExtractResponseSchema().validate(body) == {}
    assert set(result.provenance) <= set(body["metadata"])


@FUZZ
@given(html=pages(), url=URLS)
def test_structured_pages_extract_cleanly(html: str, url: str | None) -> None:
    assert_extracts_cleanly(Page(html, url))


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_arbitrary_bytes_extract_cleanly(raw: bytes) -> None:
    assert_extracts_cleanly(Page(raw, None))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=500))
def test_arbitrary_text_extracts_cleanly(text: str) -> None:
    assert_extracts_cleanly(Page(text, "https://news.example/a"))
