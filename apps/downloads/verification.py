"""GPG verification of release files against the release managers' public keys held in the admin."""

import io
import logging
import tempfile
import urllib.request
from pathlib import Path

import gnupg
from django.conf import settings

logger = logging.getLogger(__name__)
CHUNK = 1024 * 1024


def _gpg(home):
    return gnupg.GPG(gnupghome=str(home), gpgbinary=settings.DOWNLOADS_GPG_BINARY)


def fingerprint_of(public_key):
    """The fingerprint of an ASCII-armoured public key, or "" when it is not one."""
    with tempfile.TemporaryDirectory() as home:
        result = _gpg(home).import_keys(public_key or "")
        return result.fingerprints[0] if result.fingerprints else ""


def fetch_to(url, destination):
    """Stream ``url`` into the open binary file ``destination`` (bounded in size and time)."""
    request = urllib.request.Request(url, headers={"User-Agent": "python.org release verification"})  # noqa: S310
    size = 0
    with urllib.request.urlopen(request, timeout=settings.DOWNLOADS_FETCH_TIMEOUT) as response:  # noqa: S310
        while chunk := response.read(CHUNK):
            size += len(chunk)
            if size > settings.DOWNLOADS_VERIFY_MAX_BYTES:
                raise ValueError(f"{url} is larger than the verification limit")
            destination.write(chunk)


def verify(url, signature_url, public_keys):
    """``(verified, note)`` for the artifact at ``url`` and its detached signature at ``signature_url``."""
    if not public_keys:
        return False, "No signing keys are configured."
    with tempfile.TemporaryDirectory() as home:
        gpg = _gpg(home)
        for key in public_keys:
            gpg.import_keys(key)
        artifact = Path(home) / "artifact"
        signature = io.BytesIO()
        try:
            with artifact.open("wb") as destination:
                fetch_to(url, destination)
            fetch_to(signature_url, signature)
        except (OSError, ValueError) as error:
            return None, f"Could not download: {error}"[:255]
        signature.seek(0)
        result = gpg.verify_file(signature, data_filename=str(artifact))
        if result.valid:
            return True, f"Good signature from {result.username} ({result.fingerprint})"[:255]
        return False, f"Bad signature: {result.status or 'not signed by a known key'}"[:255]
