"""Reading the shared evaluation corpora (../shared/corpus) for the bench scripts; nothing is copied."""
from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_manifest(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def pages(manifest_path: str | Path) -> Iterator[tuple[dict[str, Any], bytes]]:
    """(manifest row, the page's raw bytes) for every page of a manifest."""
    base = Path(manifest_path).resolve().parent
    for row in load_manifest(manifest_path):
        with gzip.open(base / row["file"], "rb") as handle:
            yield row, handle.read()
