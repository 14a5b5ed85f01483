"""Page: the one parse of an article's HTML, and the read-only views every extractor shares.

Each view is computed lazily, once, from the same lxml tree: JSON-LD nodes, meta tags, microdata
properties, links, and the visible text split into blocks. Extractors never parse again.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

# Elements whose content is never visible article text.
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "iframe",
                            "object", "select", "option", "button", "textarea"})
# Elements that start a new block of text; everything else is inline.
BLOCK_TAGS = frozenset({"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div",
                        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
                        "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
                        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
                        "caption", "center", "menu"})
# JSON-LD scripts larger than this are skipped (hostile or broken pages).
MAX_JSONLD_CHARS = 1_000_000
MAX_JSONLD_NODES = 2_000
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b\u2009\u202f]+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def clean_text(text: str) -> str:
    """Whitespace collapsed (non-breaking spaces included) and trimmed, line breaks kept."""
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class JsonLdNode:
    """One JSON-LD object with @type, and where it was found (for evidence)."""

    data: dict[str, Any]
    path: str  # e.g. "json-ld[0].@graph[2]"

    @property
    def types(self) -> tuple[str, ...]:
        raw = self.data.get("@type")
        values = raw if isinstance(raw, list) else [raw]
        return tuple(v.rsplit("/", 1)[-1] for v in values if isinstance(v, str))


@dataclass(frozen=True)
class Link:
    """An <a> or <link> element with an href, resolved against the page URL."""

    href: str
    rel: tuple[str, ...]
    text: str
    element: Any  # lxml element


@dataclass(frozen=True)
class Block:
    """A run of visible text that one block element holds directly (nested blocks are separate)."""

    text: str
    element: Any  # the enclosing block element


ARTICLE_TYPES = ("NewsArticle", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
                 "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "BlogPosting",
                 "Article", "ScholarlyArticle", "TechArticle", "Report", "SocialMediaPosting",
                 "DiscussionForumPosting", "Review", "Recipe", "VideoObject", "PodcastEpisode",
                 "WebPage", "ItemPage", "AboutPage", "CreativeWork")


class Page:
    """One parsed HTML document and its URL."""

    def __init__(self, html: str | bytes, url: str | None = None, headers: dict[str, str] | None = None):
        self.url = url
        self.headers = {k.lower(): v for k, v in (headers or {}).items()}
        self.warnings: list[str] = []
        self.tree = parse_html(html)

    # -- document-level values ------------------------------------------------------------
    @cached_property
    def base_url(self) -> str | None:
        base = self.tree.find(".//base[@href]") if self.tree is not None else None
        if base is not None and self.url:
            return urljoin(self.url, base.get("href", "").strip())
        return self.url

    def absolute(self, href: str | None) -> str | None:
        """href resolved against the page's base URL; only http(s) results are kept."""
        if not href:
            return None
        href = href.strip()
        try:
            resolved = urljoin(self.base_url, href) if self.base_url else href
            return resolved if urlsplit(resolved).scheme in {"http", "https"} else None
        except ValueError:  # malformed, e.g. "http://[not-an-ip]/"
            return None

    @cached_property
    def title_tag(self) -> str | None:
        node = self.tree.find(".//title")
        text = clean_text(node.text_content()) if node is not None else ""
        return text.replace("\n", " ") or None

    @cached_property
    def lang(self) -> str | None:
        value = self.tree.get("lang") or self.tree.get("{http://www.w3.org/XML/1998/namespace}lang")
        return value.strip() if value and value.strip() else None

    # -- structured data ----------------------------------------------------------------------
    @cached_property
    def jsonld(self) -> tuple[JsonLdNode, ...]:
        """Every JSON-LD object with an @type: top-level items and the members of @graph."""
        nodes: list[JsonLdNode] = []
        scripts = self.tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]')
        for index, script in enumerate(scripts):
            raw = script.text or ""
            if len(raw) > MAX_JSONLD_CHARS:
                self.warnings.append(f"json-ld[{index}] skipped: larger than {MAX_JSONLD_CHARS} characters")
                continue
            try:
                data = json.loads(raw.strip().rstrip(";"), strict=False)
            except (ValueError, RecursionError):
                self.warnings.append(f"json-ld[{index}] is not valid JSON")
                continue
            for node in _jsonld_members(data, f"json-ld[{index}]"):
                if len(nodes) >= MAX_JSONLD_NODES:
                    break
                nodes.append(node)
        return tuple(nodes)

    @cached_property
    def article(self) -> JsonLdNode | None:
        """The JSON-LD node that describes the article itself, most specific type first."""
        ranked = [(min((ARTICLE_TYPES.index(t) for t in n.types if t in ARTICLE_TYPES), default=None), i, n)
                  for i, n in enumerate(self.jsonld)]
        candidates = [(rank, i, n) for rank, i, n in ranked if rank is not None]
        return min(candidates, key=lambda c: (c[0], c[1]))[2] if candidates else None

    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """<meta> contents by lower-cased name, property, itemprop or http-equiv, in document order."""
        out: dict[str, list[str]] = {}
        for element in self.tree.iter("meta"):
            content = element.get("content")
            if content is None or not content.strip():
                continue
            for attr in ("property", "name", "itemprop", "http-equiv"):
                key = element.get(attr)
                if key:
                    out.setdefault(key.strip().lower(), []).append(content.strip())
        return out

    def meta_first(self, *keys: str) -> tuple[str, str] | None:
        """The first (key, content) among keys, in the order the keys are given."""
        for key in keys:
            values = self.meta.get(key)
            if values:
                return key, values[0]
        return None

    @cached_property
    def itemprops(self) -> dict[str, list[tuple[str, Any]]]:
        """Microdata: (value, element) by itemprop name, values read as the spec says per element."""
        out: dict[str, list[tuple[str, Any]]] = {}
        for element in self.tree.xpath("//*[@itemprop]"):
            if element.tag == "meta":
                value = element.get("content", "")
            elif element.tag in {"a", "link", "area"}:
                value = element.get("href", "")
            elif element.tag in {"img", "audio", "video", "source", "embed", "iframe"}:
                value = element.get("src", "")
            elif element.tag in {"time", "data", "meter"}:
                value = element.get("datetime") or element.get("value") or element.text_content()
            else:
                value = element.get("content") or element.text_content()
            value = clean_text(value).replace("\n", " ")
            for name in element.get("itemprop", "").split():
                out.setdefault(name, []).append((value, element))
        return out

    @cached_property
    def links(self) -> tuple[Link, ...]:
        out = []
        for element in self.tree.iter("a", "link"):
            href = self.absolute(element.get("href"))
            if not href:
                continue
            rel = tuple(element.get("rel", "").lower().split())
            text = clean_text(element.text_content()).replace("\n", " ") if element.tag == "a" else ""
            out.append(Link(href=href, rel=rel, text=text, element=element))
        return tuple(out)

    def links_with_rel(self, rel: str) -> list[Link]:
        return [link for link in self.links if rel in link.rel]

    # -- visible text -------------------------------------------------------------------------
    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """Visible text in document order, one Block per run of text a block element holds directly."""
        out: list[Block] = []
        if self.tree is None:
            return ()
        body = self.tree.find("body")
        _collect_blocks(body if body is not None else self.tree, out)
        return tuple(out)

    def css_path(self, element: Any) -> str:
        """A short CSS-like path to element, for evidence ("body > div#main > p:nth-of-type(3)")."""
        parts: list[str] = []
        node = element
        while node is not None and isinstance(node.tag, str) and node.tag != "html":
            part = node.tag
            if node.get("id"):
                parts.append(f"{part}#{node.get('id').strip()}")
                break
            classes = node.get("class", "").split()
            if classes:
                part += "." + ".".join(classes[:2])
            parent = node.getparent()
            if parent is not None:
                same = [c for c in parent if c.tag == node.tag]
                if len(same) > 1:
                    part += f":nth-of-type({same.index(node) + 1})"
            parts.append(part)
            node = parent
        return " > ".join(reversed(parts))


def _jsonld_members(data: Any, path: str, depth: int = 0) -> Iterator[JsonLdNode]:
    if depth > 3:
        return
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from _jsonld_members(item, f"{path}[{i}]", depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            yield JsonLdNode(data, path)
        graph = data.get("@graph")
        if isinstance(graph, (list, dict)):
            yield from _jsonld_members(graph, f"{path}.@graph", depth + 1)


def _collect_blocks(root: Any, out: list[Block]) -> None:
    """Walk the tree once, splitting text at block boundaries; iterative to survive deep nesting."""
    buffer: list[str] = []
    owner_stack: list[Any] = [root]

    def flush() -> None:
        text = clean_text("".join(buffer))
        buffer.clear()
        if text:
            out.append(Block(text=text, element=owner_stack[-1]))

    # Events: ("start", el) / ("end", el) emulated with an explicit stack.
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else None
        if closing:
            if tag in BLOCK_TAGS:
                flush()
                owner_stack.pop()
            if element is not root and element.tail:
                buffer.append(element.tail)
            continue
        if tag is None:  # comment or processing instruction: only its tail is text
            if element.tail:
                buffer.append(element.tail)
            continue
        if tag in INVISIBLE_TAGS:
            if element is not root and element.tail:
                buffer.append(element.tail)
            continue
        if tag in BLOCK_TAGS:
            flush()
            owner_stack.append(element)
        elif tag == "br":
            buffer.append("\n")
        if element.text:
            buffer.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()


def parse_html(html: str | bytes) -> Any:
    """Parse with lxml's HTML parser; always returns an <html> root, even for empty or odd input."""
    if isinstance(html, str):
        html = _XML_DECL.sub("", html, count=1).encode("utf-8", "surrogatepass")
        encoding = "utf-8"
    else:
        encoding = None
    parser = lxml.html.HTMLParser(encoding=encoding, remove_blank_text=False, collect_ids=False)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        root = None
    if root is None:
        root = lxml.html.document_fromstring("<html><body></body></html>")
    return root
