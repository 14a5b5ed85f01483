#!/usr/bin/env python3
"""Accuracy on a metadata corpus: writes predictions in the scorer's format, then runs its score.py.

    python bench/evaluate.py ../shared/corpus/metadata/manifest.jsonl [--out bench/out/predictions.jsonl]
                             [--errors FIELD]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from corpus import ROOT, pages

from service.decode import decode_html
from service.extract import extract_metadata
from service.page import Page
from service.terms import extract_terms


def predict(row: dict, raw: bytes) -> dict:
    """One scorer line for one page, from the same code path the API runs."""
    page = Page(decode_html(raw), row.get("url"))
    result = extract_metadata(page)
    meta = result.metadata
    terms = extract_terms(page, meta)
    return {
        "id": row["id"],
        "title": meta.title,
        "authors": [a.name for a in meta.authors],
        "date_published": meta.published,
        "tags": list(meta.tags),
        "categories": [t.name for t in meta.themes if t.source == "declared"] or ([meta.section] if meta.section else []),
        "sitename": meta.site_name,
        "canonical_url": meta.canonical_url,
        "license": terms.license.id,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("manifest")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "predictions.jsonl"))
    parser.add_argument("--errors", help="print the scorer's mismatches for this field")
    args = parser.parse_args()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for row, raw in pages(args.manifest):
            handle.write(json.dumps(predict(row, raw), ensure_ascii=False) + "\n")
    scorer = Path(args.manifest).resolve().parent / "score.py"
    command = [sys.executable, str(scorer), args.manifest, str(out)]
    if args.errors:
        command += ["--errors", args.errors]
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
