"""GPG verification of release files against the release managers' keys held in the admin."""

import io
import shutil
from unittest import mock

import gnupg
import pytest
from django.core.management import call_command

from apps.downloads.models import SigningKey
from tests.downloads.factories import ReleaseFileFactory

pytestmark = pytest.mark.django_db
ARTIFACT = b"Python-3.14.1 source tarball bytes"


@pytest.fixture(scope="module")
def signer(tmp_path_factory):
    """A throwaway release manager key in its own GNUPGHOME: (armoured public key, detached signature)."""
    if shutil.which("gpg") is None:
        pytest.fail("gpg is required (Debian package gnupg)")
    home = tmp_path_factory.mktemp("gnupg")
    gpg = gnupg.GPG(gnupghome=str(home))
    key = gpg.gen_key(
        gpg.gen_key_input(
            name_real="Test Release Manager", name_email="rm@example.com", key_type="RSA", key_length=2048,
            no_protection=True,
        )
    )  # fmt: skip
    signature = gpg.sign(ARTIFACT, keyid=key.fingerprint, detach=True, binary=False)
    return gpg.export_keys(key.fingerprint), str(signature).encode(), key.fingerprint


def serve(files):
    """urlopen that answers from ``files`` (url -> bytes), as the download server would."""

    def urlopen(request, timeout):
        response = mock.MagicMock()
        response.__enter__.return_value = io.BytesIO(files[request.full_url])
        return response

    return mock.patch("urllib.request.urlopen", side_effect=urlopen)


@pytest.fixture
def signed_file(release):
    file = release.files.get(os__slug="source")
    file.gpg_signature_file = file.url + ".asc"
    file.save()
    return file


def test_signing_key_fingerprint_is_read_from_the_key(signer):
    key = SigningKey(owner="Hugo", public_key=signer[0])
    key.full_clean()
    assert key.fingerprint == signer[2]
    with pytest.raises(Exception, match="not an OpenPGP public key"):
        SigningKey(owner="x", public_key="hello").full_clean()


def test_good_signature_is_verified_by_the_queued_job(client, rq_queue, signer, signed_file):
    public_key, signature, fingerprint = signer
    SigningKey.objects.create(owner="Test Release Manager", public_key=public_key, fingerprint=fingerprint)

    queued_before = rq_queue.count("default")  # page saves queue search-index work too
    call_command("verify_release_signatures", stdout=io.StringIO())
    assert rq_queue.count("default") == queued_before + 1
    with serve({signed_file.url: ARTIFACT, signed_file.gpg_signature_file: signature}):
        rq_queue.run_worker()

    signed_file.refresh_from_db()
    assert signed_file.gpg_verified is True
    assert fingerprint in signed_file.gpg_verification_note
    assert "✓ verified" in client.get(signed_file.release.url).content.decode()


def test_tampered_file_fails_verification(client, signer, signed_file):
    public_key, signature, _ = signer
    SigningKey.objects.create(owner="Test Release Manager", public_key=public_key)
    with serve({signed_file.url: ARTIFACT + b"tampered", signed_file.gpg_signature_file: signature}):
        call_command("verify_release_signatures", stdout=io.StringIO())

    signed_file.refresh_from_db()
    assert signed_file.gpg_verified is False
    assert "not verified" in client.get(signed_file.release.url).content.decode()


def test_signature_by_unknown_key_fails(signer, signed_file):
    with serve({signed_file.url: ARTIFACT, signed_file.gpg_signature_file: signer[1]}):
        call_command("verify_release_signatures", stdout=io.StringIO())
    signed_file.refresh_from_db()
    assert signed_file.gpg_verified is False


def test_download_failure_is_recorded_and_retried_later(signer, signed_file):
    SigningKey.objects.create(owner="Test Release Manager", public_key=signer[0])
    with mock.patch("urllib.request.urlopen", side_effect=OSError("connection refused")):
        call_command("verify_release_signatures", stdout=io.StringIO())
    signed_file.refresh_from_db()
    assert signed_file.gpg_verified is None and "Could not download" in signed_file.gpg_verification_note


def test_dry_run_queues_nothing(rq_queue, signed_file):
    out = io.StringIO()
    queued_before = rq_queue.count("default")
    call_command("verify_release_signatures", "--dry-run", stdout=out)
    assert "Would queue 1" in out.getvalue()
    assert rq_queue.count("default") == queued_before


def test_files_without_signature_are_skipped(rq_queue, release):
    ReleaseFileFactory(release=release)
    out = io.StringIO()
    call_command("verify_release_signatures", stdout=out)
    assert "Queued 0" in out.getvalue()
