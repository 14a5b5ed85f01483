"""POST /v1/check: the planned use of an article, and the decision with its reasons and obligations."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from schemas.extract import MAX_URL_LENGTH, MetadataSchema
from schemas.terms import ContactSchema, TermsSchema
from service.policy.model import DECISIONS

USE_ACTIONS = ("republish", "cross-post", "excerpt", "translate")
MAX_MEDIUM = 40


class ArticleSchema(Schema):
    url = fields.Url(schemes={"http", "https"}, validate=validate.Length(max=MAX_URL_LENGTH),
                     metadata={"description": "fetched when no html is given; else the original's address"})
    html = fields.String(metadata={"description": "the article's HTML, when the CMS already has it"})

    @validates_schema
    def _url_or_html(self, data: dict, **_: object) -> None:
        if not data.get("url") and not data.get("html"):
            raise ValidationError("give the article's url, its html, or both", field_name="url")


class UseSchema(Schema):
    action = fields.String(required=True, validate=validate.OneOf(USE_ACTIONS))
    medium = fields.String(load_default="web", validate=validate.Length(min=1, max=MAX_MEDIUM),
                           metadata={"description": "web, print, newsletter..."})
    excerpt_words = fields.Integer(strict=True, load_default=None, validate=validate.Range(min=0, max=1_000_000))


class DraftSchema(Schema):
    html = fields.String(required=True, metadata={"description": "the page the CMS is about to publish"})
    url = fields.Url(schemes={"http", "https"}, load_default=None, validate=validate.Length(max=MAX_URL_LENGTH))


class CheckRequestSchema(Schema):
    article = fields.Nested(ArticleSchema, required=True)
    policy = fields.String(load_default=None, validate=validate.Length(min=1, max=64),
                           metadata={"description": "a policy name; default: CLEARANCE_DEFAULT_POLICY"})
    use = fields.Nested(UseSchema, required=True)
    draft = fields.Nested(DraftSchema, load_default=None)


class ReasonEvidenceSchema(Schema):
    text = fields.String(required=True)
    where = fields.String(required=True)


class ReasonSchema(Schema):
    rule = fields.String(required=True, metadata={"description": "the id of a rule of the policy"})
    effect = fields.String(required=True, validate=validate.OneOf(["permit", "forbid", "review"]))
    message = fields.String(required=True)
    evidence = fields.List(fields.Nested(ReasonEvidenceSchema), required=True)


class ObligationSchema(Schema):
    duty = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(["met", "unmet", "unchecked"]))
    detail = fields.String(required=True, metadata={"description": "what was found, or what to add"})
    evidence = fields.Dict(required=True)


class AttributionSchema(Schema):
    html = fields.String(required=True)
    text = fields.String(required=True)
    head = fields.String(required=True, metadata={"description": "a rel=canonical link when one is due"})


class PolicyRefSchema(Schema):
    name = fields.String(required=True)
    revision = fields.String(required=True)


class CheckResponseSchema(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(DECISIONS))
    obligations = fields.List(fields.Nested(ObligationSchema), required=True)
    reasons = fields.List(fields.Nested(ReasonSchema), required=True)
    contact = fields.Nested(ContactSchema, allow_none=True, required=True)
    attribution = fields.Nested(AttributionSchema, required=True)
    policy = fields.Nested(PolicyRefSchema, required=True)
    decision_id = fields.String(required=True)
    url = fields.String(allow_none=True, required=True)
    metadata = fields.Nested(MetadataSchema, required=True)
    terms = fields.Nested(TermsSchema, required=True, metadata={"description": "as POST /v1/extract returns them"})
    grant = fields.Dict(required=True, metadata={"description": "what granted or refused the use: status, by"})
    timings_ms = fields.Dict(keys=fields.String(), values=fields.Float(), required=True)
    warnings = fields.List(fields.String(), required=True)


class DecisionRecordSchema(Schema):
    decision_id = fields.String(required=True)
    created_at = fields.String(required=True)
    policy = fields.String(required=True)
    revision = fields.String(required=True)
    article_url = fields.String(allow_none=True, required=True)
    action = fields.String(required=True)
    medium = fields.String(required=True)
    decision = fields.String(required=True)
    rules = fields.List(fields.String(), required=True)
    obligations = fields.List(fields.Dict(), required=True)
    total_ms = fields.Float(required=True)
