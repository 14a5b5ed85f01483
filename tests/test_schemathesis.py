"""The committed openapi.yaml, fuzzed against the WSGI app by schemathesis with every check on.

Auth is ON (a key with every scope), so `ignored_auth` verifies that leaving the key out is refused.
Generated URLs must never leave the machine: a socket guard refuses every non-loopback name and
address for the duration, so a fetch of a generated URL fails (502/422) instead of going out.
"""
from __future__ import annotations

import ipaddress
import json
import socket
from pathlib import Path

import pytest
import schemathesis
from conftest import TEST_CONFIG
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from service import create_app

ROOT = Path(__file__).resolve().parent.parent
KEY = "contract-key-0123456789abcdef"
KEYS = json.dumps([{"name": "contract", "key": KEY, "scopes": ["extract", "check", "admin"]}])
EXAMPLES_PER_OPERATION = 250  # x 7 operations; the ones without inputs saturate early
# A valid request may still name a URL that cannot be fetched, or a policy that does not exist.
ACCEPTED_FOR_VALID_INPUT = [200, 404, 422, 502, 504]
CONFIG = SchemathesisConfig.from_dict({
    "checks": {"positive_data_acceptance": {"expected-statuses": ACCEPTED_FOR_VALID_INPUT}},
    "generation": {"mode": "all"},
})

app = create_app({**TEST_CONFIG, "AUTH_DISABLED": False, "API_KEYS": KEYS})
schema = schemathesis.openapi.from_path(ROOT / "openapi.yaml", config=CONFIG)
schema.app = app  # requests go through the WSGI app in process
REQUESTS: list[str] = []


def _loopback(host: object) -> bool:
    if host in ("localhost", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True, scope="module")
def no_traffic_off_the_machine():
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

    def getaddrinfo(host, *args, **kwargs):
        if not _loopback(host.decode() if isinstance(host, bytes) else host):
            raise socket.gaierror(socket.EAI_NONAME, "contract tests resolve loopback names only")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(sock, address):
        if isinstance(address, tuple) and not _loopback(address[0]):
            raise ConnectionRefusedError("contract tests connect to loopback only")
        return real_connect(sock, address)

    socket.getaddrinfo, socket.socket.connect = getaddrinfo, connect
    yield
    socket.getaddrinfo, socket.socket.connect = real_getaddrinfo, real_connect


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None,
          suppress_health_check=list(HealthCheck))
def test_api_matches_its_contract(case):
    REQUESTS.append(case.operation.label)
    case.call_and_validate(headers={"Authorization": f"Bearer {KEY}"})


def test_the_contract_run_made_at_least_1000_requests():
    if not REQUESTS:
        pytest.skip("the schemathesis tests were not selected in this run")
    print(f"schemathesis: {len(REQUESTS)} generated requests")
    assert len(REQUESTS) >= 1000, f"only {len(REQUESTS)} generated requests"
