"""POST /v1/extract: an article (URL or HTML) in, its metadata with provenance out."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from flask import current_app, request
from flask_smorest import Blueprint

from schemas.extract import ExtractQuerySchema, ExtractRequestSchema, ExtractResponseSchema
from service.api import is_json, load_data, load_json, problems
from service.article import Article, from_html, from_url
from service.decode import decode_html
from service.extract import extract_metadata
from service.extract.model import Metadata
from service.problems import UnsupportedMediaType, ValidationProblem
from service.terms import extract_terms
from service.terms.follow import fetch_terms_pages
from service.terms.model import Terms
from service.terms.odrl import to_odrl

blp = Blueprint("extract", __name__, url_prefix="/v1", description="Article metadata and reuse terms")

HTML_TYPES = {"text/html", "application/xhtml+xml"}
REPLACEMENT_CHARACTER = "\ufffd"
QUERY_FIELDS = ("url", "follow_terms")


def read_article() -> Article:
    """The article this request names: JSON {url} / {html, url}, or a raw text/html body with ?url=."""
    query = load_data(ExtractQuerySchema(), {k: v for k, v in request.args.items() if k in QUERY_FIELDS})
    if request.mimetype in HTML_TYPES:
        body = request.get_data(cache=False)
        html = decode_html(body, request.content_type)
        article = from_html(html, query.get("url"))
        article.follow_terms = query.get("follow_terms", False)
        if REPLACEMENT_CHARACTER in html and REPLACEMENT_CHARACTER.encode() not in body:
            article.warnings.append("bytes invalid in the page's charset were replaced (mislabelled or binary)")
        return article
    if not is_json(request.mimetype):
        raise UnsupportedMediaType(f"send application/json or text/html, not {request.mimetype or 'nothing'}")
    fields = load_json(ExtractRequestSchema())
    if fields.get("html"):
        article = from_html(fields["html"], fields.get("url"))
    elif not fields.get("url"):
        raise ValidationProblem("give the article's url, its html, or both", errors={"url": ["missing"]})
    else:
        article = from_url(fields["url"], current_app.config)
    article.follow_terms = fields.get("follow_terms", False)
    return article


@blp.route("/extract", methods=["POST"])
@blp.doc(parameters=[{"in": "query", "name": "url", "required": False, "schema": {"type": "string", "format": "uri"},
                      "description": "With a text/html body: the page's URL, the base for links (ignored, but "
                                     "still validated, with a JSON body)."},
                     {"in": "query", "name": "follow_terms", "required": False, "schema": {"type": "boolean"},
                      "description": "With a text/html body: also read the page's linked same-site terms pages."}])
@blp.doc(requestBody={"required": True, "content": {
    "application/json": {"schema": ExtractRequestSchema},
    "text/html": {"schema": {"type": "string", "format": "binary"},
                  "description": "the raw page; its URL in the ?url= query parameter"}}})
@blp.response(200, ExtractResponseSchema)
@problems(blp, 400, 413, 415, 422, 502, 504)
def extract() -> dict[str, Any]:
    """Extract an article's metadata, each value with the rule that produced it, and its reuse terms."""
    article = read_article()
    result = extract_metadata(article.page, current_app.config)
    terms, terms_warnings = read_terms(article, result.metadata)
    site = result.metadata.copyright.holder if result.metadata.copyright else result.metadata.site_name
    return {"url": result.url, "metadata": result.metadata, "provenance": result.provenance,
            "terms": terms_document(terms, result.url, site),
            "warnings": list(article.warnings) + list(result.warnings) + terms_warnings}


def read_terms(article: Article, metadata: Metadata) -> tuple[Terms, list[str]]:
    """The article's terms; with follow_terms, its linked same-site terms pages are read too."""
    terms = extract_terms(article.page, metadata)
    if not article.follow_terms or not terms.follow_up:
        return terms, []
    related, warnings = fetch_terms_pages(article.page, terms.follow_up, current_app.config)
    return (extract_terms(article.page, metadata, related) if related else terms), warnings


def terms_document(terms: Terms, target: str | None, assigner: str | None) -> dict[str, Any]:
    """Terms as the response's `terms` object: the dataclass fields plus the ODRL rendering."""
    return {**asdict(terms), "odrl": to_odrl(terms, target, assigner)}
