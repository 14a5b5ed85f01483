"""The OpenAPI side of auth: security schemes, and per operation what ENDPOINT_SCOPES decides.

An apispec plugin reads the same table the before_request hook enforces, so every route a blueprint
adds is documented as open (`security: []`) or as needing a key, with its 401/403/429 problems,
without the blueprint saying anything about auth.
"""
from __future__ import annotations

from copy import deepcopy
from typing import Any

from apispec import APISpec, BasePlugin

from service import auth

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
SCHEMES = {
    "bearerKey": {"type": "http", "scheme": "bearer",
                  "description": "`Authorization: Bearer <key>`: an API key from CLEARANCE_API_KEYS"},
    "apiKeyHeader": {"type": "apiKey", "in": "header", "name": auth.API_KEY_HEADER,
                     "description": "the same API key, in the X-API-Key header"},
}
_STRING = {"schema": {"type": "string"}}
AUTH_RESPONSES: dict[str, dict[str, Any]] = {
    "401": {"description": "Missing or unknown API key",
            "headers": {"WWW-Authenticate": {**_STRING, "description": "the Bearer challenge"}}},
    "403": {"description": "The key lacks the scope this endpoint needs, or names another policy than its own"},
    "429": {"description": "Rate limit of this key exceeded",
            "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds to wait"}}},
}


class SecurityPlugin(BasePlugin):
    """Marks each operation open or key-protected (with its scope) from auth.ENDPOINT_SCOPES."""

    def init_spec(self, spec: APISpec) -> None:
        super().init_spec(spec)
        for name, scheme in SCHEMES.items():
            spec.components.security_scheme(name, scheme)

    def operation_helper(self, path: str | None = None, operations: dict | None = None, **kwargs: Any) -> None:
        rule = kwargs.get("rule")
        if rule is None or not operations:
            return
        scope = auth.required_scope(rule.rule)
        for operation in operations.values():
            if scope is auth.OPEN:
                operation["security"] = []
                continue
            operation["security"] = [{name: []} for name in SCHEMES]
            operation["description"] = (operation.get("description", "") +
                                        f"\n\nNeeds an API key with the `{scope}` scope.").strip()
            responses = operation.setdefault("responses", {})
            for status, doc in AUTH_RESPONSES.items():
                content = {"application/problem+json": {"schema": dict(PROBLEM_REF)}}
                responses.setdefault(status, {**deepcopy(doc), "content": content})
