"""hypothesis strategies for structured, hostile HTML: the tags, attributes and JSON-LD extractors read.

Pages are built from the vocabulary the extractors look for (meta names, rel values, itemprops,
JSON-LD keys), filled with odd text (controls, surrogate-free unicode, markup-like fragments), and
nested arbitrarily, so a fuzz run reaches the rules rather than bouncing off empty pages.
"""
from __future__ import annotations

import json
from html import escape

from hypothesis import strategies as st

TAGS = ("div", "p", "span", "a", "h1", "h2", "time", "article", "section", "footer", "header", "li", "ul",
        "b", "i", "small", "address", "figure", "figcaption", "table", "td", "tr", "br", "img", "meta",
        "link", "script", "style", "noscript", "template", "svg", "iframe", "base", "title", "html", "body")
ATTRIBUTES = ("property", "name", "content", "rel", "href", "itemprop", "itemscope", "itemtype", "datetime",
              "lang", "class", "id", "src", "type", "charset", "http-equiv", "value", "title")
VOCABULARY = ("og:title", "og:site_name", "og:url", "og:description", "article:published_time",
              "article:modified_time", "article:author", "article:tag", "article:section", "author",
              "keywords", "news_keywords", "description", "dc.creator", "citation_author", "canonical",
              "author", "tag", "license", "copyright", "headline", "datePublished", "name", "byline",
              "application/ld+json", "text/html; charset=utf-8", "2024-03-05T08:30:00+01:00", "en-GB",
              "https://news.example/a/b?utm_source=x", "/relative/path", "javascript:void(0)", "//cdn.example/x",
              "mailto:desk@news.example", "© 2023 Coast Herald", "Tuesday, 5 March 2024", "de", "x-unknown")
ODD_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
TEXT = st.one_of(st.sampled_from(VOCABULARY), ODD_TEXT)

JSONLD_KEYS = ("@type", "@graph", "@id", "@context", "@value", "headline", "name", "author", "creator",
               "datePublished", "dateModified", "publisher", "keywords", "url", "inLanguage", "description",
               "articleSection", "mainEntityOfPage", "copyrightHolder", "copyrightYear", "license", "isPartOf")
JSONLD_TYPES = ("NewsArticle", "Article", "WebPage", "Person", "Organization", "BlogPosting",
                "http://schema.org/NewsArticle", "Thing")
JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT,
                         st.sampled_from(JSONLD_TYPES))
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.one_of(st.sampled_from(JSONLD_KEYS), ODD_TEXT), children,
                                               max_size=6)),
    max_leaves=25)


ARTICLE_NODES = st.fixed_dictionaries(
    {"@type": st.sampled_from(JSONLD_TYPES)},
    optional={key: JSON_VALUES for key in JSONLD_KEYS if key != "@type"})


@st.composite
def jsonld_script(draw: st.DrawFn) -> str:
    """A JSON-LD script: usually valid JSON shaped like schema.org, sometimes broken on purpose."""
    data = draw(st.one_of(ARTICLE_NODES, st.lists(ARTICLE_NODES, max_size=3),
                          st.fixed_dictionaries({"@graph": st.lists(ARTICLE_NODES, max_size=3)}), JSON_VALUES))
    text = json.dumps(data)
    breakage = draw(st.sampled_from(("", "", "", "truncate", "trailing-semicolon", "nan", "html")))
    if breakage == "truncate":
        text = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    elif breakage == "trailing-semicolon":
        text += ";"
    elif breakage == "nan":
        text = text.replace("null", "NaN")
    elif breakage == "html":
        text = text.replace('"', "&quot;")
    text = text.replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


@st.composite
def element(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    tag = draw(st.sampled_from(TAGS))
    attributes = draw(st.lists(st.tuples(st.sampled_from(ATTRIBUTES), TEXT), max_size=4))
    rendered = "".join(f' {name}="{escape(value, quote=True)}"' for name, value in attributes)
    inner = "".join(draw(st.lists(children, max_size=4)))
    closing = draw(st.sampled_from((f"</{tag}>", f"</{tag}>", "", "</div>")))  # sometimes unclosed or mismatched
    return f"<{tag}{rendered}>{inner}{closing}"


META_KEYS = tuple(v for v in VOCABULARY if ":" in v or v.isalpha() or "." in v)


@st.composite
def declared(draw: st.DrawFn) -> str:
    """A <meta>, <link> or <a> of the kind the extractors look for, with an odd value."""
    kind = draw(st.sampled_from(("meta", "link", "a")))
    value = escape(draw(TEXT), quote=True)
    if kind == "meta":
        attribute = draw(st.sampled_from(("property", "name", "itemprop", "http-equiv")))
        return f'<meta {attribute}="{draw(st.sampled_from(META_KEYS))}" content="{value}">'
    rel = draw(st.sampled_from(("canonical", "author", "tag", "license", "publisher", "alternate")))
    if kind == "link":
        return f'<link rel="{rel}" href="{value}">'
    return f'<a rel="{rel}" href="{value}">{escape(draw(TEXT))}</a>'


NODES = st.recursive(
    st.one_of(TEXT.map(escape), TEXT, jsonld_script(), declared()),
    lambda children: element(children),
    max_leaves=40)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A whole page: optional doctype, head-ish and body-ish content, in any order."""
    doctype = draw(st.sampled_from(("", "<!doctype html>", '<?xml version="1.0" encoding="utf-16"?>')))
    lang = draw(st.sampled_from(("", ' lang="en"', ' lang="pt-BR"', ' lang=""', ' xml:lang="fr"')))
    body = "".join(draw(st.lists(NODES, max_size=8)))
    return f"{doctype}<html{lang}>{body}</html>"
