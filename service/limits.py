"""Rate limits per API key (flask-limiter): in memory by default, in Redis when CLEARANCE_REDIS_URL is set.

One application-wide budget per key (CLEARANCE_RATE_LIMIT, e.g. "120/minute" or "120/minute;2000/hour")
covers every protected endpoint; the open ones (ENDPOINT_SCOPES rows with no scope) are not counted.
Without auth, the budget is per client address. Over it: a 429 problem with Retry-After.
"""
from __future__ import annotations

import logging
import math
import time

from flask import Flask, Response, g, request
from flask_limiter import Limiter, RateLimitExceeded

from service import auth
from service.problems import problem_response

log = logging.getLogger("clearance.limits")


def client_identity() -> str:
    """Whose budget a request spends: the API key's name, else the client address."""
    key = g.get("api_key")
    return f"key:{key.name}" if key is not None else f"addr:{request.remote_addr or 'unknown'}"


def _unlimited() -> bool:
    """Open endpoints and unknown routes spend no budget."""
    return request.url_rule is None or auth.required_scope(request.url_rule.rule) is auth.OPEN


def init_app(app: Flask) -> Limiter | None:
    """Attach the limiter (after auth, so the key is known); None when CLEARANCE_RATE_LIMIT is empty."""
    rate = (app.config.get("RATE_LIMIT") or "").strip()
    if not rate:
        log.info("rate limiting is off (CLEARANCE_RATE_LIMIT is empty)")
        return None
    redis_url = app.config.get("REDIS_URL") or ""
    limiter = Limiter(
        key_func=client_identity,
        application_limits=[rate],
        storage_uri=redis_url or "memory://",
        key_prefix=app.config.get("RATE_LIMIT_PREFIX", "clearance"),
        strategy="moving-window",
        headers_enabled=False,  # Retry-After only on the 429 itself, not on every response
        swallow_errors=True,    # a Redis outage is logged and the request served, not failed
    )
    limiter.request_filter(_unlimited)
    limiter.init_app(app)
    app.extensions["clearance.limiter"] = limiter

    @app.errorhandler(RateLimitExceeded)
    def _too_many(exc: RateLimitExceeded) -> Response:
        current = limiter.current_limit
        wait = max(1, math.ceil(current.reset_at - time.time())) if current is not None else 1
        return problem_response(429, "too-many-requests", "Too many requests",
                                f"rate limit {exc.description} exceeded for this key; retry in {wait} s",
                                headers={"Retry-After": str(wait)})

    return limiter
