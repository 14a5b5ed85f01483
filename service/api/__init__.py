"""HTTP resources, one blueprint module each, and the request-body helpers they share."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from flask import request
from flask.json.provider import DefaultJSONProvider
from flask_smorest import Blueprint
from marshmallow import Schema, ValidationError
from werkzeug.exceptions import BadRequest

from schemas.problem import ProblemSchema
from service.problems import PROBLEM_MEDIA_TYPE, MalformedJSON, UnsupportedMediaType, ValidationProblem

# Deepest nesting of objects/arrays a request body may have. Real bodies (a policy document with its
# conditions included) stay under ~20 levels; deeper ones parse, but then crash the recursive code
# that walks them (schema loading, YAML dumping of a policy draft) with a RecursionError: a 500.
MAX_JSON_DEPTH = 64

PROBLEM_DESCRIPTIONS = {
    400: "Malformed JSON",
    401: "Missing or unknown API key",
    403: "The key lacks the scope or policy",
    404: "No such resource",
    413: "Request body too large",
    415: "Unsupported media type",
    422: "Invalid request, or a URL that may not be fetched",
    429: "Rate limit exceeded",
    502: "The upstream page could not be fetched, or is not HTML",
    503: "The decision store is unavailable",
    504: "The upstream page took too long",
}


def problems(blp: Blueprint, *statuses: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Document the problem+json responses an endpoint can return."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        for status in statuses:
            func = blp.alt_response(status, schema=ProblemSchema, content_type=PROBLEM_MEDIA_TYPE,
                                    description=PROBLEM_DESCRIPTIONS[status])(func)
        return func

    return decorate


class BoundedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, with nesting too deep for the parser reported as bad JSON (400), not a crash (500)."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return super().loads(s, **kwargs)
        except RecursionError as exc:
            raise ValueError("JSON nested too deeply") from exc


def is_json(mimetype: str) -> bool:
    return mimetype == "application/json" or mimetype.endswith("+json")


def load_json(schema: Schema) -> dict[str, Any]:
    """The request's JSON body validated by schema: 415, 400 or 422 problems otherwise."""
    if not is_json(request.mimetype):
        raise UnsupportedMediaType(f"send application/json, not {request.mimetype or 'no Content-Type'}")
    try:
        data = request.get_json()
    except BadRequest as exc:  # werkzeug: the body does not decode as JSON
        raise MalformedJSON("the request body is not valid JSON") from exc
    if nested_deeper_than(data, MAX_JSON_DEPTH):
        raise MalformedJSON(f"the request body nests objects or arrays deeper than {MAX_JSON_DEPTH} levels")
    return load_data(schema, data)


def nested_deeper_than(data: Any, limit: int) -> bool:
    """Whether parsed JSON nests objects/arrays more than limit levels: walked with a stack, never recursion."""
    pending: list[tuple[Any, int]] = [(data, 0)]
    while pending:
        node, depth = pending.pop()
        children: Iterable[Any]
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth >= limit:
            return True
        pending.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def load_data(schema: Schema, data: Any) -> dict[str, Any]:
    """data validated by schema, or a 422 problem listing every field's messages."""
    if not isinstance(data, dict):
        raise ValidationProblem("the request body must be a JSON object", errors={"_schema": ["not an object"]})
    try:
        return schema.load(data)
    except ValidationError as exc:
        messages = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
        raise ValidationProblem("the request is not valid: see errors", errors=messages) from exc
