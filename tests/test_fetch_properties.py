"""Properties of the URL parser over generated input: it only ever refuses with UrlNotAllowed, its
canonical URLs parse back to themselves, and every spelling of an IPv4 address denotes that address."""
from __future__ import annotations

import ipaddress

from hypothesis import given, settings
from hypothesis import strategies as st

from service.fetch import UrlNotAllowed
from service.fetch.target import parse_target

PORTS = tuple(range(1, 65536))
URL_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))


@settings(max_examples=300, deadline=None)
@given(st.text(URL_ALPHABET, max_size=60).map(lambda rest: "http://" + rest))
def test_any_text_parses_or_is_refused_cleanly(url):
    try:
        target = parse_target(url, PORTS)
    except UrlNotAllowed:
        return
    assert parse_target(target.url, PORTS) == target


def _spell(number: int, style: str) -> str:
    return {"dec": str(number), "hex": hex(number), "oct": "0" + oct(number)[2:] if number else "0"}[style]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 4), st.lists(st.sampled_from(["dec", "hex", "oct"]),
                                                              min_size=4, max_size=4))
def test_every_ipv4_spelling_denotes_its_address(value, parts, styles):
    packed = value.to_bytes(4, "big")
    numbers = list(packed[:parts - 1]) + [int.from_bytes(packed[parts - 1:], "big")]
    host = ".".join(_spell(number, style) for number, style in zip(numbers, styles, strict=False))
    assert parse_target(f"http://{host}/", PORTS).address == ipaddress.IPv4Address(value)
