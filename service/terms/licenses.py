"""The Creative Commons catalogue as data: licence elements, versions, national ports, names in five
languages, and what each licence permits and requires.

Two readers use it: `from_url` turns a creativecommons.org address (deed, legal code or badge image)
into an id like "CC-BY-NC-SA-3.0-DE"; `from_name` reads a licence named in text ("CC BY-SA 4.0",
"Creative Commons Namensnennung - Keine Bearbeitung 3.0 Deutschland"). Neither ever invents a version
or a port the input does not give. `describe` gives the licence's consequences (commercial use,
derivatives, share-alike, duties) following the shared corpus conventions: TASL attribution as
credit-author, copyright-notice, license-notice, link-to-license, link-to-original, plus
indicate-changes where derivatives are allowed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.terms import cc_words
from service.terms.model import Duty, License, Rule

# Licence elements in canonical id order; 1.0 also had licences without BY (NC, SA, ND-NC...).
ELEMENT_ORDER = ("by", "nc", "nd", "sa")
VERSIONS = ("1.0", "2.0", "2.1", "2.5", "3.0", "4.0")
PUBLIC_DOMAIN_TOOLS = {"zero": "CC0", "mark": "PDM"}

# National ports per version (jurisdiction code as in the licence URL). A port seen in a URL but
# missing here is still accepted: the URL is the authority, this table feeds the text reader.
PORTS: dict[str, frozenset[str]] = {
    "1.0": frozenset({"fi", "il", "nl", "jp"}),
    "2.0": frozenset({"at", "au", "be", "br", "ca", "cl", "de", "es", "fr", "hr", "it", "jp", "kr", "nl",
                      "pl", "tw", "uk", "za"}),
    "2.1": frozenset({"au", "ca", "es", "jp"}),
    "2.5": frozenset({"ar", "au", "bg", "br", "ca", "ch", "cn", "co", "dk", "es", "hr", "hu", "il", "in",
                      "it", "mk", "mt", "mx", "my", "nl", "pe", "pl", "pt", "scotland", "se", "si", "tw",
                      "za"}),
    "3.0": frozenset({"at", "au", "br", "ch", "cl", "cn", "cr", "cz", "de", "ec", "ee", "eg", "es", "fr",
                      "gr", "gt", "hk", "hr", "ie", "igo", "it", "lu", "nl", "no", "nz", "ph", "pl", "pr",
                      "pt", "ro", "rs", "sg", "th", "tw", "ug", "us", "ve", "vn", "za"}),
    "4.0": frozenset(),
}
ALL_PORTS = frozenset().union(*PORTS.values())

# Names in text, from the per-language tables of cc_words.py.
PORT_NAMES: dict[str, str] = cc_words.country_ports()
UNPORTED_WORDS = cc_words.unported_words()
ELEMENT_NAMES: dict[str, tuple[str, ...]] = cc_words.element_names()
ELEMENT_LABELS = {"by": "Attribution", "nc": "NonCommercial", "nd": "NoDerivatives", "sa": "ShareAlike"}

CC_HOST = r"(?:[a-z0-9-]+\.)*creativecommons\.org"
# /licenses/by-nc/3.0/de/..., /publicdomain/zero/1.0/..., and badge images i.creativecommons.org/l/...
CC_URL = re.compile(
    r"^(?:https?:)?//" + CC_HOST + r"/(?P<kind>licenses|licence|l|publicdomain|p)/"
    r"(?P<code>[a-z-]+)(?:/(?P<version>\d\.\d))?(?:/(?P<port>[a-z]{2,8}))?(?:[/?#.]|$)",
    re.IGNORECASE)
# "CC BY-NC-SA 3.0 DE", "CC-BY 4.0", "CC BY NC ND", "CC0", "CC Zero".
CC_ABBREVIATION = re.compile(
    r"(?<![\w/])(?:CC|Creative\s+Commons)[\s-]*"
    r"(?P<codes>(?:BY|NC|ND|SA)(?:[\s-]*(?:BY|NC|ND|SA)){0,3})(?![\w]|-[a-z])"
    r"(?:[\s-]*(?P<version>[1-4]\.[05]))?(?:[\s-]+(?P<port>[A-Z]{2})(?![\w]))?",
    re.IGNORECASE)
CC_ZERO = re.compile(r"(?<![\w/])CC[\s-]?(?:0|zero)(?![\w])(?:[\s-]*(?P<version>1\.0))?", re.IGNORECASE)
PUBLIC_DOMAIN_MARK = re.compile(r"public\s+domain\s+mark(?:[\s-]*(?P<version>1\.0))?", re.IGNORECASE)
# "Creative Commons" followed, within a short window, by element names, a version and a port.
CC_LONG_NAME = re.compile(r"creative[\s-]+commons", re.IGNORECASE)
LONG_NAME_WINDOW = 160
VERSION = re.compile(r"(?<![\d.])([1-4]\.[05])(?![\d])")
PORT_CODE_AFTER_VERSION = re.compile(r"^[\s-]*\(?([A-Z]{2})\)?(?![\w])")


@dataclass(frozen=True)
class Consequences:
    """What a licence means for a reuser."""

    commercial_use: str
    derivatives: str
    share_alike: bool
    permissions: tuple[Rule, ...]
    prohibitions: tuple[Rule, ...]
    duties: tuple[Duty, ...]


TASL_DUTIES = ("credit-author", "copyright-notice", "license-notice", "link-to-license", "link-to-original")
ADAPTATION_DUTY = "indicate-changes"
NOTICE_DUTIES = ("license-notice", "link-to-license")


def make_id(elements: frozenset[str], version: str | None, port: str | None) -> str | None:
    """The catalogue id ("CC-BY-NC-SA-3.0-DE") of a set of elements, version and port."""
    if not elements or not elements <= set(ELEMENT_ORDER):
        return None
    parts = ["CC"] + [e.upper() for e in ELEMENT_ORDER if e in elements]
    if version:
        parts.append(version)
        if port:
            parts.append(port.upper())
    return "-".join(parts)


def make_license(elements: frozenset[str], version: str | None, port: str | None,
                 url: str | None = None) -> License | None:
    """A cc License with its id and English name, or None for an impossible combination."""
    if "nd" in elements and "sa" in elements:
        return None  # no such licence: share-alike needs adaptations
    identifier = make_id(elements, version, port)
    if identifier is None:
        return None
    label = "-".join(ELEMENT_LABELS[e] for e in ELEMENT_ORDER if e in elements)
    name = f"Creative Commons {label}" + (f" {version}" if version else "") + (
        f" {port.upper()}" if version and port else "")
    return License("cc", identifier, url, name)


def public_domain(tool: str, version: str | None, url: str | None = None) -> License:
    """CC0 or the Public Domain Mark."""
    identifier = tool + (f"-{version}" if version else "")
    name = "CC0 Public Domain Dedication" if tool == "CC0" else "Public Domain Mark"
    return License("public-domain", identifier, url, name + (f" {version}" if version else ""))


def unnamed_cc() -> License:
    """A Creative Commons licence the page does not name: kind cc, no id (never invent one)."""
    return License("cc", None, None, "Creative Commons (licence not named)")


def public_domain_statement() -> License:
    """A work declared public domain in words, without a CC tool: no id, nothing to invent."""
    return License("public-domain", None, None, "Public domain")


@lru_cache(maxsize=512)
def from_url(url: str) -> License | None:
    """The licence a creativecommons.org URL names (deed, legal code, badge image), or None."""
    match = CC_URL.match(url.strip())
    if not match:
        return None
    code, version, port = match["code"].lower(), match["version"], (match["port"] or "").lower() or None
    if port in {"deed", "legalcode", "rdf"} or (port and not version):
        port = None
    if match["kind"].lower() in {"publicdomain", "p"}:
        tool = PUBLIC_DOMAIN_TOOLS.get(code)
        return public_domain(tool, version, canonical_url(match, version, port)) if tool else None
    elements = frozenset(code.split("-"))
    return make_license(elements, version, port, canonical_url(match, version, port))


def canonical_url(match: re.Match[str], version: str | None, port: str | None) -> str:
    kind = "publicdomain" if match["kind"].lower() in {"publicdomain", "p"} else "licenses"
    parts = [kind, match["code"].lower()] + [p for p in (version, port) if p]
    return "https://creativecommons.org/" + "/".join(parts) + "/"


def _elements(codes: str) -> frozenset[str]:
    return frozenset(code.lower() for code in re.findall(r"by|nc|nd|sa", codes, re.IGNORECASE))


def from_name(text: str) -> License | None:
    """The first Creative Commons licence named in text, abbreviated or spelled out in EN/DE/ES/FR/IT."""
    found = names_in(text)
    return found[0][1] if found else None


def names_in(text: str) -> list[tuple[int, License]]:
    """Every licence named in text, as (offset, License), in text order."""
    out: list[tuple[int, License]] = []
    taken: list[range] = []
    for match in CC_ABBREVIATION.finditer(text):
        port = match["port"].lower() if match["port"] and match["port"].lower() in ALL_PORTS else None
        licence = make_license(_elements(match["codes"]), match["version"], port)
        if licence:
            out.append((match.start(), licence))
            taken.append(range(match.start(), match.end()))
    for match in CC_ZERO.finditer(text):
        out.append((match.start(), public_domain("CC0", match["version"])))
        taken.append(range(match.start(), match.end()))
    for match in PUBLIC_DOMAIN_MARK.finditer(text):
        out.append((match.start(), public_domain("PDM", match["version"])))
    for match in CC_LONG_NAME.finditer(text):
        if any(match.start() in span for span in taken):
            continue
        licence = _long_name(text[match.end():match.end() + LONG_NAME_WINDOW])
        if licence:
            out.append((match.start(), licence))
    out.sort(key=lambda item: item[0])
    return out


def _long_name(window: str) -> License | None:
    """Elements, version and port from the words after "Creative Commons"."""
    version_match = VERSION.search(window)
    head = window[:version_match.start()] if version_match else window[:90]
    head = re.sub(r"[\s\-‐–]+", " ", head.lower())
    elements = frozenset(e for e, names in ELEMENT_NAMES.items() if any(n in head for n in names))
    if "by" not in elements and elements:
        elements = elements | {"by"}  # every licence since 2.0 requires attribution
    version = version_match.group(1) if version_match else None
    port = None
    if version_match:
        rest = window[version_match.end():]
        code = PORT_CODE_AFTER_VERSION.match(rest)
        after = re.sub(r"[\s\-‐–(]+", " ", rest[:30].lower()).strip()
        if code and code.group(1).lower() in ALL_PORTS:
            port = code.group(1).lower()
        elif not after.startswith(UNPORTED_WORDS):
            port = next((c for n, c in PORT_NAMES.items() if after.startswith(n)), None)
    return make_license(elements, version, port)


def elements_of(licence: License) -> frozenset[str]:
    """The CC elements ({"by", "nc", ...}) an id names; empty for non-catalogue licences."""
    parts = (licence.id or "").lower().split("-")
    return frozenset(p for p in parts[1:] if p in ELEMENT_ORDER) if parts[0] == "cc" else frozenset()


def describe(licence: License) -> Consequences:
    """What a catalogue licence permits, forbids and requires."""
    if licence.kind == "public-domain":
        return Consequences("allowed", "allowed", False, (Rule("republish"), Rule("modify")), (), ())
    elements = elements_of(licence)
    if not elements:  # "a Creative Commons licence", which one unsaid: only attribution is certain
        return Consequences("unknown", "unknown", False, (Rule("republish"),), (),
                            tuple(Duty(t) for t in TASL_DUTIES))
    commercial = "prohibited" if "nc" in elements else "allowed"
    derivatives = "prohibited" if "nd" in elements else "allowed"
    permissions = [Rule("republish")]
    prohibitions = []
    if derivatives == "allowed":
        permissions += [Rule("modify"), Rule("translate")]
    else:
        prohibitions += [Rule("modify"), Rule("translate")]
    (permissions if commercial == "allowed" else prohibitions).append(Rule("sell"))
    # the 1.0 licences without BY (NC, SA, ND-NC...) asked for no credit, only the licence notice
    base = TASL_DUTIES if "by" in elements else NOTICE_DUTIES
    duty_types = base + ((ADAPTATION_DUTY,) if derivatives == "allowed" else ())
    duties = tuple(Duty(t) for t in duty_types)
    return Consequences(commercial, derivatives, "sa" in elements, tuple(permissions), tuple(prohibitions),
                        duties)
