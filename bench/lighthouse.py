"""Lighthouse scores (mobile profile) of the main page types, against a site that is already running.

    .venv/bin/python bench/lighthouse.py http://127.0.0.1:8000 [--paths / /jobs/ ...] [--runs 1]

Lighthouse is the npm package, run with ``npx`` against Debian's chromium (``CHROME_PATH``, default
/usr/bin/chromium). Node is a benchmark tool here only: the site never needs it. Without ``--paths`` the
pages are /, /downloads/, the latest release (where /downloads/latest/ redirects), /jobs/, /events/ and a
standard page (/about/gettingstarted/). With ``--runs`` above 1 each score is the median of the runs.
Measure the site as production serves it: production settings, and /media/ from the web server in front
(``docker/nginx.conf.example``); gunicorn alone answers 404 for uploaded images such as sponsor logos, which
Lighthouse counts as console errors (best practices 96).
Prints one row per page: performance, accessibility, best practices, SEO, and the failing audits.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "npx --yes lighthouse@12")
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
DEFAULT_PATHS = ("/", "/downloads/", "latest-release", "/jobs/", "/events/", "/about/gettingstarted/")


def resolve(base, path):
    """The latest release's own URL (followed from /downloads/latest/), other paths as given."""
    if path != "latest-release":
        return base + path
    with urllib.request.urlopen(base + "/downloads/latest/", timeout=30) as response:  # noqa: S310 - our server
        return response.url


def run_lighthouse(url):
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            *LIGHTHOUSE.split(),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROME_PATH}, timeout=300)  # noqa: S603
        return json.loads(report.read_text())


def scores_and_failures(result):
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    failing = sorted(
        {
            ref["id"]
            for name in CATEGORIES
            for ref in result["categories"][name]["auditRefs"]
            if ref["weight"] > 0
            and result["audits"][ref["id"]]["score"] not in (None, 1)
            and result["audits"][ref["id"]]["score"] < 0.9
        }
    )
    cls = result["audits"]["cumulative-layout-shift"]["numericValue"]
    return scores, failing, cls


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="the running site, e.g. http://127.0.0.1:8000")
    parser.add_argument("--paths", nargs="+", default=list(DEFAULT_PATHS))
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    base = args.base.rstrip("/")

    header = f"{'page':<42} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'CLS':>6}  failing audits"
    print(header)
    print("-" * len(header))
    for path in args.paths:
        url = resolve(base, path)
        runs = [scores_and_failures(run_lighthouse(url)) for _ in range(args.runs)]
        scores = {name: statistics.median(run[0][name] for run in runs) for name in CATEGORIES}
        failing = sorted({audit for run in runs for audit in run[1]})
        cls = statistics.median(run[2] for run in runs)
        shown = url.removeprefix(base) or "/"
        print(
            f"{shown:<42} {scores['performance']:>5.0f} {scores['accessibility']:>5.0f} "
            f"{scores['best-practices']:>5.0f} {scores['seo']:>5.0f} {cls:>6.3f}  {', '.join(failing) or '-'}"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
