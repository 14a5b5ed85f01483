#!/usr/bin/env python3
"""Accuracy of the reuse terms on a terms corpus: writes predictions in score_terms.py's format, then
runs the corpus's own scorer.

    python bench/evaluate_terms.py ../shared/corpus/terms/manifest.jsonl [--out bench/out/terms.jsonl]
                                   [--errors] [--show]
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
from service.terms.model import DUTY_TYPES


def predict(row: dict, raw: bytes) -> tuple[dict, object]:
    """One scorer line for one page, from the same code path the API runs."""
    page = Page(decode_html(raw), (row.get("origin") or {}).get("page_url") or row.get("url"))
    metadata = extract_metadata(page).metadata
    terms = extract_terms(page, metadata)
    return {
        "id": row["id"],
        "license_kind": terms.license.kind,
        "license_id": terms.license.id,
        "commercial_use": terms.commercial_use,
        "derivatives": terms.derivatives,
        "share_alike": terms.share_alike,
        "attribution_duties": [d.type for d in terms.duties if d.type in DUTY_TYPES],
    }, terms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("manifest")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "terms.jsonl"))
    parser.add_argument("--errors", action="store_true", help="print the scorer's mismatches")
    parser.add_argument("--show", action="store_true", help="print each page's terms (scope, evidence)")
    args = parser.parse_args()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for row, raw in pages(args.manifest):
            line, terms = predict(row, raw)
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
            if args.show:
                print(row["id"], terms.license, terms.scope, terms.confidence, terms.conflicts,
                      [e.text[:100] for e in terms.evidence][:4], terms.contact, terms.tdm)
    scorer = Path(args.manifest).resolve().parent / "score_terms.py"
    command = [sys.executable, str(scorer), args.manifest, str(out)] + (["--errors"] if args.errors else [])
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
