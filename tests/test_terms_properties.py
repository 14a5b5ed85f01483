"""Property tests: no input makes the terms code raise, and its output always fits the contract."""
from __future__ import annotations

import json
from dataclasses import asdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas.terms import TermsSchema
from service.page import Page
from service.terms import extract_terms, licenses
from service.terms.odrl import to_odrl

# Pieces that exercise the finders: licence URLs and names, scope containers, JSON-LD, meta.
WORDS = st.sampled_from([
    "CC BY-NC-SA 3.0 DE", "Creative Commons", "Namensnennung", "licensed under", "steht unter einer",
    "bajo una licencia", "sous licence", "con licenza", "All rights reserved", "©", "4.0", "2.5 CH",
    "Except where otherwise noted", "user contributions", "Foto:", "CC0", "Public Domain Mark", "ND", "by-sa",
    "https://creativecommons.org/licenses/by-nc/3.0/de/", "https://creativecommons.org/licenses/",
    "//i.creativecommons.org/l/by/2.0/88x31.png", "https://creativecommons.org/publicdomain/zero/",
])
TAGS = st.sampled_from(["p", "div", "footer", "aside", "article", "figure", "figcaption", "section", "blockquote",
                        "span", "li", "main"])
ATTRS = st.sampled_from(['', ' rel="license"', ' class="widget"', ' id="comments"', ' class="wp-caption"',
                         ' itemprop="license"', ' class="post entry-content"'])


@st.composite
def fragments(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 3 if depth < 3 else 1))
        if kind == 0:
            parts.append(" ".join(draw(st.lists(st.one_of(WORDS, st.text(max_size=20)), max_size=6))))
        elif kind == 1:
            href = draw(st.one_of(WORDS, st.text(max_size=40)))
            parts.append(f'<a href="{href}"{draw(ATTRS)}>{draw(WORDS)}</a>')
        else:
            tag = draw(TAGS)
            parts.append(f"<{tag}{draw(ATTRS)}>{draw(fragments(depth + 1))}</{tag}>")
    return "".join(parts)


JSONLD_VALUES = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), WORDS, st.text(max_size=30)),
                             lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(st.sampled_from(["@id", "url", "name",
                                                                                      "license"]), inner,
                                                                     max_size=3)), max_leaves=8)


def check(terms) -> None:
    document = {**asdict(terms), "odrl": to_odrl(terms, "https://x.example/a", "X")}
    assert TermsSchema().validate(json.loads(json.dumps(document, default=list))) == {}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=fragments(), licence=JSONLD_VALUES,
       jsonld_type=st.sampled_from(["NewsArticle", "ImageObject", "WebSite", ["Article", 3], None]),
       meta=st.one_of(WORDS, st.text(max_size=30)))
def test_generated_pages_never_raise_and_fit_the_schema(body, licence, jsonld_type, meta):
    node = json.dumps({"@type": jsonld_type, "license": licence})
    html = (f'<html><head><script type="application/ld+json">{node}</script>'
            f'<meta name="dc.rights" content="{meta}"><meta name="tdm-reservation" content="{meta}">'
            f"</head><body>{body}</body></html>")
    check(extract_terms(Page(html, "https://x.example/a")))


@settings(max_examples=150, deadline=None)
@given(raw=st.one_of(st.text(max_size=500), st.binary(max_size=500)),
       url=st.one_of(st.none(), st.just("https://x.example/a"), st.text(max_size=30)))
def test_arbitrary_bytes_never_raise(raw, url):
    check(extract_terms(Page(raw, url)))


@given(text=st.text(max_size=300))
def test_licence_readers_never_raise(text):
    for licence in [licenses.from_url(text), licenses.from_name(text)] + [lic for _, lic in licenses.names_in(text)]:
        if licence is not None:
            licenses.describe(licence)
