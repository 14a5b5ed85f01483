"""Local upstreams for the fetch tests: a scripted HTTP server and a connection-counting canary.

Both listen only on loopback (127.0.0.x or ::1) on a free port, in daemon threads. Upstream answers
each path with a route, a function that writes to the raw socket, so tests can lie about lengths,
drip bytes or never finish. Canary accepts connections, counts them and closes them: a refused URL
must leave its count at zero.
"""
from __future__ import annotations

import gzip
import socket
import ssl
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]
PAGE = b"<!doctype html><html><head><title>Local page</title></head><body><p>Hello</p></body></html>"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class Upstream:
    """An HTTP/1.1 server on host whose paths answer by route; it records every request it reads."""

    def __init__(self, host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> None:
        self.scheme = "https" if tls else "http"
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.connections = 0
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                upstream.requests.append((self.path, dict(self.headers)))
                route = upstream.routes.get(self.path.split("?")[0], not_found)
                try:
                    route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the fetcher hung up, as it should on caps and deadlines
                self.close_connection = True

            def log_message(self, *args: object) -> None:
                pass

        class Server(_Server):
            address_family = socket.AF_INET6 if ":" in host else socket.AF_INET

            def verify_request(self, request: object, client_address: object) -> bool:
                upstream.connections += 1
                return True

        self.server = Server((host, 0), Handler)
        if tls is not None:  # handshakes happen on accept, in the serving thread: fine for tests
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.host = host
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True).start()

    def url(self, path: str = "/") -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Canary:
    """A TCP listener that counts the connections it accepts and closes each at once."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._closed = True
        self.sock.close()


def respond(handler: BaseHTTPRequestHandler, body: bytes, content_type: str | None = "text/html; charset=utf-8",
            status: int = 200, headers: dict[str, str] | None = None, length: int | None = None) -> None:
    """Write a whole response; length overrides Content-Length (to lie), None headers are omitted."""
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body) if length is None else length))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)
    handler.wfile.flush()


def page(body: bytes = PAGE, content_type: str | None = "text/html; charset=utf-8", **kwargs: object) -> Route:
    """A route answering with body."""
    return lambda handler: respond(handler, body, content_type, **kwargs)  # type: ignore[arg-type]


def redirect(location: str, status: int = 302) -> Route:
    """A route that redirects to location."""
    return lambda handler: respond(handler, b"", None, status=status, headers={"Location": location})


def not_found(handler: BaseHTTPRequestHandler) -> None:
    respond(handler, b"<p>no such page</p>", status=404)


def gzipped(body: bytes) -> Route:
    """A route answering with body gzip-compressed, as Content-Encoding: gzip."""
    packed = gzip.compress(body)
    return lambda handler: respond(handler, packed, headers={"Content-Encoding": "gzip"})


def drip(byte_every: float, total_seconds: float) -> Route:
    """A slowloris upstream: headers, then one byte every byte_every seconds for total_seconds."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.flush()
        ends = time.monotonic() + total_seconds
        while time.monotonic() < ends:
            handler.wfile.write(b"<")
            handler.wfile.flush()
            time.sleep(byte_every)

    return route


def chunked_forever(chunk: bytes = b"<p>" + b"x" * 8192 + b"</p>", seconds: float = 5.0) -> Route:
    """An upstream that streams chunks with no declared length, for seconds (an endless page)."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        ends = time.monotonic() + seconds
        while time.monotonic() < ends:
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            handler.wfile.flush()
        handler.wfile.write(b"0\r\n\r\n")

    return route
