"""Conference pass vouchers: codes created through the conference's HTTP API for provided-text assets."""

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)

# Provided-text assets whose value is a voucher code, and the voucher type the conference API knows them by.
VOUCHER_TYPES = {
    "full_conference_passes_code": "SPNS_COMP_",
    "expo_hall_only_passes_code": "SPNS_EXPO_COMP_",
    "additional_full_conference_passes_code": "SPNS_ADDL_DISC_REG_",
    "additional_expo_hall_only_passes_code": "SPNS_EXPO_DISC_",
}


class VoucherError(Exception):
    pass


def create_voucher(voucher_type, quantity, sponsor_name, sponsorship_id):
    """POST to the conference API; returns the voucher code. Raises VoucherError on any failure."""
    url, key = settings.SPONSORS_VOUCHER_API_URL, settings.SPONSORS_VOUCHER_API_KEY
    if not url or not key:
        raise VoucherError("SPONSORS_VOUCHER_API_URL and SPONSORS_VOUCHER_API_KEY are not set.")
    payload = json.dumps({
        "voucher_type": voucher_type, "quantity": quantity, "sponsor_name": sponsor_name,
        "sponsor_id": sponsorship_id,
    }).encode()  # fmt: skip
    if not url.startswith(("https://", "http://")):
        raise VoucherError("SPONSORS_VOUCHER_API_URL must be an http(s) URL.")
    request = urllib.request.Request(url, data=payload, method="POST", headers={  # noqa: S310 - scheme checked
        "Authorization": f"Bearer {key}", "Content-Type": "application/json", "Accept": "application/json",
    })  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - URL from settings
            body = json.loads(response.read().decode() or "{}")
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        raise VoucherError(f"Voucher API call failed: {error}") from error
    code = body.get("code") if isinstance(body, dict) else None
    if not code:
        raise VoucherError(f"Voucher API answered without a code: {body!r}")
    return str(code)
