"""Which IP addresses the fetcher may connect to: public unicast only, unless the operator allows more.

Every address a host resolves to is judged here, on every redirect hop, before any connection is made,
and the connection then dials exactly the address judged (see `pinned`). IPv6 forms that carry an IPv4
address (IPv4-mapped, IPv4-compatible, 6to4, NAT64, Teredo) are judged by the address they carry too.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Named non-public ranges (RFC 6890 and successors). Anything else that Python does not call global is
# refused too ("not a public address"); the names only make refusals readable.
DENIED_NETWORKS: tuple[tuple[str, str], ...] = (
    ("0.0.0.0/8", "unspecified ('this network')"),
    ("10.0.0.0/8", "private"),
    ("100.64.0.0/10", "carrier-grade NAT"),
    ("127.0.0.0/8", "loopback"),
    ("169.254.0.0/16", "link-local (cloud metadata)"),
    ("172.16.0.0/12", "private"),
    ("192.0.0.0/24", "IETF protocol assignments"),
    ("192.0.2.0/24", "documentation"),
    ("192.88.99.0/24", "6to4 relay anycast"),
    ("192.168.0.0/16", "private"),
    ("198.18.0.0/15", "benchmarking"),
    ("198.51.100.0/24", "documentation"),
    ("203.0.113.0/24", "documentation"),
    ("224.0.0.0/4", "multicast"),
    ("255.255.255.255/32", "broadcast"),  # inside 240/4: listed first, the more specific name
    ("240.0.0.0/4", "reserved"),
    ("::/128", "unspecified"),
    ("::1/128", "loopback"),
    ("::/96", "IPv4-compatible (deprecated)"),
    ("::ffff:0:0:0/96", "IPv4-translated (SIIT)"),
    ("64:ff9b:1::/48", "local-use NAT64"),
    ("100::/64", "discard-only"),
    ("2001::/23", "IETF protocol assignments"),
    ("2001:db8::/32", "documentation"),
    ("3fff::/20", "documentation"),
    ("5f00::/16", "segment routing (SRv6)"),
    ("fc00::/7", "unique local (private)"),
    ("fe80::/10", "link-local"),
    ("fec0::/10", "site-local (deprecated)"),
    ("ff00::/8", "multicast"),
)
_DENIED = tuple((ipaddress.ip_network(cidr), reason) for cidr, reason in DENIED_NETWORKS)
NAT64_WELL_KNOWN = ipaddress.IPv6Network("64:ff9b::/96")
# All IPv6 global unicast is allocated from 2000::/3; anything else public is NAT64 (checked above).
IPV6_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")


@lru_cache(maxsize=64)
def parse_networks(cidrs: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    """The operator's allowed networks; a bad CIDR is a configuration error, raised as ValueError."""
    return tuple(ipaddress.ip_network(cidr.strip(), strict=False) for cidr in cidrs if cidr.strip())


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64, Teredo server-side), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in NAT64_WELL_KNOWN:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.teredo is not None:
        return address.teredo[1]
    return None


def _in_any(address: IPAddress, networks: Iterable[IPNetwork]) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def refusal(address: IPAddress, allowed: tuple[IPNetwork, ...] = (),
            denied: tuple[IPNetwork, ...] = ()) -> str | None:
    """Why the fetcher may not connect to address, or None when it may.

    The operator's denied networks win over everything (their own public services, say); then the
    operator's allowed networks; then the built-in non-public ranges. An IPv4-mapped address is the
    IPv4 address itself (the kernel dials that), so it is judged as one. Other embedding forms are
    refused when the IPv4 address they carry would be.
    """
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return refusal(address.ipv4_mapped, allowed, denied)
    if _in_any(address, denied):
        return "denied by the operator"
    if _in_any(address, allowed):
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.scope_id:
        return "an IPv6 zone id"
    if isinstance(address, ipaddress.IPv6Address):
        inner = embedded_ipv4(address)
        if inner is not None:
            reason = refusal(inner, allowed, denied)
            if reason is not None:
                return f"embeds {inner}: {reason}"
    for network, reason in _DENIED:
        if address.version == network.version and address in network:
            return reason
    if not address.is_global or address.is_multicast:
        return "not a public address"
    if (isinstance(address, ipaddress.IPv6Address) and address not in IPV6_GLOBAL_UNICAST
            and address not in NAT64_WELL_KNOWN):
        return "not IPv6 global unicast (outside 2000::/3)"
    return None
