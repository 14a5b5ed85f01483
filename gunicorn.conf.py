"""gunicorn settings, committed so every deployment runs the same way (see README).

Time budget: a request may fetch the article (CLEARANCE_FETCH_DEADLINE, 20 s by default) and then
linked terms pages, which all share one more deadline (service.terms.follow). The worker timeout and the graceful
shutdown window are derived from that, so neither the arbiter nor a deploy cuts a request the app
would still answer (with a 200, or a 504 problem of its own).
"""
import os

FETCHES_PER_REQUEST = 2  # the article's deadline + the one the terms pages share
fetch_deadline = float(os.environ.get("CLEARANCE_FETCH_DEADLINE", "20"))
request_budget = int(FETCHES_PER_REQUEST * fetch_deadline + 10)

# Loopback by default (make run); the container sets GUNICORN_BIND=0.0.0.0:8080.
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8080')}")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", str(request_budget)))
# SIGTERM: stop accepting, let in-flight requests finish for up to this long, then exit.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", str(request_budget)))
keepalive = 5
# Recycle workers now and then (jittered so they do not all restart at once); 0 = never.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# Heartbeat files in memory: a container's overlay filesystem can stall the arbiter's checks.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
