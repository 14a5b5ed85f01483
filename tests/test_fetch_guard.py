"""The URL parser and the address policy on their own: no network, every verdict checked."""
from __future__ import annotations

import ipaddress

import pytest

from service.fetch import FetchSettings, UrlNotAllowed
from service.fetch.netguard import embedded_ipv4, parse_networks, refusal
from service.fetch.resolve import checked_address
from service.fetch.target import parse_target

PORTS = (80, 443, 8080, 8443)

LOOPBACK_SPELLINGS = ["http://127.0.0.1/", "http://2130706433/", "http://0x7f000001/", "http://0X7F000001/",
                      "http://017700000001/", "http://127.1/", "http://127.0.1/", "http://0x7f.1/",
                      "http://0177.0.0.1/", "http://0x7f.0x0.0x0.0x1/", "http://127.0.0.1./",
                      "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/", "http://127\u30020\u30020\u30021/"]


@pytest.mark.parametrize("url", LOOPBACK_SPELLINGS)
def test_every_ipv4_spelling_is_read_as_the_address_it_denotes(url):
    target = parse_target(url, PORTS)
    assert target.address == ipaddress.IPv4Address("127.0.0.1")
    assert target.url == "http://127.0.0.1/"


@pytest.mark.parametrize("url, address", [
    ("http://[::1]/", "::1"), ("http://[0:0:0:0:0:0:0:1]/", "::1"), ("http://[0000::0001]/", "::1"),
    ("http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"), ("http://0.0.0.0/", "0.0.0.0"), ("http://0/", "0.0.0.0"),
])
def test_ip_literals_are_canonical(url, address):
    assert parse_target(url, PORTS).address == ipaddress.ip_address(address)


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "only http and https"), ("gopher://example.org/", "only http and https"),
    ("//example.org/", "only http and https"), ("http://user@example.org/", "credentials"),
    ("http://example.org@127.0.0.1/", "credentials"), ("http://a:b@example.org/", "credentials"),
    ("http://[::1%25lo]/", "zone id"), ("http://[fe80::1%eth0]/", "zone id"), ("http://example.org:22/", "port 22"),
    ("http://example.org:0/", "not a port"), ("http://example.org:99999/", "not a port"),
    ("http://example.org\\@127.0.0.1/", "backslash"), ("http://exa mple.org/", "whitespace"),
    ("http://example.org/\r\nX-Evil: 1", "control"), ("http://1.2.3.4.5/", "IPv4"), ("http://256.0.0.1/", "IPv4"),
    ("http://08/", "IPv4"), ("http://0x/", "0.0.0.0"), ("http:///path", "host name"), ("http://-bad-.org/", "host"),
    ("http://[::1/", "parsed"), ("http://::1/", "brackets"), ("http://[::1]junk/", "after its IPv6"),
])
def test_refused_urls_name_their_fault(url, reason):
    try:
        target = parse_target(url, PORTS)
    except UrlNotAllowed as exc:
        assert reason.lower() in exc.detail.lower()
        assert exc.status == 422 and exc.slug == "url-not-allowed"
        return
    # "http://0x/" is a valid spelling of 0.0.0.0: parsed, then refused by the address policy
    assert str(target.address) == reason
    assert refusal(target.address) is not None


def test_international_names_are_mapped_and_the_fragment_dropped():
    target = parse_target("https://B\u00dcCHER.example:8443/a/b?q=1#frag", PORTS)
    assert (target.host, target.port, target.path) == ("xn--bcher-kva.example", 8443, "/a/b?q=1")
    assert target.url == "https://xn--bcher-kva.example:8443/a/b?q=1"
    assert parse_target("HTTP://Example.ORG", PORTS).url == "http://example.org/"


@pytest.mark.parametrize("address, reason", [
    ("127.0.0.1", "loopback"), ("127.255.0.9", "loopback"), ("10.1.2.3", "private"), ("172.16.5.4", "private"),
    ("192.168.1.1", "private"), ("169.254.169.254", "link-local"), ("100.64.0.1", "carrier-grade NAT"),
    ("100.127.255.254", "carrier-grade NAT"), ("0.0.0.0", "unspecified"), ("224.0.0.1", "multicast"),
    ("239.255.255.250", "multicast"), ("240.0.0.1", "reserved"), ("255.255.255.255", "broadcast"),
    ("198.18.0.1", "benchmarking"), ("192.0.2.10", "documentation"), ("::1", "loopback"), ("::", "unspecified"),
    ("fe80::1", "link-local"), ("fc00::1", "unique local"), ("fd12:3456::1", "unique local"),
    ("ff02::1", "multicast"), ("fec0::1", "site-local"), ("2001:db8::1", "documentation"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:169.254.169.254", "link-local"), ("::127.0.0.1", "IPv4-compatible"),
    ("2002:7f00:1::", "embeds 127.0.0.1"), ("2002:a9fe:a9fe::1", "embeds 169.254.169.254"),
    ("64:ff9b::7f00:1", "embeds 127.0.0.1"), ("64:ff9b::a00:1", "embeds 10.0.0.1"), ("64:ff9b:1::1", "NAT64"),
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "embeds 127.0.0.1"), ("::ffff:0:7f00:1", "IPv4-translated"),
    ("3fff::1", "documentation"), ("5f00::1", "SRv6"), ("4000::1", "outside 2000::/3"),
])
def test_non_public_addresses_are_refused_with_a_reason(address, reason):
    verdict = refusal(ipaddress.ip_address(address))
    assert verdict is not None and reason.lower() in verdict.lower()


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111",
                                     "::ffff:8.8.8.8", "64:ff9b::808:808"])
def test_public_addresses_are_allowed(address):
    assert refusal(ipaddress.ip_address(address)) is None


def test_allowed_networks_open_exactly_their_range():
    allowed = parse_networks(("127.0.0.2/32", "fd00::/8"))
    assert refusal(ipaddress.ip_address("127.0.0.2"), allowed) is None
    assert refusal(ipaddress.ip_address("::ffff:127.0.0.2"), allowed) is None  # the same destination
    assert refusal(ipaddress.ip_address("fd00::5"), allowed) is None
    assert refusal(ipaddress.ip_address("127.0.0.3"), allowed) == "loopback"
    assert refusal(ipaddress.ip_address("10.0.0.1"), allowed) == "private"


def test_bad_allowed_network_is_a_configuration_error():
    with pytest.raises(ValueError):
        parse_networks(("not-a-cidr",))


def test_embedded_ipv4_forms():
    assert embedded_ipv4(ipaddress.IPv6Address("::ffff:10.0.0.1")) == ipaddress.IPv4Address("10.0.0.1")
    assert embedded_ipv4(ipaddress.IPv6Address("2002:0a00:0001::")) == ipaddress.IPv4Address("10.0.0.1")
    assert embedded_ipv4(ipaddress.IPv6Address("64:ff9b::0a00:0001")) == ipaddress.IPv4Address("10.0.0.1")
    assert embedded_ipv4(ipaddress.IPv6Address("2606:4700::1")) is None


@pytest.mark.parametrize("answers", [
    ["169.254.169.254"], ["10.0.0.7"], ["100.64.1.1"], ["93.184.215.14", "192.168.0.1"],
    ["2606:4700::1", "fe80::1%2"], ["93.184.215.14", "::ffff:127.0.0.1"],
])
def test_a_host_is_refused_when_any_of_its_addresses_is(answers):
    """checked_address judges what the resolver says, before any socket exists."""
    target = parse_target("http://news.example/", PORTS)
    resolver = lambda host: [ipaddress.ip_address(a) for a in answers]
    with pytest.raises(UrlNotAllowed, match="news.example"):
        checked_address(target, (), resolver, 1.0)


def test_the_first_checked_address_is_the_one_dialled_and_mapped_forms_dial_ipv4():
    target = parse_target("http://news.example/", PORTS)
    public = [ipaddress.ip_address("93.184.215.14"), ipaddress.ip_address("2606:4700::1")]
    assert checked_address(target, (), lambda host: public, 1.0) == public[0]
    mapped = [ipaddress.ip_address("::ffff:8.8.8.8")]
    assert checked_address(target, (), lambda host: mapped, 1.0) == ipaddress.IPv4Address("8.8.8.8")


def test_settings_from_config_read_every_fetch_key(make_app):
    app = make_app(FETCH_ALLOWED_NETWORKS=("127.0.0.2/32",), FETCH_ALLOWED_PORTS=(9000,), FETCH_DEADLINE=1.5)
    settings = FetchSettings.from_config(app.config)
    assert settings.allowed_networks == ("127.0.0.2/32",)
    assert settings.allowed_ports == (9000,)
    assert settings.deadline == 1.5


def test_network_settings_are_checked_when_read_from_the_environment():
    from service.config import from_environ

    parsed = from_environ({"CLEARANCE_FETCH_ALLOWED_NETWORKS": "127.0.0.2/32, ::1/128",
                           "CLEARANCE_FETCH_DENIED_NETWORKS": "203.0.113.0/24"})
    assert parsed["FETCH_ALLOWED_NETWORKS"] == ("127.0.0.2/32", "::1/128")
    assert parsed["FETCH_DENIED_NETWORKS"] == ("203.0.113.0/24",)
    with pytest.raises(ValueError, match="CLEARANCE_FETCH_ALLOWED_NETWORKS"):
        from_environ({"CLEARANCE_FETCH_ALLOWED_NETWORKS": "10.0.0.0/33"})
