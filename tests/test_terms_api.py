"""The terms object of POST /v1/extract, and follow_terms against a local server."""
from __future__ import annotations

import pytest
from fetch_servers import Upstream, drip, page

from schemas.terms import TermsSchema
from service.page import Page
from service.terms import extract_terms
from service.terms.follow import fetch_terms_pages

ARTICLE = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Brücke gesperrt</title></head>
<body><article class="post"><h1>Brücke gesperrt</h1><p>Die alte Brücke bleibt bis Mai gesperrt.</p></article>
<footer><p>Alle Texte stehen unter <a href="https://creativecommons.org/licenses/by-nc-sa/3.0/de/">
CC BY-NC-SA 3.0 DE</a>.</p></footer></body></html>"""
TERMS_PAGE = (b"<!doctype html><html><head><title>Nutzung</title></head><body><main><h1>Nutzung</h1>"
              b"<p>Inhalte dieser Website sind lizenziert unter "
              b"<a href='https://creativecommons.org/licenses/by/4.0/'>CC BY 4.0</a>.</p></main></body></html>")


def test_extract_returns_the_terms_object_with_odrl(client):
    response = client.post("/v1/extract", json={"html": ARTICLE, "url": "https://lokal.example/bruecke"})
    assert response.status_code == 200
    terms = response.get_json()["terms"]
    assert terms["license"] == {"kind": "cc", "id": "CC-BY-NC-SA-3.0-DE",
                                "url": "https://creativecommons.org/licenses/by-nc-sa/3.0/de/",
                                "name": terms["license"]["name"]}
    assert (terms["commercial_use"], terms["derivatives"], terms["share_alike"]) == ("prohibited", "allowed", True)
    assert terms["scope"] == "site"
    assert terms["evidence"] and all({"text", "signal", "where"} <= e.keys() for e in terms["evidence"])
    assert terms["odrl"]["@type"] == "Offer"
    assert TermsSchema().validate(terms) == {}


def test_page_without_terms_says_none_found(client):
    response = client.post("/v1/extract", json={"html": "<p>Nur Text.</p>"})
    terms = response.get_json()["terms"]
    assert terms["license"]["kind"] == "none-found"
    assert (terms["commercial_use"], terms["derivatives"]) == ("unknown", "unknown")
    assert terms["contact"] is None and terms["tdm"] is None


@pytest.mark.parametrize("value", [1, 0, "true", "yes"])
def test_follow_terms_takes_json_booleans_only(client, value):
    response = client.post("/v1/extract", json={"html": ARTICLE, "follow_terms": value})
    assert response.status_code == 422 and "follow_terms" in response.get_json()["errors"]
    assert client.post("/v1/extract", json={"html": ARTICLE, "follow_terms": False}).status_code == 200


def test_follow_terms_must_be_a_boolean(client):
    response = client.post("/v1/extract", json={"html": ARTICLE, "follow_terms": "perhaps"})
    assert response.status_code == 422
    assert "follow_terms" in response.get_json()["errors"]


@pytest.fixture()
def upstream():
    server = Upstream("127.0.0.1")
    yield server
    server.close()


def test_terms_page_is_fetched_on_the_same_site_and_read_as_site_wide(app, upstream):
    upstream.routes["/nutzung"] = page(TERMS_PAGE)
    article = Page("<html><body><article><p>Text</p></article></body></html>", upstream.url("/artikel"))
    config = {**app.config, "FETCH_ALLOWED_NETWORKS": ("127.0.0.0/8",), "FETCH_ALLOWED_PORTS": (upstream.port,)}
    pages, warnings = fetch_terms_pages(article, [upstream.url("/nutzung")], config)
    assert warnings == [] and len(pages) == 1
    terms = extract_terms(article, None, pages)
    assert terms.license.id == "CC-BY-4.0"
    assert terms.scope == "site"


def test_terms_page_on_another_site_is_refused_with_a_warning(app, upstream):
    upstream.routes["/nutzung"] = page(TERMS_PAGE)
    article = Page("<html><body><p>Text</p></body></html>", "https://elsewhere.example/artikel")
    config = {**app.config, "FETCH_ALLOWED_NETWORKS": ("127.0.0.0/8",), "FETCH_ALLOWED_PORTS": (upstream.port,)}
    pages, warnings = fetch_terms_pages(article, [upstream.url("/nutzung")], config)
    assert pages == [] and len(warnings) == 1
    assert upstream.requests == []


def test_terms_pages_share_one_fetch_deadline(app, upstream):
    """A slow first terms page uses up the one deadline all terms pages share: the next links are
    not requested at all, so a request takes at most the article's deadline and this one."""
    for path in ("/slow", "/nutzung", "/lizenz"):
        upstream.routes[path] = drip(byte_every=0.05, total_seconds=5.0) if path == "/slow" else page(TERMS_PAGE)
    article = Page("<html><body><p>Text</p></body></html>", upstream.url("/artikel"))
    config = {**app.config, "FETCH_ALLOWED_NETWORKS": ("127.0.0.0/8",), "FETCH_ALLOWED_PORTS": (upstream.port,),
              "FETCH_DEADLINE": 0.5}
    links = [upstream.url(path) for path in ("/slow", "/nutzung", "/lizenz")]
    pages, warnings = fetch_terms_pages(article, links, config)
    assert pages == []
    assert [path for path, _ in upstream.requests] == ["/slow"]
    assert len(warnings) == 3 and all("no time was left" in w for w in warnings[1:])


def test_follow_terms_reads_the_linked_terms_page_through_the_api(make_app, upstream):
    upstream.routes["/nutzungsbedingungen"] = page(TERMS_PAGE)
    app = make_app(FETCH_ALLOWED_NETWORKS=("127.0.0.0/8",), FETCH_ALLOWED_PORTS=(upstream.port,))
    article = ('<html><body><article><h1>Markt</h1><p>Der Markt zieht um.</p></article><footer>'
               '<a href="/nutzungsbedingungen">Nutzungsbedingungen</a></footer></body></html>')
    client = app.test_client()
    plain = client.post("/v1/extract", json={"html": article, "url": upstream.url("/markt")}).get_json()["terms"]
    assert plain["license"]["kind"] == "none-found"
    assert plain["follow_up"] == [upstream.url("/nutzungsbedingungen")]
    assert upstream.requests == []  # nothing is fetched unless asked
    followed = client.post("/v1/extract", json={"html": article, "url": upstream.url("/markt"),
                                                "follow_terms": True}).get_json()["terms"]
    assert followed["license"]["id"] == "CC-BY-4.0"
    assert followed["scope"] == "site"
    assert [path for path, _ in upstream.requests] == ["/nutzungsbedingungen"]


def test_raw_html_takes_follow_terms_as_a_query_flag(client):
    bad = client.post("/v1/extract?url=https://lokal.example/a&follow_terms=vielleicht", data=ARTICLE.encode(),
                      content_type="text/html; charset=utf-8")
    assert bad.status_code == 422 and "follow_terms" in bad.get_json()["errors"]
    for lenient in ("1", "yes", "on"):
        refused = client.post(f"/v1/extract?url=https://lokal.example/a&follow_terms={lenient}", data=ARTICLE.encode(),
                              content_type="text/html; charset=utf-8")
        assert refused.status_code == 422, lenient
    good = client.post("/v1/extract?url=https://lokal.example/a&follow_terms=false", data=ARTICLE.encode(),
                       content_type="text/html; charset=utf-8")
    assert good.status_code == 200
    assert good.get_json()["terms"]["license"]["id"] == "CC-BY-NC-SA-3.0-DE"
