"""POST /v1/extract through the Flask test client: contract, media types and problem errors."""
from __future__ import annotations

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour reopens after storm | Coast Herald</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="og:site_name" content="Coast Herald">
<meta property="article:published_time" content="2024-03-05T08:30:00+01:00">
<link rel="canonical" href="https://coastherald.example/news/harbour-reopens">
</head><body><h1>Harbour reopens after storm</h1><p>The harbour reopened on Tuesday.</p></body></html>"""


def test_extract_json_html_returns_metadata_with_provenance(client):
    response = client.post("/v1/extract", json={"html": PAGE, "url": "https://coastherald.example/x?utm=1"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["url"] == "https://coastherald.example/news/harbour-reopens"
    metadata = body["metadata"]
    assert metadata["title"] == "Harbour reopens after storm"
    assert metadata["site_name"] == "Coast Herald"
    assert metadata["published"] == "2024-03-05T08:30:00+01:00"
    assert metadata["language"] == "en"
    assert body["provenance"]["title"] == "meta:og:title"
    assert body["provenance"]["published"] == "meta:article:published_time"
    for key in ("authors", "tags", "regions", "themes", "taxonomies", "original_source", "copyright"):
        assert key in metadata


def test_extract_raw_html_body_decoded_by_declared_charset(client):
    page = PAGE.replace('<meta charset="utf-8">', "").replace("Harbour reopens", "Hafen öffnet")
    response = client.post("/v1/extract?url=https://coastherald.example/a", data=page.encode("iso-8859-1"),
                           content_type="text/html; charset=iso-8859-1")
    assert response.status_code == 200
    assert response.get_json()["metadata"]["title"] == "Hafen öffnet after storm"


def test_malformed_json_is_a_400_problem(client):
    response = client.post("/v1/extract", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == 400


def test_missing_url_and_html_is_a_422_problem_with_field_errors(client):
    response = client.post("/v1/extract", json={})
    assert response.status_code == 422
    body = response.get_json()
    assert response.mimetype == "application/problem+json"
    assert "url" in body["errors"]


def test_non_http_url_is_rejected(client):
    response = client.post("/v1/extract", json={"url": "file:///etc/passwd"})
    assert response.status_code == 422
    assert "url" in response.get_json()["errors"]


def test_wrong_media_type_is_a_415_problem(client):
    response = client.post("/v1/extract", data="url=x", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert response.mimetype == "application/problem+json"


def test_body_over_the_cap_is_a_413_problem(make_app):
    small = make_app(MAX_BODY_BYTES=1000)
    response = small.test_client().post("/v1/extract", json={"html": "x" * 5000})
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"


def test_unknown_route_and_method_are_problems(client):
    assert client.get("/nope").mimetype == "application/problem+json"
    response = client.get("/v1/extract")
    assert response.status_code == 405
    assert response.mimetype == "application/problem+json"


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
