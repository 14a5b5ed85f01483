# Clearance: gunicorn serving service:create_app() on 0.0.0.0:8080 as a non-root user.
#
#   docker build -t clearance .
#   docker run -p 8080:8080 -e CLEARANCE_API_KEYS='[{"name": "cms", "sha256": "<hex>", "scopes": ["extract", "check"]}]' clearance
#
# Authentication stays ON in the image: configure keys (CLEARANCE_API_KEYS or CLEARANCE_API_KEYS_FILE);
# CLEARANCE_AUTH_DISABLED is for local development only and is never set here. See README, "Docker".

# --- build: the package and its dependencies into a venv (no compiler needed: all wheels) ---
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python3 -m venv /opt/venv
WORKDIR /src
COPY pyproject.toml README.md ./
COPY schemas/ schemas/
COPY service/ service/
COPY policies/ policies/
# Non-editable: the venv holds the code, the data files (service/data, service/terms/data) and the
# shipped policies (share/clearance/policies); the image needs nothing from /src at run time.
# pip and setuptools are dropped afterwards: the running image installs nothing (~25 MB less).
RUN /opt/venv/bin/pip install . \
 && /opt/venv/bin/pip uninstall -q -y pip setuptools \
 && /opt/venv/bin/python -m compileall -q /opt/venv/lib

# --- run ---
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    GUNICORN_BIND=0.0.0.0:8080 \
    CLEARANCE_DATABASE_URL=sqlite:////var/lib/clearance/clearance.db
# A home of its own: gunicorn (>= 25.1) puts its control socket in ~/.gunicorn; /app stays root's.
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/clearance \
      --shell /usr/sbin/nologin clearance \
 && mkdir -p /app /var/lib/clearance \
 && chown clearance:clearance /var/lib/clearance
COPY --from=build /opt/venv /opt/venv
COPY gunicorn.conf.py /app/gunicorn.conf.py
WORKDIR /app
USER clearance:clearance
# The decision store (SQLite); mount a volume here, or point CLEARANCE_DATABASE_URL at PostgreSQL.
VOLUME ["/var/lib/clearance"]
EXPOSE 8080
# slim has no curl: probe with the venv's Python, on the port GUNICORN_BIND names.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; port = os.environ['GUNICORN_BIND'].rsplit(':', 1)[1]; urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=4)"]
CMD ["gunicorn", "--config", "/app/gunicorn.conf.py", "service:create_app()"]
