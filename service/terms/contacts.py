"""Whom to ask: permission e-mail addresses, reprint and licensing portals, and linked terms pages.

An e-mail address counts only in a sentence that is about publishing, reprints or permission
(never an author's address, a donation account or a privacy officer). Cloudflare's obfuscation is
undone: the page shows "[email protected]" and keeps the address XOR-encoded in `data-cfemail`
or in a /cdn-cgi/l/email-protection#... link, the first byte being the key. Links labelled
"Reprints & Permissions", "Reuse this content", "Nutzungsrechte"... give a contact URL; links to
republishing guidelines or terms of use go into follow_up, for the service to read if asked.
"""
from __future__ import annotations

import re
from typing import Any

from service.domains import registrable_domain
from service.page import Block, Page
from service.terms import cues, tables
from service.terms.model import Contact, Evidence, Finding

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,24}")
CF_PROTECTED = "protected]"  # "[email protected]", what the page shows in place of the address
CF_HREF = re.compile(r"/cdn-cgi/l/email-protection#([0-9a-fA-F]+)")
MAX_CF_HEX = 512
# A sentence around an e-mail address must be about one of these to make it a permission contact.
PERMISSION_CONTEXT = re.compile(
    r"\b(?:permission|reprint|republi|reproduc|publication|syndicat|licen[cs]|rights|copyright|media inquir"
    r"|press inquir|genehmigung|erlaubnis|nachdruck|nutzungsrecht|lizenz|autorizaci|permiso|reproducci"
    r"|autorisation|droits|autorizzazion|riproduzion)\w*", re.IGNORECASE)
NOT_PERMISSION = re.compile(r"\b(?:paypal|donat\w*|patreon|privacy|datenschutz|unsubscribe|newsletter|"
                            r"follow (?:him|her|them|me)|email (?:him|her|them|me)"
                            r"|reach (?:him|her|them|me))\b",
                            re.IGNORECASE)
MAX_LINK_LABEL = 60
# Link labels that only point at their sentence ("click here for reprint permission").
DEICTIC_LABEL = re.compile(r"(?:click |klicken sie )?(?:here|hier|aquí|ici|qui|this (?:page|form|link))",
                           re.IGNORECASE)


# Stems of every language's link labels: only labels holding one are matched against the tables.
# A label names a portal when the cue starts it or follows a separator ("Photo requests, reprints"),
# not when it ends a headline ("Courts uphold Creative-Commons licences").
LABEL_START = r"(?:^|[,&/|+]\s*|\b(?:and|und|y|et|e)\s+)"


def _labels(table: str) -> re.Pattern[str]:
    sources = [p for lang in tables.LANGUAGE_TABLES for p in getattr(lang.tables, table, ())]
    return re.compile(LABEL_START + "(?:" + "|".join(f"(?:{p})" for p in sources) + ")", tables.FLAGS)


CONTACT_LABEL = _labels("CONTACT_LINKS")
TERMS_LABEL = _labels("TERMS_LINKS")


@cues.isolated("contacts")
def find(page: Page) -> list[Finding]:
    """Contact findings: permission e-mails (plain or Cloudflare-encoded), portals, terms pages."""
    return _email_findings(page) + _here_links(page) + _link_findings(page)


def decode_cfemail(hex_text: str) -> str | None:
    """The address Cloudflare encoded: first byte is the key, each following byte XOR the key."""
    try:
        raw = bytes.fromhex(hex_text.strip()[:MAX_CF_HEX])
    except ValueError:
        return None
    if len(raw) < 2:
        return None
    try:
        address = bytes(b ^ raw[0] for b in raw[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return address if EMAIL.fullmatch(address) else None


def emails_in(block: Block, text: str) -> list[str]:
    """E-mail addresses in text, the ones Cloudflare hid inside the block's element included."""
    found = [m.group(0).rstrip(".") for m in EMAIL.finditer(text)]
    if CF_PROTECTED in text:
        found.extend(_cf_addresses(block.element))
    return list(dict.fromkeys(found))


def _cf_addresses(element: Any) -> list[str]:
    out = []
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        encoded = node.get("data-cfemail")
        if encoded is None:
            href = CF_HREF.search(node.get("href") or "")
            encoded = href.group(1) if href else None
        address = decode_cfemail(encoded) if encoded else None
        if address:
            out.append(address)
    return out


def _email_findings(page: Page) -> list[Finding]:
    found = cues.scan(page)
    out: list[Finding] = []
    seen: set[str] = set()
    for index in found.candidates:
        block = found.blocks[index]
        if "@" not in block.text and CF_PROTECTED not in block.text:
            continue
        for start, end in cues.sentence_spans(block.text):
            text = block.text[start:end].replace("\n", " ")
            if "@" not in text and CF_PROTECTED not in text:
                continue
            if not PERMISSION_CONTEXT.search(text) or NOT_PERMISSION.search(text):
                continue
            for address in emails_in(block, text):
                if address.lower() in seen:
                    continue
                seen.add(address.lower())
                signal = "contact:cfemail" if address not in text else "contact:email"
                out.append(Finding(signal=signal, scope="site", strength=cues.STRENGTH_HINT,
                                   evidence=cues.evidence(page, block, text, signal),
                                   contact=Contact(email=address)))
    return out


def _here_links(page: Page) -> list[Finding]:
    """"Click here for reprint permission": a link labelled "here" in a sentence about permission."""
    found = cues.scan(page)
    for index in found.candidates:
        block = found.blocks[index]
        if not PERMISSION_CONTEXT.search(block.text):
            continue
        anchors = [(" ".join(a.text_content().split()), a) for a in block.element.iter("a")]
        anchors = [(label, a) for label, a in anchors if DEICTIC_LABEL.fullmatch(label)]
        for start, end in cues.sentence_spans(block.text) if anchors else ():
            text = block.text[start:end].replace("\n", " ")
            if not PERMISSION_CONTEXT.search(text) or NOT_PERMISSION.search(text):
                continue
            for label, anchor in anchors:
                href = page.absolute(anchor.get("href"))
                if href and re.search(rf"\b{re.escape(label)}\b", text):
                    signal = "contact:link"
                    return [Finding(signal=signal, scope="site", strength=cues.STRENGTH_HINT,
                                    evidence=cues.evidence(page, block, text, signal),
                                    contact=Contact(url=href))]
    return []


def _link_findings(page: Page) -> list[Finding]:
    """Links labelled as a permissions portal or a terms page.

    Label keywords are found by the scan's one keyword pass over the visible blocks, and only the
    links inside the blocks that hold one are read: resolving every link of a page costs more than
    everything else here."""
    blocks = page.blocks
    out: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    visited: set[int] = set()
    for index in cues.scan(page).label_candidates:
        for anchor in blocks[index].element.iter("a"):
            if id(anchor) in visited:
                continue
            visited.add(id(anchor))
            label = " ".join(anchor.text_content().split())
            if not label or len(label) > MAX_LINK_LABEL:
                continue
            for pattern, signal in ((CONTACT_LABEL, "contact:link"), (TERMS_LABEL, "follow-up:terms-link")):
                if not pattern.search(label):
                    continue
                href = page.absolute(anchor.get("href"))
                if not href or (signal, href) in seen:
                    continue
                if signal != "contact:link" and not _same_site(page, href):
                    continue
                seen.add((signal, href))
                evidence = Evidence(label, signal, page.css_path(anchor))
                portal = signal == "contact:link"
                contact, follow_up = (Contact(url=href), ()) if portal else (None, (href,))
                out.append(Finding(signal=signal, scope="site", strength=cues.STRENGTH_HINT,
                                   evidence=evidence, contact=contact, follow_up=follow_up))
    return out


def _same_site(page: Page, href: str) -> bool:
    """Terms pages worth following are the publisher's own (a licence deed elsewhere is not)."""
    if not page.url:
        return True
    return registrable_domain(page.url) == registrable_domain(href)
