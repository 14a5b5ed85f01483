#!/usr/bin/env python3
"""Speed of the whole extraction, in one process, over a corpus manifest.

    python bench/extract_bench.py ../shared/corpus/metadata/manifest.jsonl [--repeat 3] [--views] [--terms]

Times what the API does per page after decoding: the one parse plus every extractor. Prints the
per-page median and p95 in milliseconds and pages per second (one core: this process only), as
wall-clock time and as this process's CPU time. On a shared machine the CPU figures are the steady
ones: other processes' load inflates the wall clock, not the work done. --views splits the time
by Page view and extractor, to see where a page's milliseconds go. --terms also runs the reuse-terms
extraction and prints its own cost per page: the figure the "at most 1 ms more" target is read from.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from corpus import pages

from service.decode import decode_html
from service.extract import FIELDS, extract_metadata, lead, regions, taxonomy, themes
from service.page import Page
from service.terms import extract_terms

VIEWS = ("blocks", "jsonld", "meta", "itemprops", "links", "classed")
# After the fields read from the page alone, the steps that take other fields' values, as extract_metadata runs them.
LATER = ("lead", "section", "regions", "themes")


def timed(clock: Callable[[], float], html: str, url: str | None, terms: bool) -> tuple[float, float, float]:
    """(parse, parse + extraction, terms) seconds for one page on one clock."""
    start = clock()
    page = Page(html, url)
    parsed = clock()
    metadata = extract_metadata(page).metadata
    extracted = clock()
    if terms:
        extract_terms(page, metadata)
    return parsed - start, extracted - start, clock() - extracted


def summary(label: str, values: list[float]) -> str:
    values = sorted(values)
    p95 = values[int(0.95 * (len(values) - 1))]
    return (f"{label} median_ms {statistics.median(values):.2f} p95_ms {p95:.2f} max_ms {values[-1]:.2f} "
            f"pages_per_s {1000 * len(values) / sum(values):.0f}")


def view_split(corpus: list[tuple[dict, str]], terms: bool, repeat: int) -> None:
    """Median and p95 CPU milliseconds of each Page view, then of each step of extract_metadata in its
    order (a step does not pay for the views timed before it, but does for what earlier steps left in
    the page's memo), then of the terms. Each page runs repeat times on fresh Pages; the fastest run
    of each step counts, as in the main figures."""
    names = (*VIEWS, *FIELDS, *LATER, *(("terms",) if terms else ()))
    spent: dict[str, list[float]] = {name: [] for name in names}
    fastest: dict[str, float] = {}

    def step(name: str, run: Callable[..., Any], *args: Any) -> Any:
        start = time.process_time()
        result = run(*args)
        elapsed = (time.process_time() - start) * 1000
        fastest[name] = min(elapsed, fastest.get(name, elapsed))
        return result

    for row, html in corpus:
        fastest.clear()
        for _ in range(repeat):
            steps(Page(html, row.get("url")), step, terms)
        for name in names:
            spent[name].append(fastest[name])
    total = sum(statistics.median(spent[name]) for name in names if name != "terms")
    for name, values in spent.items():
        ordered = sorted(values)
        print(f"  {name:16s} median_ms {statistics.median(values):.3f} p95_ms {ordered[int(0.95 * (len(values) - 1))]:.3f} "
              f"mean_ms {statistics.fmean(values):.3f}")
    print(f"  sum of medians (views and extraction) {total:.3f}")


def steps(page: Page, step: Callable[..., Any], terms: bool) -> None:
    """Every view, then every step of extract_metadata in its order, each run through step."""
    for name in VIEWS:
        step(name, getattr, page, name)
    found = {name: step(name, extract, page) for name, extract in FIELDS.items()}
    values = {name: f.value for name, f in found.items() if f is not None}
    labelled = values.get("taxonomies", {})
    article_lead = step("lead", lead.of, page, values.get("title"), values.get("description"))
    step("section", taxonomy.section, page, labelled, values.get("title"))
    step("regions", regions.extract, page, labelled, article_lead, regions.vocabulary())
    step("themes", themes.extract, page, labelled, article_lead, themes.vocabulary())
    if terms:
        step("terms", extract_terms, page, extract_metadata(page).metadata)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("manifest")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; the fastest counts")
    parser.add_argument("--views", action="store_true", help="also split the time by view and extractor")
    parser.add_argument("--terms", action="store_true", help="also extract the reuse terms and time them apart")
    args = parser.parse_args()
    corpus = [(row, decode_html(raw)) for row, raw in pages(args.manifest)]
    for row, html in corpus[:20]:  # warm imports and caches
        extract_metadata(Page(html, row.get("url")))
    results: dict[str, list[float]] = {f"{clock}{part}": [] for clock in ("wall", "cpu")
                                       for part in ("", "_parse", "_terms")}
    for row, html in corpus:
        for name, clock in (("wall", time.perf_counter), ("cpu", time.process_time)):
            runs = [timed(clock, html, row.get("url"), args.terms) for _ in range(args.repeat)]
            results[name].append(min(total for _, total, _ in runs) * 1000)
            results[f"{name}_parse"].append(min(parse for parse, _, _ in runs) * 1000)
            results[f"{name}_terms"].append(min(terms for _, _, terms in runs) * 1000)
    print(f"pages {len(corpus)}")
    for name in ("wall", "cpu"):
        print(f"{name}: parse_only median_ms {statistics.median(results[f'{name}_parse']):.2f}")
        print(summary(f"{name}: extract", results[name]))
        if args.terms:
            print(summary(f"{name}: terms", results[f"{name}_terms"]))
            print(summary(f"{name}: extract+terms",
                          [a + b for a, b in zip(results[name], results[f"{name}_terms"])]))
    if args.views:
        view_split(corpus, args.terms, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
