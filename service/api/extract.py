"""POST /v1/extract: an article (URL or HTML) in, its metadata with provenance out."""
from __future__ import annotations

from typing import Any

from flask import current_app, request
from flask_smorest import Blueprint

from schemas.extract import ExtractQuerySchema, ExtractRequestSchema, ExtractResponseSchema
from service.api import is_json, load_data, load_json, problems
from service.article import Article, from_html, from_url
from service.decode import decode_html
from service.extract import extract_metadata
from service.problems import UnsupportedMediaType, ValidationProblem

blp = Blueprint("extract", __name__, url_prefix="/v1", description="Article metadata")

HTML_TYPES = {"text/html", "application/xhtml+xml"}
REPLACEMENT_CHARACTER = "\ufffd"


def read_article() -> Article:
    """The article this request names: JSON {url} / {html, url}, or a raw text/html body with ?url=."""
    query = load_data(ExtractQuerySchema(), {k: v for k, v in request.args.items() if k == "url"})
    if request.mimetype in HTML_TYPES:
        body = request.get_data(cache=False)
        html = decode_html(body, request.content_type)
        article = from_html(html, query.get("url"))
        if REPLACEMENT_CHARACTER in html and REPLACEMENT_CHARACTER.encode() not in body:
            article.warnings.append("bytes invalid in the page's charset were replaced (mislabelled or binary)")
        return article
    if not is_json(request.mimetype):
        raise UnsupportedMediaType(f"send application/json or text/html, not {request.mimetype or 'nothing'}")
    body = load_json(ExtractRequestSchema())
    if body.get("html"):
        return from_html(body["html"], body.get("url"))
    if not body.get("url"):
        raise ValidationProblem("give the article's url, its html, or both", errors={"url": ["missing"]})
    return from_url(body["url"], current_app.config)


@blp.route("/extract", methods=["POST"])
@blp.doc(parameters=[{"in": "query", "name": "url", "required": False, "schema": {"type": "string", "format": "uri"},
                      "description": "With a text/html body: the page's URL, the base for links (ignored, but "
                                     "still validated, with a JSON body)."}])
@blp.doc(requestBody={"required": True, "content": {
    "application/json": {"schema": ExtractRequestSchema},
    "text/html": {"schema": {"type": "string", "format": "binary"},
                  "description": "the raw page; its URL in the ?url= query parameter"}}})
@blp.response(200, ExtractResponseSchema)
@problems(blp, 400, 413, 415, 422, 502, 504)
def extract() -> dict[str, Any]:
    """Extract an article's metadata, each value with the rule that produced it."""
    article = read_article()
    result = extract_metadata(article.page)
    return {"url": result.url, "metadata": result.metadata, "provenance": result.provenance,
            "warnings": list(article.warnings) + list(result.warnings)}
