"""Labelled taxonomies ("Region:", "Theme:", "In-depth Report:", "Schlagwörter:") and the section.

A labelled line is a taxonomy when its label is a known taxonomy word in one of the languages below,
when its values link to archive pages of the page's own site (/tag/x, /theme/y: how sites file
articles), or when it stands in one run of labelled lines with at least two known taxonomies
("In-depth Report:" under "Region:" and "Theme:"). Labels that say who, when or where from ("By:",
"Date:", "Source:", "Photo:"), values that are contacts or numbers, and lines in the site's chrome
(footer, navigation, sidebars) never are.
"""
from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from ahocorasick_rs import AhoCorasick

from service.extract.datetext import MONTHS
from service.extract.labels import LabelledLine, LabelledValues, labelled_lines
from service.extract.rules import Found, Rule, first_match, jsonld_value, meta_rule
from service.extract.zones import CHROME, page_zone
from service.page import Page, clean_text

# Taxonomy labels, casefolded, in English, German, Spanish, French, Italian, then Portuguese, Dutch,
# Polish, Czech, Swedish, Danish, Norwegian, Turkish and Russian.
TAXONOMY_LABELS = frozenset({
    "region", "regions", "theme", "themes", "topic", "topics", "tags", "tag", "tagged", "tagged with",
    "filed under", "posted in", "category", "categories", "section", "sections", "subject", "subjects",
    "keywords", "series", "dossier", "in-depth report", "country", "countries", "schlagwörter",
    "schlagworte", "stichwörter", "stichworte", "themen", "thema", "kategorie", "kategorien", "rubrik",
    "rubriken", "ressort", "länder", "land", "schlüsselwörter", "categoría", "categorías", "etiquetas",
    "etiqueta", "temas", "tema", "sección", "región", "regiones", "país", "países", "palabras clave",
    "catégorie", "catégories", "thèmes", "thème", "mots-clés", "mots clés", "étiquettes", "rubrique",
    "rubriques", "région", "pays", "sujets", "sujet", "categoria", "categorie", "argomenti", "argomento",
    "sezione", "regione", "paese",
    "palavras-chave", "assuntos", "assunto", "categorias", "seção", "secção", "editoria", "região",
    "trefwoorden", "trefwoord", "onderwerpen", "onderwerp", "rubriek", "rubrieken", "sectie", "thema's",
    "tagi", "tematy", "temat", "kategoria", "słowa kluczowe", "dział", "działy",
    "štítky", "témata", "téma", "rubrika", "klíčová slova", "sekce",
    "taggar", "ämnen", "ämne", "kategori", "kategorier", "nyckelord", "emner", "emne", "nøgleord", "stikkord",
    "emneord", "nøkkelord", "etiketler", "etiket", "konular", "konu", "anahtar kelimeler", "kategoriler",
    "теги", "метки", "рубрика", "рубрики", "категория", "категории", "темы", "тема", "ключевые слова", "раздел"
})
# Labels of people, dates, provenance and media: never a taxonomy, even inside a run of taxonomies.
NOT_TAXONOMY_LABELS = frozenset({
    "by", "von", "par", "por", "di", "author", "authors", "autor", "autoren", "auteur", "auteurs", "date",
    "datum", "fecha", "published", "updated", "posted", "source", "sources", "quelle", "quellen", "fuente",
    "fuentes", "photo", "photos", "image", "images", "foto", "fotos", "bild", "bilder", "email", "e-mail",
    "mail", "tel", "phone", "telefon", "fax", "note", "notes", "editor", "redaktion", "credit", "credits",
    "copyright", "disclaimer", "share", "teilen", "follow", "follow us", "update", "warning", "video",
    "audio", "listen", "watch", "read more", "see also", "related", "lesen sie auch", "mehr zum thema",
    "contact", "kontakt", "address", "adresse", "web", "website", "url",
    "fonte", "bron", "źródło", "zdroj", "källa", "kilde", "kaynak", "источник", "autorka", "autorzy", "yazar",
    "автор", "data", "дата", "tekst", "texto", "текст", "fotografia", "фото"
})
SECTION_LABELS = frozenset({"section", "rubrik", "ressort", "rubrique", "sección", "sezione", "seção", "secção",
                            "editoria", "rubriek", "sectie", "dział", "rubrika", "sekce", "рубрика", "раздел"})


# Words that make a label about people ("Articles by:", "Written by:"), and values that are contacts.
PERSON_LABEL_WORDS = frozenset({"by", "von", "par", "por", "di", "author", "authors", "autor", "auteur"})
CONTACT_VALUE = re.compile(r"@|\[email|^https?://", re.IGNORECASE)
# Path segments of archive pages that list the articles filed under one term (/theme/terrorism).
ARCHIVE_PATH_WORDS = frozenset({
    "tag", "tags", "category", "categories", "topic", "topics", "theme", "themes", "thema", "themen",
    "schlagwort", "schlagworte", "stichwort", "kategorie", "kategorien", "label", "labels", "section",
    "sections", "subject", "subjects", "keyword", "keywords", "region", "regions", "dossier",
    "dossiers", "series", "rubrik", "ressort", "tema", "temas", "etiqueta", "etiquetas", "categoria",
    "categorias", "rubrique", "sujet", "sujets", "mot-cle", "country", "countries", "assunto", "assuntos",
    "trefwoord", "trefwoorden", "onderwerp", "onderwerpen", "rubriek", "tagi", "temat", "tematy", "kategoria",
    "rubrika", "stitky", "taggar", "amne", "emne", "emner", "stikkord", "etiket", "etiketler", "konu", "kategori"
})
# Any archive path word anywhere in a link's target: a cheap test before the links are read and resolved
# (urlsplit drops tabs and line breaks from a URL, so the test does too).
ARCHIVE_WORDS = AhoCorasick(sorted(ARCHIVE_PATH_WORDS))
URL_DROPPED = str.maketrans("", "", "\t\r\n")
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
        for href in entry.hrefs:
            target = urlsplit(urljoin(base, href.strip()))
            segments = [s.casefold() for s in target.path.strip("/").split("/")[:-1]]
            if target.hostname != host or not ARCHIVE_PATH_WORDS.intersection(segments):
                return False
    except ValueError:  # a malformed page URL or href ("http://[::1/")
        return False
    return True


def _may_link_archives(page: Page, line: LabelledLine) -> bool:
    """Whether _archive_links can hold for the line once read: it has links, and an archive path word
    is in their targets or in the page's own path (which a relative target inherits)."""
    targets = line.link_targets()
    return bool(targets) and (_holds_archive_word(" ".join(targets))
                              or page.memo("taxonomy.archive_base", lambda: _archive_base(page)))


def _holds_archive_word(url: str) -> bool:
    return bool(ARCHIVE_WORDS.find_matches_as_indexes(url.translate(URL_DROPPED).casefold()))


def _archive_base(page: Page) -> bool:
    try:
        path = urlsplit(page.base_url or "").path
    except ValueError:
        return True  # let _archive_links decide
    return _holds_archive_word(path)


def _eligible_label(key: str) -> bool:
    return key not in NOT_TAXONOMY_LABELS and not PERSON_LABEL_WORDS & set(key.split())


def _eligible_values(entry: LabelledValues) -> bool:
    return (not any(CONTACT_VALUE.search(value) for value in entry.values)
            and all(any(c.isalpha() for c in value) for value in entry.values))


def _runs(lines: list[LabelledLine] | list[LabelledValues]) -> list[range]:
    """Index ranges of the runs of lines on consecutive text lines."""
    out, start = [], 0
    for end in range(1, len(lines) + 1):
        if end == len(lines) or lines[end].position != lines[end - 1].position + 1:
            out.append(range(start, end))
            start = end
    return out


def taxonomy_lines(page: Page) -> list[LabelledValues]:
    """The labelled lines of the page that are taxonomies, in document order.

    A line is one when its label is known, its values link to archive pages, or its run holds two
    known labels. Reading values and placing a line on the page cost, and few lines are taxonomies:
    a line that none of the three can make one (an unknown label without links to archive pages, in a
    run with fewer than two known labels even before values and zones thin it) is never read.
    """
    found = [(line, key) for line in labelled_lines(page, TAXONOMY_LABELS) if _eligible_label(key := _key(line.label))]
    known = [key in TAXONOMY_LABELS for _, key in found]
    in_known_run: set[int] = set()
    for run in _runs([line for line, _ in found]):
        if sum(known[i] for i in run) >= MIN_KNOWN_IN_RUN:
            in_known_run.update(run)
    lines: list[LabelledValues] = []
    vouched: list[bool] = []  # known or linked to archive pages: a taxonomy on its own
    known_lines: set[int] = set()
    for i, (line, _) in enumerate(found):
        if not (known[i] or i in in_known_run or _may_link_archives(page, line)):
            continue
        entry = line.read()
        if entry is None or not _eligible_values(entry):
            continue
        archive = not known[i] and _archive_links(page, entry)
        if (known[i] or archive or i in in_known_run) and page_zone(page, entry.element) != CHROME:
            if known[i]:
                known_lines.add(len(lines))
            vouched.append(known[i] or archive)
            lines.append(entry)
    accepted = {i for i, alone in enumerate(vouched) if alone}
    for run in _runs(lines):
        if len(known_lines.intersection(run)) >= MIN_KNOWN_IN_RUN:
            accepted.update(run)
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


# Names no page means as a section or theme: a template's field name or a crumb back home. A CMS's
# default category ("Uncategorized", "Allgemein") is what the page declares, and stays.
PLACEHOLDER_NAMES = frozenset({"tags", "tag", "category", "categories", "default", "none", "null", "undefined",
                               "n/a", "article", "articles", "post", "posts", "home", "startseite", "homepage"})
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_LETTERS = re.compile(r"[^\W\d_]+")
# Words a written date holds besides month names ("9 de diciembre de 2011", "the 9th of May 2011").
DATE_FILLERS = frozenset({"de", "del", "of", "the", "st", "nd", "rd", "th", "er", "le", "am"})


def filed_name(value: object, headline: str | None = None) -> str | None:
    """A declared section or theme name, entities read ("Natur &amp; Umwelt"), on one line; None for a
    placeholder, a date ("9-19 December 2011", "February 2012": an archive link) or the article's own
    headline, which some pages put in article:section or as the last crumb."""
    if not isinstance(value, str):
        return None
    name = clean_text(html.unescape(value)).replace("\n", " ")
    folded = name.casefold()
    if not name or folded in PLACEHOLDER_NAMES or (headline and folded == headline.casefold()):
        return None
    if _YEAR.search(name) and all(w in MONTHS or w in DATE_FILLERS for w in _LETTERS.findall(folded)):
        return None
    return name


def _first_string(value: Any, headline: str | None) -> str | None:
    values = value if isinstance(value, list) else [value]
    return next((name for v in values if (name := filed_name(v, headline))), None)


def _breadcrumb(page: Page, headline: str | None) -> str | None:
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
        return filed_name(crumbs[-1], headline) if crumbs else None
    return None


def section(page: Page, taxonomies: dict[str, list[str]], headline: str | None = None) -> Found[str] | None:
    """The section the page files the article under; taxonomies are the page's labelled taxonomies,
    headline the article's title (a section that repeats it is a mistake of the page)."""
    labelled = values_of(taxonomies, SECTION_LABELS)
    rules: list[Rule] = [
        ("meta", meta_rule("article:section", "section", "parsely-section", "dc.subject",
                           normalise=lambda value: _first_string(value, headline))),
        ("json-ld:articleSection",
         lambda p: _first_string(jsonld_value(p.article.data, "articleSection"), headline) if p.article else None),
        (f"text:label:{labelled[0]}" if labelled else "text:label",
         lambda p: filed_name(labelled[1][0], headline) if labelled else None),
        ("json-ld:BreadcrumbList", lambda p: _breadcrumb(p, headline)),
    ]
    return first_match(page, rules)
