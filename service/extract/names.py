"""Author names: cleaning a raw byline into names, and telling a name from junk or from the site itself.

Shared by the structured author rules (authors.py) and the visible byline rules (byline.py,
bylinetext.py), so every source is held to the same idea of what a name is.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from service.domains import registrable_domain
from service.extract.model import Author
from service.extract.places import country_index
from service.page import Page

# A leading byline word or label, in the languages the service meets most ("By", "Von", "Par", "Por",
# "Di", "Door", "Text:", "Autor:", "Written by", "Veröffentlicht von", "Interview:" ...).
BYLINE_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|reported|edited|compiled|created|text|story|words|article|analysis"
    r"|opinion|commentary|essay|review|column|interview|submitted)\s+by"
    r"|(?:verfasst|veröffentlicht|geschrieben|erstellt|gepostet|eingetragen|eingestellt|gespeichert)"
    r"\s+(?:am\s+\S+\s+)?von"
    r"|publié\s+par|(?:propos\s+)?recueillis?\s+par|escrito\s+por|scritto\s+da|by|von|vom|par|por"
    # short words that also open surnames ("Di Maio"): 3+ words, or a wire agency alone ("Af Ritzau")
    r"|(?:di|da|door|av|af)(?=\s+\S+\s+\S|\s+(?:anp|belga|ritzau|ntb|tt|ansa|afp|ap|reuters|dpa)\s*$)"
    # German labels in the gender-inclusive spellings too ("Autor*innen", "Autor_innen", "AutorInnen")
    r"|text|texte|texto|tekst|autor(?:[*_:]?in(?:nen)?)?|autoren|autorka|autorzy|autoři|author|authors|auteur"
    r"|autore|verfasser(?:in)?|skribent|yazar|skrevet\s+a[fv]|skriven\s+av|автор(?:ы)?|текст)"
    r"\b\s*[:\-–—]?\s*"
    r"|^(?:interview|reporter|redaktion|bericht|recherche|mitarbeit)\s*:\s*",
    re.IGNORECASE)
# What follows a name in a byline and is not part of it: a date, a time, a separator, "Published ...".
TRAILER = re.compile(
    r"\s*(?:[|•·—–]|\s-\s|\b(?:am|em|op|den|dne)\s+\d|\bon\s+(?:\d|[A-Z][a-z]+[.,]? \d)|\ble\s+\d|\bel\s+\d"
    r"|\bveröffentlicht\b|\bpublished\b"
    r"|\bupdated\b|\baktualisiert\b|\bdatum\b|\bdate\b|\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\bvor\s+\d|\b\d+\s+(?:min|minuten|minutes|kommentare|comments)\b"
    r"|\bin\s+(?=[A-ZÄÖÜ]))",
    re.IGNORECASE)
# An author label inside a longer line of labelled fields ("Datum: 1.2.2021 Autor: Ann Roe Quelle: X"),
# and the next label that ends the author's value.
INNER_LABEL = re.compile(r"\b(?:autor(?:in)?|autoren|author|authors|verfasser(?:in)?|text|von|by)\s*:\s*",
                         re.IGNORECASE)
NEXT_LABEL = re.compile(r"\s\w+:(?:\s|$)")
# A picture credit inside a byline ("Text: Ann Roe, Fotos: Bob Poe"): it and what follows are not authors.
PICTURE_CREDIT = re.compile(r"(?:^|[\s,;|/(]+)(?:fotos?|photos?|bilder?|images?|illustrations?|grafiken?"
                            r"|video|kamera|photography|fotografie)\s*(?::|\bby\b|\bvon\b|\bde\b|\bpar\b).*$",
                            re.IGNORECASE)
# The last word of a job title that follows a name ("Ann Roe, Staff Writer"; "Bob Poe, Redakteur").
ROLE_WORDS = frozenset({"writer", "reporter", "correspondent", "editor", "columnist", "journalist",
                        "contributor", "photographer", "producer", "intern", "staff", "redakteur",
                        "redakteurin", "korrespondent", "korrespondentin", "journalistin", "volontär",
                        "volontärin", "fotograf", "fotografin", "mitarbeiter", "mitarbeiterin",
                        "chefredakteur", "chefredakteurin", "autorin", "rédacteur", "rédactrice",
                        "journaliste", "correspondant", "periodista", "redactor", "corresponsal",
                        # Analysts and researchers writing as such ("Ann Roe, Senior Analyst"; "Bob Poe,
                        # Professor of Law" is longer than a role and stays out).
                        "analyst", "commentator", "researcher", "professor", "lecturer", "scientist",
                        "economist", "strategist", "ceo", "consultant", "blogger", "analystin", "professorin",
                        "wissenschaftler", "wissenschaftlerin", "chroniqueur",
                        "chroniqueuse", "envoyé", "envoyée", "analista", "columnista", "enviado", "enviada",
                        "giornalista", "inviato", "inviata", "corrispondente", "redattore", "redattrice",
                        "jornalista", "repórter", "correspondente", "colunista", "redator", "redatora",
                        "verslaggever", "verslaggeefster", "redacteur", "dziennikarz",
                        "dziennikarka", "redaktor", "redaktorka", "reporterka", "korespondent", "korespondentka",
                        "novinář", "novinářka", "zpravodaj", "zpravodajka", "skribent", "reportrar", "muhabir",
                        "muhabiri", "журналист", "корреспондент", "обозреватель", "редактор"})
# Offices that are also surnames ("Sam Fellows", "Anna Leiter", "Ann Host"): a role only after a word
# that qualifies them ("Research Fellow", "Bureau Chief", "Film Critic", "Podcast Host").
OFFICE_WORDS = frozenset({"critic", "anchor", "host", "fellow", "director", "chief", "president", "founder",
                          "leiter", "leiterin", "head"})
ROLE_QUALIFIERS = frozenset({"senior", "junior", "chief", "executive", "managing", "deputy", "associate",
                             "assistant", "contributing", "special", "foreign", "guest", "former", "founding",
                             "creative", "art", "film", "music", "food", "theatre", "theater", "news", "bureau",
                             "research", "visiting", "podcast", "radio", "tv", "political", "editorial",
                             "general", "regional", "co", "stellvertretender", "stellvertretende",
                             # departments a director or head runs ("Program Director", "Head of ...")
                             "program", "programme", "policy", "medical", "communications", "marketing",
                             "technical", "sales", "digital", "product", "project", "finance", "financial",
                             "legal", "operations", "development", "design", "data", "content", "social",
                             "media", "strategy", "science", "health", "education", "photo", "video", "sports",
                             "opinion", "features", "investigations", "graphics", "audience", "engineering"})
# Words of an institution standing beside a person's name in a byline ("Ann Roe, Example University"):
# the writer's affiliation, not a co-author. Alone, an institution is an author like any organisation.
AFFILIATION_WORDS = frozenset({"university", "universität", "université", "universidad", "università",
                               "universiteit", "college", "institute", "institut", "instituto", "istituto",
                               "school", "hochschule", "academy", "akademie", "hospital", "klinikum",
                               "laboratory", "centre", "center", "zentrum"})
# Separators between several names; "and"/"und"/"&" only split when both sides are short names.
LIST_SEPARATOR = re.compile(r"\s*(?:;|,|\|)\s*")
LEADING_AND = re.compile(r"^(?:and|und|et|y|&)\s+", re.IGNORECASE)
AND_SEPARATOR = re.compile(r"\s+(?:and|und|et|y|e|&)\s+|\s*&\s*", re.IGNORECASE)
# Academic degrees and credentials that follow a name after a comma ("Jane Roe, PhD").
DEGREES = frozenset({"phd", "ph.d.", "md", "m.d.", "ms", "msc", "m.sc.", "ma", "m.a.", "ba", "b.a.", "bsc",
                     "rd", "rdn", "ld", "cde", "mph", "mba", "rn", "dr", "prof", "jr", "jr.", "sr", "cpt",
                     "lmhc", "lcsw", "facp", "faan", "ibclc", "cscs", "do", "np", "pa-c", "dipl.-ing."})
# News agencies credited beside a reporter ("Jane Roe, dpa"): not an author of their own then.
AGENCIES = frozenset({"dpa", "afp", "ap", "reuters", "kna", "epd", "apa", "sid", "efe", "ansa", "dts", "ots",
                      "upi", "idea", "kathpress", "red", "redaktion", "dapd", "ddp", "sda", "ats", "lusa", "anp",
                      "belga", "pap", "tt", "ntb", "ritzau", "čtk", "ctk", "tasr", "aa", "dha", "iha", "тасс",
                      "риа", "интерфакс"})
AGENCY_CODE = re.compile(r"[A-Z][A-Z0-9-]{1,5}")
# Placeholders a CMS puts where no real name was entered.
PLACEHOLDERS = frozenset({"admin", "administrator", "wordpressadmin", "webmaster", "unknown", "anonymous",
                          "anonym", "user", "root", "editor", "author", "autor", "guest", "gast", "null",
                          "none", "n/a", "na", "default", "system", "test", "posted", "by", "von", "name",
                          "red", "zvg",
                          "agencies", "agency", "agenturen", "wires",
                          "unbekannt", "inconnu", "desconocido"})
# Weekdays and months (not those that are also first names, like April or June): a date line read as a
# byline holds one of them.
DATE_WORDS = frozenset({"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "januar",
                        "februar", "märz", "oktober", "november", "dezember", "january", "february",
                        "october", "december", "september"})
# Lower-case words that may sit inside a name ("Ursula von der Leyen", "Jose de la Cruz").
PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
                       "le", "zu", "zum", "ten", "ter", "bin", "ibn", "al", "el", "y", "e", "v.", "vom",
                       "st."})
# A closing remark in brackets; one holding a dot stays, since "(www.example.com)" marks a site name.
BRACKETED_REMARK = re.compile(r"(?<=\S)\s*[(\[][^().\[\]]*[)\]]\s*$")
BARE_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", re.IGNORECASE)
# The credit of the web agency or developer that some CMSs put in dc.creator or the footer: no writer.
WEB_CREDIT = re.compile(r"^(?:developed|designed|powered|programmed|coded)\s+by\b", re.IGNORECASE)
MAX_NAME_CHARS = 80
# The longest byline or declared author value read at all: a list of names is far shorter. Checked
# on entry, before TRAILER, PICTURE_CREDIT and _strip_edges, which are quadratic on long runs of
# spaces, separators or dots (100 KB declared values took minutes).
MAX_BYLINE_CHARS = 300
MAX_NAME_WORDS = 6
_JUNK = re.compile(r"@|://|\b(?:https?|javascript|mailto|data|tel|ftp|file):|www\.|\.(?:com|de|org|net)\b.*/"
                   r"|^\W*$|^\d[\d\s./:-]*$", re.IGNORECASE)
_DATE_LIKE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b(?:19|20)\d{2}\b")
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
_SOFT = re.compile("[\u00ad\u200b\u200c\u200d\ufeff]")
_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def normal(text: str) -> str:
    """Letters and digits only, case-folded: how two spellings of one name or site are compared."""
    return _ALNUM.sub("", text).casefold()


def normal_words(text: str) -> list[str]:
    """The case-folded words of a name, split at spaces, hyphens and punctuation."""
    return [w for w in _ALNUM.split(text.casefold()) if w]


def strip_byline(text: str) -> str:
    """A byline's text without its leading label ("By", "Von:") and its trailing date or separator."""
    text = _SOFT.sub("", text).replace("\n", " ").strip(" \t:|-–—,")
    inner = INNER_LABEL.search(text) if ":" in text else None  # a label ends with a colon
    if inner and inner.start() > 0:
        text = text[inner.end():]
        following = NEXT_LABEL.search(text)
        text = text[: following.start()] if following else text
    for _ in range(2):  # "Veröffentlicht von Autor: ..." has two labels
        stripped = BYLINE_PREFIX.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    trailer = TRAILER.search(text)
    if trailer and trailer.start() > 0:
        text = text[: trailer.start()]
    return _strip_edges(text)


def split_names(text: str) -> list[str]:
    """The names in one byline string, in order: "A, B and C" -> [A, B, C]; degrees and agencies dropped."""
    parts: list[str] = []
    text = PICTURE_CREDIT.sub("", text)
    for chunk in LIST_SEPARATOR.split(text):
        chunk = _drop_agency_suffix(chunk)
        pieces = AND_SEPARATOR.split(LEADING_AND.sub("", chunk))
        if len(pieces) > 1 and not all(_short_name(p) for p in pieces):
            pieces = [chunk]
        parts.extend(_strip_edges(p) for p in pieces)
    names = [p for i, p in enumerate(parts) if p and not (i and p.casefold() in DEGREES) and not _is_role(p)]
    if len(names) > 1:
        names = [n for n in names if not _credit_beside_name(n)] or names
    return names


def _credit_beside_name(part: str) -> bool:
    """A part of a byline of several that credits no writer: an agency ("dpa"), a place the writer
    filed from ("Ann Roe, London") or the writer's institution ("Ann Roe, Example University")."""
    folded = part.casefold()
    if folded in AGENCIES or AFFILIATION_WORDS.intersection(normal_words(part)):
        return True
    # Longer than two letters: "Ann Roe, JM" gives initials, not Jamaica.
    return len(part) > 2 and len(part.split()) <= 3 and country_index().code_of(part) is not None


def _drop_agency_suffix(text: str) -> str:
    """"Ann Roe/dpa" or "Ann Roe/SP-X" -> "Ann Roe": a short agency code after a slash is a credit."""
    head, slash, tail = text.rpartition("/")
    if slash and head.strip() and " " in head.strip() and (tail.strip().casefold() in AGENCIES
                                                           or AGENCY_CODE.fullmatch(tail.strip())):
        return head.strip()
    return text


def _is_role(text: str) -> bool:
    """A job title standing where a name would: "Staff Writer", "Senior Correspondent", "Redakteurin";
    an office that is also a surname only when qualified ("Bureau Chief", not "Sam Fellows")."""
    words = text.casefold().split()
    if not words or len(words) > 5:
        return False
    last = words[-1]
    if last in ROLE_WORDS or last.removesuffix("s") in ROLE_WORDS:
        return True
    return last in OFFICE_WORDS and (len(words) == 1 or any(w.strip("-") in ROLE_QUALIFIERS for w in words[:-1]))


def _strip_edges(text: str) -> str:
    """Separators and a closing remark in brackets trimmed ("Ann Roe (Gastbeitrag)"); a final full
    stop too, unless it ends an initial ("Ana Ruiz C.")."""
    if text.rstrip().endswith((")", "]")):
        text = BRACKETED_REMARK.sub("", text)
    text = text.strip(" \t:|-–—,;·•/")
    while text.endswith(".") and len(text.rsplit(" ", 1)[-1]) > 2:
        text = text[:-1].rstrip()
    return text


def _short_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w in PARTICLES for w in words)


def _phrase(name: str) -> bool:
    """Several words opening in lower case ("unsere Redaktion", "deinen Bloggern"): wording, not a name.
    One lower-case word is a user name ("jdoe") and stays; so does a particle ("van der Berg")."""
    words = name.split()
    return len(words) > 1 and words[0][:1].islower() and words[0] not in PARTICLES


def is_junk(name: str) -> bool:
    """An e-mail, a URL, a date, a placeholder, a number or a string too long to be a byline."""
    if len(name) < 2 or len(name) > MAX_NAME_CHARS or len(name.split()) > 10:
        return True
    if not _WORD.search(name) or _DATE_LIKE.search(name):
        return True
    # With a letter in it, _JUNK needs an "@", a ":" or a ".": most names have none of them.
    if ("@" in name or ":" in name or "." in name) and _JUNK.search(name):
        return True
    return name.casefold().strip(". ") in PLACEHOLDERS


def looks_like_person(name: str, strict: bool) -> bool:
    """A plausible name in visible text: a few capitalised words (particles allowed), or one user name.

    strict (free text after "By"/"Von"): every word must be capitalised, so "Von wegen" or "By the way"
    is not read as a byline. Otherwise one lower-case handle ("flerche") is accepted too.
    """
    words = name.split()
    if is_junk(name) or any(word.strip(".,").casefold() in DATE_WORDS for word in words):
        return False
    if len(words) > MAX_NAME_WORDS:
        return False
    if len(words) == 1 and not strict:
        return True
    capitalised = [w for w in words if w[:1].isupper() or (w[:1].isdigit() is False and not w[:1].isalpha())]
    particles = [w for w in words if w in PARTICLES]
    return bool(capitalised) and len(capitalised) + len(particles) == len(words) and words[0][:1].isupper()


def site_names(page: Page) -> frozenset[str]:
    """Normalised names the site goes by: og:site_name, publisher, WebSite name, its domain's main label.

    Read once per page: every author rule holds its names to them.
    """
    return page.memo("names.site_names", lambda: _site_names(page))


def _site_names(page: Page) -> frozenset[str]:
    names: set[str] = set()
    for key in ("og:site_name", "application-name", "publisher", "dc.publisher"):
        names.update(normal(v) for v in page.meta.get(key, ()))
    for node in page.jsonld:
        if {"WebSite", "Organization", "NewsMediaOrganization"} & set(node.types):
            name = node.data.get("name")
            if isinstance(name, str):
                names.add(normal(name))
        publisher = node.data.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.add(normal(publisher["name"]))
    label = domain_label(page.url)
    if label:
        names.add(label)
    names.discard("")
    return frozenset(names)


def domain_label(url: str | None) -> str | None:
    """The registrable label of a URL's host: "news.example.co.uk" -> "example" (public suffix list)."""
    domain = registrable_domain(url)
    return normal(domain.split(".")[0]) if domain and not domain[0].isdigit() and ":" not in domain else None


def is_site(name: str, sites: AbstractSet[str]) -> bool:
    """The name is the site's own (or its domain), not a person or an outside organisation."""
    key = normal(BYLINE_PREFIX.sub("", name, count=1))
    if len(key) < 2:
        return False
    for site in sites:
        if key == site or (len(site) >= 4 and key.startswith(site)):
            return True
    return False


# How strictly a source's names are checked: declared data (meta, JSON-LD) only loses junk; a byline
# element must hold name-like words; free text after "By"/"Von" must be capitalised words.
DECLARED, ELEMENT, FREE_TEXT = "declared", "element", "free-text"


def authors_from_text(text: str, url: str | None = None, check: str = DECLARED) -> list[Author]:
    """Authors in one byline string: label and trailer stripped, split into names, junk dropped.

    A bare domain ("example.org") declared as author is the site or its web agency, never a byline;
    shown in a visible byline it is the page's own choice and kept. A value longer than
    MAX_BYLINE_CHARS is no list of names: it yields none.
    """
    if len(text) > MAX_BYLINE_CHARS or WEB_CREDIT.match(text.lstrip()):
        return []
    names = split_names(strip_byline(text))
    if check == DECLARED:
        return [Author(n, url) for n in names if not is_junk(n) and not BARE_DOMAIN.fullmatch(n)
                and not _phrase(n)]
    return [Author(n, url) for n in names if looks_like_person(n, strict=check == FREE_TEXT)]
