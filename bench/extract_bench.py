#!/usr/bin/env python3
"""Speed of the whole extraction, in one process, over a corpus manifest.

    python bench/extract_bench.py ../shared/corpus/metadata/manifest.jsonl [--repeat 3]

Times what the API does per page after decoding: the one parse plus every extractor. Prints the
per-page median and p95 in milliseconds and pages per second (one core: this process only).
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("manifest")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; the fastest counts")
    args = parser.parse_args()
    corpus = [(row, decode_html(raw)) for row, raw in pages(args.manifest)]
    for row, html in corpus[:20]:  # warm imports and caches
        extract_metadata(Page(html, row.get("url")))
    timings = []
    parse_only = []
    for row, html in corpus:
        best = best_parse = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            page = Page(html, row.get("url"))
            parsed = time.perf_counter()
            extract_metadata(page)
            end = time.perf_counter()
            best, best_parse = min(best, end - start), min(best_parse, parsed - start)
        timings.append(best * 1000)
        parse_only.append(best_parse * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"pages {len(timings)}")
    print(f"parse_only median_ms {statistics.median(parse_only):.2f}")
    print(f"extract median_ms {statistics.median(timings):.2f} p95_ms {p95:.2f} "
          f"max_ms {timings[-1]:.2f} pages_per_s {1000 * len(timings) / sum(timings):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
