#!/usr/bin/env python3
"""The load test's request bodies, and the in-process prediction of their throughput.

    python bench/load_page.py OUT_DIR [--kb 100] [--cores 2]

Writes OUT_DIR/extract.json and OUT_DIR/check.json: a ~100 KB article page of our own making (an
invented newsroom, invented text), sent as {"html", "url"}. Then times, in this one process, what the
API does with that body after HTTP: JSON decode, the one parse, every metadata extractor and the
terms finders. Prints the per-request CPU time and the requests/s that `--cores` processes would
reach if HTTP, gunicorn and JSON encoding cost nothing: the figure bench/load.sh compares wrk with.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.extract import extract_metadata
from service.page import Page
from service.terms import extract_terms

URL = "https://estuary-ledger.example/news/2026/11/harbour-authority-votes-on-dredging"
HEAD = """<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Harbour authority votes on dredging plan | The Estuary Ledger</title>
<meta property="og:title" content="Harbour authority votes on dredging plan">
<meta property="og:site_name" content="The Estuary Ledger">
<meta property="article:published_time" content="2026-11-20T07:45:00+00:00">
<meta property="article:section" content="Local">
<meta name="author" content="Morwenna Treloar">
<meta name="news_keywords" content="harbour, dredging, fisheries, council">
<link rel="canonical" href="{url}">
<link rel="license" href="https://creativecommons.org/licenses/by-nc-nd/4.0/">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour authority votes on dredging plan", "datePublished": "2026-11-20T07:45:00+00:00",
 "author": [{{"@type": "Person", "name": "Morwenna Treloar"}}],
 "publisher": {{"@type": "Organization", "name": "The Estuary Ledger"}}}}</script>
</head><body><header><nav><a href="/">Home</a> <a href="/local">Local</a></nav></header>
<main><article><h1>Harbour authority votes on dredging plan</h1>
<p class="byline">By <a rel="author" href="/staff/morwenna-treloar">Morwenna Treloar</a>, 20 November 2026</p>
"""
PARAGRAPH = ("<p>Members of the harbour authority met on Thursday evening to weigh a plan that would deepen "
             "the main channel by two metres, a change the fishing cooperative says could unsettle the "
             "mussel beds near the northern breakwater. Paragraph {n} of the report notes that the "
             "survey vessel found silt levels higher than in any year since the sea wall was rebuilt, "
             "and that the pilots' association has asked for a decision before the winter storms.</p>\n")
TAIL = """</article></main><footer><p>© 2026 The Estuary Ledger. This article is published under a
<a rel="license" href="https://creativecommons.org/licenses/by-nc-nd/4.0/">Creative Commons
Attribution-NonCommercial-NoDerivatives 4.0</a> licence. For other uses write to
permissions@estuary-ledger.example.</p></footer></body></html>"""


def make_page(kb: int) -> str:
    """An article page of about kb kilobytes: real-looking head, byline, many paragraphs, licence footer."""
    head, paragraphs = HEAD.format(url=URL), []
    size = len(head) + len(TAIL)
    while size < kb * 1024:
        paragraphs.append(PARAGRAPH.format(n=len(paragraphs) + 1))
        size += len(paragraphs[-1])
    return head + "".join(paragraphs) + TAIL


def handle(body: bytes) -> None:
    """What POST /v1/extract does with the body, minus HTTP: decode JSON, parse once, extract, find terms."""
    data = json.loads(body)
    page = Page(data["html"], data["url"])
    extraction = extract_metadata(page)
    extract_terms(page, extraction.metadata)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir")
    parser.add_argument("--kb", type=int, default=100)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    html = make_page(args.kb)
    extract_body = json.dumps({"html": html, "url": URL}).encode()
    (out / "extract.json").write_bytes(extract_body)
    check = {"article": {"html": html, "url": URL}, "use": {"action": "republish", "medium": "web"}}
    (out / "check.json").write_bytes(json.dumps(check).encode())
    for _ in range(20):
        handle(extract_body)
    cpu = []
    for _ in range(args.runs):
        start = time.process_time()
        handle(extract_body)
        cpu.append(time.process_time() - start)
    per_request = statistics.median(cpu)
    print(f"page_bytes {len(html)} body_bytes {len(extract_body)}")
    print(f"inprocess cpu_ms_median {per_request * 1000:.2f} p95 {sorted(cpu)[int(0.95 * len(cpu))] * 1000:.2f}")
    print(f"inprocess predicted_rps_{args.cores}_cores {args.cores / per_request:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
