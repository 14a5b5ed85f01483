# Clearance: the service under gunicorn (gunicorn.conf.py), as an unprivileged user, on port 8080.
# Auth is ON here (no CLEARANCE_AUTH_DISABLED): give keys with CLEARANCE_API_KEYS or _FILE.
# Stop with a grace period as long as gunicorn's (docker stop -t 110): SIGTERM lets in-flight
# requests finish.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GUNICORN_BIND=0.0.0.0:8080 \
    CLEARANCE_POLICY_DIR=/app/policies \
    CLEARANCE_DATABASE_URL=sqlite:////var/lib/clearance/clearance.db

WORKDIR /app
COPY pyproject.toml README.md ./
COPY service ./service
COPY schemas ./schemas
COPY policies ./policies
COPY gunicorn.conf.py ./
RUN python3 -m venv /opt/venv \
    && /opt/venv/bin/pip install . \
    && useradd --system --uid 10001 --home-dir /var/lib/clearance --shell /usr/sbin/nologin clearance \
    && install -d -o clearance -g clearance /var/lib/clearance

USER clearance
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD ["/opt/venv/bin/python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=2).status != 200)"]
STOPSIGNAL SIGTERM
CMD ["/opt/venv/bin/gunicorn", "--config", "/app/gunicorn.conf.py", "service:create_app()"]
