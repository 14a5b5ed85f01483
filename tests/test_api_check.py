"""POST /v1/check end to end: the real extractors on our own fixture pages, the shipped policies."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "policy"
FOUNDING_URL = "https://www.globalresearch.ca/video-tensions-grow-as-isis-collapses-in-syria-and-iraq/5593179"
ND_URL = "https://www.northbridge-observer.example/2026/03/10/port-alden-electric-ferries/"
BY_URL = "https://coastline-reports.example/news/port-alden-electric-ferries"
AP_URL = "https://www.lakeside-gazette.example/national/storm-closes-mountain-passes-4471"
CONTACT = "publications@globalresearch.ca"


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def check(client, html_name, url, action="cross-post", medium="web", policy=None, draft=None, **use):
    body = {"article": {"html": page(html_name), "url": url}, "use": {"action": action, "medium": medium, **use}}
    if policy:
        body["policy"] = policy
    if draft:
        body["draft"] = {"html": page(draft)}
    response = client.post("/v1/check", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def duties(result):
    return {o["duty"]: o for o in result["obligations"]}


# --- the founding example -----------------------------------------------------------------------------

def test_founding_cross_post_with_full_draft_is_allowed(client):
    result = check(client, "founding.html", FOUNDING_URL, policy="community", draft="founding-draft.html")
    assert result["decision"] == "allowed"
    assert {d: o["status"] for d, o in duties(result).items()} == {
        "credit-source": "met", "copyright-notice": "met", "link-to-original": "met"}


def test_founding_draft_without_the_link_is_conditional(client):
    result = check(client, "founding.html", FOUNDING_URL, policy="community", draft="founding-draft-no-link.html")
    assert result["decision"] == "conditional"
    link = duties(result)["link-to-original"]
    assert link["status"] == "unmet" and FOUNDING_URL in link["detail"]
    assert FOUNDING_URL in result["attribution"]["html"] and FOUNDING_URL in result["attribution"]["text"]


def test_founding_credit_block_names_the_source_and_copyright_holder(client):
    result = check(client, "founding.html", FOUNDING_URL, policy="community")
    text = result["attribution"]["text"]
    assert "The original source of this article is South Front" in text and "Copyright © South Front, 2017" in text


def test_founding_without_a_draft_leaves_duties_unchecked(client):
    result = check(client, "founding.html", FOUNDING_URL, policy="community")
    assert result["decision"] == "conditional"
    assert result["obligations"] and {o["status"] for o in result["obligations"]} == {"unchecked"}


@pytest.mark.parametrize(("policy", "medium"), [("commercial", "web"), ("community", "print")])
def test_founding_commercial_site_or_print_needs_permission(client, policy, medium):
    result = check(client, "founding.html", FOUNDING_URL, policy=policy, medium=medium)
    assert result["decision"] == "needs_permission"
    assert result["contact"]["email"] == CONTACT
    assert [r["rule"] for r in result["reasons"]] == ["use-not-granted"]


def test_founding_with_cloudflare_obfuscated_address_still_names_the_contact(client):
    result = check(client, "founding-cloudflare.html", FOUNDING_URL, policy="commercial")
    assert result["decision"] == "needs_permission"
    assert result["contact"]["email"] == CONTACT


# --- Creative Commons ------------------------------------------------------------------------------------

def test_cc_by_nc_nd_for_a_commercial_site_is_denied(client):
    result = check(client, "cc-by-nc-nd.html", ND_URL, action="republish", policy="commercial")
    assert result["decision"] == "denied"
    assert [r["rule"] for r in result["reasons"]] == ["non-commercial-licence"]
    assert result["terms"]["license"]["id"] == "CC-BY-NC-ND-4.0"


def test_cc_by_nc_nd_edited_draft_is_not_allowed_and_names_the_sentence(client):
    result = check(client, "cc-by-nc-nd.html", ND_URL, action="republish", policy="community",
                   draft="cc-by-nc-nd-draft-edited.html")
    assert result["decision"] == "conditional"
    no_edits = duties(result)["no-edits"]
    assert no_edits["status"] == "unmet"
    assert "called the plan reckless" in no_edits["detail"]
    assert [c["draft"] for c in no_edits["evidence"]["changed"]] == [
        "Critics on the city council called the plan reckless and demanded that it be scrapped."]


def test_cc_by_nc_nd_faithful_draft_with_tasl_is_allowed(client):
    result = check(client, "cc-by-nc-nd.html", ND_URL, action="republish", policy="community",
                   draft="cc-by-nc-nd-draft-faithful.html")
    assert result["decision"] == "allowed", [(o["duty"], o["detail"]) for o in result["obligations"]]
    assert duties(result)["no-edits"]["status"] == "met"


def test_cc_by_with_tasl_credit_on_a_commercial_site_is_allowed(client):
    result = check(client, "cc-by.html", BY_URL, action="republish", policy="commercial", draft="cc-by-draft-tasl.html")
    assert result["decision"] == "allowed", [(o["duty"], o["detail"]) for o in result["obligations"]]
    html = result["attribution"]["html"]
    assert f'<a href="{BY_URL}">' in html and '<a href="https://creativecommons.org/licenses/by/4.0/">' in html


# --- wire copy and pages without terms -------------------------------------------------------------------------

@pytest.mark.parametrize("policy", ["community", "commercial"])
def test_ap_wire_story_needs_permission(client, policy):
    result = check(client, "ap-wire.html", AP_URL, action="republish", policy=policy)
    assert result["decision"] == "needs_permission"


@pytest.mark.parametrize("policy", ["community", "commercial"])
def test_page_without_terms_goes_to_review(client, policy):
    result = check(client, "no-terms.html", "https://harbour-notes.example/ferries", action="republish", policy=policy)
    assert result["decision"] == "review"
    assert [r["rule"] for r in result["reasons"]] == ["no-terms-found"]
    assert result["obligations"] == []


# --- the rest of the contract ----------------------------------------------------------------------------------

def test_default_policy_applies_when_none_is_named(make_app):
    client = make_app(DEFAULT_POLICY="commercial").test_client()
    result = check(client, "cc-by-nc-nd.html", ND_URL, action="republish")
    assert result["policy"]["name"] == "commercial" and result["decision"] == "denied"


def test_decision_is_recorded_and_can_be_read_back(client):
    result = check(client, "cc-by-nc-nd.html", ND_URL, action="republish", policy="commercial")
    record = client.get(f"/v1/decisions/{result['decision_id']}").get_json()
    assert record["decision"] == "denied" and record["rules"] == ["non-commercial-licence"]
    assert record["policy"] == "commercial" and record["revision"] == result["policy"]["revision"]
    assert record["article_url"] == ND_URL and record["action"] == "republish"
    missing = client.get("/v1/decisions/not-a-decision")
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"


def test_one_json_log_line_per_decision_without_page_bodies(client, caplog):
    with caplog.at_level(logging.INFO, logger="clearance.decision"):
        result = check(client, "cc-by-nc-nd.html", ND_URL, action="republish", policy="community",
                       draft="cc-by-nc-nd-draft-edited.html")
    lines = [r.getMessage() for r in caplog.records if r.name == "clearance.decision"]
    assert len(lines) == 1
    logged = json.loads(lines[0])
    assert logged["decision_id"] == result["decision_id"] and logged["decision"] == "conditional"
    assert logged["policy"] == "community" and logged["revision"].startswith("sha256:")
    assert logged["article_url"] == ND_URL and logged["action"] == "republish" and logged["rules"] == ["use-granted"]
    assert logged["timings_ms"]["total_ms"] >= 0
    assert "harbour authority" not in lines[0] and "reckless" not in lines[0]


@pytest.mark.parametrize(("body", "field"), [
    ({"article": {"url": ND_URL}, "use": {"action": "steal"}}, "use"),
    ({"article": {}, "use": {"action": "republish"}}, "article"),
    ({"article": {"html": "<p>x</p>"}}, "use"),
    ({"article": {"html": "<p>x</p>"}, "use": {"action": "excerpt", "excerpt_words": -3}}, "use"),
    # A fraction is not a word count, however close to a whole one (marshmallow would truncate it).
    ({"article": {"html": "<p>x</p>"}, "use": {"action": "excerpt", "excerpt_words": -3.9e-23}}, "use"),
    ({"article": {"html": "<p>x</p>"}, "use": {"action": "excerpt", "excerpt_words": 120.5}}, "use"),
    ({"article": {"html": "<p>x</p>"}, "use": {"action": "republish"}, "policy": "nope"}, "policy"),
    ({"article": {"html": "<p>x</p>"}, "use": {"action": "republish"}, "draft": {"url": ND_URL}}, "draft"),
])
def test_invalid_requests_are_422_problems_naming_the_field(client, body, field):
    response = client.post("/v1/check", json=body)
    assert response.status_code == 422 and response.mimetype == "application/problem+json"
    assert field in response.get_json()["errors"]


def test_not_json_and_malformed_json(client):
    assert client.post("/v1/check", data="x", content_type="text/plain").status_code == 415
    assert client.post("/v1/check", data="{nope", content_type="application/json").status_code == 400


# --- the article fetched by URL (a local upstream; the fetcher's own address checks stay on) --------------

@pytest.fixture()
def upstream():
    from fetch_servers import Upstream
    from fetch_servers import page as serve

    server = Upstream("127.0.0.1")
    server.routes["/story"] = serve(page("cc-by-nc-nd.html").encode("utf-8"))
    yield server
    server.close()


def test_article_fetched_by_url(make_app, upstream):
    client = make_app(FETCH_ALLOWED_NETWORKS=("127.0.0.0/8",), FETCH_ALLOWED_PORTS=(upstream.port,)).test_client()
    response = client.post("/v1/check", json={"article": {"url": upstream.url("/story")}, "policy": "commercial",
                                              "use": {"action": "republish"}})
    assert response.status_code == 200
    result = response.get_json()
    assert result["decision"] == "denied" and result["timings_ms"]["read_ms"] > 0
    assert [path for path, _ in upstream.requests] == ["/story"]


def test_article_url_on_a_private_address_is_refused(client, upstream):
    response = client.post("/v1/check", json={"article": {"url": upstream.url("/story")},
                                              "use": {"action": "republish"}})
    assert response.status_code == 422 and response.mimetype == "application/problem+json"
    assert upstream.requests == []
