"""Decision cases as data (tests/cases/*.yaml), replayed directly and through POST /v1/policies/validate."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from service.policy.cases import run_case
from service.policy.load import SHIPPED_DIR, load_dir

CASES = Path(__file__).parent / "cases"
FIXTURES = Path(__file__).parent / "fixtures" / "policy"
FILE_KEYS = {"original_html_file": "original_html", "draft_html_file": "draft_html"}


def resolved(case_input: dict) -> dict:
    """The case input with *_file keys replaced by the fixture pages' HTML, as a client would send it."""
    out = {k: v for k, v in case_input.items() if k not in FILE_KEYS}
    for key, target in FILE_KEYS.items():
        if key in case_input:
            out[target] = (FIXTURES / case_input[key]).read_text(encoding="utf-8")
    return out


def case_files() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(CASES.glob("*.yaml"))]


ALL_CASES = [(f["policy"], case) for f in case_files() for case in f["cases"]]


def test_every_shipped_policy_has_cases():
    assert {f["policy"] for f in case_files()} == set(load_dir(SHIPPED_DIR))


@pytest.mark.parametrize(("policy_name", "case"), ALL_CASES, ids=[f"{p}: {c['name']}" for p, c in ALL_CASES])
def test_case(policy_name, case):
    policy = load_dir(SHIPPED_DIR)[policy_name]
    decision = run_case(policy, resolved(case["input"]))
    assert decision.decision == case["expected"]["decision"], [(r.rule, r.message) for r in decision.reasons]
    assert sorted(decision.rule_ids) == sorted(case["expected"]["rules"])


@pytest.mark.parametrize("policy_name", sorted({p for p, _ in ALL_CASES}))
def test_cases_replayed_by_the_validate_endpoint(client, policy_name):
    content = (SHIPPED_DIR / f"{policy_name}.yaml").read_text(encoding="utf-8")
    cases = [{"name": c["name"], "input": resolved(c["input"]), "expected": c["expected"]}
             for p, c in ALL_CASES if p == policy_name]
    response = client.post("/v1/policies/validate", json={"yaml": content, "cases": cases})
    assert response.status_code == 200
    body = response.get_json()
    assert body["valid"] is True and body["errors"] == []
    assert body["revision"] == client.get(f"/v1/policies/{policy_name}").get_json()["revision"]
    failed = [(c["name"], c["decision"], c["rules"]) for c in body["cases"] if not c["passed"]]
    assert not failed
    assert len(body["cases"]) == len(cases)


def test_validate_reports_a_failing_expectation(client):
    content = (SHIPPED_DIR / "community.yaml").read_text(encoding="utf-8")
    case = {"name": "wrong on purpose", "input": {"use": {"action": "republish"}, "terms": None},
            "expected": {"decision": "allowed", "rules": ["use-granted"]}}
    body = client.post("/v1/policies/validate", json={"yaml": content, "cases": [case]}).get_json()
    assert body["cases"][0] == {"name": "wrong on purpose", "decision": "review", "rules": ["no-terms-found"],
                                "passed": False, "errors": []}
