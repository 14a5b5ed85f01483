"""Whole invented pages through POST /v1/extract: every trap of a real page at once, per language."""
from __future__ import annotations

import pytest
from conftest import fixture_text


def terms_for(client, name: str, url: str) -> dict:
    response = client.post("/v1/extract", json={"html": fixture_text(f"terms/{name}"), "url": url})
    assert response.status_code == 200
    return response.get_json()["terms"]


def test_german_blog_sidebar_licence_beats_photo_and_comment_licences(client):
    terms = terms_for(client, "cc_blog_de.html", "https://beetnotizen.example/2021/03/kraeutergarten-im-maerz/")
    assert terms["license"]["id"] == "CC-BY-NC-SA-3.0-DE"
    assert (terms["commercial_use"], terms["derivatives"], terms["share_alike"]) == ("prohibited", "allowed", True)
    assert terms["scope"] == "site"
    assert terms["conflicts"] == []
    assert any("CC-BY-2.0" in note for note in terms["set_aside"])  # the photo's own licence
    assert any("CC-BY-SA-4.0" in note for note in terms["set_aside"])  # the comments' licence


def test_spanish_article_licence_beats_image_object_and_footer_reservation(client):
    terms = terms_for(client, "cc_news_es.html", "https://diariodelvalle.example/rio")
    assert terms["license"]["id"] == "CC-BY-SA-4.0"
    assert terms["scope"] == "article"
    assert any(e["signal"] == "json-ld:license" for e in terms["evidence"])
    # the footer's "Todos los derechos reservados" disagrees: reported, and confidence is not high
    assert terms["conflicts"] and terms["confidence"] == "medium"


def test_french_site_licence_with_tdm_reservation_and_a_quoted_photo_licence(client):
    terms = terms_for(client, "cc_blog_fr.html", "https://rucher.example/abeilles")
    assert terms["license"]["id"] == "CC-BY-SA-4.0"
    assert terms["scope"] == "site"
    assert terms["tdm"] == {"reserved": True, "policy": "https://rucher.example/.well-known/tdm-policy.json"}


@pytest.mark.parametrize("name", ["cc_site_it.html"])
def test_italian_head_link_and_statement_agree(client, name):
    terms = terms_for(client, name, "https://mercato.example/sabato")
    assert terms["license"]["id"] == "CC-BY-NC-ND-4.0"
    assert (terms["commercial_use"], terms["derivatives"]) == ("prohibited", "prohibited")
    assert "indicate-changes" not in {d["type"] for d in terms["duties"]}
    assert terms["confidence"] == "high"
    odrl = terms["odrl"]
    assert {p["action"] for p in odrl["prohibition"]} >= {"modify", "sell"}
