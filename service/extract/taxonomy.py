"""Labelled taxonomies ("Region:", "Theme:", "In-depth Report:", "Schlagwörter:") and the section.

A labelled line is a taxonomy when its label is a known taxonomy word in one of the languages below,
when its values link to archive pages of the page's own site (/tag/x, /theme/y: how sites file
articles), or when it stands in one run of labelled lines with at least two known taxonomies
("In-depth Report:" under "Region:" and "Theme:"). Labels that say who, when or where from ("By:",
"Date:", "Source:", "Photo:"), values that are contacts or numbers, and lines in the site's chrome
(footer, navigation, sidebars) never are.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from service.extract.labels import LabelledValues, read_labels
from service.extract.rules import Found, Rule, first_match, jsonld_value, meta_rule
from service.extract.zones import CHROME, zone_of
from service.page import Page, clean_text

# Taxonomy labels, casefolded, in English, German, Spanish, French and Italian.
TAXONOMY_LABELS = frozenset({
    "region", "regions", "theme", "themes", "topic", "topics", "tags", "tag", "tagged", "tagged with",
    "filed under", "posted in", "category", "categories", "section", "sections", "subject", "subjects",
    "keywords", "series", "dossier", "in-depth report", "country", "countries", "schlagwörter",
    "schlagworte", "stichwörter", "stichworte", "themen", "thema", "kategorie", "kategorien", "rubrik",
    "rubriken", "ressort", "länder", "land", "schlüsselwörter", "categoría", "categorías", "etiquetas",
    "etiqueta", "temas", "tema", "sección", "región", "regiones", "país", "países", "palabras clave",
    "catégorie", "catégories", "thèmes", "thème", "mots-clés", "mots clés", "étiquettes", "rubrique",
    "rubriques", "région", "pays", "sujets", "sujet", "categoria", "categorie", "argomenti", "argomento",
    "sezione", "regione", "paese"
})
# Labels of people, dates, provenance and media: never a taxonomy, even inside a run of taxonomies.
NOT_TAXONOMY_LABELS = frozenset({
    "by", "von", "par", "por", "di", "author", "authors", "autor", "autoren", "auteur", "auteurs", "date",
    "datum", "fecha", "published", "updated", "posted", "source", "sources", "quelle", "quellen", "fuente",
    "fuentes", "photo", "photos", "image", "images", "foto", "fotos", "bild", "bilder", "email", "e-mail",
    "mail", "tel", "phone", "telefon", "fax", "note", "notes", "editor", "redaktion", "credit", "credits",
    "copyright", "disclaimer", "share", "teilen", "follow", "follow us", "update", "warning", "video",
    "audio", "listen", "watch", "read more", "see also", "related", "lesen sie auch", "mehr zum thema",
    "contact", "kontakt", "address", "adresse", "web", "website", "url"
})
INNER_LABEL = re.compile(r"\s+(?=(?:" + "|".join(
    re.escape(label) for label in sorted(TAXONOMY_LABELS, key=len, reverse=True) if label) + r")\s?:\s)",
    re.IGNORECASE)
SECTION_LABELS = frozenset({"section", "rubrik", "ressort", "rubrique", "sección", "sezione"})


# Words that make a label about people ("Articles by:", "Written by:"), and values that are contacts.
PERSON_LABEL_WORDS = frozenset({"by", "von", "par", "por", "di", "author", "authors", "autor", "auteur"})
CONTACT_VALUE = re.compile(r"@|\[email|^https?://", re.IGNORECASE)
# Path segments of archive pages that list the articles filed under one term (/theme/terrorism).
ARCHIVE_PATH_WORDS = frozenset({
    "tag", "tags", "category", "categories", "topic", "topics", "theme", "themes", "thema", "themen",
    "schlagwort", "schlagworte", "stichwort", "kategorie", "kategorien", "label", "labels", "section",
    "sections", "subject", "subjects", "keyword", "keywords", "region", "regions", "dossier",
    "dossiers", "series", "rubrik", "ressort", "tema", "temas", "etiqueta", "etiquetas", "categoria",
    "categorias", "rubrique", "sujet", "sujets", "mot-cle", "country", "countries"
})
MIN_KNOWN_IN_RUN = 2  # a run of labelled lines vouches for an unknown label when it holds this many known ones


def _key(label: str) -> str:
    return clean_text(label).casefold()


def _archive_links(page: Page, entry: LabelledValues) -> bool:
    """Every value links to an archive page of the page's own site (/tag/..., /theme/..., /thema/...):
    how a site files articles under a term."""
    if not entry.hrefs:
        return False
    base = page.base_url or "http://page.invalid/"
    try:
        host = urlsplit(base).hostname
        targets = [urlsplit(urljoin(base, href.strip())) for href in entry.hrefs]
    except ValueError:  # a malformed page URL or href ("http://[::1/")
        return False
    for target in targets:
        segments = [s.casefold() for s in target.path.strip("/").split("/")[:-1]]
        if target.hostname != host or not ARCHIVE_PATH_WORDS.intersection(segments):
            return False
    return True


def _eligible(entry: LabelledValues) -> bool:
    key = _key(entry.label)
    return (key not in NOT_TAXONOMY_LABELS and not PERSON_LABEL_WORDS & set(key.split())
            and not any(CONTACT_VALUE.search(value) for value in entry.values)
            and all(any(c.isalpha() for c in value) for value in entry.values)
            and zone_of(entry.element) != CHROME)


def taxonomy_lines(page: Page) -> list[LabelledValues]:
    """The labelled lines of the page that are taxonomies, in document order."""
    lines = [entry for entry in read_labels(page, INNER_LABEL) if _eligible(entry)]
    known = {i for i, entry in enumerate(lines) if _key(entry.label) in TAXONOMY_LABELS}
    accepted = known | {i for i, entry in enumerate(lines) if _archive_links(page, entry)}
    start = 0
    for end in range(1, len(lines) + 1):  # runs of consecutive labelled lines
        if end == len(lines) or lines[end].position != lines[end - 1].position + 1:
            if len(known.intersection(range(start, end))) >= MIN_KNOWN_IN_RUN:
                accepted.update(range(start, end))
            start = end
    return [entry for i, entry in enumerate(lines) if i in accepted]


def _labelled(page: Page) -> Found[dict[str, list[str]]] | None:
    out: dict[str, list[str]] = {}
    seen: set[str] = set()
    for entry in taxonomy_lines(page):
        if _key(entry.label) not in seen:  # the first occurrence of a label is the article's
            seen.add(_key(entry.label))
            out[entry.label] = list(entry.values)
    return Found(out, "text:labels") if out else None


def extract(page: Page) -> Found[dict[str, list[str]]] | None:
    """Every labelled taxonomy of the page: {label as on the page: [values]}."""
    return first_match(page, [("text:labels", _labelled)])


def values_of(taxonomies: dict[str, list[str]], labels: frozenset[str]) -> tuple[str, list[str]] | None:
    """The first taxonomy whose label is one of labels (casefolded): (label, values)."""
    for label, values in taxonomies.items():
        if _key(label) in labels:
            return label, values
    return None


def _first_string(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return clean_text(value).replace("\n", " ") or None if isinstance(value, str) else None


def _breadcrumb(page: Page) -> str | None:
    """The last crumb before the article itself, skipping the home crumb."""
    for node in page.jsonld:
        items = node.data.get("itemListElement") if "BreadcrumbList" in node.types else None
        if not isinstance(items, list):
            continue
        names = []
        for item in sorted((i for i in items if isinstance(i, dict)), key=lambda i: str(i.get("position", ""))):
            inner = item.get("item")
            name = item.get("name") or (inner.get("name") if isinstance(inner, dict) else None)
            if isinstance(name, str) and name.strip():
                names.append(clean_text(name))
        crumbs = names[1:-1] if len(names) >= 3 else names[1:]
        return crumbs[-1] if crumbs else None
    return None


def section(page: Page, taxonomies: dict[str, list[str]]) -> Found[str] | None:
    """The section the page files the article under; taxonomies are the page's labelled taxonomies."""
    labelled = values_of(taxonomies, SECTION_LABELS)
    rules: list[Rule] = [
        ("meta", meta_rule("article:section", "section", "parsely-section", "dc.subject", normalise=_first_string)),
        ("json-ld:articleSection",
         lambda p: _first_string(jsonld_value(p.article.data, "articleSection")) if p.article else None),
        (f"text:label:{labelled[0]}" if labelled else "text:label", lambda p: labelled[1][0] if labelled else None),
        ("json-ld:BreadcrumbList", _breadcrumb),
    ]
    return first_match(page, rules)
