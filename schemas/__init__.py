"""marshmallow schemas: the HTTP contract. Requests are loaded and responses dumped only here."""
