"""Page lookups that skip most elements (classed_containing, links_where) find exactly what a test of
every element finds."""
from __future__ import annotations

from service.page import Page

CLASSED = """<html><body>
<div class="site-header"><a class="Tag-Link" href="/t/a">A</a></div>
<h1>Harbour plans approved</h1>
<p class="post-byline
   author-name">By Ann Roe</p>
<ul class="tags taglist"><li class="tag"><a href="/t/b" rel="tag">B</a></li></ul>
<script class="author-data"></script>
<svg class="icon"><g class="byline-icon"></g></svg>
<div class="footer"><span class="keywordnav">K</span><span class="autoren">X</span></div>
</body></html>"""

LINKS = """<html><head><link rel="canonical" href="https://news.example/a">
<link rel="stylesheet" href="/s.css"></head><body>
<a href="https://CreativeCommons.org/licenses/by/4.0/">CC BY</a>
<a rel="license" href="/terms">Terms</a><a href="/about">About</a><a rel="" href="/x">x</a>
<a href="mailto:desk@news.example" rel="author">Desk</a><a href="#top">Top</a>
</body></html>"""


def _every(page: Page, words: tuple[str, ...]) -> list[int]:
    return [i for i, (_, classes) in enumerate(page.classed) if any(word in classes for word in words)]


def test_classed_containing_agrees_with_a_search_of_every_class() -> None:
    page = Page(CLASSED, "https://news.example/a")
    for words in (("tag",), ("uthor", "byline"), ("autor", "keyword", "footer"), ("nothing-here",),
                  ("icon",), ("post-byline",)):
        assert page.classed_containing(words) == _every(page, words), words
    hits = [page.classed[i][1] for i in page.classed_containing(("uthor",))]
    assert any("post-byline" in classes for classes in hits)  # a class attribute spread over lines
    assert page.classed_containing(("tag-link",)) == _every(page, ("tag-link",)) != []  # lower-cased


def test_classed_containing_on_a_page_without_body_or_classes() -> None:
    assert Page("<p>plain</p>").classed_containing(("tag",)) == []
    assert Page("", None).classed_containing(("tag",)) == []


def test_links_where_keeps_what_filtering_every_link_keeps() -> None:
    def keep(element: object) -> bool:
        return element.get("rel") is not None or "creativecommons" in (element.get("href") or "").lower()

    fresh = Page(LINKS, "https://news.example/a")
    built = Page(LINKS, "https://news.example/a")
    expected = [link for link in built.links if keep(link.element)]
    assert [(lk.href, lk.rel) for lk in fresh.links_where(keep)] == [(lk.href, lk.rel) for lk in expected]
    assert [(lk.href, lk.rel) for lk in built.links_where(keep)] == [(lk.href, lk.rel) for lk in expected]
    assert [lk.href for lk in expected] == ["https://news.example/a", "https://news.example/s.css",
                                           "https://CreativeCommons.org/licenses/by/4.0/",
                                           "https://news.example/terms", "https://news.example/x"]
