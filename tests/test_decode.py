"""decode_report: BOM, header, <meta>, then sniffing; mislabelled pages read as what they are."""
from __future__ import annotations

import codecs

import pytest

from service.decode import charset_from_content_type, decode_html, decode_report

TEXT = "<p>Größe, café, naïve — 10 €</p>"
LATIN9_TEXT = "<p>Größe, café, naïve: 10 €</p>"  # iso-8859-15 has the euro sign but no dashes


def test_the_header_charset_wins_over_meta():
    body = ('<meta charset="utf-8">' + TEXT).encode("cp1252")
    decoded = decode_report(body, "text/html; charset=windows-1252")
    assert TEXT in decoded.text
    assert (decoded.encoding, decoded.source) == ("cp1252", "header")


@pytest.mark.parametrize("meta", ['<meta charset="iso-8859-15">', "<meta charset=iso-8859-15>",
                                  '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-15">'])
def test_meta_charset_when_the_header_has_none(meta):
    decoded = decode_report((meta + LATIN9_TEXT).encode("iso-8859-15"), "text/html")
    assert LATIN9_TEXT in decoded.text
    assert (decoded.encoding, decoded.source) == ("iso8859-15", "meta")


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_a_bom_beats_every_label(bom, codec):
    decoded = decode_report(bom + TEXT.encode(codec), "text/html; charset=iso-8859-1")
    assert decoded.text == TEXT
    assert (decoded.encoding, decoded.source) == (codec, "bom")


def test_latin1_labels_mean_windows_1252():
    assert charset_from_content_type("text/html; charset=ISO-8859-1") == "cp1252"
    assert charset_from_content_type('text/html; charset="us-ascii"') == "cp1252"
    assert decode_html(b"<p>\x93quoted\x94</p>", "text/html; charset=iso-8859-1") == "<p>\u201cquoted\u201d</p>"


def test_utf8_labelled_latin1_is_read_as_utf8_with_a_warning():
    decoded = decode_report(TEXT.encode("utf-8"), "text/html; charset=iso-8859-1")
    assert decoded.text == TEXT
    assert decoded.encoding == "utf-8" and "UTF-8" in (decoded.warning or "")


def test_latin1_labelled_utf8_is_read_as_windows_1252_with_a_warning():
    decoded = decode_report(TEXT.encode("cp1252"), "text/html; charset=utf-8")
    assert decoded.text == TEXT
    assert decoded.encoding == "cp1252" and "not" in (decoded.warning or "")


def test_mostly_utf8_with_one_bad_byte_stays_utf8():
    body = TEXT.encode("utf-8") + b"\xff"
    decoded = decode_report(body, "text/html; charset=utf-8")
    assert decoded.text.startswith(TEXT) and decoded.text.endswith("\ufffd")


def test_unlabelled_pages_are_sniffed():
    assert decode_report(TEXT.encode("utf-8")).encoding == "utf-8"
    assert decode_report(TEXT.encode("cp1252")).text == TEXT


def test_unknown_labels_and_binary_garbage_never_raise():
    assert decode_html(TEXT.encode(), "text/html; charset=klingon") == TEXT
    assert isinstance(decode_html(bytes(range(256)) * 10, "text/html; charset=utf-8"), str)
    assert isinstance(decode_html(b"\x00\xff" * 100, "text/html; charset=utf-16"), str)
