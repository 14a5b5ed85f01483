"""https through the pinned connection: the checked IP is dialled, yet SNI and the certificate check
use the URL's host name. The server's certificate is made here, with the openssl command line tool."""
from __future__ import annotations

import ipaddress
import shutil
import ssl
import subprocess

import pytest
from fetch_servers import Upstream, page

from service.fetch import FetchProblem, FetchSettings, fetch

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
HOST = "secure.test"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", str(key),
                    "-out", str(cert), "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}"],
                   check=True, capture_output=True)
    return cert, key


@pytest.fixture()
def secure(certificate):
    cert, key = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    names: list[str | None] = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    server = Upstream("127.0.0.2", tls=context)
    server.routes["/"] = page()
    server.sni_names = names  # type: ignore[attr-defined]
    yield server
    server.close()


def settings_for(server: Upstream, cert) -> FetchSettings:
    return FetchSettings(allowed_networks=("127.0.0.2/32",), allowed_ports=(server.port,), ca_bundle=str(cert),
                         connect_timeout=1.0, read_timeout=1.0, deadline=3.0)


def local(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    return [ipaddress.ip_address("127.0.0.2")]


def test_https_dials_the_pinned_address_with_the_host_names_sni_and_certificate(secure, certificate):
    fetched = fetch(f"https://{HOST}:{secure.port}/", settings_for(secure, certificate[0]), resolver=local)
    assert fetched.status == 200
    assert secure.sni_names == [HOST]
    assert secure.requests[0][1]["Host"] == f"{HOST}:{secure.port}"


def test_a_certificate_for_another_name_is_refused(secure, certificate):
    with pytest.raises(FetchProblem, match="TLS") as failed:
        fetch(f"https://other.test:{secure.port}/", settings_for(secure, certificate[0]), resolver=local)
    assert failed.value.status == 502
    assert secure.requests == []


def test_an_untrusted_certificate_is_refused(secure, certificate):
    settings = settings_for(secure, certificate[0])
    untrusted = FetchSettings(**{**settings.__dict__, "ca_bundle": ""})
    with pytest.raises(FetchProblem, match="TLS"):
        fetch(f"https://{HOST}:{secure.port}/", untrusted, resolver=local)
    assert secure.requests == []
