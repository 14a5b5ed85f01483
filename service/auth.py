"""API keys and scopes: who may call which endpoint, decided once per request before any view runs.

Keys come from configuration (CLEARANCE_API_KEYS and/or CLEARANCE_API_KEYS_FILE) and are kept only as
SHA-256 digests; a presented key is hashed and compared with every stored digest in constant time.
Which scope an endpoint needs is ONE table, ENDPOINT_SCOPES, matched against the URL rule: a new
blueprint is protected by adding a row, and a route no row names needs `admin` (fail closed).

The authenticated key is on `flask.g.api_key` (None when auth is disabled). A key may be bound to one
policy: endpoints that take a policy name call `policy_for(requested)`, which returns the policy to
use and refuses (403) a tenant naming a policy that is not its own.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import yaml
from flask import Flask, g, request
from marshmallow import ValidationError

from schemas.apikeys import ApiKeyListSchema
from service.problems import Problem

log = logging.getLogger("clearance.auth")

OPEN = None  # an endpoint anyone may call
SCOPES = ("check", "extract", "admin")
# URL rule glob -> the scope it needs; first match wins. Rules no row names need ADMIN_SCOPE.
ENDPOINT_SCOPES: tuple[tuple[str, str | None], ...] = (
    ("/healthz", OPEN),
    ("/openapi.yaml", OPEN),
    ("/v1/extract", "extract"),
    ("/v1/check", "check"),
    ("/v1/check/*", "check"),
    ("/v1/policies", "admin"),
    ("/v1/policies/*", "admin"),
    ("/v1/decisions/*", "admin"),  # decision records hold no tenant owner yet: operators only
)
ADMIN_SCOPE = "admin"
POLICY_BOUND_SCOPE = "check"  # requests under this scope name a policy; a bound key may use only its own
BEARER_PREFIX = "bearer "
API_KEY_HEADER = "X-API-Key"
CHALLENGE = 'Bearer realm="clearance", charset="UTF-8"'


class Unauthorized(Problem):
    status = 401
    slug = "unauthorized"
    title = "Missing or unknown API key"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": CHALLENGE})


class Forbidden(Problem):
    status = 403
    slug = "forbidden"
    title = "Not allowed for this key"


@dataclass(frozen=True)
class ApiKey:
    """One configured key: its name (logged, never the key), digest, scopes and bound policy."""

    name: str
    digest: bytes
    scopes: frozenset[str]
    policy: str | None = None


def digest(secret: str) -> bytes:
    """The SHA-256 of a presented or configured key: the only form a key is kept in."""
    return hashlib.sha256(secret.encode("utf-8")).digest()


def parse_keys(document: str, source: str) -> list[ApiKey]:
    """Keys from a YAML or JSON list of {name, sha256 | key, scopes, policy?}; ValueError names the entry."""
    if not document.strip():
        return []
    try:
        raw = yaml.safe_load(document)
    except yaml.YAMLError as exc:
        raise ValueError(f"{source}: not YAML or JSON: {exc}") from exc
    try:
        entries = ApiKeyListSchema().load({"keys": raw})["keys"]
    except ValidationError as exc:
        raise ValueError(f"{source}: invalid API keys: {json.dumps(exc.messages)}") from exc
    keys = []
    for entry in entries:
        secret_digest = bytes.fromhex(entry["sha256"]) if entry.get("sha256") else digest(entry["key"])
        keys.append(ApiKey(entry["name"], secret_digest, frozenset(entry["scopes"]), entry.get("policy")))
    return keys


def load_keys(config: Mapping[str, Any]) -> list[ApiKey]:
    """Every key the configuration names: the API_KEYS document, then the API_KEYS_FILE."""
    keys = parse_keys(config.get("API_KEYS") or "", "CLEARANCE_API_KEYS")
    path = config.get("API_KEYS_FILE")
    if path:
        keys += parse_keys(Path(path).read_text(encoding="utf-8"), str(path))
    names = [key.name for key in keys]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"API key names must be unique: {', '.join(duplicates)}")
    return keys


def find_key(keys: Iterable[ApiKey], secret: str) -> ApiKey | None:
    """The key whose digest matches secret; every digest is compared, each in constant time."""
    presented = digest(secret)
    match = None
    for key in keys:
        if hmac.compare_digest(key.digest, presented):
            match = key
    return match


def required_scope(rule: str) -> str | None:
    """The scope a URL rule needs, from ENDPOINT_SCOPES; unlisted rules need admin."""
    for pattern, scope in ENDPOINT_SCOPES:
        if fnmatchcase(rule, pattern):
            return scope
    return ADMIN_SCOPE


def presented_secret() -> str | None:
    """The key the request carries: `Authorization: Bearer <key>` or `X-API-Key: <key>`."""
    header = request.headers.get("Authorization", "")
    if header[:len(BEARER_PREFIX)].lower() == BEARER_PREFIX:
        return header[len(BEARER_PREFIX):].strip() or None
    return request.headers.get(API_KEY_HEADER, "").strip() or None


def policy_for(requested: str | None) -> str | None:
    """The policy this request may use: the key's bound policy, or the requested one if unbound.

    A key bound to a policy that names another gets a 403; naming none gets the bound one.
    """
    key: ApiKey | None = g.get("api_key")
    if key is None or key.policy is None:
        return requested
    if requested is not None and requested != key.policy:
        raise Forbidden(f"key {key.name!r} may only use policy {key.policy!r}")
    return key.policy


def init_app(app: Flask) -> None:
    """Load the keys and install the before_request hook that enforces ENDPOINT_SCOPES."""
    disabled = bool(app.config.get("AUTH_DISABLED"))
    keys = [] if disabled else load_keys(app.config)
    app.extensions["clearance.keys"] = keys
    if disabled:
        log.warning("authentication is DISABLED (CLEARANCE_AUTH_DISABLED): every endpoint is open; "
                    "for local development only")
    elif not keys:
        log.warning("authentication is on but no API keys are configured: every protected request "
                    "will be refused with 401 (set CLEARANCE_API_KEYS or CLEARANCE_API_KEYS_FILE)")

    @app.before_request
    def _authenticate() -> None:
        g.api_key = None
        if disabled or request.url_rule is None:  # unknown routes and methods: 404/405 as usual
            return
        scope = required_scope(request.url_rule.rule)
        if scope is OPEN:
            return
        secret = presented_secret()
        if secret is None:
            raise Unauthorized("send an API key: 'Authorization: Bearer <key>' or 'X-API-Key: <key>'")
        key = find_key(keys, secret)
        if key is None:
            raise Unauthorized("the API key is not valid")
        if scope not in key.scopes:
            raise Forbidden(f"key {key.name!r} lacks the {scope!r} scope this endpoint needs")
        g.api_key = key
        if scope == POLICY_BOUND_SCOPE and key.policy is not None:
            policy_for(_named_policy())


def _named_policy() -> str | None:
    """The policy a JSON request body names, so a bound key naming another is refused before the view."""
    if request.is_json:
        body = request.get_json(silent=True)  # cached: the view reads the same parse
        if isinstance(body, dict) and isinstance(body.get("policy"), str):
            return body["policy"]
    return None
