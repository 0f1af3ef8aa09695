"""Database templates for the rest of allauth's account and two-factor emails, so staff edit every account email.

The adapter (apps/users/adapters.py) maps ``account/email/email_changed`` to the key
``account-email-changed`` and ``mfa/email/totp_activated`` to ``mfa-totp-activated``.
"""

from django.db import migrations

FOOTER = "\n\n-- \nPython.org · https://www.python.org/\n"
ORIGIN = (
    "\n\nIf you did not make this change, secure your account at once (reset your password) and write to "
    "psf@python.org. The change came from:\n\n- IP address: {{ ip }}\n- Browser: {{ user_agent }}\n- Date: {{ timestamp }}"
)
EXAMPLE = {"username": "ada", "ip": "192.0.2.10", "user_agent": "Firefox on Linux", "timestamp": "30 Nov 2026 09:15 UTC"}


def notice(description, subject, change, **example):
    return (description, f"[Python.org] {subject}", "Hello {{ username }},\n\n" + change + ORIGIN + FOOTER,
            {**EXAMPLE, **example})  # fmt: skip


TEMPLATES = {
    "account-email-changed": notice(
        "Notice: the account's primary email address changed", "Your email address was changed",
        "The primary email address of your Python.org account changed from {{ from_email }} to {{ to_email }}.",
        from_email="ada@old.example.org", to_email="ada@example.org",
    ),
    "account-email-confirm": notice(
        "Notice: an email address on the account was confirmed", "Your email address was confirmed",
        "An email address on your Python.org account has been confirmed.",
    ),
    "account-email-deleted": notice(
        "Notice: an email address was removed from the account", "An email address was removed",
        "The address {{ deleted_email }} was removed from your Python.org account.", deleted_email="ada@old.example.org",
    ),
    "account-password-set": notice(
        "Notice: a password was set on an account that had none", "A password was set on your account",
        "A password has been set on your Python.org account.",
    ),
    "account-password-reset": notice(
        "Notice: the password was reset with a reset link", "Your password was reset",
        "The password of your Python.org account has been reset.",
    ),
    "mfa-totp-activated": notice(
        "Notice: an authenticator app was turned on", "Two-factor authentication turned on",
        "An authenticator app now protects your Python.org account.",
    ),
    "mfa-totp-deactivated": notice(
        "Notice: the authenticator app was turned off", "Two-factor authentication turned off",
        "The authenticator app of your Python.org account was removed; sign-in no longer asks for a code.",
    ),
    "mfa-recovery-codes-generated": notice(
        "Notice: new two-factor recovery codes were made", "New recovery codes",
        "A new set of two-factor recovery codes was generated for your Python.org account; the old codes no "
        "longer work.",
    ),
}


def create_templates(apps, schema_editor):
    EmailTemplate = apps.get_model("mailing", "EmailTemplate")
    for key, (description, subject, body, example) in TEMPLATES.items():
        EmailTemplate.objects.get_or_create(
            key=key,
            defaults={"description": description, "subject": subject, "body": body, "example_context": example},
        )


def remove_templates(apps, schema_editor):
    apps.get_model("mailing", "EmailTemplate").objects.filter(key__in=TEMPLATES).delete()


class Migration(migrations.Migration):
    dependencies = [("users", "0006_email_templates"), ("mailing", "0002_send_log_retries_and_previews")]

    operations = [migrations.RunPython(create_templates, remove_templates)]
