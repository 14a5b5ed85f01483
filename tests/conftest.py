"""Shared fixtures: the app on embedded defaults, its test client, and the fixture pages folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from service import create_app

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture()
def app():
    return create_app({"TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")
