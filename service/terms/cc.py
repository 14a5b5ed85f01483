"""Creative Commons cues on a page: JSON-LD and meta licence fields (microdata <meta itemprop> too),
rel=license, itemprop=license and other links to creativecommons.org, and licence statements in text
(a table per language in cc_words.py: EN, DE, ES, FR, IT, PT, NL, CA, PL, SV).

Each cue becomes a Finding with the scope it covers (see scope.py). When a statement and a link to
the licence sit in the same block, the link's URL names the licence: a link title or anchor text may
say "3.0 DE" while the URL points to the unported deed, and the URL is what the publisher linked.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import Any

from service.page import Block, Link, Page
from service.terms import cc_words, licenses
from service.terms.combine import STRENGTH
from service.terms.model import Evidence, Finding, License, Rule
from service.terms.scope import scope_of

# Metadata keys that carry a page's licence (lower case, as Page.meta keys them).
LICENSE_META_KEYS = ("license", "dc.rights", "dc.license", "dcterms.license", "dcterms.rights", "rights",
                     "dc.rights.license", "citation_license", "copyright", "og:license", "twitter:license")
# rel / property values that mark a link as the page's licence (HTML, ccREL, Dublin Core RDFa).
LICENSE_RELS = frozenset({"license", "cc:license", "dc:license", "dct:license", "dcterms:license",
                          "dc.license", "dcterms.license", "xhv:license"})
# JSON-LD types whose licence covers only a picture or a clip, not the article.
MEDIA_TYPES = frozenset({"ImageObject", "Photograph", "VideoObject", "AudioObject", "MediaObject"})
SITE_TYPES = frozenset({"WebSite", "Organization", "NewsMediaOrganization", "Blog"})
# Verbs and labels that make a licence name a statement about the content (per language, in
# cc_words.py). They must come shortly before the licence's name: text that merely mentions a licence
# discusses it.
STATEMENT_CUES = re.compile("|".join(cc_words.statement_patterns()), re.IGNORECASE)
STATEMENT_REACH = 200
# Where a bare badge or a licence named without a verb still declares the site's licence.
SITE_REGIONS = frozenset({"site", "page"})
MAX_BADGE_TEXT = 80
MAX_LABEL_CHARS = 200
# A licence statement is a short block; long paragraphs that mention a licence discuss it.
MAX_STATEMENT_CHARS = 500
MAX_EVIDENCE_CHARS = 300
# Run over lower-cased text: a case-sensitive pattern whose branches start with a literal letter scans
# five times faster than the same alternation with IGNORECASE.
QUICK_CHECK = re.compile(r"c(?:reative\s*commons|c[\s-]?(?:by|0|zero)\b)|public\s+domain|gemeinfrei|"
                         r"dominio p[uú]blico|domaine public|pubblico dominio")
# "under a Creative Commons licence" without naming which one (EN, DE, ES, FR, IT, PT, NL).
UNNAMED_CC = re.compile(r"creative[\s-]+commons[\s-]+(?:licen[cs]e|lizenz|licencia|licenza|licença|licentie)"
                        r"|(?:licen[cs]e|lizenz|licencia|licenza|licença|licentie)[\s-]+creative[\s-]+commons",
                        re.IGNORECASE)
NON_COMMERCIAL = re.compile("|".join(re.escape(n).replace(r"\ ", r"[\s-]*")
                                    for n in licenses.ELEMENT_NAMES["nc"]) + r"|non-commercial", re.IGNORECASE)
# A work declared public domain in so many words (EN, DE, ES, FR, IT); the subject must be the work,
# so "material in the public domain" in a fair-use notice does not count.
PUBLIC_DOMAIN_STATEMENT = re.compile(
    r"\b(?:this|the|all|our)\b[^.;]{0,80}?\b(?:is|are|has been|have been)\s+(?:hereby\s+)?"
    r"(?:(?:released|dedicated|placed)\s+)?(?:in|into|to)\s+the\s+public\s+domain\b|"
    r"\b(?:ist|sind)\s+(?:\w+\s+)?gemeinfrei\b|"
    r"\b(?:es|son|está|están)\s+(?:de|en\s+el)\s+dominio\s+público\b|"
    r"\b(?:est|sont)\s+(?:\w+\s+)?dans\s+le\s+domaine\s+public\b|"
    r"\b(?:è|sono)\s+(?:di|nel|in)\s+pubblico\s+dominio\b", re.IGNORECASE)


def find(page: Page) -> list[Finding]:
    """Every Creative Commons cue on the page, each with the scope it covers."""
    return _jsonld(page) + _meta(page) + _links(page) + _statements(page)


def _licence_from_value(value: Any) -> License | None:
    """A licence from a JSON-LD/meta value: a URL, a name, a {"@id"|"url"|"name"} object or a list."""
    if isinstance(value, list):
        return next((lic for lic in map(_licence_from_value, value[:10]) if lic), None)
    if isinstance(value, dict):
        return _licence_from_value(value.get("@id") or value.get("url") or value.get("name"))
    if not isinstance(value, str) or len(value) > 2000:
        return None
    return licenses.from_url(value) or licenses.from_name(value)


def _jsonld(page: Page) -> list[Finding]:
    out = []
    article = page.article
    for node in page.jsonld:
        value = node.data.get("license")
        licence = _licence_from_value(value) if value else None
        if licence is None:
            lead = page.absolute(value) if isinstance(value, str) and len(value) < 2000 else None
            if lead and node is article:  # the publisher's own licence page: one to follow
                out.append(Finding(signal="json-ld:license:page", scope="article", strength=STRENGTH["hint"],
                                   evidence=Evidence(f'"license": {value}', "json-ld:license:page",
                                                     f"{node.path}.license"), follow_up=(lead,)))
            continue
        types = set(node.types)
        scope = ("images" if types & MEDIA_TYPES else "article" if node is article
                 else "site" if types & SITE_TYPES else "page")
        strength = STRENGTH["json-ld"] if scope == "article" else STRENGTH["link"]
        text = str(value)[:MAX_EVIDENCE_CHARS]
        out.append(_finding("json-ld:license", scope, strength, f'"license": {text}', f"{node.path}.license",
                            licence))
    return out


def _meta(page: Page) -> list[Finding]:
    out = []
    for key in LICENSE_META_KEYS:
        for content in page.meta.get(key, ())[:3]:
            licence = _licence_from_value(content)
            if licence:
                out.append(_finding(f"meta:{key}", "article", STRENGTH["meta"], f'<meta name="{key}" '
                                    f'content="{content[:MAX_EVIDENCE_CHARS]}">', f"meta[name={key}]", licence))
    return out


def _links(page: Page) -> list[Finding]:
    out = []
    for link in page.links_where(_may_be_licence_link):
        if "creativecommons.org" not in (link.element.get("href") or "").lower():
            if link.rel and LICENSE_RELS.intersection(link.rel):
                out.append(_pointer(page, link))  # the publisher's own licence page: one to follow
            continue
        licence = licenses.from_url(link.href)
        if licence is None:
            continue
        marked = bool(LICENSE_RELS.intersection(link.rel) or LICENSE_RELS.intersection(
            link.element.get("property", "").lower().split()))
        block = _block_text(link.element)
        scope = scope_of(link.element, block)
        if marked:
            signal, strength = "rel=license", STRENGTH["rel-license"]
        elif "license" in link.element.get("itemprop", "").split():
            signal, strength = "microdata:license", STRENGTH["rel-license"]
        elif STATEMENT_CUES.search(block) and len(block) <= MAX_STATEMENT_CHARS:
            signal, strength = "link:creativecommons", STRENGTH["link"]
        elif scope in SITE_REGIONS and _is_badge(link):
            signal, strength = "link:cc-badge", STRENGTH["link"]
        else:
            continue  # a link to a licence inside running text is a reference, not a statement
        out.append(_finding(signal, scope, strength, _markup(link.element), page.css_path(link.element), licence))
    return out


def _may_be_licence_link(element: Any) -> bool:
    """A link to a CC licence or one with a rel: a test of the raw attributes, before any Link is built."""
    return element.get("rel") is not None or "creativecommons.org" in (element.get("href") or "").lower()


def _pointer(page: Page, link: Link) -> Finding:
    """A rel=license link to a page that is not a CC licence: a lead to follow, not a licence."""
    signal = "rel=license:page"
    return Finding(signal=signal, scope=scope_of(link.element, link.text), strength=STRENGTH["hint"],
                   evidence=Evidence(_markup(link.element), signal, page.css_path(link.element)),
                   follow_up=(link.href,))


def _candidate_blocks(page: Page) -> list[Block]:
    """The blocks that name a licence at all: one regex pass over the page's joined text."""
    blocks = page.blocks
    joined = "\n".join([block.text for block in blocks]).lower()
    positions = [m.start() for m in QUICK_CHECK.finditer(joined)]
    if not positions:  # most pages: no offsets to map back
        return []
    texts = [block.text for block in blocks]
    if len(joined) != sum(map(len, texts)) + len(texts) - 1:  # lower() changed some lengths ("İ")
        texts = [text.lower() for text in texts]
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return [blocks[i] for i in sorted({bisect_right(starts, at) - 1 for at in positions})]


def _statements(page: Page) -> list[Finding]:
    out = []
    for block in _candidate_blocks(page):
        text = block.text
        if len(text) > MAX_STATEMENT_CHARS:
            continue
        names = licenses.names_in(text)
        named = next((lic for offset, lic in names
                      if STATEMENT_CUES.search(text[max(0, offset - STATEMENT_REACH):offset])), None)
        scope = scope_of(block.element, text)
        signal, strength = "text:cc-statement", STRENGTH["statement"]
        if named is None and names and len(text) <= MAX_LABEL_CHARS and scope == "site":
            # a footer line naming a licence ("Copyleft 2016 Jane Roe CC-BY-SA") declares it
            named, signal, strength = names[0][1], "text:cc-label", STRENGTH["link"]
        if named is None:
            generic = UNNAMED_CC.search(text)
            if generic and STATEMENT_CUES.search(text[max(0, generic.start() - STATEMENT_REACH):generic.end()]):
                named, signal = licenses.unnamed_cc(), "text:cc-unnamed"
        if named is None and PUBLIC_DOMAIN_STATEMENT.search(text):
            named, signal = licenses.public_domain_statement(), "text:public-domain"
        if named is None:
            continue
        finding = _finding(signal, scope, strength, text, page.css_path(block.element),
                           _prefer_link(named, block.element))
        if finding.license and finding.license.id is None and NON_COMMERCIAL.search(text):
            # "available for non-commercial use under a Creative Commons licence": which one is unsaid,
            # but its NC element is not
            finding = replace(finding, commercial_use="prohibited", prohibitions=(Rule("sell"),))
        out.append(finding)
    return out


def _is_badge(link: Link) -> bool:
    """A licence badge: the link shows only an image, or its text is the licence's own name."""
    if not link.text:
        return link.element.find(".//img") is not None
    return len(link.text) <= MAX_BADGE_TEXT and bool(licenses.names_in(link.text))


def _prefer_link(named: License, element: Any) -> License:
    """The licence a CC link in the same block names, when it agrees with the text's elements."""
    for anchor in element.iter("a"):
        linked = licenses.from_url(anchor.get("href", ""))
        if linked and linked.kind == named.kind and (
                named.id is None or licenses.elements_of(linked) == licenses.elements_of(named)):
            return linked
    return named


def _block_text(element: Any) -> str:
    """The text of the nearest block around an element (a link's sentence), whitespace collapsed."""
    node = element
    for _ in range(4):
        parent = node.getparent()
        if parent is None or node.tag in {"p", "li", "div", "section", "footer", "aside", "figcaption", "td",
                                          "span"} and len(node.text_content()) > 40:
            break
        node = parent
    return " ".join(node.text_content().split())[:MAX_STATEMENT_CHARS + 1]


def _markup(element: Any) -> str:
    """The opening tag of an element, as evidence an editor can search for in the page source."""
    attributes = " ".join(f'{k}="{v}"' for k, v in element.attrib.items() if k in {"rel", "href", "itemprop",
                                                                                     "title", "property"})
    return f"<{element.tag} {attributes}>"[:MAX_EVIDENCE_CHARS]


def _finding(signal: str, scope: str, strength: int, text: str, where: str, licence: License) -> Finding:
    consequences = licenses.describe(licence)
    return Finding(signal=signal, scope=scope, strength=strength,
                   evidence=Evidence(text=text[:MAX_EVIDENCE_CHARS], signal=signal, where=where),
                   license=licence, commercial_use=consequences.commercial_use,
                   derivatives=consequences.derivatives, share_alike=consequences.share_alike,
                   permissions=consequences.permissions, prohibitions=consequences.prohibitions,
                   duties=consequences.duties)

