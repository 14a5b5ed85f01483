"""Policy files: validated at start-up; a bad file stops the service naming the file, field and problem."""
from __future__ import annotations

import hashlib

import pytest

from service import create_app
from service.policy.load import SHIPPED_DIR, PolicyFileError, load_dir, parse_policy

GOOD = (SHIPPED_DIR / "community.yaml").read_text(encoding="utf-8")


def write(folder, name, text):
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_policies_load_with_content_hash_revisions():
    policies = load_dir(SHIPPED_DIR)
    assert set(policies) == {"community", "commercial"}
    raw = (SHIPPED_DIR / "community.yaml").read_bytes()
    assert policies["community"].revision == "sha256:" + hashlib.sha256(raw).hexdigest()[:16]
    assert policies["community"].site.kind == "community" and not policies["community"].site.commercial
    assert policies["commercial"].site.commercial


def test_any_edit_is_a_new_revision():
    edited = GOOD.replace("excerpt_max_words: 120", "excerpt_max_words: 121")
    assert parse_policy(edited, "x").revision != parse_policy(GOOD, "x").revision


@pytest.mark.parametrize(("change", "field", "words"), [
    (("effect: forbid\n    when: {field: grant.status, eq: prohibited}", "effect: deny\n    when: {field: grant.status, eq: prohibited}"),
     "rules.0.effect", "Must be one of"),
    (("kind: community ", "kind: hobby "), "site.kind", "Must be one of"),
    (("excerpt_max_words: 120", "excerpt_max_words: lots"), "excerpt_max_words", "Not a valid integer"),
    (("on_no_terms: review", "on_no_terms: shrug"), "on_no_terms", "Must be one of"),
    (("when: {field: grant.status, eq: granted}", "when: {field: grant.status, equals: granted}"),
     "rules.2.when", "unknown operator"),
    (("when: {field: grant.status, eq: granted}", "when: {field: page.body, eq: granted}"),
     "rules.2.when", "'field' must be a dotted path"),
    (("when: {field: grant.status, eq: granted}", "when: {field: grant.status, eq: granted}\n    efect: permit"),
     "rules.2.efect", "Unknown field"),
    (("- id: use-granted", "- id: use-not-granted"), "rules.2.id", "duplicate rule id"),
    (("- id: use-granted", "- id: no-terms-found"), "rules.2.id", "reserved"),
    (("    - rumour-mill.example", "    - not a domain"), "sources.deny.0", "not a domain name"),
    (("valid_until: 2027-12-31", "valid_until: 2020-12-31"), "sources.agreements.0.valid_until", "before"),
    (("name: community", "name: other"), "name", "differs from the file name"),
])
def test_a_bad_file_stops_the_app_naming_file_field_and_problem(tmp_path, change, field, words):
    old, new = change
    assert old in GOOD
    path = write(tmp_path, "community", GOOD.replace(old, new, 1))
    with pytest.raises(PolicyFileError) as caught:
        create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "POLICY_DIR": str(tmp_path)})
    message = str(caught.value)
    assert str(path) in message
    assert any(e["field"] == field and words in e["message"] for e in caught.value.errors), caught.value.errors


def test_every_error_of_a_file_is_listed(tmp_path):
    text = GOOD.replace("kind: community ", "kind: hobby ").replace("monetised: false", "monetised: maybe")
    write(tmp_path, "community", text)
    with pytest.raises(PolicyFileError) as caught:
        load_dir(tmp_path)
    assert {e["field"] for e in caught.value.errors} >= {"site.kind", "site.monetised"}


@pytest.mark.parametrize("text", ["name: [unclosed", "- just\n- a list\n", ""])
def test_not_a_policy_document(tmp_path, text):
    write(tmp_path, "broken", text)
    with pytest.raises(PolicyFileError, match="broken.yaml: \\(document\\)"):
        load_dir(tmp_path)


def test_empty_folder_and_unknown_default_refuse_to_start(tmp_path):
    with pytest.raises(PolicyFileError, match="no \\*.yaml policy file"):
        create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "POLICY_DIR": str(tmp_path)})
    with pytest.raises(PolicyFileError, match="DEFAULT_POLICY"):
        create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "DEFAULT_POLICY": "missing"})


def test_a_policy_folder_of_the_operators_own(make_app, tmp_path):
    write(tmp_path, "strict", GOOD.replace("name: community", "name: strict").replace("on_no_terms: review",
                                                                                        "on_no_terms: deny"))
    client = make_app(POLICY_DIR=str(tmp_path), DEFAULT_POLICY="strict").test_client()
    body = {"article": {"html": "<html><body><p>Nothing about reuse.</p></body></html>",
                        "url": "https://quiet.example/a"}, "use": {"action": "republish"}}
    result = client.post("/v1/check", json=body).get_json()
    assert result["policy"]["name"] == "strict"
    assert result["decision"] == "denied" and [r["rule"] for r in result["reasons"]] == ["no-terms-found"]


def test_generated_rules_name_their_origin():
    policy = load_dir(SHIPPED_DIR)["community"]
    origins = {r.id: r.origin for r in policy.rules}
    assert origins["source-deny-list"] == "sources.deny"
    assert origins["no-terms-found"] == "on_no_terms" and origins["use-granted"] == "rules"
    assert policy.rules[-1].id == "no-rule-matched" and policy.rules[-1].fallback


def test_the_readme_example_is_a_valid_policy():
    readme = (SHIPPED_DIR.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Policy files", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    policy = parse_policy(example, "README.md")
    assert policy.name == "community" and policy.rule("use-granted").obligations == ("credit-author",)
