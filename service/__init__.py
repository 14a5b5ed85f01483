"""Clearance: the application factory. `service:create_app()` is the WSGI entry point."""
from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask, Response
from flask_smorest import Api

from schemas.problem import ProblemSchema
from service import auth, limits, problems
from service import config as settings
from service.api import BoundedJSONProvider
from service.api.security import SecurityPlugin
from service.policy.load import load_configured
from service.store import DecisionStore

API_TITLE = "Clearance"
API_VERSION = "0.1.0"


class ClearanceApi(Api):
    """flask-smorest, with RFC 9457 problems instead of its own error body."""

    DEFAULT_ERROR_RESPONSE_NAME = None
    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self) -> None:  # problems.init_app registers ours
        pass


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: configuration, blueprints, the OpenAPI document and the error handlers."""
    app = Flask(__name__)
    app.json = BoundedJSONProvider(app)
    app.config.update(settings.load(test_config))
    app.config.update(
        MAX_CONTENT_LENGTH=app.config["MAX_BODY_BYTES"],
        API_TITLE=API_TITLE, API_VERSION=API_VERSION, OPENAPI_VERSION="3.1.0",
        API_SPEC_OPTIONS={"info": {"description": "Rights clearance for republishing articles: metadata, "
                                                  "reuse terms and policy checks."}},
    )
    logging.getLogger("clearance").setLevel(app.config["LOG_LEVEL"])
    load_vocabularies(app.config)

    policies, default_policy = load_configured(app.config)  # refuses to start on a bad policy file
    app.extensions["clearance.policies"] = policies
    app.extensions["clearance.default_policy"] = default_policy
    app.extensions["clearance.store"] = DecisionStore(app.config["DATABASE_URL"])

    api = ClearanceApi(app, spec_kwargs={"extra_plugins": [SecurityPlugin()]})
    auth.init_app(app)      # before the limiter: limits are counted per authenticated key
    limits.init_app(app)
    from service.api import check, extract, health
    from service.api import policies as policies_api

    app.url_map.converters["policy_name"] = policies_api.PolicyNameConverter
    api.register_converter(policies_api.PolicyNameConverter, policies_api.PolicyNameConverter.parameter_schema)

    for module in (health, extract, check, policies_api):
        api.register_blueprint(module.blp)
    problems.init_app(app)
    app.extensions["clearance.api"] = api

    @app.get("/openapi.yaml")
    def openapi_yaml() -> Response:
        return Response(render_openapi(app), mimetype="application/yaml")

    return app


def load_vocabularies(config: Mapping[str, Any]) -> None:
    """Read the region and theme vocabularies and build the country index once, at start: a bad
    vocabulary file stops the app from starting instead of failing requests."""
    from service.extract import places, regions, themes

    places.country_index()
    regions.vocabulary(config["REGIONS_FILE"] or "")
    themes.vocabulary(config["THEMES_FILE"] or "")


def render_openapi(app: Flask) -> str:
    """The OpenAPI document generated from the schemas, as YAML (what openapi.yaml must equal)."""
    return app.extensions["clearance.api"].spec.to_yaml()
