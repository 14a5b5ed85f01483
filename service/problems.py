"""RFC 9457 problem details: the one error format of the service, and the handlers that render it.

Code anywhere below the API raises a `Problem` (or a subclass the fetcher defines); Flask's own HTTP
errors (404, 405, 413...) and anything unexpected are rendered the same way, so a client never sees
an HTML error page.
"""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, json, request
from werkzeug.exceptions import HTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://clearance.dev/problems/"

log = logging.getLogger("clearance")


class Problem(Exception):
    """An error the client can act on: status, a stable type slug, a title and a detail."""

    status = 400
    slug = "bad-request"
    title = "Bad request"

    def __init__(self, detail: str, *, status: int | None = None, slug: str | None = None,
                 title: str | None = None, errors: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if status is not None:
            self.status = status
        if slug is not None:
            self.slug = slug
        if title is not None:
            self.title = title
        self.errors = errors
        self.headers = headers or {}


class ValidationProblem(Problem):
    status = 422
    slug = "validation-error"
    title = "Invalid request"


class UnsupportedMediaType(Problem):
    status = 415
    slug = "unsupported-media-type"
    title = "Unsupported media type"


class MalformedJSON(Problem):
    status = 400
    slug = "malformed-json"
    title = "Malformed JSON"


def problem_response(status: int, slug: str, title: str, detail: str,
                     errors: dict[str, Any] | None = None, headers: dict[str, str] | None = None) -> Response:
    """Render one problem document."""
    body: dict[str, Any] = {"type": TYPE_BASE + slug, "title": title, "status": status, "detail": detail,
                            "instance": request.path if request else None}
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


_HTTP_SLUGS = {400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found",
               405: "method-not-allowed", 406: "not-acceptable", 413: "payload-too-large",
               415: "unsupported-media-type", 422: "validation-error", 429: "too-many-requests"}


def init_app(app: Flask) -> None:
    """Register the handlers that turn every error into problem+json."""

    @app.errorhandler(Problem)
    def _problem(exc: Problem) -> Response:
        return problem_response(exc.status, exc.slug, exc.title, exc.detail, exc.errors, exc.headers)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Response:
        status = exc.code or 500
        errors = None
        data = getattr(exc, "data", None)  # webargs / flask-smorest attach field messages here
        if isinstance(data, dict) and data.get("messages"):
            errors = data["messages"]
        detail = exc.description or exc.name
        if status == 413:
            detail = f"The request body is larger than the {app.config['MAX_BODY_BYTES']} bytes allowed."
        headers = {k: v for k, v in exc.get_headers() if k.lower() in {"allow", "retry-after", "www-authenticate"}}
        return problem_response(status, _HTTP_SLUGS.get(status, "http-error"), exc.name, detail, errors, headers)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.path)
        return problem_response(500, "internal-error", "Internal error",
                                "The service failed to handle this request; it has been logged.")
