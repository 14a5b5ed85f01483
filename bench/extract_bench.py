#!/usr/bin/env python3
"""Speed of the whole extraction, in one process, over a corpus manifest.

    python bench/extract_bench.py ../shared/corpus/metadata/manifest.jsonl [--repeat 3] [--terms]

Times what the API does per page after decoding: the one parse plus every extractor. Prints the
per-page median and p95 in milliseconds and pages per second (one core: this process only).
With --terms the reuse-terms extraction runs too, and its own cost per page (median, p95) is printed:
the figure the "at most 1 ms more" target is read from.
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
    for row, html in corpus:
        best = best_parse = best_terms = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            page = Page(html, row.get("url"))
            parsed = time.perf_counter()
            metadata = extract_metadata(page).metadata
            end = time.perf_counter()
            if args.terms:
                extract_terms(page, metadata)
                best_terms = min(best_terms, time.perf_counter() - end)
            best, best_parse = min(best, end - start), min(best_parse, parsed - start)
        timings.append(best * 1000)
        parse_only.append(best_parse * 1000)
        terms_only.append(best_terms * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"pages {len(timings)}")
    print(f"parse_only median_ms {statistics.median(parse_only):.2f}")
    print(f"extract median_ms {statistics.median(timings):.2f} p95_ms {p95:.2f} "
          f"max_ms {timings[-1]:.2f} pages_per_s {1000 * len(timings) / sum(timings):.0f}")
    if args.terms:
        terms_only.sort()
        total = sorted(a + b for a, b in zip(timings, terms_only))
        print(f"terms median_ms {statistics.median(terms_only):.2f} "
              f"p95_ms {terms_only[int(0.95 * (len(terms_only) - 1))]:.2f}")
        print(f"extract+terms median_ms {statistics.median(total):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
