"""The `when` condition language: data, never code. A condition is one of

    {"all": [c, ...]}   {"any": [c, ...]}   {"not": c}
    {"field": "terms.license.kind", "<op>": value}   op: eq ne in not_in lt lte gt gte exists contains domain_in

Fields are dotted paths into the facts (use, site, source, terms, metadata, grant, agreement). A missing
field is None: it equals nothing, is in nothing, and compares false. `domain_in` matches a URL, host or
domain by its registrable domain (publicsuffixlist, offline), so "bbc.co.uk" covers "www.bbc.co.uk".
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from service.domains import registrable_domain

MISSING = None


def resolve(facts: dict[str, Any], path: str) -> Any:
    """The value at a dotted path, or None when any step is missing."""
    value: Any = facts
    for step in path.split("."):
        if isinstance(value, dict):
            value = value.get(step, MISSING)
        else:
            return MISSING
    return value


def _compare(op: str, actual: Any, expected: Any) -> bool:
    if op == "exists":
        present = actual not in (None, "", [], {})
        return present is expected
    if actual is None:
        return op in ("ne", "not_in")
    if op == "eq":
        return bool(actual == expected)
    if op == "ne":
        return bool(actual != expected)
    if op == "in":
        return actual in expected
    if op == "not_in":
        return actual not in expected
    if op == "contains":
        if isinstance(actual, str):  # a substring test: `5 in "text"` would raise TypeError
            return isinstance(expected, str) and expected in actual
        return isinstance(actual, (list, tuple)) and expected in actual
    if op == "domain_in":
        domain = registrable_domain(str(actual))
        return domain is not None and domain in {registrable_domain(d) for d in expected}
    try:
        if op == "lt":
            return bool(actual < expected)
        if op == "lte":
            return bool(actual <= expected)
        if op == "gt":
            return bool(actual > expected)
        if op == "gte":
            return bool(actual >= expected)
    except TypeError:  # a number against a string: not comparable, so not true
        return False
    raise ValueError(f"unknown operator {op!r}")


def matches(condition: dict[str, Any] | None, facts: dict[str, Any]) -> bool:
    """Whether condition holds for facts; an absent condition always holds."""
    if condition is None:
        return True
    if "all" in condition:
        return all(matches(c, facts) for c in condition["all"])
    if "any" in condition:
        return any(matches(c, facts) for c in condition["any"])
    if "not" in condition:
        return not matches(condition["not"], facts)
    op = next(k for k in condition if k != "field")
    return _compare(op, resolve(facts, condition["field"]), condition[op])


def fields_read(condition: dict[str, Any] | None) -> Iterator[str]:
    """Every field path a condition reads, in order: what a reason quotes as its evidence."""
    if not condition:
        return
    for key in ("all", "any"):
        for sub in condition.get(key, ()):
            yield from fields_read(sub)
    if "not" in condition:
        yield from fields_read(condition["not"])
    if "field" in condition:
        yield condition["field"]
