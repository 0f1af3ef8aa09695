"""Page speed: uncached renders under gunicorn, and cached pages through Varnish against nginx, in one run.

    make bench    # or: .venv/bin/python bench/speed.py [--duration 10] [--web-port 8108] [--varnish-port 6081]

1. gunicorn (2 sync workers, production settings, PostgreSQL, Redis) serves each page type; wrk measures
   requests/second and the workers' CPU time (from /proc) gives CPU milliseconds per request. Varnish is
   not involved: every request is rendered.
2. Varnish (docker/varnish/default.vcl, `make varnish`) in front of the same gunicorn serves the homepage
   from its cache; nginx (Debian's) serves the same bytes as a static file; wrk measures both back to back.

It uses the bench database (``BENCH_DATABASE_URL``, demo content) and Redis db (``BENCH_REDIS_URL``).
Only loopback is used; each wrk run is bounded.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BASE_DIR, BENCH_ENV, create_database  # noqa: E402

PAGES = {
    "homepage": "/",
    "downloads": "/downloads/",
    "release page": "RELEASE",
    "jobs": "/jobs/",
    "events": "/events/",
    "standard page": "/about/gettingstarted/",
    "search": "/search/?q=python",
}


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def wrk(url, duration, connections=8):
    output = subprocess.run(  # noqa: S603
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", url],  # noqa: S607
        capture_output=True, text=True, timeout=duration + 30, check=False,
    ).stdout  # fmt: skip
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return (
        float(rate.group(1)) if rate else 0.0,
        int(total.group(1)) if total else 0,
        int(non_2xx.group(1)) if non_2xx else 0,
    )


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
        return response.read(), dict(response.headers)


def wait_for(url, attempts=150):
    for _ in range(attempts):
        try:
            return get(url)
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def prepare():
    os.environ.update(BENCH_ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "pydotorg.settings.production"
    create_database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0, if_empty=True)
    call_command("collectstatic", verbosity=0, interactive=False)
    from apps.downloads.models import ReleasePage

    release = ReleasePage.objects.latest_python3() or ReleasePage.objects.first()  # the page most visitors open
    return {
        name: (f"/downloads/release/{release.slug}/" if path == "RELEASE" else path) for name, path in PAGES.items()
    }


def start_gunicorn(port, varnish_port):
    env = {**os.environ, **BENCH_ENV, "DJANGO_SETTINGS_MODULE": "pydotorg.settings.production",
           "VARNISH_URL": f"http://127.0.0.1:{varnish_port}"}  # fmt: skip
    return subprocess.Popen(  # noqa: S603
        [str(Path(sys.executable).with_name("gunicorn")), "pydotorg.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--access-logfile", "/dev/null", "--log-level", "warning"],
        cwd=BASE_DIR, env=env,
    )  # fmt: skip


def make(target, varnish_port, admin_port, web_port):
    subprocess.run(  # noqa: S603
        ["make", "-s", target, f"VARNISH_PORT={varnish_port}", f"VARNISH_ADMIN_PORT={admin_port}",  # noqa: S607
         f"VARNISH_BACKEND=127.0.0.1:{web_port}"],
        cwd=BASE_DIR, check=True,
    )  # fmt: skip


def nginx_serving(body, port):
    """Debian's nginx serving ``body`` as /index.html on ``port`` (2 workers, like gunicorn and Varnish here)."""
    root = Path(tempfile.mkdtemp(prefix="pydotorg-nginx-"))
    (root / "index.html").write_bytes(body)
    (root / "nginx.conf").write_text(f"""
worker_processes 2;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path {root}; proxy_temp_path {root}; fastcgi_temp_path {root}; uwsgi_temp_path {root};
    scgi_temp_path {root};
    server {{ listen 127.0.0.1:{port}; root {root}; location / {{ try_files $uri /index.html; }} }}
}}
""")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    subprocess.run([nginx, "-c", str(root / "nginx.conf"), "-p", str(root)], check=True)  # noqa: S603
    return root


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--web-port", type=int, default=int(os.environ.get("BENCH_WEB_PORT", "8108")))
    parser.add_argument("--varnish-port", type=int, default=int(os.environ.get("BENCH_VARNISH_PORT", "6081")))
    parser.add_argument("--varnish-admin-port", type=int, default=6082)
    parser.add_argument("--nginx-port", type=int, default=int(os.environ.get("BENCH_NGINX_PORT", "8109")))
    parser.add_argument("--skip-uncached", action="store_true")
    args = parser.parse_args()
    for tool in ("wrk", "varnishd", "nginx"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            raise SystemExit(f"{tool} is missing: run `make bench-deps`")

    paths = prepare()
    print(f"load before: {Path('/proc/loadavg').read_text().split()[:3]} (1, 5, 15 min) on {os.cpu_count()} cores")
    server = start_gunicorn(args.web_port, args.varnish_port)
    origin = f"http://127.0.0.1:{args.web_port}"
    try:
        wait_for(origin + "/robots.txt")
        if not args.skip_uncached:
            print(
                f"\n== Uncached renders: gunicorn, 2 sync workers, production settings, wrk -t2 -c8 -d{args.duration}s"
            )
            print(f"   {'page':15} {'path':34} {'req/s':>8} {'CPU ms/req':>11} {'non-2xx':>8}")
            for name, path in paths.items():
                for _ in range(10):  # warm each worker's process caches, as a running site has them
                    get(origin + path)
                workers = children(server.pid)
                before = cpu_seconds(workers)
                rate, total, non_2xx = wrk(origin + path, args.duration)
                cpu_ms = (cpu_seconds(workers) - before) * 1000 / max(total, 1)
                print(f"   {name:15} {path:34} {rate:8.1f} {cpu_ms:11.2f} {non_2xx:8}")

        make("varnish", args.varnish_port, args.varnish_admin_port, args.web_port)
        cached = f"http://127.0.0.1:{args.varnish_port}/"
        try:
            wait_for(cached)
            body, headers = get(cached)
            assert headers.get("X-Cache") == "HIT", headers
            root = nginx_serving(body, args.nginx_port)
            try:
                static = f"http://127.0.0.1:{args.nginx_port}/"
                assert get(static)[0] == body
                print(f"\n== Cached homepage ({len(body):,} bytes): Varnish vs nginx serving the same bytes, one run")
                results = {}
                for label, url in (("nginx (static file)", static), ("Varnish (cached page)", cached),
                                   ("nginx again", static), ("Varnish again", cached)):  # fmt: skip
                    rate, _total, non_2xx = wrk(url, args.duration, connections=32)
                    results.setdefault(label.split()[0], []).append(rate)
                    print(f"   {label:24} {rate:10.1f} req/s  non-2xx {non_2xx}")
                nginx, varnish = max(results["nginx"]), max(results["Varnish"])
                print(f"   Varnish / nginx: {varnish / nginx:.2f}")
            finally:
                subprocess.run(["kill", Path(root / "nginx.pid").read_text().strip()], check=False)  # noqa: S603,S607
        finally:
            make("varnish-stop", args.varnish_port, args.varnish_admin_port, args.web_port)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print(f"\nload after: {Path('/proc/loadavg').read_text().split()[:3]}")


if __name__ == "__main__":
    main()
