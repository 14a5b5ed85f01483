"""The original article as the draft checks and the credit block see it: its URLs, title, authors,
source, copyright line and licence, drawn from the extracted metadata and terms."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from service.page import Page
from service.terms.model import Duty, Terms

CC_DEED = "https://creativecommons.org/licenses/{path}/{version}/"
CC_ID = re.compile(r"^CC-(BY(?:-NC)?(?:-ND|-SA)?)-(\d\.\d)(?:-([A-Z]{2}))?$", re.IGNORECASE)
CC0_ID = re.compile(r"^CC0(?:-1\.0)?$", re.IGNORECASE)


def _get(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


@dataclass(frozen=True)
class Original:
    url: str | None
    metadata: Any  # service.extract.model.Metadata (or a dict of the same fields, from a decision case)
    terms: Terms
    page: Page | None = None

    @property
    def urls(self) -> list[str]:
        """Every URL that names the original: the given one, the canonical one, og:url."""
        found = [self.url, _get(self.metadata, "canonical_url")]
        if self.page is not None:
            found += self.page.meta.get("og:url", [])[:1]
            found += [link.href for link in self.page.links_with_rel("canonical")[:1]]
        return [u for u in dict.fromkeys(found) if u]

    @property
    def link(self) -> str | None:
        """The URL to link to: the canonical one when declared, else the one given."""
        return _get(self.metadata, "canonical_url") or self.url

    @property
    def title(self) -> str | None:
        return _get(self.metadata, "title")

    @property
    def authors(self) -> list[str]:
        return [n for n in (_get(a, "name") for a in _get(self.metadata, "authors") or ()) if n]

    def duty(self, kind: str) -> Duty | None:
        return next((d for d in self.terms.duties if d.type == kind), None)

    @property
    def source_names(self) -> list[str]:
        """Names that credit the source: the original source, the duty's named source, the site."""
        duty = self.duty("credit-source")
        names = [_get(_get(self.metadata, "original_source"), "name"),
                 duty.params.get("name") if duty else None, _get(self.metadata, "site_name")]
        return [n for n in dict.fromkeys(names) if n]

    @property
    def site_name(self) -> str | None:
        return _get(self.metadata, "site_name")

    @property
    def copyright_holder(self) -> str | None:
        duty = self.duty("copyright-notice")
        return _get(_get(self.metadata, "copyright"), "holder") or (duty.params.get("holder") if duty else None)

    @property
    def copyright_year(self) -> int | None:
        return _get(_get(self.metadata, "copyright"), "year")

    @property
    def copyright_line(self) -> str | None:
        """"Copyright © Holder, 2017" (or the page's own notice when no holder was read)."""
        holder, year = self.copyright_holder, self.copyright_year
        if holder:
            return f"Copyright © {holder}" + (f", {year}" if year else "")
        notice = _get(_get(self.metadata, "copyright"), "notice")
        return notice or None

    @property
    def license_label(self) -> str | None:
        """The licence's short name: "CC BY-NC-ND 4.0" from its id, else its name."""
        lic = self.terms.license
        match = CC_ID.match(lic.id) if lic.id else None
        if match:
            kind, version, port = match.groups()
            return f"CC {kind.upper()} {version}" + (f" {port.upper()}" if port else "")
        if lic.id and CC0_ID.match(lic.id):
            return "CC0 1.0"
        return lic.name or lic.id

    @property
    def license_url(self) -> str | None:
        """The licence deed: the URL the page gave, else the one its id names."""
        lic = self.terms.license
        if lic.url:
            return lic.url
        match = CC_ID.match(lic.id) if lic.id else None
        if match:
            kind, version, port = match.groups()
            url = CC_DEED.format(path=kind.lower(), version=version)
            return url + (f"{port.lower()}/" if port else "")
        if lic.id and CC0_ID.match(lic.id):
            return "https://creativecommons.org/publicdomain/zero/1.0/"
        return None

    @property
    def pixel_url(self) -> str | None:
        duty = self.duty("include-tracking-pixel")
        return (duty.params.get("url") or duty.params.get("src")) if duty else None
