"""Properties: whatever the terms, use and page, the decision is one of five and every reason names a rule."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.policy.cases import run_case
from service.policy.load import SHIPPED_DIR, load_dir
from service.policy.model import DECISIONS
from service.terms.model import ACTIONS, COMMERCIAL_USE, CONFIDENCE, DERIVATIVES, DUTY_TYPES, LICENSE_KINDS

POLICIES = load_dir(SHIPPED_DIR)
CONSTRAINTS = st.fixed_dictionaries({
    "name": st.sampled_from(["venue", "medium", "max_words", "date_from", "audience"]),
    "operator": st.sampled_from(["eq", "neq", "isAnyOf", "lteq", "gteq"]),
    "value": st.one_of(st.sampled_from(["community", "commercial", "web", "print", "2020-01-01"]),
                       st.integers(0, 500), st.lists(st.sampled_from(["community", "nonprofit", "web"]), max_size=2))})
RULES = st.lists(st.fixed_dictionaries({"action": st.sampled_from(ACTIONS),
                                        "constraints": st.lists(CONSTRAINTS, max_size=2)}), max_size=3)
TERMS = st.fixed_dictionaries({
    "license": st.fixed_dictionaries({"kind": st.sampled_from(LICENSE_KINDS),
                                      "id": st.sampled_from([None, "CC-BY-4.0", "CC-BY-NC-ND-4.0", "CC-BY-SA-3.0-DE"])}),
    "commercial_use": st.sampled_from(COMMERCIAL_USE), "derivatives": st.sampled_from(DERIVATIVES),
    "share_alike": st.booleans(), "confidence": st.sampled_from(CONFIDENCE),
    "permissions": RULES, "prohibitions": RULES,
    "duties": st.lists(st.fixed_dictionaries({"type": st.sampled_from(DUTY_TYPES)}), max_size=4),
    "contact": st.one_of(st.none(), st.fixed_dictionaries({"email": st.sampled_from([None, "a@b.example"]),
                                                            "url": st.none()}))})
USES = st.fixed_dictionaries({"action": st.sampled_from(["republish", "cross-post", "excerpt", "translate"]),
                              "medium": st.sampled_from(["web", "print", "newsletter", "radio"]),
                              "excerpt_words": st.one_of(st.none(), st.integers(0, 2000))})
URLS = st.sampled_from([None, "https://www.valley-herald.example/a", "https://news.rumour-mill.example/x",
                        "https://wire-partner.example/s", "https://example.org/story", "not a url"])
SNIPPETS = st.sampled_from([
    "<p>All rights reserved.</p>", '<a rel="license" href="https://creativecommons.org/licenses/by-nc/4.0/">CC</a>',
    "<p>This material may not be published, broadcast, rewritten or redistributed.</p>",
    "<p>Permission to republish on community sites if you link to the original.</p>",
    "<p>Contact permissions@example.org for reprints.</p>", "<p>© 2024 Example News</p>", "<h1>Headline</h1>",
    "<p>Plain text of the story. Another sentence here.</p>", "<div><p>", "</article>", "\x00", "<script>x</script>"])


def assert_well_formed(policy_name: str, decision) -> None:
    assert decision.decision in DECISIONS
    ids = {r.id for r in POLICIES[policy_name].rules}
    assert decision.reasons and all(reason.rule in ids for reason in decision.reasons)
    assert all(o.status in ("met", "unmet", "unchecked") for o in decision.obligations)


@settings(max_examples=150, deadline=None)
@given(policy=st.sampled_from(sorted(POLICIES)), terms=TERMS, use=USES, url=URLS,
       draft=st.one_of(st.none(), st.lists(SNIPPETS, max_size=6).map("".join)))
def test_engine_decisions_are_well_formed(policy, terms, use, url, draft):
    case = {"use": use, "terms": terms, "article_url": url, "draft_html": draft, "original_html": draft}
    assert_well_formed(policy, run_case(POLICIES[policy], case))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(policy=st.sampled_from(sorted(POLICIES)), page=st.lists(SNIPPETS, max_size=8).map("".join), use=USES,
       draft=st.one_of(st.none(), st.lists(SNIPPETS, max_size=4).map("".join)))
def test_every_check_response_is_well_formed(client, policy, page, use, draft):
    body = {"article": {"html": page or "<p></p>", "url": "https://example.org/story"}, "policy": policy,
            "use": {k: v for k, v in use.items() if v is not None}}
    if draft:
        body["draft"] = {"html": draft}
    response = client.post("/v1/check", json=body)
    assert response.status_code == 200, response.get_json()
    result = response.get_json()
    assert result["decision"] in DECISIONS
    ids = {r.id for r in POLICIES[policy].rules}
    assert result["reasons"] and all(reason["rule"] in ids for reason in result["reasons"])
