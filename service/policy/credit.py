"""The credit block: ready-to-paste HTML and text that meet every attribution duty at once.

An agreement's own credit line wins. A Creative Commons licence gets TASL: the title linked to the
original, the author, the source, the licence name linked to its deed. Anything else (a custom grant,
the founding example's cross-post) gets the source, the copyright line and a hyperlink to the original.
"""
from __future__ import annotations

from html import escape
from typing import Any

from service.policy.origin import Original

PIXEL = '<img src="{src}" width="1" height="1" alt="" style="border:0">'


def _a(href: str | None, text: str) -> str:
    return f'<a href="{escape(href, quote=True)}">{escape(text)}</a>' if href else escape(text)


def credit_block(original: Original, duties: list[tuple[str, dict[str, Any]]],
                 agreement_credit: str | None = None) -> dict[str, str]:
    """{"html", "text", "head"}: a credit that meets the duties; `head` holds a canonical link if one is due."""
    wanted = {duty for duty, _ in duties}
    link, title = original.link, original.title or "the original article"
    source = (original.source_names or [original.site_name or "the publisher"])[0]
    authors = ", ".join(original.authors)
    html: list[str] = []
    text: list[str] = []
    if agreement_credit:
        html.append(escape(agreement_credit) + (f" ({_a(link, 'original')})" if link else ""))
        text.append(agreement_credit + (f" ({link})" if link else ""))
    elif original.terms.license.kind == "cc" or "license-notice" in wanted:
        by = f" by {authors}" if authors else ""
        label = original.license_label or "its licence"
        html.append(f"“{_a(link, title)}”{escape(by)}, {escape(source)}, licensed under "
                    f"{_a(original.license_url, label)}.")
        text.append(f"“{title}”{by}, {source} ({link}), licensed under {label}"
                    + (f" ({original.license_url})." if original.license_url else "."))
    else:
        site = original.site_name
        via = f" on {site}" if site and site != source else ""
        html.append(f"The original source of this article is {escape(source)}. First published{escape(via)}: "
                    f"{_a(link, title)}.")
        text.append(f"The original source of this article is {source}. First published{via}: {title} ({link}).")
        if authors and "credit-author" in wanted and not all(a in source for a in original.authors):
            html.append(f"By {escape(authors)}.")
            text.append(f"By {authors}.")
    if original.copyright_line and ("copyright-notice" in wanted or not agreement_credit):
        html.append(escape(original.copyright_line) + ".")
        text.append(original.copyright_line + ".")
    if "include-tracking-pixel" in wanted and original.pixel_url:
        html.append(PIXEL.format(src=escape(original.pixel_url, quote=True)))
    head = (f'<link rel="canonical" href="{escape(link, quote=True)}">'
            if "canonical-link" in wanted and link else "")
    return {"html": "<p class=\"clearance-credit\">" + " ".join(html) + "</p>", "text": " ".join(text),
            "head": head}
