"""Decision cases: a request's inputs as data (terms as the extractor returns them) and the decision
and rule ids expected. pytest replays the shipped cases; POST /v1/policies/validate replays any."""
from __future__ import annotations

from datetime import date
from typing import Any

from service.page import Page
from service.policy import Decision, decide
from service.policy.model import Policy
from service.policy.origin import Original
from service.terms.model import Constraint, Contact, Duty, Evidence, License, Rule, Tdm, Terms

USE_ACTIONS = ("republish", "cross-post", "excerpt", "translate")
# The metadata fields that hold text, as the extractor returns them; the credit block and the draft
# checks read them as strings.
METADATA_TEXT = ("title", "published", "modified", "language", "site_name", "canonical_url", "description",
                 "section")
# Objects inside metadata and the types of their fields.
METADATA_OBJECTS: dict[str, dict[str, type]] = {"original_source": {"name": str, "url": str},
                    "copyright": {"notice": str, "holder": str, "year": int}}


class CaseError(ValueError):
    """A case whose input cannot be read; the message names the field."""


def _rules(items: Any, where: str) -> tuple[Rule, ...]:
    if not isinstance(items, list):
        raise CaseError(f"{where}: a list of {{action, constraints}}")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("action"), str):
            raise CaseError(f"{where}.{i}.action: required text")
        constraints = item.get("constraints") or []
        if not isinstance(constraints, list) or not all(isinstance(c, dict) for c in constraints):
            raise CaseError(f"{where}.{i}.constraints: a list of {{name, operator, value}}")
        out.append(Rule(item["action"], tuple(Constraint(str(c.get("name")), str(c.get("operator", "eq")),
                                                         c.get("value")) for c in constraints)))
    return tuple(out)


def terms_from_dict(data: Any) -> Terms:
    """Terms from their JSON shape (the terms contract); CaseError names a field it cannot read."""
    if data is None:
        return Terms()
    if not isinstance(data, dict):
        raise CaseError("terms: an object")
    lic = data.get("license") or {}
    if not isinstance(lic, dict):
        raise CaseError("terms.license: an object")
    contact = data.get("contact")
    tdm = data.get("tdm")
    duties = data.get("duties") or []
    if not isinstance(duties, list) or not all(isinstance(d, dict) and isinstance(d.get("type"), str)
                                               for d in duties):
        raise CaseError("terms.duties: a list of {type, params}")
    evidence = data.get("evidence") or []
    if not isinstance(evidence, list) or not all(isinstance(e, dict) for e in evidence):
        raise CaseError("terms.evidence: a list of {text, signal, where}")
    try:
        return Terms(
            license=License(str(lic.get("kind", "none-found")), lic.get("id"), lic.get("url"), lic.get("name")),
            commercial_use=str(data.get("commercial_use", "unknown")),
            derivatives=str(data.get("derivatives", "unknown")), share_alike=bool(data.get("share_alike")),
            permissions=_rules(data.get("permissions") or [], "terms.permissions"),
            prohibitions=_rules(data.get("prohibitions") or [], "terms.prohibitions"),
            duties=tuple(Duty(d["type"], dict(d.get("params") or {})) for d in duties),
            contact=Contact(contact.get("email"), contact.get("url")) if isinstance(contact, dict) else None,
            scope=str(data.get("scope", "article")), confidence=str(data.get("confidence", "high")),
            evidence=tuple(Evidence(str(e.get("text", "")), str(e.get("signal", "")), str(e.get("where", "")))
                           for e in evidence),
            tdm=Tdm(bool(tdm.get("reserved")), tdm.get("policy")) if isinstance(tdm, dict) else None)
    except (TypeError, AttributeError) as exc:
        raise CaseError(f"terms: {exc}") from exc


def _check_fields(data: dict[str, Any], types: dict[str, type], where: str) -> None:
    for name, kind in types.items():
        value = data.get(name)
        if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
            raise CaseError(f"{where}.{name}: {'a whole number' if kind is int else 'a string'} or null")


def read_metadata(data: Any) -> dict[str, Any]:
    """Case metadata in the extractor's shape: text fields strings, authors and the objects as objects
    (CaseError naming the field otherwise, so a typo in a case is a case error, not a crash)."""
    if not isinstance(data, dict):
        raise CaseError("metadata: an object")
    _check_fields(data, dict.fromkeys(METADATA_TEXT, str), "metadata")
    authors = data.get("authors")
    if authors is not None and not isinstance(authors, list):
        raise CaseError("metadata.authors: a list of {name, url}")
    for i, author in enumerate(authors or []):
        if not isinstance(author, dict):
            raise CaseError(f"metadata.authors.{i}: an object {{name, url}}")
        _check_fields(author, {"name": str, "url": str}, f"metadata.authors.{i}")
    for key, types in METADATA_OBJECTS.items():
        value = data.get(key)
        if value is not None and not isinstance(value, dict):
            raise CaseError(f"metadata.{key}: an object or null")
        _check_fields(value or {}, types, f"metadata.{key}")
    return data


def read_use(data: Any) -> dict[str, Any]:
    """The case's planned use: an action from USE_ACTIONS, a medium and an optional word count."""
    if not isinstance(data, dict) or data.get("action") not in USE_ACTIONS:
        raise CaseError(f"use.action: one of {list(USE_ACTIONS)}")
    words = data.get("excerpt_words")
    if words is not None and (not isinstance(words, int) or isinstance(words, bool) or words < 0):
        raise CaseError("use.excerpt_words: a whole number >= 0")
    return {"action": data["action"], "medium": str(data.get("medium") or "web"), "excerpt_words": words}


def run_case(policy: Policy, case_input: dict[str, Any]) -> Decision:
    """The decision the policy gives on one case's input (CaseError for an unreadable input)."""
    if not isinstance(case_input, dict):
        raise CaseError("input: an object")
    url = case_input.get("article_url")
    metadata = read_metadata(case_input.get("metadata") or {})
    original_html = case_input.get("original_html")
    draft_html = case_input.get("draft_html")
    today = case_input.get("today")
    try:
        day = date.fromisoformat(today) if today else None
    except (TypeError, ValueError) as exc:
        raise CaseError("today: an ISO date") from exc
    original = Original(url if isinstance(url, str) else None, metadata, terms_from_dict(case_input.get("terms")),
                        Page(original_html, url) if isinstance(original_html, str) else None)
    draft = Page(draft_html, case_input.get("draft_url")) if isinstance(draft_html, str) else None
    return decide(policy, original, read_use(case_input.get("use")), draft, day)
