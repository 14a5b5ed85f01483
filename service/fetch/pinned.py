"""Dial the address that was checked, and nothing else; cut the connection when the deadline passes.

`PinnedAdapter` is a requests transport adapter for one hop: its connection pool's host is the checked
IP address, so no second DNS lookup can happen (no DNS-rebinding window), while the Host header, TLS SNI
and certificate verification still use the URL's host name. `DeadlineGuard` shuts every socket of a
fetch down when the overall deadline passes, so an upstream that drips bytes (slowloris) or never ends
cannot outlive it even though each single read is within the read timeout.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from typing import Any

from requests import PreparedRequest
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from service.fetch.netguard import IPAddress
from service.fetch.target import Target


class DeadlineGuard:
    """The overall deadline of one fetch, enforced on every socket it opens."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expires_at = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._watched: list[tuple[threading.Timer, socket.socket]] = []

    def remaining(self) -> float:
        """Seconds left before the deadline (negative once it has passed)."""
        return self.expires_at - time.monotonic()

    def watch(self, sock: socket.socket) -> None:
        """Shut sock down at the deadline. A duplicate descriptor is kept, because TLS wrapping detaches
        the original socket object; shutdown acts on the connection, whichever descriptor names it."""
        duplicate = socket.socket(fileno=os.dup(sock.fileno()))
        timer = threading.Timer(max(self.remaining(), 0.0), self._cut, (duplicate,))
        timer.daemon = True
        with self._lock:
            self._watched.append((timer, duplicate))
        timer.start()

    def _cut(self, sock: socket.socket) -> None:
        self.expired = True
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed by the peer or by us

    def close(self) -> None:
        """Stop the timers and release the duplicate descriptors (call once, when the fetch is over)."""
        with self._lock:
            watched, self._watched = self._watched, []
        for timer, duplicate in watched:
            timer.cancel()
            duplicate.close()


class _GuardedHTTPConnection(HTTPConnection):
    def __init__(self, *args: Any, guard: DeadlineGuard, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._guard = guard

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        self._guard.watch(sock)
        return sock


class _GuardedHTTPSConnection(HTTPSConnection):
    def __init__(self, *args: Any, guard: DeadlineGuard, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._guard = guard

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        self._guard.watch(sock)
        return sock


class _PinnedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _PinnedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class PinnedAdapter(HTTPAdapter):
    """A transport adapter for one request to target that connects only to address."""

    def __init__(self, target: Target, address: IPAddress, guard: DeadlineGuard) -> None:
        super().__init__(max_retries=0, pool_connections=1, pool_maxsize=1)
        self.target = target
        self.address = address
        self.guard = guard
        self._pools: list[HTTPConnectionPool] = []

    def get_connection_with_tls_context(self, request: PreparedRequest, verify: Any,
                                        proxies: Any = None, cert: Any = None) -> HTTPConnectionPool:
        """A fresh pool whose host is the pinned address; proxies are never used."""
        pool: HTTPConnectionPool
        if self.target.scheme == "https":
            # SNI and the certificate check use the host name; an IP literal is checked as itself.
            server_hostname = None if self.target.address is not None else self.target.host
            pool = _PinnedHTTPSPool(str(self.address), self.target.port, maxsize=1,
                                    server_hostname=server_hostname, guard=self.guard)
        else:
            pool = _PinnedHTTPPool(str(self.address), self.target.port, maxsize=1, guard=self.guard)
        self._pools.append(pool)
        return pool

    def get_connection(self, url: str | bytes, proxies: Any = None) -> HTTPConnectionPool:  # pragma: no cover
        raise NotImplementedError("PinnedAdapter only dials through get_connection_with_tls_context")

    def close(self) -> None:
        """Close the pools this adapter opened."""
        super().close()
        for pool in self._pools:
            pool.close()
        self._pools.clear()
