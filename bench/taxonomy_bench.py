#!/usr/bin/env python3
"""Coverage and speed of the taxonomy fields (taxonomies, section, regions, themes, original source,
copyright) over a corpus manifest.

    python bench/taxonomy_bench.py ../shared/corpus/metadata/manifest.jsonl [--repeat 3] [--show FIELD]

Prints, per field, how many pages get a value and by which rule, and the per-page median and p95 in
milliseconds of each extractor alone (the page's shared views warmed first, as in a real request where
other extractors have already built them). --show prints each page's value for one field.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from corpus import pages

from service.decode import decode_html
from service.extract import copyright, lead, regions, site, source, taxonomy, themes, title
from service.page import Page


def extractors(page: Page) -> dict[str, Callable[[], Any]]:
    """Each field's extractor bound to the page, with the values it takes from other fields."""
    labelled = taxonomy.extract(page)
    found_title, found_description = title.extract(page), site.description(page)
    article_lead = lead.of(page, found_title.value if found_title else None,
                           found_description.value if found_description else None)
    values = labelled.value if labelled else {}
    return {
        "taxonomies": lambda: taxonomy.extract(page),
        "section": lambda: taxonomy.section(page, values),
        "regions": lambda: regions.extract(page, values, article_lead),
        "themes": lambda: themes.extract(page, values, article_lead),
        "original_source": lambda: source.extract(page),
        "copyright": lambda: copyright.extract(page),
        "lead": lambda: lead.of(page, article_lead.title, article_lead.description),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("manifest")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; the fastest counts")
    parser.add_argument("--show", help="print every page's value for this field")
    args = parser.parse_args()
    regions.vocabulary(), themes.vocabulary()  # built once at app start in the service
    rules: dict[str, Counter[str]] = {}
    timings: dict[str, list[float]] = {}
    total = 0
    for row, raw in pages(args.manifest):
        total += 1
        page = Page(decode_html(raw), row.get("url"))
        bound = extractors(page)  # also warms the page's shared views
        for field, run in bound.items():
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                found = run()
                best = min(best, time.perf_counter() - start)
            timings.setdefault(field, []).append(best * 1000)
            if field != "lead":
                rule = getattr(found, "rule", None)
                kinds = {getattr(v, "source", None) for v in found.value} if found and field in {"regions", "themes"} else ()
                key = f"{rule}" + (f" ({'/'.join(sorted(k for k in kinds if k))})" if kinds else "")
                rules.setdefault(field, Counter())[key if found else "none"] += 1
                if args.show == field and found:
                    print(row["id"][:60], found.rule, found.value)
    print(f"pages {total}")
    for field, counter in rules.items():
        got = total - counter["none"]
        detail = ", ".join(f"{rule} {n}" for rule, n in counter.most_common() if rule != "none")
        print(f"{field}: {got}/{total} pages  [{detail}]")
    for field, values in timings.items():
        values.sort()
        print(f"{field} median_ms {statistics.median(values):.3f} p95_ms {values[int(0.95 * (len(values) - 1))]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
