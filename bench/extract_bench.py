#!/usr/bin/env python3
"""Speed of the whole extraction, in one process, over a corpus manifest.

    python bench/extract_bench.py ../shared/corpus/metadata/manifest.jsonl [--repeat 3] [--terms]

Times what the API does per page after decoding: the one parse plus every extractor. Prints the
per-page median and p95 in milliseconds and pages per second (one core: this process only).
With --terms the reuse-terms extraction runs too and is timed apart, in two parts: the shared Page
views it reads (blocks, links, JSON-LD, meta) when the metadata extractors have not built them yet,
and the terms code itself. Once the metadata extractors read page.blocks (dates, bylines, labels do),
the views are already paid for, and the terms code alone is what terms add to an extraction.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time

from corpus import pages

from service.decode import decode_html
from service.extract import extract_metadata
from service.page import Page
from service.terms import extract_terms

# Page views the terms finders read; built once per page and shared with the metadata extractors.
SHARED_VIEWS = ("blocks", "links", "jsonld", "meta")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("manifest")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; the fastest counts")
    parser.add_argument("--terms", action="store_true", help="also extract the reuse terms and time them apart")
    args = parser.parse_args()
    corpus = [(row, decode_html(raw)) for row, raw in pages(args.manifest)]
    for row, html in corpus[:20]:  # warm imports and caches
        warm = Page(html, row.get("url"))
        extract_terms(warm, extract_metadata(warm).metadata)
    timings = []
    parse_only = []
    terms_only = []
    views_only = []
    for row, html in corpus:
        best = best_parse = best_terms = best_views = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            page = Page(html, row.get("url"))
            parsed = time.perf_counter()
            metadata = extract_metadata(page).metadata
            end = time.perf_counter()
            if args.terms:
                for view in SHARED_VIEWS:
                    getattr(page, view)
                views_end = time.perf_counter()
                extract_terms(page, metadata)
                best_terms = min(best_terms, time.perf_counter() - views_end)
                best_views = min(best_views, views_end - end)
            best, best_parse = min(best, end - start), min(best_parse, parsed - start)
        timings.append(best * 1000)
        parse_only.append(best_parse * 1000)
        terms_only.append(best_terms * 1000)
        views_only.append(best_views * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"pages {len(timings)}")
    print(f"parse_only median_ms {statistics.median(parse_only):.2f}")
    print(f"extract median_ms {statistics.median(timings):.2f} p95_ms {p95:.2f} "
          f"max_ms {timings[-1]:.2f} pages_per_s {1000 * len(timings) / sum(timings):.0f}")
    if args.terms:
        terms_only.sort()
        total = sorted(a + b + c for a, b, c in zip(timings, terms_only, views_only))
        views_only.sort()
        print(f"views not yet built by metadata median_ms {statistics.median(views_only):.2f} "
              f"p95_ms {views_only[int(0.95 * (len(views_only) - 1))]:.2f}")
        print(f"terms code median_ms {statistics.median(terms_only):.2f} "
              f"p95_ms {terms_only[int(0.95 * (len(terms_only) - 1))]:.2f}")
        shared = sorted(a + b for a, b in zip(timings, terms_only))
        print(f"extract+terms median_ms {statistics.median(shared):.2f} (views shared with metadata: "
              f"+{statistics.median(shared) - statistics.median(timings):.2f} ms on the median)")
        print(f"extract+views+terms median_ms {statistics.median(total):.2f} (views built for terms only: "
              f"+{statistics.median(total) - statistics.median(timings):.2f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
