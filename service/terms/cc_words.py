"""How Creative Commons licences are named and stated, one table per language: data, not code.

Each language gives the names of the four licence elements (as CC's own translations of the deeds
name them), country names that mark a national port, words that mark an unported licence, and the
verbs or labels that make a licence's name a statement about the content ("licensed under", "steht
unter einer ... Lizenz"). Lower case; "-" and spaces are interchangeable in element names. Adding a
language is adding a table here.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CcLanguage:
    elements: dict[str, tuple[str, ...]]  # "by" | "nc" | "nd" | "sa" -> names
    countries: dict[str, str] = field(default_factory=dict)  # country name -> port code
    unported: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()  # regular expressions, matched case-insensitively


LANGUAGES: dict[str, CcLanguage] = {
    "en": CcLanguage(
        elements={"by": ("attribution",), "nc": ("noncommercial", "non commercial"),
                  "nd": ("noderivatives", "noderivs", "no derivatives", "no derivative works", "no derivs"),
                  "sa": ("sharealike", "share alike")},
        countries={"germany": "de", "austria": "at", "switzerland": "ch", "spain": "es", "france": "fr",
                   "italy": "it", "united states": "us", "netherlands": "nl", "brazil": "br",
                   "portugal": "pt", "poland": "pl"},
        unported=("unported", "international", "generic"),
        statements=(r"licen[cs]ed\b", r"available under", r"released under", r"published under",
                    r"distributed under", r"made available under", r"under (?:a|the) creative commons",
                    r"licen[cs]e\s*:", r"terms of (?:the|a) creative commons")),
    "de": CcLanguage(
        elements={"by": ("namensnennung",),
                  "nc": ("nicht kommerziell", "nichtkommerziell", "keine kommerzielle nutzung",
                         "nicht kommerzielle"),
                  "nd": ("keine bearbeitung", "keine bearbeitungen"),
                  "sa": ("weitergabe unter gleichen bedingungen",)},
        countries={"deutschland": "de", "österreich": "at", "oesterreich": "at", "schweiz": "ch",
                   "spanien": "es", "frankreich": "fr", "italien": "it", "vereinigte staaten": "us",
                   "niederlande": "nl"},
        unported=("international",),
        statements=(r"lizenziert", r"steht unter", r"stehen unter", r"veröffentlicht unter",
                    r"unter (?:einer|der) (?:[\w-]+ )?lizenz", r"lizenz\s*:", r"lizenzvertrag")),
    "es": CcLanguage(
        elements={"by": ("reconocimiento", "atribución", "atribucion"), "nc": ("nocomercial", "no comercial"),
                  "nd": ("sinobraderivada", "sin obra derivada", "sin obras derivadas", "sinderivadas",
                         "sin derivadas"),
                  "sa": ("compartirigual", "compartir igual")},
        countries={"españa": "es", "alemania": "de", "suiza": "ch", "francia": "fr",
                   "estados unidos": "us"},
        unported=("internacional", "genérica"),
        statements=(r"bajo (?:una|la|los términos de la) licencia", r"licencia\s*:", r"publicad[oa]s? bajo",
                    r"distribuid[oa]s? bajo", r"están? bajo")),
    "fr": CcLanguage(
        elements={"by": ("paternité", "paternite", "attribution"),
                  "nc": ("pas d'utilisation commerciale", "pas d’utilisation commerciale"),
                  "nd": ("pas de modification",),
                  "sa": ("partage dans les mêmes conditions", "partage dans les memes conditions")},
        countries={"france": "fr", "allemagne": "de", "autriche": "at", "suisse": "ch", "espagne": "es",
                   "italie": "it", "états-unis": "us"},
        unported=("international", "générique"),
        statements=(r"sous (?:la |une )?licence", r"licence\s*:", r"mis à disposition selon", r"placés? sous")),
    "it": CcLanguage(
        elements={"by": ("attribuzione",), "nc": ("non commerciale", "uso non commerciale"),
                  "nd": ("non opere derivate",), "sa": ("condividi allo stesso modo",)},
        countries={"italia": "it", "germania": "de", "svizzera": "ch", "spagna": "es", "stati uniti": "us"},
        unported=("internazionale", "generica"),
        statements=(r"con licenza", r"sotto (?:la |una )?licenza", r"licenza\s*:", r"rilasciat[oi] (?:con|sotto)",
                    r"distribuit[oi] con")),
    "pt": CcLanguage(
        elements={"by": ("atribuição", "atribuicao"), "nc": ("nãocomercial", "não comercial"),
                  "nd": ("semderivações", "sem derivações"), "sa": ("compartilhaigual", "compartilha igual")},
        countries={"brasil": "br", "portugal": "pt"},
        unported=("internacional",),
        statements=(r"licenciad[oa]s? (?:sob|com)", r"sob (?:a |uma )?licença", r"licença\s*:")),
    "nl": CcLanguage(
        elements={"by": ("naamsvermelding",), "nc": ("niet commercieel", "nietcommercieel"),
                  "nd": ("geen afgeleide werken", "geenafgeleidewerken"), "sa": ("gelijk delen", "gelijkdelen")},
        countries={"nederland": "nl"},
        unported=("internationaal",),
        statements=(r"gelicenseerd", r"valt onder", r"onder (?:een|de) (?:creative commons[- ])?licentie")),
    "ca": CcLanguage(
        elements={"by": ("reconeixement",), "nc": ("no comercial",), "nd": ("sense obres derivades",),
                  "sa": ("compartir igual",)},
        statements=(r"llicència",)),
    "pl": CcLanguage(
        elements={"by": ("uznanie autorstwa",), "nc": ("użycie niekomercyjne",),
                  "nd": ("bez utworów zależnych",), "sa": ("na tych samych warunkach",)},
        countries={"polska": "pl"},
        statements=(r"na licencji",)),
    "sv": CcLanguage(
        elements={"by": ("erkännande",), "nc": ("ickekommersiell",), "nd": ("inga bearbetningar",),
                  "sa": ("dela lika",)},
        statements=(r"licensierad under",)),
}


def element_names() -> dict[str, tuple[str, ...]]:
    """Every language's names for each element, merged."""
    out: dict[str, list[str]] = {"by": [], "nc": [], "nd": [], "sa": []}
    for language in LANGUAGES.values():
        for element, names in language.elements.items():
            out[element].extend(n for n in names if n not in out[element])
    return {element: tuple(names) for element, names in out.items()}


def country_ports() -> dict[str, str]:
    """Every language's country names -> port code, merged."""
    return {name: code for language in LANGUAGES.values() for name, code in language.countries.items()}


def unported_words() -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for language in LANGUAGES.values() for w in language.unported))


def statement_patterns() -> tuple[str, ...]:
    return tuple(p for language in LANGUAGES.values() for p in language.statements)
