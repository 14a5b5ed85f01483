"""POST /v1/extract {"url": ...} through the Flask test client, against local upstreams: the page's
metadata on success, and each fetch failure as its problem+json status."""
from __future__ import annotations

import gzip

import pytest
from fetch_servers import Canary, Upstream, drip, page, redirect, respond

ARTICLE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Quay wall repaired | Harbour Gazette</title>
<meta property="og:title" content="Quay wall repaired">
<meta property="og:site_name" content="Harbour Gazette">
</head><body><h1>Quay wall repaired</h1><p>Work finished on Monday.</p></body></html>"""


@pytest.fixture()
def upstream():
    server = Upstream("127.0.0.2")
    yield server
    server.close()


@pytest.fixture()
def fetching_client(make_app, upstream):
    app = make_app(FETCH_ALLOWED_NETWORKS=("127.0.0.2/32",), FETCH_ALLOWED_PORTS=(upstream.port,),
                   FETCH_READ_TIMEOUT=0.5, FETCH_DEADLINE=1.0, FETCH_MAX_BYTES=64 * 1024)
    return app.test_client()


def problem(response, status: int, slug: str) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status and body["type"].endswith("/" + slug)
    return body


def test_a_url_is_fetched_and_its_metadata_extracted(fetching_client, upstream):
    upstream.routes["/story"] = redirect("/2024/quay-wall")
    upstream.routes["/2024/quay-wall"] = page(ARTICLE)
    response = fetching_client.post("/v1/extract", json={"url": upstream.url("/story")})
    assert response.status_code == 200
    body = response.get_json()
    assert body["metadata"]["title"] == "Quay wall repaired"
    assert body["metadata"]["site_name"] == "Harbour Gazette"
    assert body["url"] == upstream.url("/2024/quay-wall")


def test_a_gzipped_latin1_page_is_decoded(fetching_client, upstream):
    latin = ARTICLE.replace(b'<meta charset="utf-8">', b"").replace(b"Quay wall", "Kaimauer für".encode("latin-1"))
    upstream.routes["/"] = lambda h: respond(h, gzip.compress(latin), "text/html; charset=ISO-8859-1",
                                             headers={"Content-Encoding": "gzip"})
    response = fetching_client.post("/v1/extract", json={"url": upstream.url("/")})
    assert response.get_json()["metadata"]["title"] == "Kaimauer für repaired"


def test_a_loopback_url_is_422_url_not_allowed_and_never_connected(make_app):
    canary = Canary("127.0.0.1")
    try:
        client = make_app(FETCH_ALLOWED_PORTS=(canary.port,)).test_client()
        # the schema's own URL check already refuses some spellings (validation-error); the fetcher the rest
        for url, slug in ((f"http://127.0.0.1:{canary.port}/", "url-not-allowed"),
                          (f"http://localhost:{canary.port}/", "url-not-allowed"),
                          (f"http://a@127.0.0.1:{canary.port}/", "url-not-allowed"),
                          (f"http://[::1]:{canary.port}/", "url-not-allowed"),
                          (f"http://[::ffff:127.0.0.1]:{canary.port}/", "validation-error"),
                          (f"http://0x7f000001:{canary.port}/", "validation-error")):
            body = problem(client.post("/v1/extract", json={"url": url}), 422, slug)
            assert body["errors"]["url"]
    finally:
        canary.close()
    assert canary.connections == 0


def test_a_redirect_to_loopback_is_422(fetching_client, upstream):
    upstream.routes["/"] = redirect("http://127.0.0.1:8080/admin")
    body = problem(fetching_client.post("/v1/extract", json={"url": upstream.url("/")}), 422, "url-not-allowed")
    assert "redirect" in body["detail"]


def test_a_pdf_is_502_not_html(fetching_client, upstream):
    upstream.routes["/paper.pdf"] = page(b"%PDF-1.7", content_type="application/pdf")
    problem(fetching_client.post("/v1/extract", json={"url": upstream.url("/paper.pdf")}), 502, "not-html")


def test_an_oversized_page_is_502_too_large(fetching_client, upstream):
    upstream.routes["/"] = lambda h: respond(h, gzip.compress(b"<html>" + b" " * (8 * 1024 * 1024)),
                                             headers={"Content-Encoding": "gzip"})
    problem(fetching_client.post("/v1/extract", json={"url": upstream.url("/")}), 502, "too-large")


def test_an_upstream_error_is_502_upstream_failed(fetching_client, upstream):
    body = problem(fetching_client.post("/v1/extract", json={"url": upstream.url("/missing")}), 502,
                   "upstream-failed")
    assert "404" in body["detail"]


def test_a_slow_upstream_is_504(fetching_client, upstream):
    upstream.routes["/"] = drip(byte_every=0.05, total_seconds=4.0)
    problem(fetching_client.post("/v1/extract", json={"url": upstream.url("/")}), 504, "upstream-timeout")


def test_a_closed_port_is_502_not_500(make_app):
    canary = Canary("127.0.0.2")
    port = canary.port
    canary.close()  # nothing listens there now: connection refused
    client = make_app(FETCH_ALLOWED_NETWORKS=("127.0.0.2/32",), FETCH_ALLOWED_PORTS=(port,)).test_client()
    problem(client.post("/v1/extract", json={"url": f"http://127.0.0.2:{port}/"}), 502, "upstream-failed")


def test_a_mislabelled_charset_is_read_right_and_reported_as_a_warning(fetching_client, upstream):
    utf8 = ARTICLE.replace(b'<meta charset="utf-8">', b"").replace(b"Quay wall", "Kaimauer für".encode())
    upstream.routes["/"] = page(utf8, content_type="text/html; charset=iso-8859-1")
    body = fetching_client.post("/v1/extract", json={"url": upstream.url("/")}).get_json()
    assert body["metadata"]["title"] == "Kaimauer für repaired"
    assert any("UTF-8" in warning for warning in body["warnings"])
