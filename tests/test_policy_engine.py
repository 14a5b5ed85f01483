"""The decision engine on constructed Terms: combining, obligations, draft checks and the credit block."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from service.extract.model import Author, Copyright, Metadata, OriginalSource
from service.page import Page
from service.policy import decide
from service.policy.load import SHIPPED_DIR, load_dir, parse_policy
from service.policy.origin import Original
from service.terms.model import Constraint, Contact, Duty, Evidence, License, Rule, Terms

FIXTURES = Path(__file__).parent / "fixtures" / "policy"
URL = "https://www.globalresearch.ca/video-tensions-grow-as-isis-collapses-in-syria-and-iraq/5593179"
POLICIES = load_dir(SHIPPED_DIR)
FOUNDING = Terms(
    License("custom-grant"), "needs-permission", "unknown",
    permissions=(Rule("cross-post", (Constraint("venue", "eq", "community"), Constraint("medium", "eq", "web"))),),
    prohibitions=(Rule("print", needs_permission=True),
                  Rule("republish", (Constraint("venue", "eq", "commercial"),), needs_permission=True)),
    duties=(Duty("credit-source"), Duty("copyright-notice"), Duty("link-to-original")),
    contact=Contact("publications@globalresearch.ca"), confidence="high",
    evidence=(Evidence("grants permission to cross-post Global Research articles on community internet sites",
                       "clause:custom-grant", "footer > p.disclaimer"),))
FOUNDING_MD = Metadata(title="Video: Tensions Grow as ISIS Collapses in Syria and Iraq", authors=(Author("South Front"),),
                       site_name="Global Research", canonical_url=URL, original_source=OriginalSource("South Front"),
                       copyright=Copyright("Copyright © South Front, South Front, 2017", "South Front", 2017))


def founding(page: bool = True) -> Original:
    return Original(URL, FOUNDING_MD, FOUNDING, Page((FIXTURES / "founding.html").read_text(), URL) if page else None)


def draft(name: str) -> Page:
    return Page((FIXTURES / name).read_text())


def test_reasons_quote_the_rule_and_the_evidence():
    result = decide(POLICIES["commercial"], founding(), {"action": "cross-post", "medium": "web"}, None)
    assert result.decision == "needs_permission" and result.contact.email == "publications@globalresearch.ca"
    reason = result.reasons[0]
    assert reason.rule == "use-not-granted" and reason.effect == "forbid"
    texts = [e["text"] for e in reason.evidence]
    assert "grant.status = 'not-granted'" in texts
    assert any("cross-post Global Research articles" in t for t in texts)


def test_a_community_draft_that_is_complete_is_allowed_and_an_incomplete_one_says_what_to_add():
    use = {"action": "cross-post", "medium": "web"}
    assert decide(POLICIES["community"], founding(), use, draft("founding-draft.html")).decision == "allowed"
    partial = decide(POLICIES["community"], founding(), use, draft("founding-draft-no-link.html"))
    unmet = [o for o in partial.obligations if o.status != "met"]
    assert partial.decision == "conditional" and [o.duty for o in unmet] == ["link-to-original"]
    assert URL in unmet[0].detail


@pytest.mark.parametrize("terms_and_md", ["founding", "cc"])
def test_the_credit_block_meets_every_duty_it_is_written_for(terms_and_md):
    """Paste the credit block under the original's own body: every obligation must then be met."""
    if terms_and_md == "founding":
        original, use = founding(), {"action": "cross-post", "medium": "web"}
    else:
        nd = "https://www.northbridge-observer.example/2026/03/10/port-alden-electric-ferries/"
        terms = Terms(License("cc", "CC-BY-NC-ND-4.0"), "prohibited", "prohibited", confidence="high",
                      duties=(Duty("credit-author"), Duty("credit-source"), Duty("license-notice")))
        md = Metadata(title="Port Alden votes to electrify its ferry fleet", canonical_url=nd,
                      authors=(Author("Anna Keller"), Author("Tomas Ruiz")), site_name="Northbridge Observer")
        original, use = Original(nd, md, terms, Page((FIXTURES / "cc-by-nc-nd.html").read_text(), nd)), \
            {"action": "republish", "medium": "web"}
    first = decide(POLICIES["community"], original, use, None)
    body = "".join(f"<p>{b.text}</p>" for b in original.page.blocks
                   if b.element.tag == "p" and b.element.getparent().tag == "div")
    pasted = Page(f"<html><head>{first.attribution['head']}</head><body><article><h1>{original.title}</h1>"
                  f"{body}{first.attribution['html']}</article></body></html>")
    second = decide(POLICIES["community"], original, use, pasted)
    assert second.decision == "allowed", [(o.duty, o.status, o.detail) for o in second.obligations]


def test_an_agreements_credit_line_wins_and_is_checked():
    original = Original("https://www.valley-herald.example/local/bridge", Metadata(title="Bridge reopens"),
                        Terms(License("all-rights-reserved"), "needs-permission", "prohibited"))
    use = {"action": "republish", "medium": "web"}
    result = decide(POLICIES["community"], original, use, None, date(2026, 6, 1))
    assert result.decision == "conditional"
    assert result.attribution["text"].startswith("Courtesy of the Valley Herald")
    assert {o.duty for o in result.obligations} == {"exact-credit-line", "link-to-original"}
    good = Page('<p>Courtesy of the Valley Herald. <a href="http://valley-herald.example/local/bridge/">Read it</a></p>')
    assert decide(POLICIES["community"], original, use, good, date(2026, 6, 1)).decision == "allowed"


NONPROFIT_POLICY = """
name: newsroom
site: {name: Civic Desk, url: "https://civicdesk.example", kind: nonprofit, monetised: false, media: [web]}
rules:
  - {id: granted, effect: permit, when: {field: grant.status, eq: granted}, message: Granted.}
"""


def test_canonical_pixel_and_headline_duties_are_checked():
    url = "https://statehouse-news.example/2026/budget-vote"
    terms = Terms(License("custom-grant"), "needs-permission", "unknown", confidence="high",
                  permissions=(Rule("republish", (Constraint("venue", "isAnyOf", ["nonprofit", "community"]),)),),
                  duties=(Duty("canonical-link"), Duty("include-tracking-pixel", {"url": "https://px.statehouse-news.example/p.gif?id=7"}),
                          Duty("headline-unchanged")))
    original = Original(url, Metadata(title="Budget passes after all-night session"), terms)
    policy = parse_policy(NONPROFIT_POLICY, "newsroom.yaml")
    good = Page('<html><head><link rel="canonical" href="https://statehouse-news.example/2026/budget-vote/"></head>'
                '<body><h1>Budget Passes After All-Night Session</h1>'
                '<img src="https://px.statehouse-news.example/p.gif?id=7" width="1" height="1"></body></html>')
    bad = Page("<html><body><h1>Lawmakers pass budget</h1></body></html>")
    use = {"action": "republish", "medium": "web"}
    assert decide(policy, original, use, good).decision == "allowed"
    result = decide(policy, original, use, bad)
    assert {o.duty: o.status for o in result.obligations} == {
        "canonical-link": "unmet", "include-tracking-pixel": "unmet", "headline-unchanged": "unmet"}
    assert result.attribution["head"] == '<link rel="canonical" href="https://statehouse-news.example/2026/budget-vote">'


def test_an_excerpt_longer_than_the_allowance_is_unmet():
    """The CMS declares 60 words (within the commercial policy's 80), but the draft quotes the whole body."""
    terms = Terms(License("all-rights-reserved"), "needs-permission", "prohibited", confidence="high")
    original = Original("https://www.northbridge-observer.example/2026/03/10/port-alden-electric-ferries/",
                        Metadata(title="Port Alden votes to electrify its ferry fleet"), terms,
                        Page((FIXTURES / "cc-by-nc-nd.html").read_text()))
    whole = decide(POLICIES["commercial"], original, {"action": "excerpt", "medium": "web", "excerpt_words": 60},
                   draft("cc-by-nc-nd-draft-faithful.html"))
    assert [r.rule for r in whole.reasons] == ["excerpt-allowance"]
    excerpt = {o.duty: o for o in whole.obligations}["excerpt-within-allowance"]
    assert whole.decision == "conditional" and excerpt.status == "unmet" and excerpt.evidence["words"] > 80


def test_without_a_contact_the_linked_permissions_page_is_whom_to_ask():
    terms = Terms(License("all-rights-reserved"), "needs-permission", "prohibited", confidence="high",
                  follow_up=("https://www.lakeside-gazette.example/permissions",))
    original = Original("https://www.lakeside-gazette.example/national/storm", Metadata(), terms)
    result = decide(POLICIES["community"], original, {"action": "republish", "medium": "web"}, None)
    assert result.decision == "needs_permission"
    assert result.contact == Contact(None, "https://www.lakeside-gazette.example/permissions")
