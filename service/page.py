"""Page: the one parse of an article's HTML, and the read-only views every extractor shares.

Each view is computed lazily, once, from the same lxml tree: JSON-LD nodes, meta tags, microdata
properties, links, and the visible text split into blocks. Extractors never parse again.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import Any, TypeVar
from urllib.parse import urljoin, urlparse, urlsplit, urlunparse

import lxml.etree
import lxml.html
from ahocorasick_rs import AhoCorasick

from service.blocks import BLOCK_TAGS, INVISIBLE_TAGS, Block, clean_text, text_blocks
from service.replay import drop_replay_toolbar
from service.structured import ARTICLE_TYPES, Itemprops, JsonLdNode, article_node, itemprop_value, read_jsonld

# Re-exported: extractors import these from here (they live in service.blocks and service.structured).
__all__ = ["ARTICLE_TYPES", "BLOCK_TAGS", "INVISIBLE_TAGS", "Block", "JsonLdNode", "Link", "Page", "clean_text",
           "itemprop_value", "parse_html"]

T = TypeVar("T")

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
WEB_SCHEMES = frozenset({"http", "https"})
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


class Link:
    """An <a> or <link> element with an href, resolved against the page URL.

    href and text are worked out on first use: a page has hundreds of links and most extractors
    look only at the few with a given rel.
    """

    __slots__ = ("_href", "_page", "_raw", "_text", "element", "rel")

    def __init__(self, page: Page, element: Any, raw_href: str, rel: tuple[str, ...]):
        self.element = element
        self.rel = rel
        self._page = page
        self._raw = raw_href
        self._href: str | None = None
        self._text: str | None = None

    @property
    def href(self) -> str:
        if self._href is None:
            self._href = self._page.absolute(self._raw) or self._raw
        return self._href

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = (clean_text(self.element.text_content()).replace("\n", " ")
                          if self.element.tag == "a" else "")
        return self._text

    def __repr__(self) -> str:
        return f"Link({self.href!r}, rel={self.rel!r})"


class Page:
    """One parsed HTML document and its URL."""

    def __init__(self, html: str | bytes, url: str | None = None, headers: dict[str, str] | None = None):
        self.url = url
        self.headers = {k.lower(): v for k, v in (headers or {}).items()}
        self.warnings: list[str] = []
        self._memo: dict[str, Any] = {}
        self._resolved: dict[str, str | None] = {}
        self._links_by_rel: dict[str, list[Link]] = {}
        self.tree = parse_html(html)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """compute() once per page under key: lets extractors share derived views they own."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    # -- document-level values ------------------------------------------------------------
    @cached_property
    def base_url(self) -> str | None:
        base = self.tree.find(".//base[@href]") if self.tree is not None else None
        if base is not None and self.url:
            try:
                return urljoin(self.url, base.get("href", "").strip())
            except ValueError:  # a malformed <base href>: keep the page URL
                return self.url
        return self.url

    @cached_property
    def _base_scheme(self) -> str | None:
        """The base URL's scheme, when the base parses: what urljoin compares an absolute href's to."""
        try:
            return urlparse(self.base_url).scheme if self.base_url else None
        except ValueError:
            return None

    def absolute(self, href: str | None) -> str | None:
        """href resolved against the page's base URL; only http(s) results are kept.

        Each distinct href is resolved once per page: menus and footers repeat a quarter of a page's links.
        """
        if not href:
            return None
        if href not in self._resolved:
            self._resolved[href] = self._resolve(href)
        return self._resolved[href]

    def _resolve(self, href: str) -> str | None:
        href = href.strip()
        if href.startswith(("http://", "https://")) and self._base_scheme is not None:
            # Most links are absolute already: what urljoin does with them, without parsing the base
            # again for each one (a page has hundreds of links, the terms read them all).
            try:
                parts = urlparse(href)
            except ValueError:  # malformed, e.g. "http://[not-an-ip]/"
                return None
            if parts.netloc:
                return href if parts.scheme != self._base_scheme else urlunparse(parts)
        try:
            resolved = urljoin(self.base_url, href) if self.base_url else href
            return resolved if urlsplit(resolved).scheme in {"http", "https"} else None
        except ValueError:  # malformed, e.g. "http://[not-an-ip]/"
            return None

    @cached_property
    def title_tag(self) -> str | None:
        head = self.tree.find("head")
        node = next(head.iter("title"), None) if head is not None else None
        node = node if node is not None else next(self.tree.iter("title"), None)
        text = clean_text("".join(node.itertext())) if node is not None else ""  # text_content() runs an XPath
        return text.replace("\n", " ") or None

    @cached_property
    def lang(self) -> str | None:
        value = self.tree.get("lang") or self.tree.get("{http://www.w3.org/XML/1998/namespace}lang")
        return value.strip() if value and value.strip() else None

    # -- structured data ----------------------------------------------------------------------
    @cached_property
    def jsonld(self) -> tuple[JsonLdNode, ...]:
        """Every JSON-LD object with an @type: top-level items and the members of @graph."""
        return read_jsonld(self.tree, self.warnings)

    @cached_property
    def article(self) -> JsonLdNode | None:
        """The JSON-LD node that describes the article itself, most specific type first."""
        return article_node(self.jsonld)

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

    @cached_property
    def itemprops(self) -> Mapping[str, list[tuple[str, Any]]]:
        """Microdata: (value, element) by itemprop name, values read as the spec says per element.

        A read-only mapping whose values are read on first access per name: an itemprop such as
        articleBody holds the whole article, and most pages never ask for it.
        """
        self._walk_body()
        return self.__dict__["itemprops"]  # type: ignore[no-any-return]

    @cached_property
    def links(self) -> tuple[Link, ...]:
        """Every <a>/<link> whose href resolves to an http(s) URL, in document order."""
        return tuple(filter(None, map(self._link, self.tree.iter("a", "link"))))

    def links_where(self, keep: Callable[[Any], bool]) -> list[Link]:
        """The links whose element passes keep, a cheap test of its raw attributes, in document order.

        A Link for each of a page's hundreds of anchors costs more than a finder that wants a few of
        them (licence links): it tests the raw element first, and only those that pass become Links.
        """
        if "links" in self.__dict__:
            return [link for link in self.links if keep(link.element)]
        return list(filter(None, (self._link(e) for e in self.tree.iter("a", "link") if keep(e))))

    def links_with_rel(self, rel: str) -> list[Link]:
        """The links whose rel attribute lists rel ("author", "tag", "canonical", "license")."""
        if rel not in self._links_by_rel:
            self._links_by_rel[rel] = list(filter(None, map(self._link, self._rel_elements.get(rel, ()))))
        return list(self._links_by_rel[rel])  # a copy: callers may sort or extend theirs

    @cached_property
    def _rel_elements(self) -> dict[str, list[Any]]:
        """<a>/<link> elements by each lower-cased token of their rel, in document order.

        Most rel attributes say noopener or nofollow: Links are made only for the tokens asked for.
        """
        out: dict[str, list[Any]] = {}
        for element in self.tree.iter("a", "link"):
            rel = element.get("rel")
            if rel:
                for token in rel.lower().split():
                    out.setdefault(token, []).append(element)
        return out

    @cached_property
    def _relative_links_ok(self) -> bool:
        try:
            return bool(self.base_url) and urlsplit(self.base_url).scheme in WEB_SCHEMES
        except ValueError:
            return False

    def _link(self, element: Any) -> Link | None:
        raw = element.get("href")
        if not raw or not (raw := raw.strip()):
            return None
        if not raw.startswith(("https://", "http://")):
            scheme = _SCHEME.match(raw)
            if not (scheme.group(1).lower() in WEB_SCHEMES if scheme else self._relative_links_ok):
                return None
        rel = element.get("rel")
        return Link(self, element, raw, tuple(rel.lower().split()) if rel else ())

    # -- visible text -------------------------------------------------------------------------
    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """Visible text in document order, one Block per run of text a block element holds directly."""
        self._walk_body()
        return self.__dict__["blocks"]  # type: ignore[no-any-return]

    @cached_property
    def classed(self) -> tuple[tuple[Any, str], ...]:
        """Body elements with a class, and every h1, in document order, each with its lower-cased class.

        One list shared by the rules that look for page parts by class name (bylines, tag lists): they
        filter it with substring tests instead of each running its own XPath over the tree. It is
        gathered by the same walk as the blocks (see service.blocks).
        """
        self._walk_body()
        return self.__dict__["classed"]  # type: ignore[no-any-return]

    def _walk_body(self) -> None:
        """Fill the blocks, classed and itemprops views with one walk over the body.

        Each walk over the tree costs a Python object and attribute reads per element: the microdata
        elements are gathered by the walk the text needs anyway, and the head's few elements apart.
        """
        body = self.tree.find("body")
        classed: list[tuple[Any, str]] = []
        if body is None:  # no body (an empty or odd document): the whole tree, read the plain way
            self.__dict__["blocks"] = text_blocks(self.tree)
            marked = [e for e in self.tree.iter(lxml.etree.Element) if e.get("itemprop") is not None]
        else:
            head = self.tree.find("head")
            marked = [e for e in head.iter(lxml.etree.Element) if e.get("itemprop") is not None] \
                if head is not None else []
            self.__dict__["blocks"] = text_blocks(body, classed, marked)
        self.__dict__["classed"] = tuple(classed)
        self.__dict__["itemprops"] = Itemprops(marked)

    def classed_containing(self, words: tuple[str, ...]) -> list[int]:
        """Indices into classed of the entries whose class holds one of words, in document order.

        One Aho-Corasick pass over all the page's classes joined, not a search per element or per
        word: a page has hundreds of classed elements and each rule wants a few. Words never hold a
        space or a line break.
        """
        joined = self._joined_classes
        starts = sorted(start for _, start, _ in _searcher(words).find_matches_as_indexes(joined, overlapping=True))
        found: list[int] = []
        line, counted, line_end = 0, 0, -1
        for at in starts:
            if at < line_end:  # another hit on the line already counted
                continue
            line += joined.count("\n", counted, at)  # hits come in order: count only the stretch since the last
            found.append(line)
            counted, line_end = at, joined.find("\n", at)
            if line_end < 0:
                break
        return found

    @cached_property
    def _joined_classes(self) -> str:
        """The classes of classed, one a line (a line break inside a class attribute becomes a space)."""
        classes = list(map(itemgetter(1), self.classed))
        joined = "\n".join(classes)
        if joined.count("\n") != len(classes) - 1 and classes:
            joined = "\n".join([text.replace("\n", " ") for text in classes])
        return joined

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


# Every element is an lxml.html.HtmlElement (text_content, cssselect...), chosen in C: lxml.html's own
# lookup runs Python code for each element touched, which cost more than the parse itself.
_ELEMENT_CLASSES = lxml.etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement)


def _parser(encoding: str | None) -> Any:
    # Comments and processing instructions are never content: dropping them at parse time keeps
    # every later walk over elements only.
    parser = lxml.etree.HTMLParser(encoding=encoding, remove_blank_text=False, collect_ids=False,
                                   remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    return parser


@lru_cache(maxsize=64)
def _searcher(words: tuple[str, ...]) -> AhoCorasick:
    """One automaton per word list a rule asks classed_containing about (rules pass constant tuples)."""
    return AhoCorasick(words)


def parse_html(html: str | bytes) -> Any:
    """Parse with lxml's HTML parser; always returns an <html> root, even for empty or odd input."""
    root, encoding = None, None
    if isinstance(html, str):
        html = _XML_DECL.sub("", html, count=1)
        try:  # lxml reads a str directly, a little faster than encoding it first
            root = lxml.html.document_fromstring(html, parser=_parser(None))
        except (lxml.etree.ParserError, ValueError):  # lone surrogates and the like: go through bytes
            html, encoding = html.encode("utf-8", "surrogatepass"), "utf-8"
    if root is None and isinstance(html, bytes):
        try:
            root = lxml.html.document_fromstring(html, parser=_parser(encoding))
        except (lxml.etree.ParserError, ValueError):
            root = None
    if root is None:
        root = lxml.html.document_fromstring("<html><body></body></html>")
    drop_replay_toolbar(root)
    return root
