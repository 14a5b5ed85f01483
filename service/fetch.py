"""The safe fetcher (interface; the address checks and caps land in the fetch work item)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from service.problems import Problem


class FetchProblem(Problem):
    status = 502
    slug = "upstream-failed"
    title = "Upstream fetch failed"


@dataclass(frozen=True)
class FetchSettings:
    allowed_networks: tuple[str, ...] = ()
    allowed_ports: tuple[int, ...] = (80, 443, 8080, 8443)
    connect_timeout: float = 3.0
    read_timeout: float = 10.0
    deadline: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = "Clearance"

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> FetchSettings:
        return cls(allowed_networks=tuple(config["FETCH_ALLOWED_NETWORKS"]),
                   allowed_ports=tuple(config["FETCH_ALLOWED_PORTS"]),
                   connect_timeout=config["FETCH_CONNECT_TIMEOUT"], read_timeout=config["FETCH_READ_TIMEOUT"],
                   deadline=config["FETCH_DEADLINE"], max_bytes=config["FETCH_MAX_BYTES"],
                   max_redirects=config["FETCH_MAX_REDIRECTS"], user_agent=config["FETCH_USER_AGENT"])


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL, after redirects
    status: int
    headers: dict[str, str]
    text: str


def fetch(url: str, settings: FetchSettings) -> Fetched:
    raise FetchProblem("fetching is not available yet")
