"""``manage.py import_legacy``: the legacy python.org export (data/legacy-pydotorg/dump-a.json) into an empty site."""

import datetime
import hashlib
import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import make_password
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client, override_settings

from apps.core.models import LegacyRecord

LEGACY_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher", "django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def dump_rows(data_dir):
    return json.loads((data_dir / "dump-a.json").read_text())


def write_dump(tmp_path, rows, name="dump.json"):
    path = tmp_path / name
    path.write_text(json.dumps(rows))
    return path


def run_import(path, *args):
    out = StringIO()
    call_command("import_legacy", str(path), *args, stdout=out)
    return out.getvalue()


def table_digest():
    """A checksum of every row the import writes, to prove a second run changes nothing."""
    from allauth.account.models import EmailAddress
    from wagtail.models import Page, Revision

    from apps.downloads.models import OS, ReleaseFile
    from apps.events.models import Event
    from apps.jobs.models import Job, JobHistory
    from apps.pages.models import ContentSnippet
    from apps.users.models import ApiCredential, Membership, User

    digest = hashlib.sha256()
    for model in (User, EmailAddress, Membership, ApiCredential, ContentSnippet, Page, Revision, OS, ReleaseFile,
                  Job, JobHistory, Event, LegacyRecord):  # fmt: skip
        for row in model.objects.order_by("pk").values():
            row.pop("updated", None), row.pop("updated_at", None), row.pop("imported_at", None)
            digest.update(repr(sorted(row.items())).encode())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, data_dir_path):
    """dump-a.json imported into an empty site once for the tests below; rolled back afterwards."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield run_import(data_dir_path / "dump-a.json")
            transaction.set_rollback(True)


@pytest.fixture(scope="module")
def data_dir_path():
    return Path(settings.BASE_DIR) / "data" / "legacy-pydotorg"


def count(rows, model):
    return sum(1 for row in rows if row["model"] == model)


@override_settings(PASSWORD_HASHERS=LEGACY_HASHERS)
def test_a_legacy_user_signs_in_with_the_same_password(db, dump_rows, tmp_path):
    for row in dump_rows:
        if row["model"] == "users.user" and row["fields"]["username"] == "admin":
            row["fields"]["password"] = make_password("correct horse battery", hasher="pbkdf2_sha256")
    users_only = [row for row in dump_rows if row["model"] == "users.user"]
    run_import(write_dump(tmp_path, users_only))
    assert authenticate(username="admin", password="correct horse battery") is not None
    assert authenticate(username="admin", password="wrong") is None


def test_dry_run_reports_and_changes_nothing(db, data_dir, tmp_path):
    from apps.users.models import User

    users = User.objects.count()
    rows = [
        row
        for row in json.loads((data_dir / "dump-a.json").read_text())
        if row["model"].startswith(("users.", "jobs."))
    ]
    output = run_import(write_dump(tmp_path, rows), "--dry-run")
    assert "dry run: nothing was changed" in output
    assert "users.user" in output
    assert User.objects.count() == users
    assert LegacyRecord.objects.count() == 0


@pytest.mark.parametrize(
    "breakage, message",
    [
        ("truncated", "not valid JSON"),
        ("missing foreign key", "not in the dump"),
        ("newer model", "unknown legacy model"),
        ("newer field", "unknown fields"),
    ],
)
def test_a_malformed_dump_is_reported_and_changes_nothing(db, dump_rows, tmp_path, breakage, message):
    from apps.core.legacy import IGNORED_MODELS, load_importers
    from apps.users.models import User

    known = load_importers().keys() | IGNORED_MODELS.keys()
    dump_rows = [row for row in dump_rows if row["model"] in known]

    if breakage == "truncated":
        path = tmp_path / "dump.json"
        path.write_text(json.dumps(dump_rows)[:50_000])
    else:
        if breakage == "missing foreign key":
            next(row for row in dump_rows if row["model"] == "downloads.releasefile")["fields"]["release"] = 4242
        elif breakage == "newer model":
            dump_rows.append({"model": "jobs.jobfeedback", "pk": 1, "fields": {"job": 1, "text": "Great"}})
        else:
            dump_rows[0]["fields"]["colour"] = "blue"
        path = write_dump(tmp_path, dump_rows)
    users = User.objects.count()
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_legacy", str(path), stdout=out)
    assert message in out.getvalue()
    assert User.objects.count() == users
    assert LegacyRecord.objects.count() == 0


def test_community_minutes_banners_and_work_groups_are_imported(db, dump_rows, tmp_path):
    """dump-a.json has none of these; rows shaped as python.org's models are."""
    from apps.banners.models import Banner
    from apps.community.models import Post
    from apps.minutes.models import Minutes
    from apps.work_groups.models import WorkGroup

    stamps = {"created": "2024-01-01T00:00:00Z", "updated": "2024-01-01T00:00:00Z", "creator": ["admin"],
              "last_modified_by": None}  # fmt: skip
    users = [row for row in dump_rows if row["model"] == "users.user"]
    rows = users + [
        {"model": "minutes.minutes", "pk": 1, "fields": {**stamps, "date": "2024-03-13", "content": "Quorum present.",
         "content_markup_type": "restructuredtext", "_content_rendered": "", "is_published": True}},
        {"model": "minutes.minutes", "pk": 2, "fields": {**stamps, "date": "2024-04-10", "content": "Draft.",
         "content_markup_type": "markdown", "_content_rendered": "", "is_published": False}},
        {"model": "banners.banner", "pk": 1, "fields": {"title": "Donate", "message": "Support the PSF",
         "link": "/psf/donations/", "active": True, "psf_pages_only": True}},
        {"model": "community.post", "pk": 42, "fields": {**stamps, "title": "PyCon photos", "content": "Fun",
         "content_markup_type": "markdown", "_content_rendered": "", "abstract": "", "media_type": 4,
         "source_url": "", "status": 2}},
        {"model": "community.link", "pk": 1, "fields": {**stamps, "post": 42, "url": "https://us.pycon.org/"}},
        {"model": "work_groups.workgroup", "pk": 1, "fields": {**stamps, "name": "Grants", "slug": "grants",
         "active": True, "approved": True, "short_description": "Funds events", "url": "", "organizers": [["admin"]],
         "members": [], **{name: "Text" for name in ("purpose", "active_time", "core_values", "rules",
                                                      "communication", "support")},
         **{f"{name}_markup_type": "markdown" for name in ("purpose", "active_time", "core_values", "rules",
                                                            "communication", "support")},
         **{f"_{name}_rendered": "" for name in ("purpose", "active_time", "core_values", "rules",
                                                  "communication", "support")}}},
    ]  # fmt: skip
    run_import(write_dump(tmp_path, rows))
    assert list(Minutes.objects.filter(live=True).values_list("date", flat=True)) == [datetime.date(2024, 3, 13)]
    assert Minutes.objects.count() == 2
    assert Banner.objects.get().scope == Banner.Scope.PSF
    post = Post.objects.get(pk=42)
    assert (post.kind, post.status, post.url) == (Post.Kind.LINK, Post.Status.PUBLIC, "https://us.pycon.org/")
    assert WorkGroup.objects.get().organizers.get().username == "admin"


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="is not a file"):
        call_command("import_legacy", str(tmp_path / "nope.json"))


def test_the_whole_legacy_database_is_imported_and_reconciled(imported, db, dump_rows):
    from allauth.account.models import EmailAddress

    from apps.blogs.models import BlogEntry
    from apps.codesamples.models import CodeSample
    from apps.downloads.models import ReleaseFile, ReleasePage
    from apps.events.models import Calendar, Event
    from apps.jobs.models import Job
    from apps.pages.models import ContentSnippet, StandardPage
    from apps.sponsors.models import BenefitFeatureConfiguration, SponsorAsset, Sponsorship, SponsorshipBenefit
    from apps.successstories.models import Company, StoryPage
    from apps.users.models import ApiCredential, Membership, User

    assert "Import finished." in imported
    legacy_users = [row["fields"]["username"] for row in dump_rows if row["model"] == "users.user"]
    assert User.objects.filter(username__in=legacy_users).count() == len(legacy_users) == 80
    assert Membership.objects.count() == count(dump_rows, "users.membership")
    assert EmailAddress.objects.filter(verified=True).count() >= count(dump_rows, "account.emailaddress")
    assert ApiCredential.objects.exclude(api_key_hash="").count() == count(dump_rows, "tastypie.apikey")
    assert ContentSnippet.objects.count() == count(dump_rows, "boxes.box") == 63
    legacy_pages = [row["fields"] for row in dump_rows if row["model"] == "pages.page"]
    assert StandardPage.objects.filter(slug__in=[page["path"] for page in legacy_pages]).count() == 50
    assert StandardPage.objects.live().filter(
        slug__in=[p["path"] for p in legacy_pages if p["is_published"]]
    ).count() == sum(1 for p in legacy_pages if p["is_published"])
    assert ReleasePage.objects.count() == count(dump_rows, "downloads.release") == 11
    assert ReleaseFile.objects.count() == count(dump_rows, "downloads.releasefile") == 69
    assert Job.objects.count() == count(dump_rows, "jobs.job") == 13
    statuses = sorted(row["fields"]["status"] for row in dump_rows if row["model"] == "jobs.job")
    assert sorted(Job.objects.values_list("status", flat=True)) == statuses
    assert Calendar.objects.count() == 3
    assert Event.objects.count() == 3
    assert Event.objects.filter(frequency="daily").count() == 1
    assert BlogEntry.objects.count() == count(dump_rows, "blogs.blogentry") == 25
    assert StoryPage.objects.count() == count(dump_rows, "successstories.story") == 11
    assert Company.objects.count() >= count(dump_rows, "companies.company")
    assert CodeSample.objects.count() == 5
    sponsorship = Sponsorship.objects.get()
    assert sponsorship.sponsor.name == "Example Company" and sponsorship.benefits.count() == 41
    assert SponsorshipBenefit.objects.filter(year=2022).count() == 47
    assert BenefitFeatureConfiguration.objects.count() == count(dump_rows, "sponsors.benefitfeatureconfiguration")
    assert SponsorAsset.objects.filter(sponsor=sponsorship.sponsor).count() == count(dump_rows, "sponsors.genericasset")
    assert "unknown" not in imported
    # The reconciliation report: per legacy model, what was read and created.
    assert "users.user" in imported and "jobs.job" in imported
    assert "sites.site" in imported and "not imported" in imported
    assert LegacyRecord.objects.filter(model="jobs.job").count() == 13


def test_the_navigation_comes_from_the_legacy_menu(imported, db):
    from wagtail.models import Site

    from apps.core.models import NavigationSettings

    nav = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    titles = [section.value["title"] for section in nav.main_menu]
    assert titles[:4] == ["About", "Downloads", "Documentation", "Community"]


def test_a_legacy_api_key_publishes_a_release_file(imported, db, dump_rows, client):
    from apps.downloads.models import OS, ReleasePage
    from apps.users.models import User
    from apps.users.roles import RELEASE_MANAGERS

    admin = User.objects.get(username="admin")
    key = next(
        row["fields"]["key"]
        for row in dump_rows
        if row["model"] == "tastypie.apikey" and row["fields"]["user"] == ["admin"]
    )
    # admin published the legacy releases with this key: the import made them a release manager.
    assert admin.groups.filter(name=RELEASE_MANAGERS).exists()
    assert "admin published releases with an API key" in imported
    response = client.post(
        "/api/v1/downloads/release_file/",
        data=json.dumps({
            "name": "Windows installer (ARM64)", "slug": "python-2718-arm64",
            "os": f"/api/v1/downloads/os/{OS.objects.get(slug='windows').pk}/",
            "release": f"/api/v1/downloads/release/{ReleasePage.objects.get(slug='python-2718').pk}/", "url": "https://www.python.org/ftp/python/2.7.18/python-2.7.18-arm64.msi",
        }),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"ApiKey admin:{key}",
    )  # fmt: skip
    assert response.status_code == 201, response.content


def test_a_second_import_changes_nothing(imported, db, data_dir):
    before = table_digest()
    output = run_import(data_dir / "dump-a.json")
    assert table_digest() == before
    lines = [line for line in output.splitlines() if line.startswith("jobs.job ")]
    assert lines and lines[0].split()[1:6] == ["13", "0", "0", "13", "0"]


def test_a_newer_dump_is_applied_as_an_update(imported, db, dump_rows, tmp_path):
    from apps.downloads.models import ReleasePage
    from apps.jobs.models import Job
    from apps.pages.models import StandardPage

    job_row = next(row for row in dump_rows if row["model"] == "jobs.job" and row["fields"]["status"] == "approved")
    job_row["fields"]["job_title"] = "Staff Python Engineer"
    deleted = next(row for row in dump_rows if row["model"] == "pages.page" and row["fields"]["is_published"])
    dump_rows.remove(deleted)
    release = next(row for row in dump_rows if row["model"] == "downloads.release")
    new_release = json.loads(json.dumps(release))
    new_release["pk"] = 999
    new_release["fields"].update(name="Python 2.7.19", slug="python-2719", is_latest=False)
    dump_rows.append(new_release)
    output = run_import(write_dump(tmp_path, dump_rows))
    assert Job.objects.get(legacy_id=job_row["pk"]).job_title == "Staff Python Engineer"
    assert not StandardPage.objects.get(slug=deleted["fields"]["path"]).live
    assert ReleasePage.objects.filter(slug="python-2719", live=True).exists()
    job_line = next(line for line in output.splitlines() if line.startswith("jobs.job "))
    assert job_line.split()[1:4] == ["13", "0", "1"]


# python.org's public URL patterns (python/pythondotorg pydotorg/urls.py and each app's urls.py), one real
# URL per pattern; the imported dump adds every page, release, job, event, box and profile it holds.
LEGACY_URLS = [
    "/", "/_health", "/humans.txt", "/robots.txt", "/authenticated", "/about/", "/doc/", "/doc/versions/",
    "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/",
    "/downloads/", "/downloads/latest/python3/", "/downloads/latest/python2/", "/downloads/latest/prerelease/",
    "/downloads/latest/", "/downloads/operating-systems/", "/downloads/windows/",
    "/downloads/macos/", "/downloads/source/", "/downloads/feed.rss", "/getit/", "/getit/windows/",
    "/download/releases/2.7.18/",
    "/events/", "/events/calendars/", "/events/python-events/", "/events/python-events/past/",
    "/events/python-events/categories/", "/events/python-events/locations/",
    "/jobs/", "/jobs/feed/rss/", "/jobs/types/", "/jobs/categories/", "/jobs/locations/", "/jobs/type/",
    "/jobs/category/", "/jobs/location/", "/jobs/location/telecommute/", "/jobs/thanks/", "/jobs/review/",
    "/jobs/moderate/", "/api/", "/api/v1/pages/page/schema/", "/api/v2/schema/", "/api/v1/", "/api/v2/",
    "/api/v1/downloads/os/", "/api/v1/downloads/release/", "/api/v1/downloads/release_file/",
    "/api/v1/downloads/release/schema/", "/api/v1/pages/page/", "/api/v2/pages/page/", "/api/v2/downloads/os/",
    "/api/v2/downloads/release/", "/api/v2/downloads/release_file/",
    "/membership/", "/psf/", "/community/", "/blogs/", "/success-stories/", "/inner/", "/psf-landing/",
    "/docs-landing/", "/pypl-landing/", "/shop-landing/", "/shell/", "/funding.json", "/psf/sponsors/",
    "/sponsors/application/", "/psf/records/board/minutes/", "/nominations/elections/",
]  # fmt: skip


def legacy_urls(rows):
    urls = list(LEGACY_URLS)
    for row in rows:
        model, fields = row["model"], row["fields"]
        if model == "pages.page" and fields["is_published"]:
            urls.append(f"/{fields['path'].strip('/')}/")
        elif model == "downloads.release" and fields["is_published"]:
            urls.append(f"/downloads/release/{fields['slug']}/")
        elif model == "jobs.job" and fields["status"] == "approved":
            urls += [f"/jobs/{row['pk']}/", f"/jobs/{row['pk']}/remove/"]
        elif model == "downloads.release":
            urls.append(f"/release-edit-button/{row['pk']}")
        elif model == "events.event":
            urls.append(f"/events/python-events/{row['pk']}/")
        elif model == "boxes.box":
            urls.append(f"/box/{fields['label']}/")
        elif model == "users.user" and fields["is_active"]:
            urls.append(f"/users/{fields['username']}/")
        elif model == "successstories.story" and fields["is_published"]:
            urls.append(f"/success-stories/{fields['slug']}/")
    return urls


def test_every_legacy_url_answers_200_or_a_permanent_redirect_to_a_page(imported, db, dump_rows, client):
    broken = {}
    for url in legacy_urls(dump_rows):
        response = client.get(url)
        if response.status_code == 301 or (response.status_code == 302 and "/latest/" in url):
            # "latest" links move with each release: python.org answers them with temporary redirects too.
            target = response["Location"]
            response = client.get(target, follow=True)
            status = response.status_code if not target.startswith("http") or "testserver" in target else 200
        else:
            status = response.status_code
        if status != 200:
            broken[url] = status
    assert broken == {}, "\n".join(f"{url} {status}" for url, status in broken.items())


def test_models_of_a_whole_legacy_database_beyond_dump_a_are_imported(db, dump_rows, tmp_path, settings):
    """A production export also holds redirects, contracts, legal clauses, page uploads, related blogs, alarms and
    sponsor notification templates (dump-a.json has none): each is imported, its files copied from --media-root."""
    from wagtail.contrib.redirects.models import Redirect

    from apps.blogs.models import FeedAggregate, RelatedBlog
    from apps.events.models import EventStar
    from apps.mailing.models import EmailTemplate
    from apps.pages.models import StandardPage
    from apps.sponsors.models import Contract, LegalClause, SponsorshipBenefit

    settings.MEDIA_ROOT = str(tmp_path / "media")
    legacy_media = tmp_path / "legacy-media"
    (legacy_media / "sponsors/contracts/signed").mkdir(parents=True)
    (legacy_media / "sponsors/contracts/signed/abc.pdf").write_bytes(b"%PDF-1.4 signed")
    (legacy_media / "images").mkdir()
    (legacy_media / "images/psf-logo.png").write_bytes(b"\x89PNG logo")
    groups = ("users.", "account.", "tastypie.", "authtoken.", "auth.", "sponsors.", "blogs.", "events.", "pages.")
    rows = [row for row in dump_rows if row["model"].startswith(groups)]
    page = next(row for row in rows if row["model"] == "pages.page" and row["fields"]["is_published"])
    benefit = next(row for row in rows if row["model"] == "sponsors.sponsorshipbenefit")
    other_benefit = [row for row in rows if row["model"] == "sponsors.sponsorshipbenefit"][1]
    benefit["fields"].update(legal_clauses=[7], conflicts=[other_benefit["pk"]])
    other_benefit["fields"]["conflicts"] = [benefit["pk"]]
    sponsorship = next(row for row in rows if row["model"] == "sponsors.sponsorship")
    rows += [
        {"model": "redirects.redirect", "pk": 1, "fields": {"site": ["www.python.org"], "old_path": "/old-page/",
         "new_path": f"/{page['fields']['path']}/"}},
        {"model": "redirects.redirect", "pk": 2, "fields": {"site": ["www.python.org"], "old_path": "/dev/pep/",
         "new_path": "https://peps.python.org/"}},
        {"model": "redirects.redirect", "pk": 3, "fields": {"site": ["www.python.org"], "old_path": "/gone/",
         "new_path": ""}},
        {"model": "sponsors.legalclause", "pk": 7, "fields": {"internal_name": "Trademark", "clause": "Use of marks.",
         "notes": "", "order": 1}},
        {"model": "sponsors.contract", "pk": 3, "fields": {"status": "executed", "revision": 2, "document": "",
         "document_docx": "", "signed_document": "sponsors/contracts/signed/abc.pdf",
         "sponsorship": sponsorship["pk"], "sponsor_info": "Example Company, Main St", "sponsor_contact": "Ann",
         "benefits_list": "- PyCon - Booth", "benefits_list_markup_type": "markdown", "_benefits_list_rendered": "",
         "legal_clauses": "- Use of marks.", "legal_clauses_markup_type": "markdown", "_legal_clauses_rendered": "",
         "created_on": "2022-03-01", "last_update": "2022-03-09", "sent_on": "2022-03-02"}},
        {"model": "sponsors.sponsoremailnotificationtemplate", "pk": 1, "fields": {"internal_name": "Assets due",
         "subject": "Your assets", "content": "Dear {{ sponsor_name }}", "created_at": "2022-01-01T00:00:00Z",
         "updated_at": "2022-01-01T00:00:00Z"}},
        {"model": "pages.image", "pk": 1, "fields": {"page": page["pk"], "image": "images/psf-logo.png"}},
        {"model": "pages.documentfile", "pk": 1, "fields": {"page": page["pk"], "document": "files/minutes.pdf"}},
        {"model": "blogs.feedaggregate", "pk": 1, "fields": {"name": "Python news", "slug": "python-news",
         "description": "Home page", "feeds": [1]}},
        {"model": "blogs.relatedblog", "pk": 1, "fields": {"name": "planet", "feed_url": "https://planetpython.org/rss",
         "blog_url": "https://planetpython.org/", "blog_name": "Planet Python",
         "last_entry_published": "2024-01-01T00:00:00Z", "last_entry_title": "Hi", "created": "2024-01-01T00:00:00Z",
         "updated": "2024-01-01T00:00:00Z", "creator": None, "last_modified_by": None}},
        {"model": "events.alarm", "pk": 1, "fields": {"event": 1, "trigger": 24, "creator": ["admin"],
         "last_modified_by": None, "created": "2024-01-01T00:00:00Z", "updated": "2024-01-01T00:00:00Z"}},
        {"model": "django_celery_beat.periodictask", "pk": 1, "fields": {"name": "refresh feeds"}},
        {"model": "waffle.switch", "pk": 1, "fields": {"name": "old", "active": True}},
    ]  # fmt: skip
    output = run_import(write_dump(tmp_path, rows), "--media-root", str(legacy_media))

    assert "Import finished." in output
    target = StandardPage.objects.get(slug=page["fields"]["path"])
    assert Redirect.objects.get(old_path="/old-page").redirect_page_id == target.pk
    assert Redirect.objects.get(old_path="/dev/pep").redirect_link == "https://peps.python.org/"
    assert not Redirect.objects.filter(old_path="/gone").exists()
    assert "/gone had no target" in output
    client = Client()
    response = client.get("/old-page/")
    assert (response.status_code, response["Location"]) == (301, target.url)
    clause = LegalClause.objects.get()
    imported_benefit = SponsorshipBenefit.objects.get(pk=LegacyRecord.objects.get(
        model="sponsors.sponsorshipbenefit", legacy_pk=str(benefit["pk"])).object_id)  # fmt: skip
    assert list(imported_benefit.legal_clauses.all()) == [clause]
    assert imported_benefit.conflicts.count() == 1
    contract = Contract.objects.get()
    assert (contract.status, contract.revision, contract.sponsorship.sponsor.name) == ("executed", 2, "Example Company")
    assert contract.signed_document.read() == b"%PDF-1.4 signed"
    assert (tmp_path / "media/images/psf-logo.png").read_bytes() == b"\x89PNG logo"
    assert "missing media file: files/minutes.pdf" in output
    assert list(FeedAggregate.objects.get(slug="python-news").feeds.values_list("name", flat=True)) == [
        "Python Insider"
    ]
    assert RelatedBlog.objects.get().name == "Planet Python"
    assert EventStar.objects.get().user.username == "admin"
    assert EmailTemplate.objects.get(key="sponsors-notification-assets-due").subject == "Your assets"
    assert "django_celery_beat.periodictask" in output and "waffle.switch" in output
    assert "unknown" not in output


def test_a_dry_run_queues_no_work_for_rows_it_never_wrote(dump_rows, tmp_path, rq_queue):
    """Wagtail queues search-index, reference-index and cache-purge jobs as pages and snippets are saved; a dry run
    (rolled back) must leave the queue as it was, or workers would look for rows that never existed."""
    rows = [row for row in dump_rows if row["model"] in ("users.user", "boxes.box", "pages.page")]
    output = run_import(write_dump(tmp_path, rows), "--dry-run")
    assert "dry run: nothing was changed" in output
    assert rq_queue.count() == 0
