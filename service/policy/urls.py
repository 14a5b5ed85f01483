"""URL equivalence for "links to the original": the same article whatever the scheme, `www.`, trailing
slash, tracking parameters, fragment, or AMP variant (`/amp`, `?amp=1`, `amp.` host, `/amp/` segment)."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|igshid|yclid|ref|ref_src|"
                             r"cmpid|ocid|share|s_cid|at_medium|at_campaign|amp|outputtype)$", re.IGNORECASE)
HOST_PREFIXES = ("www.", "amp.", "m.")
AMP_PATH = re.compile(r"(/amp/?$)|(\.amp(?=\.html?$|$))|(^/amp(?=/))", re.IGNORECASE)
DEFAULT_PORTS = {"80", "443"}


def url_key(url: str | None) -> str | None:
    """A comparison key: host without www./amp./m., path without AMP marks or trailing slash, sorted
    query without tracking parameters; None for anything that is not an http(s) URL."""
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
            break
    if port is not None and str(port) not in DEFAULT_PORTS:
        host = f"{host}:{port}"
    path = AMP_PATH.sub("", parts.path or "/")
    path = re.sub(r"/{2,}", "/", path).rstrip("/") or ""
    for suffix in ("/index.html", "/index.htm", "/index.php"):
        path = path.removesuffix(suffix)
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not TRACKING_PARAMS.match(k))
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")


def same_url(a: str | None, b: str | None) -> bool:
    """Whether two URLs name the same page under url_key's equivalences."""
    key_a, key_b = url_key(a), url_key(b)
    return key_a is not None and key_a == key_b


def matches_any(url: str | None, originals: list[str]) -> bool:
    """Whether url is equivalent to any of the original's URLs (given, canonical, og:url)."""
    key = url_key(url)
    return key is not None and key in {url_key(o) for o in originals}
