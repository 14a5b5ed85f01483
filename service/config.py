"""Configuration: embedded defaults, overridden by CLEARANCE_* environment variables, then test_config.

Every setting is declared once in SETTINGS (name, type, default, description); README's table of
environment variables is checked against it by a test, so the two cannot drift apart.
"""
from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

PREFIX = "CLEARANCE_"


def _csv(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _cidrs(value: str) -> tuple[str, ...]:
    """Comma-separated CIDRs, each checked now, so a typo stops the service at start-up."""
    networks = _csv(value)
    for network in networks:
        ipaddress.ip_network(network, strict=False)  # ValueError names the bad one
    return networks


def _ints(value: str) -> tuple[int, ...]:
    return tuple(int(part) for part in _csv(value))


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"not a boolean: {value!r}")


@dataclass(frozen=True)
class Setting:
    name: str
    parse: Callable[[str], Any]
    default: Any
    description: str


SETTINGS: tuple[Setting, ...] = (
    Setting("MAX_BODY_BYTES", int, 10 * 1024 * 1024, "Largest request body accepted (bytes); larger gets 413."),
    Setting("FETCH_ALLOWED_NETWORKS", _cidrs, (), "Comma-separated CIDRs the fetcher may reach although they are "
            "private, loopback or otherwise non-public (default: none)."),
    Setting("FETCH_DENIED_NETWORKS", _cidrs, (), "Comma-separated CIDRs the fetcher never reaches although "
            "they are public (e.g. the operator's own services); they win over the allowed networks."),
    Setting("FETCH_ALLOWED_PORTS", _ints, (80, 443, 8080, 8443), "Ports the fetcher may connect to."),
    Setting("FETCH_CONNECT_TIMEOUT", float, 3.0, "Seconds to establish a connection to the upstream."),
    Setting("FETCH_READ_TIMEOUT", float, 10.0, "Seconds to wait for each read from the upstream."),
    Setting("FETCH_DEADLINE", float, 20.0, "Seconds for a whole fetch, redirects included; past it: 504."),
    Setting("FETCH_MAX_BYTES", int, 5 * 1024 * 1024, "Largest upstream body, compressed and decompressed."),
    Setting("FETCH_MAX_REDIRECTS", int, 5, "Redirect hops followed, each one re-checked."),
    Setting("FETCH_USER_AGENT", str, "Clearance/0.1 (+rights clearance)", "User-Agent sent upstream."),
    Setting("FETCH_CA_BUNDLE", str, "", "PEM file of CA certificates the fetcher trusts for https "
            "(default: the certifi bundle)."),
    Setting("FETCH_CACHE_SIZE", int, 256, "Same-site pages (e.g. a site's terms page) kept in the in-process "
            "fetch cache; 0 turns it off."),
    Setting("FETCH_CACHE_TTL", float, 600.0, "Seconds a cached same-site fetch (or its failure) is kept."),
    Setting("REGIONS_FILE", str, "", "YAML region vocabulary (country codes per region); default: the "
            "shipped World Bank-style regions."),
    Setting("THEMES_FILE", str, "", "YAML theme vocabulary (keywords per theme); default: the shipped one."),
    Setting("POLICY_DIR", str, "", "Folder of policy files (*.yaml, one policy each, validated at start-up); "
            "default: the shipped policies/ folder."),
    Setting("DEFAULT_POLICY", str, "community", "The policy POST /v1/check uses when a request names none."),
    Setting("DATABASE_URL", str, "sqlite:///clearance.db", "SQLAlchemy URL of the decision records "
            "(e.g. postgresql+psycopg://user@host/db); default: a SQLite file in the working directory."),
    Setting("LOG_LEVEL", str, "INFO", "Log level of the service's own JSON log lines."),
    Setting("AUTH_DISABLED", _bool, False, "true switches API-key checks off (local development only; "
            "logged as a warning at start-up)."),
    Setting("API_KEYS", str, "", "API keys as a YAML/JSON list of {name, sha256 (or key), scopes, policy?}; "
            "see README."),
    Setting("API_KEYS_FILE", str, "", "Path of a YAML/JSON file with more API keys, same format."),
    Setting("RATE_LIMIT", str, "120/minute", "Requests per API key (per client address without auth), "
            "flask-limiter syntax, e.g. 120/minute;2000/hour; empty: no limit."),
    Setting("REDIS_URL", str, "", "Redis URL for the rate-limit counters (shared by all workers); "
            "empty: in memory, per worker."),
    Setting("RATE_LIMIT_PREFIX", str, "clearance", "Prefix of the rate-limit keys in Redis."),
)


def defaults() -> dict[str, Any]:
    """The embedded defaults, as Flask config keys (without the prefix)."""
    return {s.name: s.default for s in SETTINGS}


def from_environ(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Settings given as CLEARANCE_* environment variables, parsed; a bad value names the variable."""
    environ = os.environ if environ is None else environ
    out: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = environ.get(PREFIX + setting.name)
        if raw is None:
            continue
        try:
            out[setting.name] = setting.parse(raw)
        except ValueError as exc:
            raise ValueError(f"{PREFIX}{setting.name}: {exc}") from exc
    return out


def load(test_config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, then environment, then test_config: the last word wins."""
    config = defaults()
    config.update(from_environ())
    if test_config:
        config.update(test_config)
    return config
