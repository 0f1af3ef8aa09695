"""Accounts benchmark: 20,000 users and 10,000 PSF memberships, then query counts and wrk.

Run against a scratch Postgres database (it is filled, not cleared)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pydotorg_bench_users python bench/users.py

It migrates, creates the data set when missing, prints the SQL queries each page needs, then serves the
site with gunicorn on 127.0.0.1 and runs ``wrk -t2 -c8 -d10s`` against the public pages.
"""

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pydotorg.settings.production")
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pydotorg_bench_users")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

USERS = 20_000
MEMBERS = 10_000
PORT = int(os.environ.get("BENCH_PORT", "8121"))


def setup_django():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def create_data():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from apps.users.models import Membership

    User = get_user_model()
    existing = User.objects.filter(username__startswith="bench").count()
    if existing < USERS:
        password = make_password("bench-password-123")
        User.objects.bulk_create(
            [
                User(
                    username=f"bench{i}", email=f"bench{i}@example.com", password=password, first_name="Bench",
                    last_name=str(i), bio=f"User **{i}** writes Python.\n\n* one\n* two", email_privacy="public",
                )
                for i in range(existing, USERS)
            ],
            batch_size=2000,
        )  # fmt: skip
    members = set(Membership.objects.values_list("user_id", flat=True))
    users = User.objects.filter(username__startswith="bench").order_by("pk").values_list("pk", flat=True)[:MEMBERS]
    Membership.objects.bulk_create(
        [
            Membership(
                user_id=pk, legal_name=f"Legal {pk}", preferred_name=f"Member {pk}", email_address=f"m{pk}@example.com",
                membership_type=("basic", "supporting", "fellow")[pk % 3], votes=pk % 3 != 0, psf_code_of_conduct=True,
                country=("USA", "UK", "NL", "BR")[pk % 4],
            )
            for pk in users
            if pk not in members
        ],
        batch_size=2000,
    )  # fmt: skip
    print(f"data: {User.objects.count()} users, {Membership.objects.count()} memberships")


def query_counts():
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    User = get_user_model()
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        Site.objects.filter(pk=site.pk).update(hostname="testserver", port=80)
    superuser, _ = User.objects.get_or_create(username="bench-admin", defaults={"is_staff": True, "is_superuser": True})
    member = User.objects.get(username="bench5")
    anonymous, signed_in, admin = Client(), Client(), Client()
    signed_in.force_login(member)
    admin.force_login(superuser)
    checks = [
        ("anonymous /users/bench5/", anonymous, "/users/bench5/"),
        ("anonymous /membership/", anonymous, "/membership/"),
        ("anonymous /users/menu/", anonymous, "/users/menu/"),
        ("signed-in /users/menu/", signed_in, "/users/menu/"),
        ("signed-in /users/membership/", signed_in, "/users/membership/"),
        ("signed-in /users/edit/", signed_in, "/users/edit/"),
        ("superuser /admin/membership/", admin, "/admin/membership/"),
        ("superuser /admin/membership/?membership_type=fellow", admin, "/admin/membership/?membership_type=fellow"),
        ("superuser CSV export (10k rows)", admin, "/admin/membership/?export=csv"),
    ]
    from django.conf import settings

    settings.REQUIRE_STAFF_MFA = False  # the benchmark superuser has no TOTP device
    for label, client, path in checks:
        client.get(path, secure=True)  # warm caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
        print(f"queries {len(queries):3d}  status {response.status_code}  {label}")


def run_wrk():
    wrk, gunicorn = shutil.which("wrk"), str(Path(sys.executable).with_name("gunicorn"))
    if not wrk:
        print("wrk is not installed; skipping the load test")
        return
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"]}
    server = subprocess.Popen(
        [gunicorn, "pydotorg.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", "2", "--log-level", "warning"],
        cwd=BASE_DIR, env=env,
    )  # fmt: skip
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/_health", timeout=1)  # noqa: S310 - loopback
                break
            except OSError:
                time.sleep(0.2)
        # "/" (the homepage, not this app) is a reference for the machine's speed.
        for path in ("/users/bench5/", "/membership/", "/users/menu/", "/"):
            result = subprocess.run(
                [wrk, "-t2", "-c8", "-d10s", "-H", "X-Forwarded-Proto: https", f"http://127.0.0.1:{PORT}{path}"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
            non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
            print(
                f"wrk {path}: {rate.group(1) if rate else '?'} requests/s, "
                f"non-2xx: {non_2xx.group(1) if non_2xx else 0}"
            )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)


if __name__ == "__main__":
    setup_django()
    create_data()
    query_counts()
    run_wrk()
