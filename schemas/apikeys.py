"""API key entries, as written in CLEARANCE_API_KEYS or the keys file (a YAML or JSON list)."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

SCOPES = ("check", "extract", "admin")
SHA256_HEX = r"^[0-9a-fA-F]{64}$"


class ApiKeyEntrySchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=100),
                         metadata={"description": "who holds the key; logged and used for rate limits"})
    sha256 = fields.String(validate=validate.Regexp(SHA256_HEX),
                           metadata={"description": "hex SHA-256 of the key (preferred: the key is never stored)"})
    key = fields.String(validate=validate.Length(min=16),
                        metadata={"description": "the key itself; hashed at load and not kept"})
    scopes = fields.List(fields.String(validate=validate.OneOf(SCOPES)), required=True,
                         validate=validate.Length(min=1))
    policy = fields.String(allow_none=True, metadata={"description": "the only policy this key may use"})

    @validates_schema
    def _one_secret(self, data: dict, **_: object) -> None:
        if bool(data.get("sha256")) == bool(data.get("key")):
            raise ValidationError("give exactly one of sha256 or key", field_name="sha256")


class ApiKeyListSchema(Schema):
    keys = fields.List(fields.Nested(ApiKeyEntrySchema), required=True)
