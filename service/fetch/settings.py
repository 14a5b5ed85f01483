"""FetchSettings: the fetcher's limits, read once from the service configuration."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_PORTS = (80, 443, 8080, 8443)


@dataclass(frozen=True)
class FetchSettings:
    """Everything a fetch may do: where it may connect, how long it may take, how much it may read."""

    allowed_networks: tuple[str, ...] = ()
    denied_networks: tuple[str, ...] = ()
    allowed_ports: tuple[int, ...] = DEFAULT_PORTS
    connect_timeout: float = 3.0
    read_timeout: float = 10.0
    deadline: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = "Clearance"
    ca_bundle: str = ""  # PEM file of trusted CAs for https; empty: certifi's bundle
    cache_size: int = 256
    cache_ttl: float = 600.0

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> FetchSettings:
        """The settings from a Flask config (keys without the CLEARANCE_ prefix)."""
        return cls(allowed_networks=tuple(config["FETCH_ALLOWED_NETWORKS"]),
                   denied_networks=tuple(config.get("FETCH_DENIED_NETWORKS", ())),
                   allowed_ports=tuple(config["FETCH_ALLOWED_PORTS"]),
                   connect_timeout=config["FETCH_CONNECT_TIMEOUT"], read_timeout=config["FETCH_READ_TIMEOUT"],
                   deadline=config["FETCH_DEADLINE"], max_bytes=config["FETCH_MAX_BYTES"],
                   max_redirects=config["FETCH_MAX_REDIRECTS"], user_agent=config["FETCH_USER_AGENT"],
                   ca_bundle=config.get("FETCH_CA_BUNDLE", cls.ca_bundle),
                   cache_size=config.get("FETCH_CACHE_SIZE", cls.cache_size),
                   cache_ttl=config.get("FETCH_CACHE_TTL", cls.cache_ttl))
