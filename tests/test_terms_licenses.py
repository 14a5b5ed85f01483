"""The Creative Commons catalogue: licence URLs and names to ids, and what each licence implies."""
from __future__ import annotations

import pytest

from service.terms import licenses


@pytest.mark.parametrize(("url", "expected"), [
    ("https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0"),
    ("http://creativecommons.org/licenses/by-nc-sa/3.0/de/", "CC-BY-NC-SA-3.0-DE"),
    ("https://creativecommons.org/licenses/by-nc-sa/2.0/de/deed.de", "CC-BY-NC-SA-2.0-DE"),
    ("https://creativecommons.org/licenses/by-sa/2.5/ch/legalcode.de", "CC-BY-SA-2.5-CH"),
    ("https://creativecommons.org/licenses/by-nd/3.0/us/", "CC-BY-ND-3.0-US"),
    # the unported deed in German is still the unported licence: deed.de is a language, not a port
    ("https://creativecommons.org/licenses/by/3.0/deed.de", "CC-BY-3.0"),
    ("http://creativecommons.org/licenses/by-nc-nd/4.0/legalcode", "CC-BY-NC-ND-4.0"),
    ("//creativecommons.org/licenses/by-sa/4.0/deed.es", "CC-BY-SA-4.0"),
    ("https://i.creativecommons.org/l/by-nc/3.0/at/88x31.png", "CC-BY-NC-3.0-AT"),
    ("http://creativecommons.org/licenses/by-nc-sa/3.0", "CC-BY-NC-SA-3.0"),
    ("https://creativecommons.org/licenses/by/", "CC-BY"),  # never invent a version
    ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
    ("https://creativecommons.org/publicdomain/mark/1.0/deed.fr", "PDM-1.0"),
    ("https://creativecommons.org/licenses/by-nd-nc/1.0/", "CC-BY-NC-ND-1.0"),
])
def test_licence_urls_name_their_licence_version_and_port(url, expected):
    assert licenses.from_url(url).id == expected


@pytest.mark.parametrize("url", [
    "https://creativecommons.org/about/", "https://search.creativecommons.org/?lang=de",
    "https://creativecommons.org/licenses/by-nd-sa/4.0/", "https://example.org/licenses/by/4.0/",
    "https://wiki.creativecommons.org/wiki/Austria", "https://creativecommons.org/publicdomain/other/1.0/",
])
def test_other_creativecommons_addresses_are_no_licence(url):
    assert licenses.from_url(url) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("CC BY-NC-SA 3.0 DE", "CC-BY-NC-SA-3.0-DE"),
    ("licensed CC-BY 4.0", "CC-BY-4.0"),
    ("LICENSED UNDER CC BY NC ND", "CC-BY-NC-ND"),
    ("cc by-sa 4.0", "CC-BY-SA-4.0"),
    ("Creative Commons Attribution-ShareAlike 4.0 International License", "CC-BY-SA-4.0"),
    ("Creative Commons Attribution-NonCommercial 3.0 Unported", "CC-BY-NC-3.0"),
    ("Creative Commons Attribution-NoDerivs 3.0 United States", "CC-BY-ND-3.0-US"),
    ("Creative Commons Namensnennung - Nicht kommerziell - Keine Bearbeitungen 4.0 International",
     "CC-BY-NC-ND-4.0"),
    ("Creative Commons Namensnennung - Weitergabe unter gleichen Bedingungen 3.0 Deutschland", "CC-BY-SA-3.0-DE"),
    ("Creative Commons Namensnennung 2.5 Schweiz", "CC-BY-2.5-CH"),
    ("Creative Commons Reconocimiento-NoComercial-CompartirIgual 3.0 España", "CC-BY-NC-SA-3.0-ES"),
    ("Creative Commons Atribución 4.0 Internacional", "CC-BY-4.0"),
    ("Creative Commons Attribution - Pas d'Utilisation Commerciale - Pas de Modification 4.0 International",
     "CC-BY-NC-ND-4.0"),
    ("Creative Commons Paternité - Partage dans les Mêmes Conditions 2.0 France", "CC-BY-SA-2.0-FR"),
    ("Creative Commons Attribuzione - Non commerciale - Condividi allo stesso modo 3.0 Italia",
     "CC-BY-NC-SA-3.0-IT"),
    ("Creative Commons BY-NC-SA 4.0.", "CC-BY-NC-SA-4.0"),
    ("CC0 1.0", "CC0-1.0"),
    ("Public Domain Mark 1.0", "PDM-1.0"),
])
def test_licence_names_in_five_languages(text, expected):
    assert licenses.from_name(text).id == expected


@pytest.mark.parametrize("text", ["the CCBY-bus", "Creative Commons is a nonprofit", "acc by train", ""])
def test_text_without_a_licence_name_names_none(text):
    assert licenses.from_name(text) is None


@pytest.mark.parametrize(("licence_id", "commercial", "derivatives", "share_alike", "changes"), [
    ("CC-BY-4.0", "allowed", "allowed", False, True),
    ("CC-BY-SA-3.0-DE", "allowed", "allowed", True, True),
    ("CC-BY-NC-3.0", "prohibited", "allowed", False, True),
    ("CC-BY-ND-2.0", "allowed", "prohibited", False, False),
    ("CC-BY-NC-SA-2.5-CH", "prohibited", "allowed", True, True),
    ("CC-BY-NC-ND-4.0", "prohibited", "prohibited", False, False),
])
def test_each_licence_implies_its_permissions_and_tasl_duties(licence_id, commercial, derivatives, share_alike,
                                                                changes):
    consequences = licenses.describe(licenses.from_name(licence_id.replace("-", " ")))
    assert (consequences.commercial_use, consequences.derivatives, consequences.share_alike) == (
        commercial, derivatives, share_alike)
    duties = [d.type for d in consequences.duties]
    assert set(licenses.TASL_DUTIES) <= set(duties)
    assert ("indicate-changes" in duties) is changes
    prohibited = {r.action for r in consequences.prohibitions}
    assert ("modify" in prohibited) is (derivatives == "prohibited")
    assert ("sell" in prohibited) is (commercial == "prohibited")


def test_public_domain_tools_carry_no_duties():
    for url in ("https://creativecommons.org/publicdomain/zero/1.0/",
                "https://creativecommons.org/publicdomain/mark/1.0/"):
        licence = licenses.from_url(url)
        assert licence.kind == "public-domain"
        assert licenses.describe(licence).duties == ()


@pytest.mark.parametrize(("text", "expected"), [
    ("Creative Commons Atribuição-NãoComercial-CompartilhaIgual 4.0 Internacional", "CC-BY-NC-SA-4.0"),
    ("Creative Commons Naamsvermelding-NietCommercieel-GelijkDelen 3.0 Nederland", "CC-BY-NC-SA-3.0-NL"),
    ("Creative Commons Uznanie autorstwa - Na tych samych warunkach 3.0 Polska", "CC-BY-SA-3.0-PL"),
])
def test_licence_names_in_further_languages(text, expected):
    assert licenses.from_name(text).id == expected


def test_version_1_licences_without_attribution():
    licence = licenses.from_url("https://creativecommons.org/licenses/nc-sa/1.0/")
    assert licence.id == "CC-NC-SA-1.0"
    consequences = licenses.describe(licence)
    assert "credit-author" not in {d.type for d in consequences.duties}
    assert (consequences.commercial_use, consequences.share_alike) == ("prohibited", True)
