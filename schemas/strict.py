"""Fields that take JSON's own types only: what the OpenAPI document promises, no lenient casts."""
from typing import Any

from marshmallow import fields


class JsonBoolean(fields.Boolean):
    """true or false as JSON writes them. marshmallow's Boolean also takes 1, 0, "yes" or "on",
    which the API's contract (type: boolean) does not allow."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class QueryBoolean(fields.Boolean):
    """true or false in a query string, as the OpenAPI document's boolean is written there ("true",
    "false"); marshmallow's Boolean would also take "1", "on", "yes" or "t"."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if value not in ("true", "false"):
            raise self.make_error("invalid", input=value)
        return value == "true"
