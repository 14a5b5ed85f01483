"""POST /v1/extract: the request and the metadata response."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from schemas.strict import JsonBoolean, QueryBoolean
from schemas.terms import TermsSchema

MAX_URL_LENGTH = 2048


class ExtractRequestSchema(Schema):
    url = fields.Url(schemes={"http", "https"}, validate=validate.Length(max=MAX_URL_LENGTH),
                     metadata={"description": "The article's URL: fetched when no html is given, "
                                              "else the base for relative links."})
    html = fields.String(metadata={"description": "The article's HTML, when the CMS already has it."})
    follow_terms = JsonBoolean(load_default=False,
                               metadata={"description": "Also fetch and read the publisher's linked terms "
                                                           "page (same site only, cached)."})

    @validates_schema
    def _url_or_html(self, data: dict, **_: object) -> None:
        if not data.get("url") and not data.get("html"):
            raise ValidationError("give the article's url, its html, or both", field_name="url")


class ExtractQuerySchema(Schema):
    url = fields.Url(schemes={"http", "https"}, validate=validate.Length(max=MAX_URL_LENGTH),
                     metadata={"description": "With a text/html body: the page's URL, the base for links."})
    follow_terms = QueryBoolean(load_default=False,
                                metadata={"description": "With a text/html body: also read the page's linked "
                                                         "same-site terms pages."})


class AuthorSchema(Schema):
    name = fields.String(required=True)
    url = fields.String(allow_none=True, required=True)


class RegionSchema(Schema):
    name = fields.String(required=True)
    source = fields.String(required=True, validate=validate.OneOf(["declared", "inferred"]))
    countries = fields.List(fields.String(), required=True,
                            metadata={"description": "ISO 3166-1 alpha-2 codes"})


class ThemeSchema(Schema):
    name = fields.String(required=True)
    source = fields.String(required=True, validate=validate.OneOf(["declared", "inferred"]))


class OriginalSourceSchema(Schema):
    name = fields.String(required=True)
    url = fields.String(allow_none=True, required=True)


class CopyrightSchema(Schema):
    notice = fields.String(required=True)
    holder = fields.String(allow_none=True, required=True)
    year = fields.Integer(allow_none=True, required=True)


class MetadataSchema(Schema):
    title = fields.String(allow_none=True, required=True)
    authors = fields.List(fields.Nested(AuthorSchema), required=True)
    published = fields.String(allow_none=True, required=True, metadata={"description": "ISO 8601"})
    modified = fields.String(allow_none=True, required=True, metadata={"description": "ISO 8601"})
    language = fields.String(allow_none=True, required=True)
    site_name = fields.String(allow_none=True, required=True)
    canonical_url = fields.String(allow_none=True, required=True)
    description = fields.String(allow_none=True, required=True)
    section = fields.String(allow_none=True, required=True)
    tags = fields.List(fields.String(), required=True)
    regions = fields.List(fields.Nested(RegionSchema), required=True)
    themes = fields.List(fields.Nested(ThemeSchema), required=True)
    taxonomies = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), required=True,
                             metadata={"description": "every labelled taxonomy, label as on the page"})
    original_source = fields.Nested(OriginalSourceSchema, allow_none=True, required=True)
    copyright = fields.Nested(CopyrightSchema, allow_none=True, required=True)


class ExtractResponseSchema(Schema):
    url = fields.String(allow_none=True, required=True,
                        metadata={"description": "canonical URL if the page declares one, else the given one"})
    metadata = fields.Nested(MetadataSchema, required=True)
    provenance = fields.Dict(keys=fields.String(), values=fields.String(), required=True,
                             metadata={"description": "field -> the rule that produced its value"})
    terms = fields.Nested(TermsSchema, required=True,
                          metadata={"description": "the article's licence and reuse conditions, with evidence"})
    warnings = fields.List(fields.String(), required=True)
