#!/usr/bin/env python3
"""A synthetic ~100 KB news article page for the load test, and the request bodies that carry it.

    python bench/article_page.py OUT_DIR [--bytes 100000]

Writes OUT_DIR/page.html, OUT_DIR/extract.json (POST /v1/extract: {html, url}) and OUT_DIR/check.json
(POST /v1/check: {article: {html, url}, use}). The page is made up here (invented site, people and
words, generated from a fixed seed, so every run sends the same bytes) and shaped like a real one:
head meta and OpenGraph, a JSON-LD NewsArticle, navigation, a byline, labelled taxonomies, a long body,
related links, a licence notice and a site footer. No corpus text is used.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import sys
from pathlib import Path

TARGET_BYTES = 100_000
SEED = 20261126
SITE = "The Lantern Valley Courier"
SITE_URL = "https://lantern-valley-courier.example"
ARTICLE_URL = f"{SITE_URL}/2026/03/14/river-council-votes-on-flood-barrier-funding/"
TITLE = "River council votes on flood barrier funding after a winter of record water levels"
AUTHORS = ("Maren Oduya", "Tobias Kell")
USE = {"action": "republish", "medium": "web"}

# Invented vocabulary: sentences read like news copy without quoting anyone's text.
SUBJECTS = ("The council", "Engineers", "Residents of the lower wards", "The harbour authority",
            "A spokesperson for the utility", "Farmers upstream", "The regional auditor", "Volunteers")
VERBS = ("argued that", "warned that", "said on Tuesday that", "estimated that", "confirmed that",
         "questioned whether", "reported that", "agreed that")
CLAUSES = ("the barrier would need another two seasons of work", "the levees north of the mill had held",
           "insurance premiums in the valley had doubled since 2019", "the pumps ran for eleven days",
           "the budget line for drainage was never spent", "the river rose 4.2 metres above its mean",
           "schools on the east bank stayed closed for a week", "the old ferry landing was lost",
           "a second gauge station is planned for the spring", "the vote could be delayed again")
TAILS = ("according to figures released by the county", "in a statement to the Courier",
         "during a packed public meeting", "citing the engineering review", "as the rain eased",
         "while repairs continued along the quay")


def sentence(rng: random.Random) -> str:
    """One invented news sentence."""
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}, {rng.choice(TAILS)}."


def paragraph(rng: random.Random) -> str:
    return "<p>" + " ".join(sentence(rng) for _ in range(rng.randint(3, 6))) + "</p>"


def head() -> str:
    """Head meta, OpenGraph, article:* and a JSON-LD NewsArticle, as publishers write them."""
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": SITE, "url": SITE_URL},
        {"@type": "NewsArticle", "headline": TITLE, "url": ARTICLE_URL,
         "datePublished": "2026-03-14T08:30:00+01:00", "dateModified": "2026-03-14T17:05:00+01:00",
         "author": [{"@type": "Person", "name": name} for name in AUTHORS],
         "publisher": {"@type": "Organization", "name": SITE},
         "articleSection": "Environment", "keywords": ["flooding", "infrastructure", "local council"],
         "license": "https://creativecommons.org/licenses/by-nc-nd/4.0/"}]}
    return (f"<head><meta charset='utf-8'><title>{html.escape(TITLE)} | {SITE}</title>"
            f"<link rel='canonical' href='{ARTICLE_URL}'>"
            f"<meta name='description' content='The council meets tonight on the barrier budget.'>"
            f"<meta property='og:site_name' content='{SITE}'><meta property='og:title' content='{html.escape(TITLE)}'>"
            f"<meta property='article:published_time' content='2026-03-14T08:30:00+01:00'>"
            f"<meta property='article:section' content='Environment'>"
            f"<meta name='author' content='{AUTHORS[0]}'>"
            f"<script type='application/ld+json'>{json.dumps(ld)}</script></head>")


def navigation(rng: random.Random, count: int) -> str:
    words = [w.lower() for clause in CLAUSES for w in clause.split() if w.isalpha()]
    links = "".join(f"<li><a href='{SITE_URL}/topics/{rng.choice(words)}-{i}/'>{rng.choice(words).title()}</a></li>"
                    for i in range(count))
    return f"<nav class='site-nav'><ul>{links}</ul></nav>"


def article_page(target_bytes: int = TARGET_BYTES, seed: int = SEED) -> str:
    """The page, grown paragraph by paragraph until it reaches target_bytes (UTF-8)."""
    rng = random.Random(seed)
    byline = " and ".join(f"<a rel='author' href='{SITE_URL}/staff/{n.lower().replace(' ', '-')}/'>{n}</a>"
                          for n in AUTHORS)
    top = (f"<!DOCTYPE html><html lang='en'>{head()}<body>{navigation(rng, 60)}<main><article>"
           f"<h1>{html.escape(TITLE)}</h1><p class='byline'>By {byline}</p>"
           f"<p class='dateline'>Published <time datetime='2026-03-14T08:30:00+01:00'>14 March 2026</time></p>"
           f"<p class='taxonomy'>Region: <a href='{SITE_URL}/region/europe/'>Europe</a></p>"
           f"<p class='taxonomy'>Theme: <a href='{SITE_URL}/theme/climate/'>Climate</a></p>")
    bottom = (f"<p class='tags'>Tags: <a rel='tag' href='{SITE_URL}/tag/flooding/'>flooding</a>, "
              f"<a rel='tag' href='{SITE_URL}/tag/council/'>council</a></p>"
              f"<p class='license'>This article is published under a "
              f"<a rel='license' href='https://creativecommons.org/licenses/by-nc-nd/4.0/'>Creative Commons "
              f"Attribution-NonCommercial-NoDerivatives 4.0 International License</a>. Republish it with credit "
              f"to {SITE} and a link to the original.</p></article>"
              f"<aside>{navigation(rng, 30)}</aside></main>"
              f"<footer><p>&copy; 2026 {SITE}. All rights reserved.</p></footer></body></html>")
    body: list[str] = []
    size = len((top + bottom).encode("utf-8"))
    while size < target_bytes:
        block = paragraph(rng)
        if rng.random() < 0.15:
            block = f"<h2>{html.escape(sentence(rng)[:60])}</h2>" + block
        body.append(block)
        size += len(block.encode("utf-8"))
    return top + "".join(body) + bottom


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--bytes", type=int, default=TARGET_BYTES, help="page size to reach (UTF-8 bytes)")
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    page = article_page(args.bytes)
    (args.out_dir / "page.html").write_text(page, encoding="utf-8")
    (args.out_dir / "extract.json").write_text(json.dumps({"html": page, "url": ARTICLE_URL}), encoding="utf-8")
    (args.out_dir / "check.json").write_text(
        json.dumps({"article": {"html": page, "url": ARTICLE_URL}, "use": USE}), encoding="utf-8")
    print(f"page_bytes {len(page.encode('utf-8'))} url {ARTICLE_URL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
