"""Policy files (YAML, one policy per file) and the policy endpoints' requests and responses.

A policy document is validated here, at the edge, once: the loader refuses to start the service on a
file this schema rejects, and POST /v1/policies/validate returns the same messages for a draft policy.
Unknown keys are errors, so a typo ("efect:") cannot silently disable a rule.
"""
from __future__ import annotations

import re
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from schemas.strict import JsonBoolean
from service.terms.model import ACTIONS, DUTY_TYPES

SITE_KINDS = ("community", "nonprofit", "commercial")
EFFECTS = ("permit", "forbid", "review")
FORBID_DECISIONS = ("denied", "needs_permission")
ON_NO_TERMS = ("review", "deny", "allow")
ON_LOW_CONFIDENCE = ("review", "ignore")
ON_CONTACT_ONLY = ("needs_permission", "review", "deny")
# Obligations a policy may ask for: the terms' duty vocabulary plus the checks the service adds itself.
OBLIGATIONS = DUTY_TYPES + ("no-edits", "excerpt-within-allowance")
# The roots a `when` condition may read (see service/policy/conditions.py for what each holds).
FACT_ROOTS = ("use", "site", "source", "terms", "metadata", "grant", "agreement")
# Comparison operators of the condition language; "domain_in" compares registrable domains.
OPERATORS = ("eq", "ne", "in", "not_in", "lt", "lte", "gt", "gte", "exists", "contains", "domain_in")
MAX_CONDITION_DEPTH = 8
# Conditions (all/any/not and comparisons) in one `when`/`unless`: YAML aliases can make a few lines
# stand for millions of nodes, which checking and evaluating would then walk one by one.
MAX_CONDITION_NODES = 500
RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def check_condition(node: Any, depth: int = 0) -> list[str]:
    """Every problem with one `when`/`unless` condition, as messages (empty when it is well formed)."""
    if depth > MAX_CONDITION_DEPTH:
        return [f"nested deeper than {MAX_CONDITION_DEPTH} levels"]
    if not isinstance(node, dict) or not node:
        return ["a condition is a mapping: {all: [...]}, {any: [...]}, {not: ...} or {field: ..., <op>: ...}"]
    if "all" in node or "any" in node:
        key = "all" if "all" in node else "any"
        if len(node) != 1:
            return [f"'{key}' stands alone in its mapping; found also {sorted(set(node) - {key})}"]
        if not isinstance(node[key], list) or not node[key]:
            return [f"'{key}' takes a non-empty list of conditions"]
        return [f"{key}[{i}]: {m}" for i, sub in enumerate(node[key]) for m in check_condition(sub, depth + 1)]
    if "not" in node:
        if len(node) != 1:
            return ["'not' stands alone in its mapping"]
        return [f"not: {m}" for m in check_condition(node["not"], depth + 1)]
    field = node.get("field")
    if not isinstance(field, str) or field.split(".")[0] not in FACT_ROOTS:
        return [f"'field' must be a dotted path starting with one of {list(FACT_ROOTS)}, not {field!r}"]
    ops = [k for k in node if k != "field"]
    unknown = [k for k in ops if k not in OPERATORS]
    if unknown:
        return [f"unknown operator {unknown[0]!r}; use one of {list(OPERATORS)}"]
    if len(ops) != 1:
        return [f"give exactly one operator with 'field' (found {len(ops)})"]
    op, value = ops[0], node[ops[0]]
    if op in ("in", "not_in", "domain_in") and not (isinstance(value, list) and value):
        return [f"'{op}' takes a non-empty list"]
    if op == "exists" and not isinstance(value, bool):
        return ["'exists' takes true or false"]
    if op in ("lt", "lte", "gt", "gte") and (isinstance(value, bool) or not isinstance(value, (int, float, str))):
        return [f"'{op}' takes a number or an ISO date"]
    return []


def condition_size(node: Any, limit: int = MAX_CONDITION_NODES) -> int:
    """How many all/any/not/comparison mappings a condition holds, counting stops past limit:
    bounded work even when YAML aliases repeat one subtree many times over."""
    count, stack = 0, [node]
    while stack and count <= limit:
        item = stack.pop()
        if isinstance(item, dict):
            count += 1
            for key in ("all", "any"):
                if isinstance(item.get(key), list):
                    stack.extend(item[key])
            if "not" in item:
                stack.append(item["not"])
    return count


class ConditionField(fields.Raw):
    """A `when`/`unless` condition: data in the small condition language, never code."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if condition_size(value) > MAX_CONDITION_NODES:
            raise ValidationError(f"more than {MAX_CONDITION_NODES} conditions in one rule")
        problems = check_condition(value)
        if problems:
            raise ValidationError(problems)
        return value


class DomainField(fields.String):
    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs).strip().lower().removeprefix("www.")
        if not DOMAIN.match(text):
            raise ValidationError(f"not a domain name: {value!r}")
        return text


class SiteSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    url = fields.Url(required=True, schemes={"http", "https"})
    kind = fields.String(required=True, validate=validate.OneOf(SITE_KINDS))
    monetised = JsonBoolean(required=True, metadata={"description": "ads, paywall or sponsorship"})
    media = fields.List(fields.String(validate=validate.Length(min=1, max=40)), required=True,
                        validate=validate.Length(min=1), metadata={"description": "web, print, newsletter..."})


class UseGrantSchema(Schema):
    actions = fields.List(fields.String(validate=validate.OneOf(ACTIONS)), required=True,
                          validate=validate.Length(min=1))
    media = fields.List(fields.String(), load_default=list, metadata={"description": "empty: any medium"})


class AgreementSchema(Schema):
    domain = DomainField(required=True)
    uses = fields.List(fields.Nested(UseGrantSchema), required=True, validate=validate.Length(min=1))
    credit = fields.String(load_default=None, validate=validate.Length(min=1, max=500),
                           metadata={"description": "the exact credit line the partner wants"})
    duties = fields.List(fields.String(validate=validate.OneOf(OBLIGATIONS)), load_default=list)
    valid_from = fields.Date(load_default=None)
    valid_until = fields.Date(load_default=None)

    @validates_schema
    def _dates_in_order(self, data: dict, **_: Any) -> None:
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and start > end:
            raise ValidationError("valid_until is before valid_from", field_name="valid_until")


class SourcesSchema(Schema):
    deny = fields.List(DomainField(), load_default=list)
    allow = fields.List(DomainField(), load_default=list)
    agreements = fields.List(fields.Nested(AgreementSchema), load_default=list)


class PolicyRuleSchema(Schema):
    id = fields.String(required=True, validate=validate.Regexp(RULE_ID, error="lower-case letters, digits, '-'"))
    effect = fields.String(required=True, validate=validate.OneOf(EFFECTS))
    when = ConditionField(load_default=None, metadata={"description": "absent: always"})
    unless = ConditionField(load_default=None)
    message = fields.String(required=True, validate=validate.Length(min=1, max=500))
    decision = fields.String(load_default=None, validate=validate.OneOf(FORBID_DECISIONS),
                             metadata={"description": "forbid only: denied (default) or needs_permission"})
    obligations = fields.List(fields.String(validate=validate.OneOf(OBLIGATIONS)), load_default=list)

    @validates_schema
    def _decision_only_on_forbid(self, data: dict, **_: Any) -> None:
        if data.get("decision") and data.get("effect") != "forbid":
            raise ValidationError("only a forbid rule takes a decision", field_name="decision")
        if data.get("obligations") and data.get("effect") != "permit":
            raise ValidationError("only a permit rule carries obligations", field_name="obligations")


class PolicySchema(Schema):
    name = fields.String(required=True, validate=validate.Regexp(RULE_ID, error="lower-case letters, digits, '-'"))
    description = fields.String(load_default="")
    site = fields.Nested(SiteSchema, required=True)
    sources = fields.Nested(SourcesSchema, load_default=lambda: SourcesSchema().load({}))
    requirements = fields.List(fields.String(validate=validate.OneOf(OBLIGATIONS)), load_default=list,
                               metadata={"description": "duties the operator always wants met"})
    on_no_terms = fields.String(load_default="review", validate=validate.OneOf(ON_NO_TERMS))
    on_low_confidence = fields.String(load_default="review", validate=validate.OneOf(ON_LOW_CONFIDENCE))
    on_contact_only = fields.String(load_default="needs_permission", validate=validate.OneOf(ON_CONTACT_ONLY))
    excerpt_max_words = fields.Integer(strict=True, load_default=0, validate=validate.Range(min=0, max=100_000))
    rules = fields.List(fields.Nested(PolicyRuleSchema), required=True)

    @validates_schema
    def _unique_rule_ids(self, data: dict, **_: Any) -> None:
        seen: set[str] = set()
        for index, rule in enumerate(data.get("rules") or []):
            if rule["id"] in seen:
                raise ValidationError({str(index): {"id": [f"duplicate rule id {rule['id']!r}"]}},
                                      field_name="rules")
            seen.add(rule["id"])


def flatten_errors(messages: Any, prefix: str = "") -> list[dict[str, str]]:
    """marshmallow's nested messages as a flat list of {field: 'rules.2.effect', message}."""
    out: list[dict[str, str]] = []
    if isinstance(messages, dict):
        for key, value in messages.items():
            path = prefix if key == "_schema" else (f"{prefix}.{key}" if prefix else str(key))
            out.extend(flatten_errors(value, path))
    elif isinstance(messages, list):
        for item in messages:
            out.extend(flatten_errors(item, prefix))
    else:
        out.append({"field": prefix or "(document)", "message": str(messages)})
    return out


# --- the policy endpoints ------------------------------------------------------------------------

class PolicySummarySchema(Schema):
    name = fields.String(required=True)
    description = fields.String(required=True)
    revision = fields.String(required=True)
    site_kind = fields.String(required=True)
    default = fields.Boolean(required=True)


class PolicyListSchema(Schema):
    policies = fields.List(fields.Nested(PolicySummarySchema), required=True)


class EffectiveRuleSchema(Schema):
    id = fields.String(required=True)
    effect = fields.String(required=True)
    message = fields.String(required=True)
    origin = fields.String(required=True, metadata={"description": "'rules' or the policy key it was made from"})


class PolicyDetailSchema(Schema):
    name = fields.String(required=True)
    revision = fields.String(required=True, metadata={"description": "sha256 of the file's bytes"})
    content = fields.String(required=True, metadata={"description": "the policy file as written"})
    document = fields.Dict(required=True, metadata={"description": "the file, parsed"})
    rules = fields.List(fields.Nested(EffectiveRuleSchema), required=True,
                        metadata={"description": "every rule evaluated, generated ones included, in order"})


class CaseSchema(Schema):
    """One decision case: the inputs (terms as the extractor returns them) and what must come out."""

    name = fields.String(required=True)
    input = fields.Dict(required=True, metadata={"description": "{use, terms, metadata, article_url, draft_html}"})
    expected = fields.Dict(load_default=None, metadata={"description": "{decision, rules}"})


class ValidateRequestSchema(Schema):
    yaml = fields.String(metadata={"description": "the policy file's text"})
    document = fields.Dict(metadata={"description": "the policy as a JSON object"})
    cases = fields.List(fields.Nested(CaseSchema), load_default=list, validate=validate.Length(max=500))

    @validates_schema
    def _one_document(self, data: dict, **_: Any) -> None:
        if ("yaml" in data) == ("document" in data):
            raise ValidationError("give the policy either as yaml text or as a document", field_name="yaml")


class FieldErrorSchema(Schema):
    field = fields.String(required=True)
    message = fields.String(required=True)


class CaseResultSchema(Schema):
    name = fields.String(required=True)
    decision = fields.String(allow_none=True, required=True)
    rules = fields.List(fields.String(), required=True)
    passed = fields.Boolean(allow_none=True, required=True, metadata={"description": "null: no expectation"})
    errors = fields.List(fields.Nested(FieldErrorSchema), required=True)


class ValidateResponseSchema(Schema):
    valid = fields.Boolean(required=True)
    errors = fields.List(fields.Nested(FieldErrorSchema), required=True)
    revision = fields.String(allow_none=True, required=True)
    cases = fields.List(fields.Nested(CaseResultSchema), required=True)
