"""Hostile and broken input through POST /v1/extract: a 4xx problem, or a 200 with warnings; never a 500.

The time bound on each request is a guard against quadratic blow-ups (a hang), not a speed target.
"""
from __future__ import annotations

import json
import random
import time

import pytest

URL = "https://harbour.example/news/ferry"
GUARD_SECONDS = 10
JSON_PROBLEM = "application/problem+json"


def post(client, path="/v1/extract", **kwargs):
    start = time.perf_counter()
    response = client.post(path, **kwargs)
    assert time.perf_counter() - start < GUARD_SECONDS, "request took far too long: a hang or a blow-up"
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    return response


def raw(client, body: bytes, content_type: str = "text/html"):
    return post(client, f"/v1/extract?url={URL}", data=body, content_type=content_type)


def test_body_over_the_cap_is_413_before_it_is_read(make_app):
    app = make_app(MAX_BODY_BYTES=10 * 1024 * 1024)
    twenty_mb = b"<p>" + b"a" * (20 * 1024 * 1024) + b"</p>"
    response = raw(app.test_client(), twenty_mb)
    assert response.status_code == 413
    assert response.mimetype == JSON_PROBLEM
    assert "10485760" in response.get_json()["detail"]


def test_a_page_just_under_the_cap_is_extracted(client):
    paragraph = "<p>" + "The ferry timetable changes on Monday. " * 20 + "</p>\n"
    page = "<html><head><title>Ferry timetable</title></head><body>" + paragraph * 12_500 + "</body></html>"
    assert 9_000_000 < len(page) < 10 * 1024 * 1024
    response = raw(client, page.encode())
    assert response.status_code == 200
    assert response.get_json()["metadata"]["title"] == "Ferry timetable"


@pytest.mark.parametrize("body", ["{not json", '{"html": "x"', "[" * 100_000 + "]" * 100_000, '{"html": "\\ud800',
                                  "\x00\x01\x02", "1e999999", "9" * 10_000])
def test_malformed_or_pathological_json_is_400(client, body):
    response = post(client, data=body, content_type="application/json")
    assert response.status_code in (400, 422)
    assert response.mimetype == JSON_PROBLEM


JSON_ENDPOINTS = ["/v1/extract", "/v1/check", "/v1/policies/validate"]


def nested(depth: int, leaf: str = "1") -> str:
    return '{"a": ' * depth + leaf + "}" * depth


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
@pytest.mark.parametrize("body", [
    "[" * 200_000,  # unbalanced, past the parser's own depth
    '{"html": ' + "[" * 100_000 + "]" * 100_000 + "}",
    # deep enough to crash recursive code behind the parser, shallow enough for the parser itself
    '{"document": ' + nested(400) + "}",
    '{"document": {"name": "deep", "rules": ' + "[" * 900 + "]" * 900 + "}}",
    '{"article": ' + nested(900) + ', "use": {}}',
], ids=["open-brackets", "deep-html", "deep-document", "deep-rules", "deep-article"])
def test_deeply_nested_json_is_a_400_on_every_json_endpoint(client, path, body):
    response = post(client, path, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.mimetype == JSON_PROBLEM
    assert response.get_json()["type"].endswith("malformed-json")


def test_ordinary_nesting_is_still_accepted(client):
    document = {"name": "nested-ok", "site": {"kind": "community"},
                "rules": [{"id": "deep-ok", "effect": "review", "message": "m",
                           "when": {"all": [{"any": [{"not": {"eq": ["use.kind", "excerpt"]}}]}]}}]}
    response = post(client, "/v1/policies/validate", json={"document": document})
    assert response.status_code == 200, response.get_json()


def test_invalid_utf8_in_a_json_body_is_400(client):
    response = post(client, data=b'{"html": "\xff\xfe"}', content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                                          "application/octet-stream", "image/png", ""])
def test_wrong_media_types_are_415(client, content_type):
    response = post(client, data=b"<html></html>", content_type=content_type or None)
    assert response.status_code == 415
    assert response.mimetype == JSON_PROBLEM


@pytest.mark.parametrize("body", [[1, 2], "just a string", 7, None, {"html": 12}, {"html": ["a"]},
                                  {"url": "javascript:alert(1)"}, {"url": "x" * 5000}, {"html": "<p>x</p>", "other": 1}])
def test_wrong_shapes_are_422(client, body):
    response = post(client, data=json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    assert response.mimetype == JSON_PROBLEM


def test_raw_html_needs_no_url(client):
    response = post(client, data=b"<title>Pier closed</title>", content_type="text/html")
    assert response.status_code == 200
    assert response.get_json()["metadata"]["title"] == "Pier closed"


def test_100k_nested_elements(client):
    for tag in ("div", "span", "b"):
        page = "<html><body>" + f"<{tag}>" * 100_000 + "deep" + f"</{tag}>" * 100_000 + "</body></html>"
        assert post(client, json={"html": page, "url": URL}).status_code == 200


def test_a_1mb_attribute(client):
    page = (f'<html><head><meta property="og:title" content="{"a" * 1_000_000}"></head>'
            f'<body><p title="{"b" * 1_000_000}">Ferry</p></body></html>')
    assert post(client, json={"html": page}).status_code == 200


@pytest.mark.parametrize("seed", range(3))
def test_binary_garbage_is_200_with_a_warning(client, seed):
    # seeded, and without a literal U+FFFD (EF BF BD): the warning reports replacements the decoder made
    garbage = random.Random(seed).randbytes(200_000 + seed).replace(b"\xef\xbf\xbd", b"")
    response = raw(client, garbage)
    assert response.status_code == 200
    assert any("replaced" in w for w in response.get_json()["warnings"])


@pytest.mark.parametrize("body, content_type, title", [
    # labelled UTF-8 but not UTF-8: read as the windows-1252 it is (decode.py warns), not as replacement marks
    (b"<title>caf\xe9 \xff</title>", "text/html; charset=utf-8", "caf\u00e9 \u00ff"),
    ("<title>Hafen öffnet!</title>".encode(), "text/html; charset=utf-16", "Hafen öffnet!"),  # odd length
    ("<title>Hafen öffnet</title>".encode(), "text/html; charset=x-no-such-charset", "Hafen öffnet"),
    ("<title>Hafen öffnet</title>".encode("utf-16"), "text/html", "Hafen öffnet"),
    ("<title>Hafen öffnet</title>".encode("cp1252"), "text/html", "Hafen öffnet"),
])
def test_invalid_and_mislabelled_charsets(client, body, content_type, title):
    response = raw(client, body, content_type)
    assert response.status_code == 200
    assert response.get_json()["metadata"]["title"] == title


def jsonld_page(script: str) -> dict[str, str]:
    return {"html": f'<html><head><title>Fallback title</title><script type="application/ld+json">{script}'
                    '</script></head><body></body></html>', "url": URL}


@pytest.mark.parametrize("script, warning", [
    ('{"@type": "NewsArticle", "headline": ' + "[" * 50_000 + "]" * 50_000 + "}", "not valid JSON"),
    ('{"@type": NewsArticle, "headline": ', "not valid JSON"),
    ("<p>not json at all</p>", "not valid JSON"),
    (json.dumps({"@type": "NewsArticle", "@graph": [{"@type": "Thing", "name": "n" * 100}] * 20_000}), "larger than"),
])
def test_broken_jsonld_is_a_warning(client, script, warning):
    response = post(client, json=jsonld_page(script))
    assert response.status_code == 200
    body = response.get_json()
    assert any(warning in w for w in body["warnings"]), body["warnings"]
    assert body["metadata"]["title"] == "Fallback title"


def test_cyclic_jsonld_references_are_not_followed_forever(client):
    graph = [{"@id": "#a", "@type": "NewsArticle", "headline": "Ferry", "author": {"@id": "#p"}},
             {"@id": "#p", "@type": "Person", "name": "R. Quay", "knows": {"@id": "#p"}, "author": {"@id": "#a"}}]
    response = post(client, json=jsonld_page(json.dumps({"@graph": graph})))
    assert response.status_code == 200
    assert response.get_json()["metadata"]["title"] == "Ferry"


def test_nan_and_huge_numbers_in_jsonld(client):
    script = '{"@type": "NewsArticle", "headline": NaN, "datePublished": 1e999, "author": {"name": Infinity}}'
    assert post(client, json=jsonld_page(script)).status_code == 200


def test_keyword_stuffing_is_capped_and_linear(client):
    from service.extract.tags import MAX_TAGS

    keywords = ",".join(f"tag{i}" for i in range(100_000))
    response = post(client, json={"html": f'<meta name="news_keywords" content="{keywords}">'})
    assert response.status_code == 200
    tags = response.get_json()["metadata"]["tags"]
    assert tags[:2] == ["tag0", "tag1"] and len(tags) == MAX_TAGS


def test_an_impossible_utc_offset_in_every_date_source_is_a_200(client):
    stamp = "2021-05-01T10:00:00+99:00"
    page = (f'<html><head><title>Ferry</title><meta property="article:published_time" content="{stamp}">'
            f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{stamp}"}}</script>'
            f'</head><body><article><time datetime="{stamp}">1 May</time><p>Boats.</p></article></body></html>')
    response = post(client, json={"html": page, "url": URL})
    assert response.status_code == 200
    body = response.get_json()
    assert not [w for w in body["warnings"] if "failed" in w], body["warnings"]
    assert body["metadata"]["title"] == "Ferry"


@pytest.mark.parametrize("author", ["Ann" + " " * 100_000 + "Roe", "Ann Roe" + ", " * 50_000 + "x", "Ann Roe" + "." * 100_000])
def test_100_kb_author_and_date_values_are_skipped_not_a_hang(client, author):
    """Declared values no byline or date is that long: read as neither, the visible byline still counts."""
    stamp = "x" * 100_000
    ld = json.dumps({"@type": "NewsArticle", "headline": "Ferry", "author": author, "datePublished": stamp})
    page = (f'<html><head><title>Ferry</title><meta name="author" content="{author}">'
            f'<meta property="article:published_time" content="{stamp}">'
            f'<script type="application/ld+json">{ld}</script></head>'
            f'<body><article><h1>Ferry</h1><p class="byline">By Cora Lind</p><time datetime="{stamp}">x</time>'
            '<p>Veröffentlicht am 03.05.2021</p><p>Boats.</p></article></body></html>')
    response = post(client, json={"html": page, "url": URL})
    assert response.status_code == 200
    metadata = response.get_json()["metadata"]
    assert metadata["title"] == "Ferry"
    assert [a["name"] for a in metadata["authors"]] == ["Cora Lind"]
    assert not [w for w in response.get_json()["warnings"] if "failed" in w]
