"""The `terms` object of POST /v1/extract: an article's licence and reuse conditions, with evidence.

Field names and vocabularies are the contract of the terms issue and the shared terms corpus.
"""
from marshmallow import Schema, fields, validate

from service.terms.model import COMMERCIAL_USE, CONFIDENCE, DERIVATIVES, LICENSE_KINDS


class LicenseSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(LICENSE_KINDS))
    id = fields.String(allow_none=True, required=True,
                       metadata={"description": 'Creative Commons id with version and port, e.g. '
                                                '"CC-BY-NC-SA-3.0-DE"; "CC0-1.0", "PDM-1.0"; null otherwise'})
    url = fields.String(allow_none=True, required=True)
    name = fields.String(allow_none=True, required=True)


class ConstraintSchema(Schema):
    name = fields.String(required=True, metadata={"description": "venue, medium, max_words, date_from..."})
    operator = fields.String(required=True, metadata={"description": "ODRL operator: eq, lteq, isAnyOf..."})
    value = fields.Raw(required=True)


class RuleSchema(Schema):
    action = fields.String(required=True, metadata={"description": "republish, cross-post, excerpt, modify, "
                                                                  "translate, sell, print, broadcast, tdm"})
    constraints = fields.List(fields.Nested(ConstraintSchema), required=True)
    needs_permission = fields.Boolean(load_default=False, dump_default=False,
                                      metadata={"description": "in prohibitions: not banned outright, but only "
                                                               "with the publisher's permission (see contact)"})


class DutySchema(Schema):
    type = fields.String(required=True, metadata={"description": "credit-author, link-to-original, ..."})
    params = fields.Dict(keys=fields.String(), required=True)


class ContactSchema(Schema):
    email = fields.String(allow_none=True, required=True)
    url = fields.String(allow_none=True, required=True)


class EvidenceSchema(Schema):
    text = fields.String(required=True, metadata={"description": "the exact sentence or markup"})
    signal = fields.String(required=True, metadata={"description": "the kind of cue (rel=license, ...)"})
    where = fields.String(required=True, metadata={"description": "CSS path or JSON-LD path"})


class TdmSchema(Schema):
    reserved = fields.Boolean(required=True)
    policy = fields.String(allow_none=True, required=True)


class TermsSchema(Schema):
    license = fields.Nested(LicenseSchema, required=True)
    commercial_use = fields.String(required=True, validate=validate.OneOf(COMMERCIAL_USE))
    derivatives = fields.String(required=True, validate=validate.OneOf(DERIVATIVES))
    share_alike = fields.Boolean(required=True)
    permissions = fields.List(fields.Nested(RuleSchema), required=True)
    prohibitions = fields.List(fields.Nested(RuleSchema), required=True)
    duties = fields.List(fields.Nested(DutySchema), required=True)
    contact = fields.Nested(ContactSchema, allow_none=True, required=True)
    scope = fields.String(required=True, metadata={
        "description": "what the chosen terms cover: article, site, or page (stated neither inside the "
                       "article nor in site chrome); cues about images, user-content or quotations never "
                       "decide and are listed in set_aside"})
    confidence = fields.String(required=True, validate=validate.OneOf(CONFIDENCE))
    evidence = fields.List(fields.Nested(EvidenceSchema), required=True)
    follow_up = fields.List(fields.String(), required=True,
                            metadata={"description": "linked terms pages worth reading"})
    tdm = fields.Nested(TdmSchema, allow_none=True, required=True)
    conflicts = fields.List(fields.String(), required=True,
                            metadata={"description": "cues that disagree with the chosen licence"})
    set_aside = fields.List(fields.String(), required=True,
                            metadata={"description": "licence cues not counted because they cover something "
                                                     "else (a photo, reader comments, a quotation)"})
    odrl = fields.Dict(required=True, metadata={"description": "the same terms as a W3C ODRL 2.2 Offer"})
