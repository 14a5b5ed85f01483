"""Resolve a host to every address it has, within the fetch deadline, and judge each one.

getaddrinfo cannot be given a timeout, so it runs on a small worker pool and the fetch stops waiting
when the deadline passes. A host is refused when ANY of its addresses is refused: an attacker's DNS
can order its answers however it likes, and the address dialled must be one that was checked.
"""
from __future__ import annotations

import concurrent.futures
import ipaddress
import socket
from collections.abc import Callable

from service.fetch.errors import FetchProblem, UpstreamTimeout, UrlNotAllowed
from service.fetch.netguard import IPAddress, IPNetwork, refusal
from service.fetch.target import Target

Resolver = Callable[[str], list[IPAddress]]
RESOLVER_THREADS = 4
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
                    seconds: float) -> IPAddress:
    """The one address to dial for target: all its addresses checked, the first one chosen."""
    if target.address is not None:
        addresses = [target.address]
    else:
        future = _POOL.submit(resolver, target.host)
        try:
            addresses = future.result(timeout=max(seconds, 0.0))
        except concurrent.futures.TimeoutError as exc:
            raise UpstreamTimeout(f"resolving {target.host} took too long") from exc
        except (OSError, UnicodeError) as exc:
            raise FetchProblem(f"the host {target.host} could not be resolved") from exc
    if not addresses:
        raise FetchProblem(f"the host {target.host} has no address")
    for address in addresses:
        reason = refusal(address, allowed)
        if reason is not None:
            where = target.host if target.address is not None else f"{target.host} (resolved to {address})"
            raise UrlNotAllowed(f"{where} may not be fetched: {reason}")
    chosen = addresses[0]
    # An IPv4-mapped address is dialled as the IPv4 address it is (the same destination, judged as such).
    if isinstance(chosen, ipaddress.IPv6Address) and chosen.ipv4_mapped is not None:
        return chosen.ipv4_mapped
    return chosen
