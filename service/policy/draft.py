"""Draft verification: does the page the CMS is about to publish meet each obligation?

One checker per duty type; each returns (status, detail, evidence). Without a draft every obligation
is `unchecked` and its detail says what the draft must carry. Duties no page can show (notify the
publisher, disclose added reporting...) stay `unchecked`: a person confirms them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from service.domains import registrable_domain
from service.page import Page
from service.policy.body import body_paragraphs, headline
from service.policy.model import Obligation
from service.policy.origin import Original
from service.policy.text import Comparison, compare, contains_name, fold, sentences
from service.policy.urls import matches_any, same_url, url_key

CHANGE_NOTES = ("changed", "adapted", "modified", "edited", "translated", "abridged", "updated")
ORIGIN_PHRASES = ("originally published", "first published", "original source", "first appeared",
                  "republished from", "reprinted from", "published by")
MAX_REPORTED = 10
# Words that mark a draft sentence as attribution, not as text added to the article.
CREDIT_WORDS = frozenset({"copyright", "licensed", "license", "licence", "creative", "commons", "cc",
                          "originally", "published", "republished", "source", "courtesy", "reprinted"})
Result = tuple[str, str, dict[str, Any]]


@dataclass
class Draft:
    page: Page
    original: Original
    use: dict[str, Any]
    max_words: int

    def __post_init__(self) -> None:
        self.text = fold(" ".join(b.text for b in self.page.blocks))
        self.raw_text = " ".join(b.text for b in self.page.blocks)
        self.hrefs = [link.href for link in self.page.links if link.element.tag == "a"]
        self._comparison: Comparison | None = None

    def is_attribution(self, sentence: str) -> bool:
        """A credit line or licence notice, not text added to the article: it names the source, an
        author, the licence or the copyright holder, or uses credit words."""
        folded = fold(sentence)
        names = [*self.original.source_names, *self.original.authors, self.original.license_label,
                 self.original.copyright_holder]
        return bool(set(folded.split()) & CREDIT_WORDS) or any(contains_name(folded, n) for n in names if n)

    @property
    def comparison(self) -> Comparison:
        if self._comparison is None:
            original = sentences(body_paragraphs(self.original.page)) if self.original.page is not None else []
            self._comparison = compare(original, sentences(body_paragraphs(self.page)), self.is_attribution)
        return self._comparison


def _names(draft: Draft, names: list[str], what: str, need_all: bool) -> Result:
    if not names:
        return "unchecked", f"no {what} name was found on the original to look for", {}
    found = [n for n in names if contains_name(draft.text, n)]
    ok = (len(found) == len(names)) if need_all else bool(found)
    missing = [n for n in names if n not in found]
    if ok:
        return "met", f"the draft credits {', '.join(found)}", {"found": found}
    return "unmet", f"add the {what}: {', '.join(missing if need_all else names[:1])}", {"missing": missing}


def check_link_to_original(d: Draft) -> Result:
    """A hyperlink to the original (any of its equivalent URLs) somewhere in the draft."""
    linked = [h for h in d.hrefs if matches_any(h, d.original.urls)]
    if linked:
        return "met", "the draft links to the original", {"href": linked[0]}
    return "unmet", f"add a hyperlink to the original: {d.original.link}", {"expected": d.original.urls}


def check_copyright(d: Draft) -> Result:
    """The original's copyright line (holder, year, a © or 'copyright' mark) in the draft."""
    holder, year = d.original.copyright_holder, d.original.copyright_year
    if not holder and d.original.copyright_line is None:
        seen = [e.text for e in d.original.terms.evidence if "©" in e.text or "copyright" in e.text.lower()]
        if seen:  # the terms quote a notice the metadata did not read: a person compares
            return "unchecked", f"check that the draft carries the original's copyright line: {seen[0][:200]}", \
                {"notices": seen[:3]}
        return "met", "the original carries no copyright notice to reproduce", {}
    if not holder:
        return "unchecked", "the original's copyright notice names no holder to look for", {}
    marked = "©" in d.raw_text or "(c)" in d.raw_text.lower() or contains_name(d.text, "copyright")
    ok = marked and contains_name(d.text, holder) and (year is None or str(year) in d.raw_text)
    if ok:
        return "met", "the draft carries the copyright line", {"holder": holder, "year": year}
    return "unmet", f"add the copyright line: {d.original.copyright_line}", {"holder": holder, "year": year}


def check_license_notice(d: Draft) -> Result:
    """The licence named in the draft, by its label, name or id, or linked by its URL."""
    label, url = d.original.license_label, d.original.license_url
    names = [n for n in (label, d.original.terms.license.name, d.original.terms.license.id) if n]
    if any(contains_name(d.text, n) for n in names) or (url and any(same_url(h, url) for h in d.hrefs)):
        return "met", "the draft names the licence", {"licence": label}
    return "unmet", f"name the licence: {label}", {"licence": label}


def _licence_key(url: str | None) -> str | None:
    key = url_key(url)
    for tail in ("/legalcode", "/deed"):
        if key and tail in key:
            key = key[:key.index(tail)]
    return key.split("/deed.")[0] if key else None


def check_link_to_license(d: Draft) -> Result:
    """A hyperlink to the licence's deed or legal code (any language variant)."""
    url = d.original.license_url
    if not url:
        return "unchecked", "the licence's URL is not known", {}
    if any(_licence_key(h) == _licence_key(url) for h in d.hrefs):
        return "met", "the draft links to the licence", {"href": url}
    return "unmet", f"link the licence name to {url}", {"expected": url}


def check_canonical(d: Draft) -> Result:
    """A rel=canonical link in the draft that points to the original."""
    canon = [link.href for link in d.page.links_with_rel("canonical")]
    if any(matches_any(h, d.original.urls) for h in canon):
        return "met", "rel=canonical points to the original", {"href": canon[0]}
    return "unmet", f'add <link rel="canonical" href="{d.original.link}"> to the page head', {"found": canon}


def check_pixel(d: Draft) -> Result:
    """The publisher's tracking pixel: the named image URL, else any image from the original's site."""
    wanted = d.original.pixel_url
    sources = [d.page.absolute(img.get("src")) or "" for img in d.page.tree.iter("img")]
    if wanted:
        ok = any(same_url(s, wanted) for s in sources)
        return ("met", "the tracking pixel is in place", {"src": wanted}) if ok else \
            ("unmet", f"add the tracking pixel <img src=\"{wanted}\">", {"expected": wanted})
    home = registrable_domain(d.original.url)
    if home and any(registrable_domain(s) == home for s in sources):
        return "met", "an image from the original's site (its pixel) is in place", {}
    return "unmet", "add the publisher's tracking pixel (see its republishing page)", {}


def check_headline(d: Draft) -> Result:
    """The draft's headline equals the original's (case, accents and punctuation aside)."""
    title, drafted = d.original.title, headline(d.page)
    if not title:
        return "unchecked", "the original's headline is not known", {}
    if fold(drafted) == fold(title):
        return "met", "the headline is unchanged", {"headline": drafted}
    return "unmet", f"keep the original headline: {title}", {"draft": drafted, "original": title}


def check_no_edits(d: Draft) -> Result:
    """No sentence of the original changed in the draft (times, places and house style tolerated)."""
    if d.original.page is None:
        return "unchecked", "the original's text is not available to compare", {}
    result = d.comparison
    changes = result.changes
    evidence = {"changed": [{"draft": c.draft, "original": c.original, "similarity": c.similarity, "kind": c.kind}
                            for c in changes[:MAX_REPORTED]], "omitted": list(result.omitted[:MAX_REPORTED])}
    if changes:
        quoted = "; ".join(f'"{c.draft}" ({c.kind})' for c in changes[:3])
        detail = f"the terms allow no edits; {len(changes)} sentence(s) differ from the original: {quoted}"
        return "unmet", detail, evidence
    return "met", "the body text is the original's (time, place and house style aside)", evidence


def check_excerpt(d: Draft) -> Result:
    """The words of the original the draft quotes stay within the excerpt allowance."""
    if d.original.page is not None:
        words = d.comparison.quoted_words
    else:
        words = len(" ".join(body_paragraphs(d.page)).split())
    status = "met" if words <= d.max_words else "unmet"
    detail = f"{words} words of the original quoted; the allowance is {d.max_words}"
    return status, detail, {"words": words, "max_words": d.max_words}


def check_exact_credit(d: Draft, text: str | None) -> Result:
    """A credit line the terms or an agreement prescribe, word for word, in the draft."""
    if not text:
        return "unchecked", "no exact credit line is known", {}
    if contains_name(d.text, text):
        return "met", "the draft carries the required credit line", {"credit": text}
    return "unmet", f"add the credit line exactly: {text}", {"credit": text}


def check_originally_published(d: Draft) -> Result:
    """An 'originally published by/at' line in the draft naming the source."""
    phrase = any(p in d.text for p in ORIGIN_PHRASES)
    if phrase and any(contains_name(d.text, n) for n in d.original.source_names):
        return "met", "the draft says where the article was first published", {}
    name = (d.original.source_names or ["the source"])[0]
    return "unmet", f"add a line such as: This article was originally published by {name}.", {}


def check_indicate_changes(d: Draft) -> Result:
    """A note that the article was changed, when the draft changed it."""
    if d.original.page is not None and not d.comparison.changes:
        return "met", "nothing was changed, so there is nothing to indicate", {}
    if any(word in d.text.split() for word in CHANGE_NOTES):
        return "met", "the draft says it was changed", {}
    return "unmet", "say that the article was changed (e.g. 'Edited for length')", {}


def check_original_links(d: Draft) -> Result:
    """The links of the original's body text kept in the draft."""
    if d.original.page is None:
        return "unchecked", "the original's links are not available", {}
    wanted = [link.href for link in d.original.page.links if link.element.tag == "a" and link.text
              and any(link.text in p for p in body_paragraphs(d.original.page))]
    missing = [w for w in wanted if not any(same_url(h, w) for h in d.hrefs)]
    if not missing:
        return "met", "the original's links are kept", {}
    return "unmet", f"keep the original's {len(missing)} link(s)", {"missing": missing[:MAX_REPORTED]}


CHECKERS: dict[str, Callable[[Draft, dict[str, Any]], Result]] = {
    "link-to-original": lambda d, p: check_link_to_original(d),
    "credit-source": lambda d, p: _names(d, d.original.source_names, "source", need_all=False),
    "credit-author": lambda d, p: _names(d, d.original.authors, "author", need_all=True),
    "copyright-notice": lambda d, p: check_copyright(d),
    "license-notice": lambda d, p: check_license_notice(d),
    "link-to-license": lambda d, p: check_link_to_license(d),
    "canonical-link": lambda d, p: check_canonical(d),
    "include-tracking-pixel": lambda d, p: check_pixel(d),
    "headline-unchanged": lambda d, p: check_headline(d),
    "no-edits": lambda d, p: check_no_edits(d),
    "excerpt-within-allowance": lambda d, p: check_excerpt(d),
    "exact-credit-line": lambda d, p: check_exact_credit(d, p.get("text")),
    "originally-published-line": lambda d, p: check_originally_published(d),
    "indicate-changes": lambda d, p: check_indicate_changes(d),
    "include-original-links": lambda d, p: check_original_links(d),
}


def todo(duty: str, params: dict[str, Any], original: Original, max_words: int) -> str:
    """What a draft must carry for one duty, said before any draft is seen."""
    hints = {"link-to-original": f"link to the original: {original.link}",
             "credit-source": f"credit the source: {', '.join(original.source_names[:1]) or 'the publisher'}",
             "credit-author": f"credit the author(s): {', '.join(original.authors) or 'as bylined'}",
             "copyright-notice": f"carry the copyright line: {original.copyright_line or 'the original’s'}",
             "license-notice": f"name the licence: {original.license_label}",
             "link-to-license": f"link the licence: {original.license_url}",
             "canonical-link": f'set <link rel="canonical" href="{original.link}">',
             "include-tracking-pixel": "include the publisher's tracking pixel",
             "headline-unchanged": f"keep the headline: {original.title}",
             "no-edits": "publish the text unedited (time, place and house style aside)",
             "excerpt-within-allowance": f"quote at most {max_words} words",
             "exact-credit-line": f"carry the credit line: {params.get('text')}"}
    return hints.get(duty, f"meet the duty {duty}")


def verify(duties: list[tuple[str, dict[str, Any]]], original: Original, draft: Page | None,
           use: dict[str, Any], max_words: int) -> list[Obligation]:
    """Each duty checked against the draft (or left unchecked without one)."""
    checked = Draft(draft, original, use, max_words) if draft is not None else None
    out: list[Obligation] = []
    for duty, params in duties:
        checker = CHECKERS.get(duty)
        if checked is None:
            out.append(Obligation(duty, "unchecked", todo(duty, params, original, max_words), {}, params))
        elif checker is None:
            out.append(Obligation(duty, "unchecked", f"{duty}: a person must confirm this one", {}, params))
        else:
            status, detail, evidence = checker(checked, params)
            out.append(Obligation(duty, status, detail, evidence, params))
    return out
