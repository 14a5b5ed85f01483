"""Decisions on the terms corpus: POST /v1/check's pipeline (parse, metadata, terms, policy) per page,
under each shipped policy, compared with the decision the same policy gives on the hand-read terms.

    .venv/bin/python bench/check_eval.py ../shared/corpus/terms/manifest.jsonl [--errors]

Prints, per policy, how often the decision on extracted terms equals the one on ground-truth terms,
the decisions' distribution, and the policy step's time per page (median, p95). Use: republish on web.
"""
from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from datetime import date

from corpus import pages

from service.extract import extract_metadata
from service.page import Page
from service.policy import decide
from service.policy.load import SHIPPED_DIR, load_dir
from service.policy.origin import Original
from service.terms import extract_terms
from service.terms.model import Constraint, Contact, Duty, License, Rule, Terms

USE = {"action": "republish", "medium": "web", "excerpt_words": None}
TODAY = date(2026, 6, 1)


def truth_terms(row: dict) -> Terms:
    """The hand-read terms of a corpus row as a Terms object (venues become a venue constraint)."""
    gt = row["ground_truth"]
    venues = [v for v in gt.get("permitted_venues") or [] if v != "any"]
    permissions: tuple[Rule, ...] = ()
    if gt["license_kind"] in ("custom-grant", "cc", "public-domain"):
        permissions = (Rule("republish", (Constraint("venue", "isAnyOf", venues),) if venues else ()),)
    contact = gt.get("contact")
    return Terms(License(gt["license_kind"], gt.get("license_id")), gt["commercial_use"], gt["derivatives"],
                 bool(gt.get("share_alike")), permissions=permissions,
                 duties=tuple(Duty(d) for d in gt.get("attribution_duties") or []),
                 contact=(Contact(contact) if contact and "@" in contact else Contact(None, contact)) if contact
                 else None, confidence=row.get("confidence", "high"))


def main(manifest: str, show_errors: bool) -> None:
    policies = load_dir(SHIPPED_DIR)
    agree: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    dist: dict[str, Counter[str]] = {name: Counter() for name in policies}
    timings: list[float] = []
    errors: list[str] = []
    for row, raw in pages(manifest):
        url = row.get("origin", {}).get("page_url") or row.get("url")
        page = Page(raw.decode("utf-8", "replace"), url)
        metadata = extract_metadata(page).metadata
        extracted = extract_terms(page, metadata)
        for name, policy in policies.items():
            start = time.perf_counter()
            got = decide(policy, Original(url, metadata, extracted, page), USE, None, TODAY)
            timings.append((time.perf_counter() - start) * 1000)
            want = decide(policy, Original(url, metadata, truth_terms(row), None), USE, None, TODAY)
            seen[name] += 1
            dist[name][got.decision] += 1
            if got.decision == want.decision:
                agree[name] += 1
            else:
                errors.append(f"{name:<10} {row['id']:<32} got {got.decision:<16} want {want.decision:<16} "
                              f"(extracted {extracted.license.kind}/{extracted.commercial_use}, "
                              f"truth {row['ground_truth']['license_kind']}/{row['ground_truth']['commercial_use']})")
    for name in policies:
        print(f"{name:<10} decision agreement {agree[name]}/{seen[name]} = {agree[name] / seen[name]:.3f}   "
              f"{dict(sorted(dist[name].items()))}")
    ordered = sorted(timings)
    print(f"policy step: median_ms {statistics.median(ordered):.3f} p95_ms {ordered[int(len(ordered) * 0.95)]:.3f} "
          f"over {len(ordered)} decisions")
    if show_errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main(sys.argv[1], "--errors" in sys.argv)
