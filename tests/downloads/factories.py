import datetime

import factory
import wagtail_factories

from apps.downloads.models import OS, DownloadsIndexPage, ReleaseFile, ReleasePage, slug_for_version

FTP = "https://www.python.org/ftp/python"


class DownloadsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Download Python"
    slug = "downloads"

    class Meta:
        model = DownloadsIndexPage


class ReleasePageFactory(wagtail_factories.PageFactory):
    version_number = factory.Sequence(lambda n: f"3.12.{n}")
    title = factory.LazyAttribute(lambda r: f"Python {r.version_number}")
    slug = factory.LazyAttribute(lambda r: slug_for_version(r.version_number))
    release_date = factory.Sequence(
        lambda n: datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.UTC) + datetime.timedelta(days=n)
    )
    release_notes_url = factory.LazyAttribute(
        lambda r: f"https://docs.python.org/release/{r.version_number}/whatsnew/changelog.html"
    )
    content = factory.LazyFunction(lambda: [{"type": "markdown", "value": "Python **keeps getting faster**."}])

    class Meta:
        model = ReleasePage


class ReleaseFileFactory(factory.django.DjangoModelFactory):
    release = factory.SubFactory(ReleasePageFactory)
    name = factory.Sequence(lambda n: f"XZ compressed source tarball {n}")
    slug = factory.Sequence(lambda n: f"file-{n}")
    os = factory.LazyFunction(lambda: OS.objects.get(slug="source"))
    url = factory.LazyAttributeSequence(
        lambda f, n: f"{FTP}/{f.release.version_number}/Python-{f.release.version_number}-{n}.tar.xz"
    )
    sha256_sum = "a" * 64
    filesize = 22_000_000

    class Meta:
        model = ReleaseFile
