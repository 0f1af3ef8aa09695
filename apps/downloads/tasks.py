"""Background jobs of the downloads app."""

import logging

from django.utils import timezone

from apps.core.cache import bump_generation, purge_surrogate_keys
from apps.core.tasks import task
from apps.downloads.models import GENERATION_KEY, SURROGATE_KEY, ReleaseFile, SigningKey
from apps.downloads.verification import verify

logger = logging.getLogger(__name__)


@task()
def verify_release_file(file_id):
    """Check one file's GPG signature and record the result on the file."""
    file = ReleaseFile.objects.filter(pk=file_id).exclude(gpg_signature_file="").first()
    if file is None:
        return None
    keys = list(SigningKey.objects.filter(is_active=True).values_list("public_key", flat=True))
    verified, note = verify(file.url, file.gpg_signature_file, keys)
    ReleaseFile.objects.filter(pk=file.pk).update(
        gpg_verified=verified, gpg_verification_note=note, gpg_verified_at=timezone.now()
    )
    bump_generation(GENERATION_KEY)
    purge_surrogate_keys(SURROGATE_KEY)  # the verified mark shows on the release page
    logger.info("GPG verification of %s: %s", file.url, note)
    return verified
