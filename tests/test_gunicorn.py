"""gunicorn with the committed gunicorn.conf.py: a SIGTERM lets the in-flight request finish.

The service is started for real on a free loopback port; the request in flight fetches a page from a
slow server of the test's own on 127.0.0.1 (allowed explicitly), so it is still running at SIGTERM.
"""
from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
SLOW_SECONDS = 2.0
PAGE = b"<html><head><title>Lighthouse keeper retires</title></head><body><p>After 40 years.</p></body></html>"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SlowPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(SLOW_SECONDS)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def slow_upstream():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def wait_until_up(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read().decode(errors="replace")[-2000:]
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    raise AssertionError("gunicorn did not come up")


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed beside this Python")
def test_sigterm_finishes_the_request_in_flight(slow_upstream, tmp_path):
    port = free_port()
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1",
           "CLEARANCE_AUTH_DISABLED": "true", "CLEARANCE_RATE_LIMIT": "",
           "CLEARANCE_FETCH_ALLOWED_NETWORKS": "127.0.0.0/8",
           "CLEARANCE_FETCH_ALLOWED_PORTS": str(slow_upstream),
           "CLEARANCE_DATABASE_URL": f"sqlite:///{tmp_path / 'decisions.db'}"}
    process = subprocess.Popen([str(GUNICORN), "--config", str(ROOT / "gunicorn.conf.py"), "service:create_app()"],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_until_up(port, process)
        result: dict[str, requests.Response] = {}
        url = f"http://127.0.0.1:{slow_upstream}/news/lighthouse"
        client = threading.Thread(target=lambda: result.setdefault("response", requests.post(
            f"http://127.0.0.1:{port}/v1/extract", json={"url": url}, timeout=30)))
        client.start()
        time.sleep(SLOW_SECONDS / 2)  # the request is now waiting on the slow upstream
        process.send_signal(signal.SIGTERM)
        client.join(timeout=30)
        assert process.wait(timeout=30) == 0
        response = result["response"]
        assert response.status_code == 200, response.text
        assert response.json()["metadata"]["title"] == "Lighthouse keeper retires"
        with pytest.raises(requests.ConnectionError):
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
