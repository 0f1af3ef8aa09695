"""Load test: wrk at 200 connections against gunicorn as the Procfile runs it (production settings).

    .venv/bin/python bench/load.py [--duration 60] [--connections 200]

Uses the bench database (``BENCH_DATABASE_URL``, demo data loaded with ``load_demo_data`` first)
and prints, per URL, requests/second, p99 latency, non-2xx answers and socket errors (connect,
read, timeout), then whether ``/_health`` is still 200 afterwards.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import BASE_DIR, BENCH_ENV  # noqa: E402

PATHS = ["/", "/jobs/", "/api/v2/downloads/release/"]


def run_wrk(url, duration, connections, threads=4):
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency", url],
        capture_output=True, text=True, timeout=duration + 60,
    ).stdout  # fmt: skip
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"99%\s+([\d.]+\w+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "req/s": float(rps.group(1)) if rps else None,
        "p99": p99.group(1) if p99 else None,
        "non-2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket errors (connect/read/write/timeout)": "/".join(socket.groups()) if socket else "0/0/0/0",
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--port", type=int, default=8101)
    args = parser.parse_args()
    env = {**os.environ, **BENCH_ENV, "DJANGO_SETTINGS_MODULE": "pydotorg.settings.production", "PORT": str(args.port),
           # All the load comes from this one address: the per-client API read limit (2,000 an hour, which real
           # clients never reach) would answer 429 within seconds and measure the limit, not the site.
           "API_ANON_RATE": "100000000/hour"}  # fmt: skip
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True
    )
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    server = subprocess.Popen(
        [gunicorn, "pydotorg.wsgi:application", "--config", "python:pydotorg.gunicorn",
         "--bind", f"127.0.0.1:{args.port}", "--log-level", "warning"],
        cwd=BASE_DIR, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        print(f"wrk -c{args.connections} -d{args.duration}s against gunicorn (pydotorg/gunicorn.py settings)")
        for path in PATHS:
            urllib.request.urlopen(base + path, timeout=30)  # warm the caches
            print(f"  {path:32} {run_wrk(base + path, args.duration, args.connections)}")
        try:
            status = urllib.request.urlopen(base + "/_health", timeout=10).status
        except urllib.error.HTTPError as error:
            status = error.code
        print(f"  /_health afterwards: {status}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
