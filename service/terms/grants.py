"""Custom grants, parsed into rules: what a publisher's own words allow, under which conditions.

A grant sentence ("grants permission to cross-post ... on community internet sites", "you are free
to republish this story", "the first 200 words may be republished", "press releases may be
reprinted", "for personal use only") opens a region: the rest of its block and the blocks that
follow it in the same container (a list of rules), until a heading, an unrelated notice (fair use,
privacy, donations) or the container ends. The region's sentences are read for duties (credit,
link, pixel, canonical...), bans (no edits -> derivatives prohibited; no separate sale), uses that
need permission ("for print or commercial sites, contact ...") and the contact to ask.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.page import Page
from service.terms import contacts, cues
from service.terms.model import Constraint, Contact, Duty, Finding, License, Rule

GRANT = License("custom-grant")
# The grant concepts, most specific first: a sentence is read as the first of these it carries.
GRANT_CONCEPTS = ("first_words", "personal_use", "press_release", "grant")
VERB_ACTIONS = {"cross-post": "cross-post", "crosspost": "cross-post", "repost": "cross-post"}
ARTICLE_WORDS = re.compile(
    r"\b(?:this|the following) (?:article|story|post|piece|report)\b|\b(?:dieser|diesen) (?:artikel|beitrag)\b"
    r"|\beste (?:artículo|reportaje)\b|\bcet article\b|\bquesto articolo\b", cues.FLAGS)
SITE_WORDS = re.compile(
    r"\b(?:articles|stories|content|contents|material|texts|posts|inhalte|artikel|texte|beiträge|artículos"
    r"|contenidos|contenus|articoli|contenuti)\b", cues.FLAGS)
REGION_STOP_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A heading that announces the rules continues the region (a republishing-guidelines page).
RULES_HEADING = re.compile(r"\b(?:what you (?:need|have|must)|rules|guidelines|conditions|requirements|how to"
                           r"|richtlinien|bedingungen|regeln|condiciones|requisitos|règles|conditions|regole"
                           r"|condizioni)\b", cues.FLAGS)
# A grant that names a standard licence is that licence's (the CC finder reports it): the grant then
# only adds its duties and bans, it does not compete as a licence of its own.
STANDARD_LICENCE = re.compile(r"\bcreative\s*commons\b|\bcc[\s-]?(?:by|0|zero)\b|\bpublic domain\b", cues.FLAGS)
MAX_REGION_BLOCKS = 20
MAX_CONTAINER_DEPTH = 14
RESTRICTED_VENUES = ("community", "non-commercial", "nonprofit", "educational")


@dataclass
class Reading:
    """What a grant region says, gathered sentence by sentence."""

    permissions: list[Rule] = field(default_factory=list)
    prohibitions: list[Rule] = field(default_factory=list)
    duties: list[str] = field(default_factory=list)
    commercial_use: str | None = None
    derivatives: str | None = None
    email: str | None = None
    texts: list[str] = field(default_factory=list)


@cues.isolated("grants")
def find(page: Page) -> list[Finding]:
    """One custom-grant finding per grant region on the page."""
    found = cues.scan(page)
    out: list[Finding] = []
    consumed: set[tuple[int, int]] = set()
    for sentence in found.sentences:
        concept = next((c for c in GRANT_CONCEPTS if sentence.has(c)), None)
        if concept is None or sentence.has("noise") or (sentence.block_index, sentence.start) in consumed:
            continue
        finding = _grant(page, found, sentence, concept, consumed)
        if finding is not None:
            out.append(finding)
    return out


def _grant(page: Page, found: cues.Scan, sentence: cues.Sentence, concept: str,
           consumed: set[tuple[int, int]]) -> Finding | None:
    langs = sentence.langs(concept)
    reading = Reading(texts=[sentence.text])
    _permission(reading, sentence, concept, langs)
    for index, start, text in _region(found, sentence):
        consumed.add((index, start))
        _read(reading, found.blocks[index], text, langs, first=start == sentence.start and index == sentence.block_index)
    venues = [c.value for rule in reading.permissions for c in rule.constraints if c.name == "venue"]
    if reading.commercial_use is None and any(v in RESTRICTED_VENUES for v in venues):
        reading.commercial_use = "needs-permission"
    block = found.blocks[sentence.block_index]
    scope = _scope(page, found, sentence)
    strength = cues.STRENGTH_HINT if scope in cues.OTHER_SCOPES else cues.STRENGTH_GRANT
    signal = f"clause:{concept.replace('_', '-')}"
    licence: License | None = GRANT
    if STANDARD_LICENCE.search(sentence.text):
        licence, signal = None, f"{signal}-terms"
    return Finding(signal=signal, scope=scope, strength=strength,
                   evidence=cues.evidence(page, block, " ".join(reading.texts), signal),
                   license=licence, commercial_use=reading.commercial_use, derivatives=reading.derivatives,
                   permissions=tuple(reading.permissions), prohibitions=tuple(_unique(reading.prohibitions)),
                   duties=tuple(Duty(d) for d in dict.fromkeys(reading.duties)),
                   contact=Contact(email=reading.email) if reading.email else None)


def _permission(reading: Reading, sentence: cues.Sentence, concept: str, langs: list[cues.Language]) -> None:
    """The permission the grant sentence itself gives, with its venue and medium constraints."""
    if concept == "first_words":
        words = _group(langs, "FIRST_WORDS", sentence.text, "n")
        constraints = (Constraint("max_words", "lteq", int(words)),) if words else ()
        reading.permissions.append(Rule("excerpt", constraints))
        return
    if concept == "personal_use":
        reading.permissions.append(Rule("use", (Constraint("purpose", "eq", "private"),)))
        reading.prohibitions.append(Rule("republish", needs_permission=True))
        reading.commercial_use = "needs-permission"
        return
    if concept == "press_release":
        reading.permissions.append(Rule("republish"))
        reading.commercial_use = "allowed"
        return
    verb = (_group(langs, "GRANT", sentence.text, "verb") or "").lower()
    constraints = [Constraint("venue", "eq", venue) for lang in langs
                   for venue, cue in lang.patterns("VENUES").items() if cue.search(sentence.text)]
    media = sorted({medium for lang in langs for medium, cue in lang.patterns("MEDIA").items()
                    if cue.search(sentence.text)})
    if len(media) == 1:
        constraints.append(Constraint("medium", "eq", media[0]))
    reading.permissions.append(Rule(VERB_ACTIONS.get(verb, "republish"), tuple(constraints)))


def _read(reading: Reading, block: cues.Block, text: str, langs: list[cues.Language], first: bool) -> None:
    """One region sentence: duties, bans, uses that need permission, a contact address."""
    used = first
    for lang in langs:
        for duty, cue in lang.patterns("DUTIES").items():
            if cue.search(text):
                reading.duties.append(duty)
                used = True
        if _search(lang, "NO_EDITS", text):
            reading.derivatives, used = "prohibited", True
        if _search(lang, "NO_SALE", text):
            reading.prohibitions.append(Rule("sell"))
            used = True
        if not first and _search(lang, "FIRST_WORDS", text):
            words = _group([lang], "FIRST_WORDS", text, "n")
            reading.permissions.append(Rule("excerpt", (Constraint("max_words", "lteq", int(words)),) if words else ()))
            used = True
        if _search(lang, "ASK_PERMISSION", text):
            used = _needs_permission(reading, lang, text) or used
    if reading.email is None and (used or _search_any(langs, "ASK_PERMISSION", text)):
        addresses = contacts.emails_in(block, text)
        if addresses:
            reading.email, used = addresses[0], True
    if used and not first:
        reading.texts.append(text)


def _needs_permission(reading: Reading, lang: cues.Language, text: str) -> bool:
    """"For print or commercial sites, contact ...": those uses need the publisher's permission."""
    objects = [name for name, cue in lang.patterns("PERMISSION_OBJECTS").items() if cue.search(text)]
    for name in objects:
        if name == "commercial":
            reading.prohibitions.append(Rule("republish", (Constraint("venue", "eq", "commercial"),), True))
            reading.commercial_use = "needs-permission"
        else:
            reading.prohibitions.append(Rule(name, (), True))
    return bool(objects)


def _region(found: cues.Scan, sentence: cues.Sentence) -> list[tuple[int, int, str]]:
    """(block index, offset, text) of the grant sentence and the sentences that belong with it."""
    out = []
    anchor = found.blocks[sentence.block_index].element
    container = anchor.getparent()
    if container is not None and container.getparent() is not None and container.tag not in ("body", "html"):
        container = container.getparent()
    for index in range(sentence.block_index, min(len(found.blocks), sentence.block_index + MAX_REGION_BLOCKS)):
        block = found.blocks[index]
        if index > sentence.block_index and (
                block.element.tag in REGION_STOP_TAGS and not RULES_HEADING.search(block.text)
                or not _inside(block.element, container) or _is_noise(block.text)):
            break
        for start, end in cues.sentence_spans(block.text):
            if index == sentence.block_index and start < sentence.start:
                continue
            out.append((index, start, block.text[start:end].replace("\n", " ")))
    return out


def _inside(element: object, container: object) -> bool:
    node = element
    for _ in range(MAX_CONTAINER_DEPTH):
        if node is None:
            return False
        if node is container:
            return True
        node = node.getparent()  # type: ignore[attr-defined]
    return False


def _is_noise(text: str) -> bool:
    return any(lang.pattern("NOISE").search(text) for lang in cues.LANGUAGE_TABLES if lang.pattern("NOISE"))


def _scope(page: Page, found: cues.Scan, sentence: cues.Sentence) -> str:
    """The grant's own words first ("this article" / "our articles"), then where it sits."""
    position = cues.sentence_scope(page, found, sentence)
    if position in cues.OTHER_SCOPES:
        return position
    if ARTICLE_WORDS.search(sentence.text):
        return "article"
    if SITE_WORDS.search(sentence.text):
        return "site"
    return position


def _search(lang: cues.Language, table: str, text: str) -> bool:
    pattern = lang.pattern(table)
    return bool(pattern and pattern.search(text))


def _search_any(langs: list[cues.Language], table: str, text: str) -> bool:
    return any(_search(lang, table, text) for lang in langs)


def _group(langs: list[cues.Language], table: str, text: str, name: str) -> str | None:
    """A named group (the number of words, the verb) from the first of the table's patterns that has it."""
    for lang in langs:
        for source in getattr(lang.tables, table, ()):
            match = re.search(source, text, cues.FLAGS)
            if match and name in match.groupdict() and match.group(name):
                return match.group(name)
    return None


def _unique(rules: list[Rule]) -> list[Rule]:
    return list(dict.fromkeys(rules))
