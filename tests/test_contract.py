"""The committed openapi.yaml is exactly what the code generates, and README documents every setting."""
from __future__ import annotations

from pathlib import Path

from service import render_openapi
from service.config import PREFIX, SETTINGS

ROOT = Path(__file__).resolve().parent.parent


def test_committed_openapi_matches_the_code(app):
    committed = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    assert committed == render_openapi(app), "openapi.yaml is stale: run `make openapi` and commit it"


def test_openapi_is_served(client):
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert b"openapi: 3.1.0" in response.data


def test_every_setting_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [PREFIX + s.name for s in SETTINGS if f"`{PREFIX}{s.name}`" not in readme]
    assert not missing, f"README lacks {missing}"
