#!/usr/bin/env bash
# Load test: the service under gunicorn (gunicorn.conf.py) on loopback, driven by wrk.
#
#   bash bench/load.sh            # DURATION=60 CONNECTIONS=32 MIN_REQUESTS=20000 PORT=18181 by default
#
# 1. writes the request bodies (a ~100 KB article page of our own) and the in-process prediction
#    (bench/load_page.py: what 2 cores would do without HTTP);
# 2. starts gunicorn on 127.0.0.1 with auth ON (a throwaway key) and no rate limit;
# 3. warms up, records each worker's RSS, drives POST /v1/extract for DURATION s at CONNECTIONS
#    connections, then POST /v1/check (skipped if the route answers 404), then more extract rounds
#    until MIN_REQUESTS requests were served (bounded by MAX_EXTRA_SECONDS);
# 4. prints requests/s, p50/p99 latency, errors, each worker's RSS before and after, and the ratio of
#    measured extract throughput to the in-process prediction. Traffic goes to loopback only.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$ROOT/.venv/bin/python}
GUNICORN=${GUNICORN:-$ROOT/.venv/bin/gunicorn}
PORT=${PORT:-18181}
DURATION=${DURATION:-60}
CHECK_DURATION=${CHECK_DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${WRK_THREADS:-2}
WORKERS=${GUNICORN_WORKERS:-2}
MIN_REQUESTS=${MIN_REQUESTS:-20000}
MAX_EXTRA_SECONDS=${MAX_EXTRA_SECONDS:-300}
WARMUP=${WARMUP:-10}
OUT=$(mktemp -d /tmp/clearance-load.XXXXXX)
BASE="http://127.0.0.1:$PORT"
KEY="load-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -x "$GUNICORN" ] || { echo "no gunicorn at $GUNICORN: run 'make test' or set GUNICORN"; exit 1; }

echo "== in-process prediction (same page, same cores)"
"$PY" "$ROOT/bench/load_page.py" "$OUT" --cores "$WORKERS" | tee "$OUT/inprocess.txt"
PREDICTED=$(awk '/predicted_rps/ {print $3}' "$OUT/inprocess.txt")

cat > "$OUT/post.lua" <<'LUA'
local path, body_file, key = os.getenv("LOAD_PATH"), os.getenv("LOAD_BODY"), os.getenv("LOAD_KEY")
local f = assert(io.open(body_file, "rb")); local body = f:read("*a"); f:close()
wrk.method = "POST"; wrk.path = path; wrk.body = body
wrk.headers["Content-Type"] = "application/json"; wrk.headers["X-API-Key"] = key
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p99_ms=%.1f non2xx=%d " ..
    "connect=%d read=%d write=%d timeout=%d\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect, e.read, e.write, e.timeout))
end
LUA

echo "== machine load before the run: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores shared: figures are noisy)"
echo "== starting gunicorn on $BASE ($WORKERS workers)"
CLEARANCE_API_KEYS="[{\"name\": \"load\", \"key\": \"$KEY\", \"scopes\": [\"extract\", \"check\"]}]" \
CLEARANCE_RATE_LIMIT="" CLEARANCE_DATABASE_URL="sqlite:///$OUT/decisions.db" \
GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_WORKERS="$WORKERS" GUNICORN_LOGLEVEL=warning \
  "$GUNICORN" --config "$ROOT/gunicorn.conf.py" --access-logfile /dev/null --chdir "$ROOT" 'service:create_app()' \
  > "$OUT/gunicorn.log" 2>&1 &
ARBITER=$!
trap 'kill -TERM $ARBITER 2>/dev/null; wait $ARBITER 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -fsS -m 2 "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS -m 2 "$BASE/healthz" >/dev/null || { echo "service did not start"; tail -20 "$OUT/gunicorn.log"; exit 1; }

rss() {  # "pid:RSS_kB ..." of every worker
  for pid in $(pgrep -P "$ARBITER" | sort -n); do
    printf '%s:%s ' "$pid" "$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")"
  done
}
drive() {  # path body seconds -> one RESULT line
  LOAD_PATH=$1 LOAD_BODY=$2 LOAD_KEY=$KEY wrk -t "$THREADS" -c "$CONNECTIONS" -d "${3}s" --timeout 30s \
    -s "$OUT/post.lua" "$BASE" | grep '^RESULT'
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

CHECK_STATUS=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  -H "X-API-Key: $KEY" --data-binary @"$OUT/check.json" "$BASE/v1/check")
echo "== warm-up (${WARMUP}s per endpoint, so first-use allocations and caches do not count as growth)"
drive /v1/extract "$OUT/extract.json" "$WARMUP" >/dev/null
[ "$CHECK_STATUS" = "404" ] || drive /v1/check "$OUT/check.json" "$WARMUP" >/dev/null
RSS_BEFORE=$(rss)
echo "worker RSS kB before: $RSS_BEFORE"

echo "== POST /v1/extract, ${DURATION} s, $CONNECTIONS connections"
EXTRACT=$(drive /v1/extract "$OUT/extract.json" "$DURATION"); echo "$EXTRACT"
echo "worker RSS kB: $(rss)"
TOTAL=$(field requests "$EXTRACT")

if [ "$CHECK_STATUS" = "404" ]; then
  echo "== POST /v1/check: route not found (404), skipped"
else
  echo "== POST /v1/check (probe answered $CHECK_STATUS), ${CHECK_DURATION} s, $CONNECTIONS connections"
  CHECK=$(drive /v1/check "$OUT/check.json" "$CHECK_DURATION"); echo "$CHECK"
  echo "worker RSS kB: $(rss)"
  TOTAL=$((TOTAL + $(field requests "$CHECK")))
fi

EXTRA=0
while [ "$TOTAL" -lt "$MIN_REQUESTS" ] && [ "$EXTRA" -lt "$MAX_EXTRA_SECONDS" ]; do
  MORE=$(drive /v1/extract "$OUT/extract.json" 30); echo "more: $MORE"; echo "worker RSS kB: $(rss)"
  TOTAL=$((TOTAL + $(field requests "$MORE"))); EXTRA=$((EXTRA + 30))
done
RSS_AFTER=$(rss)
echo "worker RSS kB after $TOTAL requests: $RSS_AFTER"

echo "== summary"
"$PY" - "$RSS_BEFORE" "$RSS_AFTER" "$(field rps "$EXTRACT")" "$PREDICTED" <<'PY'
import sys
before = dict(p.split(":") for p in sys.argv[1].split())
after = dict(p.split(":") for p in sys.argv[2].split())
for pid in sorted(set(before) | set(after), key=int):
    b, a = int(before.get(pid, 0)), int(after.get(pid, 0))
    growth = f"{100 * (a - b) / b:+.1f}%" if b and a else "(worker replaced)"
    print(f"worker {pid}: RSS {b / 1024:.1f} MB -> {a / 1024:.1f} MB ({growth})")
measured, predicted = float(sys.argv[3]), float(sys.argv[4])
print(f"extract: {measured:.1f} req/s measured vs {predicted:.1f} predicted in process "
      f"= {100 * measured / predicted:.0f}% (target >= 70%)")
PY
grep -iE "error|exception" "$OUT/gunicorn.log" | head -5 || true
echo "(bodies, logs: $OUT)"
