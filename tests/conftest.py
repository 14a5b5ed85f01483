"""Shared fixtures: the app on embedded defaults, its test client, and the fixture pages folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from service import create_app

FIXTURES = Path(__file__).parent / "fixtures"


# The general tests run without API keys or rate limits; tests/test_auth.py and tests/test_limits.py
# switch both on explicitly.
TEST_CONFIG = {"TESTING": True, "DATABASE_URL": "sqlite://",  # decisions in memory, per app
               "AUTH_DISABLED": True, "RATE_LIMIT": ""}


@pytest.fixture()
def make_app():
    """create_app with the test defaults plus the given overrides: use it for any non-default setting."""

    def factory(**overrides):
        return create_app({**TEST_CONFIG, **overrides})

    return factory


@pytest.fixture()
def app(make_app):
    return make_app()


@pytest.fixture()
def client(app):
    return app.test_client()


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")
