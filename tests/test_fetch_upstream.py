"""What a permitted upstream can do to the fetcher: redirects, lies, bombs, slowness, wrong types,
charsets. Every server here is local (127.0.0.2, allowed by setting); limits are small so tests are fast."""
from __future__ import annotations

import gzip
import ipaddress
import time
import zlib

import pytest
from fetch_servers import PAGE, Upstream, chunked_forever, drip, gzipped, page, redirect, respond

from service.fetch import FetchProblem, FetchSettings, NotHtml, UpstreamTimeout, UpstreamTooLarge, fetch

CAP = 64 * 1024


@pytest.fixture()
def upstream():
    server = Upstream("127.0.0.2")
    yield server
    server.close()


def settings_for(server: Upstream, **overrides: object) -> FetchSettings:
    values: dict[str, object] = {"allowed_networks": ("127.0.0.2/32",), "allowed_ports": (server.port,),
                                 "connect_timeout": 1.0, "read_timeout": 1.0, "deadline": 3.0, "max_bytes": CAP}
    values.update(overrides)
    return FetchSettings(**values)  # type: ignore[arg-type]


def test_a_plain_page_is_fetched_with_our_headers(upstream):
    upstream.routes["/a"] = page()
    fetched = fetch(upstream.url("/a?x=1#frag"), settings_for(upstream, user_agent="Clearance-test"))
    assert (fetched.status, fetched.url) == (200, upstream.url("/a?x=1"))
    assert "<title>Local page</title>" in fetched.text
    path, headers = upstream.requests[0]
    assert path == "/a?x=1"
    assert headers["User-Agent"] == "Clearance-test"
    assert headers["Accept-Encoding"] == "gzip, deflate"  # never br: it could not be capped


def test_a_host_name_is_sent_as_host_while_its_checked_address_is_dialled(upstream):
    upstream.routes["/"] = page()
    fetched = fetch(f"http://news.test:{upstream.port}/", settings_for(upstream),
                    resolver=lambda host: [ipaddress.ip_address("127.0.0.2")])
    assert fetched.status == 200
    assert upstream.requests[0][1]["Host"] == f"news.test:{upstream.port}"


# --- redirects ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirects_are_followed_and_recorded(upstream, status):
    upstream.routes["/old"] = redirect("/new", status)
    upstream.routes["/new"] = page()
    fetched = fetch(upstream.url("/old"), settings_for(upstream))
    assert fetched.url == upstream.url("/new")
    assert fetched.redirects == (upstream.url("/old"),)


def test_relative_locations_resolve_against_the_current_hop(upstream):
    upstream.routes["/a/b/start"] = redirect("../c/next?k=v")
    upstream.routes["/a/c/next"] = redirect("final")
    upstream.routes["/a/c/final"] = page()
    fetched = fetch(upstream.url("/a/b/start"), settings_for(upstream))
    assert fetched.url == upstream.url("/a/c/final")
    assert [path for path, _ in upstream.requests] == ["/a/b/start", "/a/c/next?k=v", "/a/c/final"]


def test_at_most_max_redirects_are_followed(upstream):
    for hop in range(6):
        upstream.routes[f"/{hop}"] = redirect(f"/{hop + 1}")
    upstream.routes["/6"] = page()
    assert fetch(upstream.url("/1"), settings_for(upstream, max_redirects=5)).url == upstream.url("/6")
    upstream.requests.clear()
    with pytest.raises(FetchProblem, match="more than 5 redirects") as failed:
        fetch(upstream.url("/0"), settings_for(upstream, max_redirects=5))
    assert failed.value.status == 502
    assert len(upstream.requests) == 6  # the first request and five redirects, never a seventh


def test_a_redirect_loop_is_named(upstream):
    upstream.routes["/ping"] = redirect("/pong")
    upstream.routes["/pong"] = redirect("/ping")
    with pytest.raises(FetchProblem, match="loop"):
        fetch(upstream.url("/ping"), settings_for(upstream))
    assert len(upstream.requests) == 2


def test_a_redirect_without_location_and_error_statuses_are_upstream_failures(upstream):
    upstream.routes["/nowhere"] = lambda h: respond(h, b"", None, status=302)
    upstream.routes["/boom"] = lambda h: respond(h, b"<p>oops</p>", status=500)
    upstream.routes["/choices"] = lambda h: respond(h, b"<p>pick</p>", status=300)
    for path, message in (("/nowhere", "without a Location"), ("/boom", "HTTP 500"), ("/missing", "HTTP 404"),
                          ("/choices", "HTTP 300")):
        with pytest.raises(FetchProblem, match=message) as failed:
            fetch(upstream.url(path), settings_for(upstream))
        assert (failed.value.status, failed.value.slug) == (502, "upstream-failed")


# --- size caps and compression -----------------------------------------------------------------------

def test_gzip_pages_are_inflated(upstream):
    upstream.routes["/"] = gzipped(PAGE)
    assert fetch(upstream.url("/"), settings_for(upstream)).text == PAGE.decode()


def test_deflate_wrapped_and_raw_and_stacked_encodings_are_inflated(upstream):
    raw = zlib.compressobj(wbits=-15)
    raw_deflate = raw.compress(PAGE) + raw.flush()
    upstream.routes["/zlib"] = lambda h: respond(h, zlib.compress(PAGE), headers={"Content-Encoding": "deflate"})
    upstream.routes["/raw"] = lambda h: respond(h, raw_deflate, headers={"Content-Encoding": "deflate"})
    upstream.routes["/twice"] = lambda h: respond(h, gzip.compress(gzip.compress(PAGE)),
                                                   headers={"Content-Encoding": "gzip, gzip"})
    for path in ("/zlib", "/raw", "/twice"):
        assert fetch(upstream.url(path), settings_for(upstream)).text == PAGE.decode()


def test_a_gzip_bomb_stops_at_the_decompressed_cap(upstream):
    bomb = gzip.compress(b"<html>" + b"\0" * (20 * 1024 * 1024))  # ~20 KB on the wire, 20 MB inflated
    assert len(bomb) < CAP
    upstream.routes["/"] = lambda h: respond(h, bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(UpstreamTooLarge, match="inflates") as failed:
        fetch(upstream.url("/"), settings_for(upstream))
    assert (failed.value.status, failed.value.slug) == (502, "too-large")


def test_a_deflate_bomb_stops_at_the_cap(upstream):
    bomb = zlib.compress(b"\0" * (20 * 1024 * 1024), 9)
    upstream.routes["/"] = lambda h: respond(h, bomb, headers={"Content-Encoding": "deflate"})
    with pytest.raises(UpstreamTooLarge):
        fetch(upstream.url("/"), settings_for(upstream))


def test_unadvertised_encodings_such_as_brotli_are_refused(upstream):
    upstream.routes["/"] = lambda h: respond(h, b"\x1b\x00\x00", headers={"Content-Encoding": "br"})
    with pytest.raises(FetchProblem, match="'br'") as failed:
        fetch(upstream.url("/"), settings_for(upstream))
    assert failed.value.status == 502


def test_corrupt_gzip_is_an_upstream_failure(upstream):
    upstream.routes["/"] = lambda h: respond(h, b"\x1f\x8b\x08\x00garbage-garbage", headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchProblem, match="corrupt"):
        fetch(upstream.url("/"), settings_for(upstream))


def test_a_declared_length_over_the_cap_is_refused_before_reading(upstream):
    upstream.routes["/"] = lambda h: respond(h, PAGE, length=CAP + 1)
    with pytest.raises(UpstreamTooLarge, match="declares"):
        fetch(upstream.url("/"), settings_for(upstream))


def test_an_undeclared_body_over_the_cap_stops_at_the_cap(upstream):
    upstream.routes["/"] = chunked_forever(seconds=6.0)
    started = time.monotonic()
    with pytest.raises(UpstreamTooLarge, match="over"):
        fetch(upstream.url("/"), settings_for(upstream))
    assert time.monotonic() - started < 2.5  # the upstream would go on for 6 s


def test_a_content_length_that_promises_more_than_is_sent_fails(upstream):
    upstream.routes["/"] = lambda h: respond(h, PAGE, length=len(PAGE) + 500)  # then the server closes
    with pytest.raises(FetchProblem) as failed:
        fetch(upstream.url("/"), settings_for(upstream))
    assert failed.value.status in (502, 504)


def test_a_content_length_smaller_than_the_body_reads_only_what_was_declared(upstream):
    upstream.routes["/"] = lambda h: respond(h, PAGE + b"<script>smuggled</script>" * 100, length=len(PAGE))
    assert fetch(upstream.url("/"), settings_for(upstream)).text == PAGE.decode()


# --- time ------------------------------------------------------------------------------------------

def test_a_slowloris_body_ends_at_the_deadline(upstream):
    upstream.routes["/"] = drip(byte_every=0.05, total_seconds=6.0)
    started = time.monotonic()
    with pytest.raises(UpstreamTimeout) as failed:
        fetch(upstream.url("/"), settings_for(upstream, read_timeout=0.5, deadline=1.0))
    elapsed = time.monotonic() - started
    assert (failed.value.status, failed.value.slug) == (504, "upstream-timeout")
    assert 0.9 <= elapsed < 4.0  # the upstream would drip for 6 s


def test_slowly_dripped_headers_end_at_the_deadline(upstream):
    def drip_headers(handler):
        handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for _ in range(120):
            handler.wfile.write(b"X-Pad: 1\r\n")
            handler.wfile.flush()
            time.sleep(0.05)

    upstream.routes["/"] = drip_headers
    started = time.monotonic()
    with pytest.raises(UpstreamTimeout):
        fetch(upstream.url("/"), settings_for(upstream, read_timeout=0.5, deadline=1.0))
    assert time.monotonic() - started < 4.0  # the headers would drip for 6 s


def test_a_silent_upstream_hits_the_read_timeout(upstream):
    def silent(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.flush()
        time.sleep(5)

    upstream.routes["/"] = silent
    started = time.monotonic()
    with pytest.raises(UpstreamTimeout):
        fetch(upstream.url("/"), settings_for(upstream, read_timeout=0.3, deadline=8.0))
    assert time.monotonic() - started < 3.0  # well before the deadline and the 5 s silence


def test_a_never_ending_page_ends_at_the_deadline_when_under_the_cap(upstream):
    upstream.routes["/"] = chunked_forever(chunk=b"<p>.</p>", seconds=6.0)
    started = time.monotonic()
    with pytest.raises(UpstreamTimeout):
        fetch(upstream.url("/"), settings_for(upstream, max_bytes=512 * 1024 * 1024, deadline=1.0))
    assert time.monotonic() - started < 4.0  # the upstream would stream for 6 s


def test_a_slow_resolver_ends_at_the_deadline(upstream):
    def slow_dns(host):
        time.sleep(2)
        return [ipaddress.ip_address("127.0.0.2")]

    with pytest.raises(UpstreamTimeout, match="resolving"):
        fetch(f"http://slow.test:{upstream.port}/", settings_for(upstream, deadline=0.5), resolver=slow_dns)
    assert upstream.connections == 0


# --- media types and charsets ----------------------------------------------------------------------

@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/json", "text/plain",
                                          "application/octet-stream"])
def test_non_html_types_are_refused_as_not_html(upstream, content_type):
    upstream.routes["/"] = page(b"%PDF-1.7 binary", content_type=content_type)
    with pytest.raises(NotHtml, match=content_type) as failed:
        fetch(upstream.url("/"), settings_for(upstream))
    assert (failed.value.status, failed.value.slug) == (502, "not-html")


def test_xhtml_and_untyped_html_are_accepted_untyped_binary_is_not(upstream):
    upstream.routes["/x"] = page(content_type="application/xhtml+xml; charset=utf-8")
    upstream.routes["/bare"] = page(content_type=None)
    upstream.routes["/blob"] = page(b"\x89PNG\r\n\x1a\n....", content_type=None)
    assert fetch(upstream.url("/x"), settings_for(upstream)).status == 200
    assert "Local page" in fetch(upstream.url("/bare"), settings_for(upstream)).text
    with pytest.raises(NotHtml):
        fetch(upstream.url("/blob"), settings_for(upstream))


@pytest.mark.parametrize("body, content_type, encoding", [
    ("<p>Café crème</p>".encode("iso-8859-1"), "text/html; charset=iso-8859-1", "cp1252"),
    ('<meta charset="windows-1252"><p>Café crème</p>'.encode("cp1252"), "text/html", "cp1252"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>Café crème</p>'.encode("latin-1"),
     "text/html", "cp1252"),
    ("\ufeff<p>Café crème</p>".encode("utf-16-le"), "text/html; charset=iso-8859-1", "utf-16-le"),
    ("<p>Café crème</p>".encode(), "text/html; charset=iso-8859-1", "utf-8"),  # mislabelled UTF-8
])
def test_charsets_from_header_meta_and_bom(upstream, body, content_type, encoding):
    upstream.routes["/"] = page(body, content_type=content_type)
    fetched = fetch(upstream.url("/"), settings_for(upstream))
    assert "Café crème" in fetched.text
    assert fetched.encoding == encoding


def test_mislabelled_utf8_carries_a_warning(upstream):
    upstream.routes["/"] = page("<p>Zürich</p>".encode(), content_type="text/html; charset=iso-8859-1")
    fetched = fetch(upstream.url("/"), settings_for(upstream))
    assert "Zürich" in fetched.text
    assert any("UTF-8" in warning for warning in fetched.warnings)


def test_a_location_with_spaces_is_repaired_not_refused(upstream):
    upstream.routes["/old"] = redirect("/new page")
    upstream.routes["/new%20page"] = page()
    assert fetch(upstream.url("/old"), settings_for(upstream)).url == upstream.url("/new%20page")


def test_a_header_flood_is_an_upstream_failure(upstream):
    def flood(handler):
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
        handler.wfile.write(b"X-Pad: 1\r\n" * 500 + b"\r\n<html></html>")

    upstream.routes["/"] = flood
    with pytest.raises(FetchProblem) as failed:
        fetch(upstream.url("/"), settings_for(upstream))
    assert failed.value.status == 502


def test_garbage_instead_of_http_is_an_upstream_failure(upstream):
    upstream.routes["/"] = lambda handler: handler.wfile.write(b"\x00\xffSSH-2.0-not-http\r\n\r\n")
    with pytest.raises(FetchProblem) as failed:
        fetch(upstream.url("/"), settings_for(upstream))
    assert failed.value.status == 502


def test_an_unreachable_address_falls_back_to_the_hosts_next_checked_one(upstream):
    upstream.routes["/"] = page()
    dead = [ipaddress.ip_address("127.0.0.3"), ipaddress.ip_address("127.0.0.2")]  # nothing listens on .3
    settings = settings_for(upstream, allowed_networks=("127.0.0.2/32", "127.0.0.3/32"))
    fetched = fetch(f"http://two.test:{upstream.port}/", settings, resolver=lambda host: dead)
    assert fetched.status == 200
    with pytest.raises(FetchProblem, match="refused the connection") as failed:
        fetch(f"http://two.test:{upstream.port}/", settings, resolver=lambda host: dead[:1])
    assert failed.value.status == 502
