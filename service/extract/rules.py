"""The shared mechanism of every field extractor: an ordered list of rules, the first valid value wins.

A rule is a (name, function) pair; the function reads the Page and returns a value or None. The
name becomes the value's provenance ("json-ld:headline", "meta:og:title"). A rule that needs a more
precise name (which meta key matched) returns a Found itself. A rule that raises is skipped and
noted in the page's warnings: one broken rule never costs the whole extraction.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from service.page import Page

T = TypeVar("T")
log = logging.getLogger("clearance.extract")


@dataclass(frozen=True)
class Found(Generic[T]):
    """A value and the rule that produced it."""

    value: T
    rule: str


RuleFn = Callable[[Page], Any]
Rule = tuple[str, RuleFn]


def run_rule(page: Page, name: str, fn: RuleFn) -> Found[Any] | None:
    """Run one rule in isolation: a rule that raises yields nothing and leaves a warning."""
    try:
        result = fn(page)
    except Exception as exc:  # noqa: BLE001 - per-rule isolation is the point
        log.debug("rule %s failed: %r", name, exc)
        page.warnings.append(f"rule {name} failed: {type(exc).__name__}")
        return None
    if result is None:
        return None
    return result if isinstance(result, Found) else Found(result, name)


def first_match(page: Page, rules: Iterable[Rule], valid: Callable[[Any], bool] = bool) -> Found[Any] | None:
    """The first rule, in order, whose value passes `valid`."""
    for name, fn in rules:
        found = run_rule(page, name, fn)
        if found is not None and valid(found.value):
            return found
    return None


def meta_rule(*keys: str, normalise: Callable[[str], Any] = lambda v: v) -> RuleFn:
    """A rule reading the first present <meta> key; provenance names the key that matched."""

    def rule(page: Page) -> Found[Any] | None:
        for key in keys:
            for content in page.meta.get(key, ()):
                value = normalise(content)
                if value:
                    return Found(value, f"meta:{key}")
        return None

    return rule


def jsonld_value(node: dict[str, Any], key: str) -> Any:
    """node[key], with a one-element list unwrapped and {"@value": x} read as x."""
    value = node.get(key)
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, dict) and "@value" in value:
        value = value["@value"]
    return value
