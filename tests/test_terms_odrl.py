"""Terms -> ODRL 2.2 Offer: the JSON-LD shape rights systems read."""
from __future__ import annotations

import json

from service.terms import licenses
from service.terms.model import Constraint, Duty, License, Rule, Terms
from service.terms.odrl import to_odrl

ODRL_OPERATORS = {"eq", "neq", "lt", "lteq", "gt", "gteq", "isA", "hasPart", "isPartOf", "isAllOf", "isAnyOf",
                  "isNoneOf"}


def cc_terms(url: str) -> Terms:
    licence = licenses.from_url(url)
    c = licenses.describe(licence)
    return Terms(license=licence, commercial_use=c.commercial_use, derivatives=c.derivatives,
                 share_alike=c.share_alike, permissions=c.permissions, prohibitions=c.prohibitions, duties=c.duties)


def test_cc_licence_becomes_an_offer_with_duties_on_each_permission():
    policy = to_odrl(cc_terms("https://creativecommons.org/licenses/by-nc-sa/4.0/"), "https://a.example/p",
                     "Example Press")
    assert policy["@type"] == "Offer"
    assert "http://www.w3.org/ns/odrl.jsonld" in policy["@context"]
    assert policy["uid"].startswith("urn:clearance:terms:")
    actions = {p["action"] for p in policy["permission"]}
    assert {"distribute", "modify"} <= actions
    assert {p["action"] for p in policy["prohibition"]} == {"sell"}
    for permission in policy["permission"]:
        assert permission["target"] == "https://a.example/p"
        assert permission["assigner"] == "Example Press"
        duty_actions = [d["action"] for d in permission["duty"]]
        assert "attribute" in duty_actions and "cc:ShareAlike" in duty_actions
    json.dumps(policy)  # plain JSON all the way down


def test_constraints_use_odrl_operands_and_operators():
    terms = Terms(license=License("custom-grant"), permissions=(
        Rule("cross-post", (Constraint("venue", "isAnyOf", ("community", "nonprofit")),
                            Constraint("max_words", "lteq", 250),
                            Constraint("date_from", "eq", "2024-01-01"))),),
        prohibitions=(Rule("print"),), duties=(Duty("link-to-original"), Duty("credit-source", {"name": "X"})))
    policy = to_odrl(terms)
    permission = policy["permission"][0]
    assert permission["action"] == "clearance:cross-post"
    constraints = {c["leftOperand"]: c for c in permission["constraint"]}
    assert constraints["purpose"]["rightOperand"] == ["community", "nonprofit"]
    assert constraints["clearance:maxWords"]["operator"] == "lteq"
    assert constraints["dateTime"]["operator"] == "gteq"
    assert all(c["operator"] in ODRL_OPERATORS for c in permission["constraint"])
    assert {"action": "clearance:link-to-original"} in permission["duty"]
    assert policy["prohibition"] == [{"action": "print"}]


def test_nothing_found_is_an_offer_without_rules():
    policy = to_odrl(Terms())
    assert "permission" not in policy and "prohibition" not in policy
