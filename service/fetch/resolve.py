"""Resolve a host to every address it has, within the fetch deadline, and judge each one.

getaddrinfo cannot be given a timeout, so it runs on a small worker pool and the fetch stops waiting
when the deadline passes. A host is refused when ANY of its addresses is refused: an attacker's DNS
can order its answers however it likes, and the address dialled must be one that was checked.
"""
from __future__ import annotations

import concurrent.futures
import ipaddress
import logging
import socket
from collections.abc import Callable

from service.fetch.errors import FetchProblem, UpstreamTimeout, UrlNotAllowed
from service.fetch.netguard import IPAddress, IPNetwork, refusal
from service.fetch.target import Target

log = logging.getLogger("clearance.fetch")
Resolver = Callable[[str], list[IPAddress]]
RESOLVER_THREADS = 4
# Addresses of one host tried in turn when a connection cannot be made (an IPv6 address without a
# route, one dead server of several); each try has the connect timeout, all share the deadline.
MAX_DIALS = 3
_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=RESOLVER_THREADS, thread_name_prefix="resolve")


def system_resolver(host: str) -> list[IPAddress]:
    """Every TCP address the system resolver gives for host, in its order, duplicates removed."""
    found: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP):
        text = str(sockaddr[0])
        if len(sockaddr) == 4 and sockaddr[3]:  # an IPv6 scope id: keep it, so the guard can refuse it
            text = f"{text.split('%')[0]}%{sockaddr[3]}"
        address = ipaddress.ip_address(text)
        if address not in found:
            found.append(address)
    return found


def checked_address(target: Target, allowed: tuple[IPNetwork, ...], resolver: Resolver,
                    seconds: float, denied: tuple[IPNetwork, ...] = ()) -> IPAddress:
    """The first address to dial for target, all its addresses checked."""
    return checked_addresses(target, allowed, resolver, seconds, denied)[0]


def checked_addresses(target: Target, allowed: tuple[IPNetwork, ...], resolver: Resolver,
                      seconds: float, denied: tuple[IPNetwork, ...] = ()) -> list[IPAddress]:
    """The addresses to dial for target, in the resolver's order (at most MAX_DIALS), once every
    address the host has was checked: one refused address refuses the host."""
    if target.address is not None:
        addresses = [target.address]
    else:
        future = _POOL.submit(resolver, target.host)
        try:
            addresses = future.result(timeout=max(seconds, 0.0))
        except concurrent.futures.TimeoutError as exc:
            raise UpstreamTimeout(f"resolving {target.host} took too long") from exc
        except (OSError, UnicodeError, ValueError) as exc:
            raise FetchProblem(f"the host {target.host} could not be resolved") from exc
    if not addresses:
        raise FetchProblem(f"the host {target.host} has no address")
    for address in addresses:
        reason = refusal(address, allowed, denied)
        if reason is not None:
            where = target.host if target.address is not None else f"{target.host} (resolved to {address})"
            log.info("fetch refused: %s -> %s: %s", target.url, address, reason)
            raise UrlNotAllowed(f"{where} may not be fetched: {reason}")
    dials: list[IPAddress] = []
    for address in addresses:
        # An IPv4-mapped address is dialled as the IPv4 address it is (the same destination, judged so).
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if address not in dials:
            dials.append(address)
    return dials[:MAX_DIALS]
