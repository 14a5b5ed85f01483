#!/usr/bin/env python3
"""In-process cost of the load test's page: what the HTTP figures of bench/load.sh are compared with.

    python bench/load_predict.py PAGE_HTML URL [--workers 2] [--repeat 200]

Times, in this one process, what POST /v1/extract does with the page after decoding the request (the
one parse, every field extractor, the reuse terms), as extract_bench.py does for the corpus, on the
wall clock and as CPU time. The prediction for N gunicorn workers is min(N, cores) pages per median
page time; bench/load.sh divides the measured requests/s by it. Prints `key value` lines.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.extract import extract_metadata
from service.page import Page
from service.terms import extract_terms

WARMUP_RUNS = 10


def extraction_ms(html: str, url: str) -> tuple[float, float]:
    """(wall, CPU) milliseconds of one extraction of the page: parse, fields and terms."""
    wall, cpu = time.perf_counter(), time.process_time()
    page = Page(html, url)
    metadata = extract_metadata(page).metadata
    extract_terms(page, metadata)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path)
    parser.add_argument("url")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    html = args.page.read_text(encoding="utf-8")
    for _ in range(WARMUP_RUNS):
        extraction_ms(html, args.url)
    runs = [extraction_ms(html, args.url) for _ in range(args.repeat)]
    wall = statistics.median(run[0] for run in runs)
    cpu = statistics.median(run[1] for run in runs)
    parallel = min(args.workers, os.cpu_count() or 1)
    print(f"inprocess_wall_median_ms {wall:.2f}")
    print(f"inprocess_cpu_median_ms {cpu:.2f}")
    print(f"predicted_rps {parallel * 1000 / wall:.1f}")
    print(f"predicted_rps_cpu {parallel * 1000 / cpu:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
