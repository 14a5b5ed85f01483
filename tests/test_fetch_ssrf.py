"""Server-side request forgery: refused URLs never reach a socket. Canaries on loopback count the
connections they get; every refusal must leave them at zero. Positive controls show that the same
spellings do reach the canary once their network is allowed, so a zero is never vacuous."""
from __future__ import annotations

import ipaddress

import pytest
from fetch_servers import Canary, Upstream, page, redirect

from service.fetch import FetchProblem, FetchSettings, UrlNotAllowed, fetch

V4_SPELLINGS = ["127.0.0.1", "2130706433", "0x7f000001", "017700000001", "127.1", "0x7f.1", "0177.0.0.1",
                "127.0.0.1.", "0.0.0.0", "0", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "localhost",
                "LOCALHOST", "\uff11\uff12\uff17.\uff10.\uff10.\uff11"]
V6_SPELLINGS = ["[::1]", "[0:0:0:0:0:0:0:1]", "[0000::0001]"]
EVERYTHING_LOOPBACK = ("127.0.0.0/8", "0.0.0.0/32", "::1/128")


@pytest.fixture()
def canary():
    listener = Canary("127.0.0.1")
    yield listener
    listener.close()


@pytest.fixture()
def canary6():
    listener = Canary("::1")
    yield listener
    listener.close()


@pytest.fixture()
def upstream():
    server = Upstream("127.0.0.2")
    yield server
    server.close()


def settings_for(*ports: int, networks: tuple[str, ...] = ()) -> FetchSettings:
    return FetchSettings(allowed_networks=networks, allowed_ports=ports, connect_timeout=1.0, read_timeout=1.0,
                         deadline=3.0)


@pytest.mark.parametrize("host", V4_SPELLINGS)
def test_ipv4_loopback_spellings_are_refused_without_connecting(canary, host):
    with pytest.raises(UrlNotAllowed) as refused:
        fetch(f"http://{host}:{canary.port}/", settings_for(canary.port))
    assert refused.value.status == 422
    assert canary.connections == 0


@pytest.mark.parametrize("host", V6_SPELLINGS)
def test_ipv6_loopback_spellings_are_refused_without_connecting(canary6, host):
    with pytest.raises(UrlNotAllowed):
        fetch(f"http://{host}:{canary6.port}/", settings_for(canary6.port))
    assert canary6.connections == 0


@pytest.mark.parametrize("host", V4_SPELLINGS)
def test_control_the_same_ipv4_spellings_do_reach_the_canary_when_allowed(canary, host):
    with pytest.raises(FetchProblem) as failed:  # the canary hangs up: an upstream failure, not a refusal
        fetch(f"http://{host}:{canary.port}/", settings_for(canary.port, networks=EVERYTHING_LOOPBACK))
    assert failed.value.status == 502
    assert canary.connections >= 1


@pytest.mark.parametrize("host", V6_SPELLINGS)
def test_control_the_same_ipv6_spellings_do_reach_the_canary_when_allowed(canary6, host):
    with pytest.raises(FetchProblem):
        fetch(f"http://{host}:{canary6.port}/", settings_for(canary6.port, networks=EVERYTHING_LOOPBACK))
    assert canary6.connections >= 1


@pytest.mark.parametrize("url", ["http://allowed.example@127.0.0.1:{port}/", "http://127.0.0.2@127.0.0.1:{port}/",
                                 "http://[::1%25lo]:{port}/", "http://127.0.0.1:{port}\\@127.0.0.2/",
                                 "https://127.0.0.1:{port}/", "ftp://127.0.0.1:{port}/"])
def test_userinfo_zone_ids_backslashes_and_schemes_are_refused(canary, url):
    """Even with loopback allowed: credentials, zone ids, backslashes and non-http schemes are refused."""
    with pytest.raises(UrlNotAllowed):
        fetch(url.format(port=canary.port), settings_for(canary.port))
    assert canary.connections == 0


def test_a_port_outside_the_allowed_ports_is_refused_even_on_an_allowed_network(canary):
    with pytest.raises(UrlNotAllowed, match="port"):
        fetch(f"http://127.0.0.1:{canary.port}/", settings_for(80, 443, networks=EVERYTHING_LOOPBACK))
    assert canary.connections == 0


@pytest.mark.parametrize("location", [
    "http://127.0.0.1:{port}/", "http://2130706433:{port}/", "http://0x7f000001:{port}/", "http://127.1:{port}/",
    "http://localhost:{port}/", "http://[::ffff:127.0.0.1]:{port}/", "http://0.0.0.0:{port}/",
    "//127.0.0.1:{port}/", "http://user@127.0.0.1:{port}/", "file:///etc/passwd", "gopher://127.0.0.1:{port}/",
])
def test_redirects_to_refused_addresses_never_connect(canary, upstream, location):
    upstream.routes["/jump"] = redirect(location.format(port=canary.port))
    settings = settings_for(upstream.port, canary.port, networks=("127.0.0.2/32",))
    with pytest.raises(UrlNotAllowed, match="redirect"):
        fetch(upstream.url("/jump"), settings)
    assert upstream.connections == 1
    assert canary.connections == 0


def test_a_refused_hop_deep_in_a_chain_is_still_refused(canary, upstream):
    upstream.routes["/1"] = redirect("/2")
    upstream.routes["/2"] = redirect("/3")
    upstream.routes["/3"] = redirect(f"http://127.1:{canary.port}/")
    with pytest.raises(UrlNotAllowed):
        fetch(upstream.url("/1"), settings_for(upstream.port, canary.port, networks=("127.0.0.2/32",)))
    assert [path for path, _ in upstream.requests] == ["/1", "/2", "/3"]
    assert canary.connections == 0


def test_a_host_is_refused_when_any_resolved_address_is_refused(canary, upstream):
    answers = [ipaddress.ip_address("127.0.0.2"), ipaddress.ip_address("127.0.0.1")]
    with pytest.raises(UrlNotAllowed, match="127.0.0.1"):
        fetch(f"http://mixed.test:{upstream.port}/", settings_for(upstream.port, networks=("127.0.0.2/32",)),
              resolver=lambda host: answers)
    assert upstream.connections == 0
    assert canary.connections == 0


def test_the_checked_address_is_the_one_dialled_no_rebinding(upstream):
    """The resolver answers an allowed address once, then a forbidden one: only the first is ever used,
    and the Host header still names the host, not the address."""
    rebound = Canary("127.0.0.3")
    calls: list[str] = []

    def rebinding_resolver(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        calls.append(host)
        return [ipaddress.ip_address("127.0.0.2" if len(calls) == 1 else "127.0.0.3")]

    upstream.routes["/"] = page()
    try:
        fetched = fetch(f"http://rebind.test:{upstream.port}/", settings_for(upstream.port, rebound.port,
                        networks=("127.0.0.2/32", "127.0.0.3/32")), resolver=rebinding_resolver)
    finally:
        rebound.close()
    assert fetched.status == 200
    assert calls == ["rebind.test"]
    assert rebound.connections == 0
    assert upstream.requests[0][1]["Host"] == f"rebind.test:{upstream.port}"
    assert fetched.url == f"http://rebind.test:{upstream.port}/"


def test_environment_proxies_are_ignored(upstream, monkeypatch, canary):
    """A proxy from the environment would dial an address nobody checked: the fetcher never uses one."""
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{canary.port}")
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{canary.port}")
    upstream.routes["/"] = page()
    assert fetch(upstream.url("/"), settings_for(upstream.port, networks=("127.0.0.2/32",))).status == 200
    assert canary.connections == 0


def test_operator_denied_networks_win_over_allowed_ones(canary, upstream):
    upstream.routes["/"] = page()
    settings = settings_for(canary.port, upstream.port, networks=("127.0.0.0/8",))
    denied = FetchSettings(**{**settings.__dict__, "denied_networks": ("127.0.0.1/32",)})
    with pytest.raises(UrlNotAllowed, match="denied by the operator"):
        fetch(f"http://127.0.0.1:{canary.port}/", denied)
    with pytest.raises(UrlNotAllowed, match="denied by the operator"):
        fetch(f"http://[::ffff:127.0.0.1]:{canary.port}/", denied)
    assert canary.connections == 0
    assert fetch(upstream.url("/"), denied).status == 200  # the rest of the allowed range still works
