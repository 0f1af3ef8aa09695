"""Legacy import at scale: builds a dump N times the size of data/legacy-pydotorg/dump-a.json and imports it.

    .venv/bin/python bench/import_legacy.py            # N=100 (110,600 objects)
    BENCH_IMPORT_SCALE=10 .venv/bin/python bench/import_legacy.py

Prints the time of the 1× and N× imports into an empty database and the importer's peak memory (RSS), which
stays flat because the dump is streamed and spooled to disk. Uses its own database (pydotorg_bench_import).
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BASE_DIR, BENCH_ENV, create_database

SCALE = int(os.environ.get("BENCH_IMPORT_SCALE", 100))
DUMP = BASE_DIR / "data" / "legacy-pydotorg" / "dump-a.json"
DATABASE = "postgres://postgres@127.0.0.1:5432/pydotorg_bench_import"
# Legacy models whose rows are copied N times (with unique names); the rest appear once.
SCALED = {"users.user", "users.membership", "tastypie.apikey", "authtoken.token", "account.emailaddress", "boxes.box",
          "pages.page", "downloads.release", "downloads.releasefile", "jobs.job", "events.event",
          "events.occurringrule", "events.recurringrule"}  # fmt: skip
# Unique text fields, suffixed per copy.
UNIQUE = {"username": "-{n}", "email": "{n}.", "label": "-{n}", "path": "-{n}", "slug": "-{n}", "name": " ({n})",
          "key": "{n}"}  # fmt: skip
URL_FIELDS = ("url", "gpg_signature_file", "sigstore_signature_file", "sigstore_cert_file", "sigstore_bundle_file",
              "sbom_spdx2_file")  # fmt: skip
USER_REFERENCES = ("user", "creator")
# Foreign keys to rows that are copied too.
FOREIGN_KEYS = {"downloads.releasefile": ("release",), "events.occurringrule": ("event",),
                "events.recurringrule": ("event",)}  # fmt: skip


def copy_row(row, n, pk_offset):
    row = json.loads(json.dumps(row))
    original_pk = row["pk"]
    if isinstance(row["pk"], int):
        row["pk"] += pk_offset
    else:
        row["pk"] = f"{row['pk'][:-6]}{n:06d}"
    fields = row["fields"]
    for name, pattern in UNIQUE.items():
        value = fields.get(name)
        if isinstance(value, str) and value:
            suffix = pattern.format(n=n)
            fields[name] = suffix + value if pattern.endswith(".") else value + suffix
    for name in URL_FIELDS:
        if isinstance(fields.get(name), str) and fields[name]:
            fields[name] = fields[name].replace("/ftp/python/", f"/ftp/python/copy-{n}/", 1)
    if row["model"] == "downloads.release":
        fields["is_latest"] = False
        fields["name"] = f"Python 3.99.{original_pk * 1000 + n}"
        fields["slug"] = f"python-399{original_pk * 1000 + n}"
    for name in USER_REFERENCES:
        if isinstance(fields.get(name), list) and fields[name]:
            fields[name] = [f"{fields[name][0]}-{n}"]
    for name in FOREIGN_KEYS.get(row["model"], ()):
        fields[name] += pk_offset
    return row


def write_scaled_dump(path, scale):
    rows = json.loads(DUMP.read_text())
    with open(path, "w") as handle:
        handle.write("[")
        first = True
        for n in range(scale):
            for row in rows:
                if n and row["model"] not in SCALED:
                    continue
                out = copy_row(row, n, n * 100_000) if n else row
                handle.write(("" if first else ",\n") + json.dumps(out))
                first = False
        handle.write("]")


def reset_database():
    import psycopg

    with psycopg.connect(DATABASE.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute('DROP DATABASE IF EXISTS "pydotorg_bench_import" WITH (FORCE)')
    create_database(DATABASE)
    env = {**os.environ, **BENCH_ENV, "DATABASE_URL": DATABASE, "DJANGO_SETTINGS_MODULE": "pydotorg.settings.dev"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=BASE_DIR, env=env, check=True)
    return env


def timed_import(path, env):
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", "import_legacy", str(path), "--allow-unknown"],
        cwd=BASE_DIR, env=env, capture_output=True, text=True,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if result.returncode:
        print("\n".join(line for line in result.stdout.splitlines() if "ERROR" in line or "FAILED" in line))
    return elapsed, peak_mb, result.returncode


def main():
    with tempfile.TemporaryDirectory() as folder:
        scaled = Path(folder) / f"dump-x{SCALE}.json"
        write_scaled_dump(scaled, SCALE)
        objects = sum(1 for _ in open(scaled))
        print(f"{'dump':24} {'objects':>9} {'seconds':>9} {'peak RSS MB':>12}")
        for label, path, count in [("dump-a.json", DUMP, 1106), (f"dump-a × {SCALE}", scaled, objects)]:
            env = reset_database()
            elapsed, peak, code = timed_import(path, env)
            print(f"{label:24} {count:9} {elapsed:9.1f} {peak:12.0f}{'' if code == 0 else '  (failed)'}")
        print(f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
