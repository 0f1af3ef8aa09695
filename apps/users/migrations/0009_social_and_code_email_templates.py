"""Database templates for the last of allauth's emails: third-party accounts connected or disconnected, sign-in
and password-reset codes, and security keys, so that no account email falls back to a file template.
"""

from django.db import migrations

FOOTER = "\n\n-- \nPython.org · https://www.python.org/\n"
ORIGIN = (
    "\n\nIf you did not make this change, secure your account at once (reset your password) and write to "
    "psf@python.org. The change came from:\n\n- IP address: {{ ip }}\n- Browser: {{ user_agent }}\n- Date: {{ timestamp }}"
)
EXAMPLE = {"username": "ada", "ip": "192.0.2.10", "user_agent": "Firefox on Linux", "timestamp": "30 Nov 2026 09:15 UTC"}
IGNORE = "\n\nIf you did not ask for this, ignore this email; nothing changes."


def notice(description, subject, change, **example):
    return (description, f"[Python.org] {subject}", "Hello {{ username }},\n\n" + change + ORIGIN + FOOTER,
            {**EXAMPLE, **example})  # fmt: skip


def code(description, subject, text):
    return (description, f"[Python.org] {subject}", "Hello {{ username }},\n\n" + text + "\n\n    {{ code }}" + IGNORE
            + FOOTER, {"username": "ada", "code": "K7Q2-9XMP"})  # fmt: skip


TEMPLATES = {
    "socialaccount-account-connected": notice(
        "Notice: a GitHub or Google account was connected", "A third-party account was connected",
        "A {{ provider }} account was connected to your Python.org account; you can now sign in with it.",
        provider="GitHub",
    ),
    "socialaccount-account-disconnected": notice(
        "Notice: a GitHub or Google account was disconnected", "A third-party account was disconnected",
        "The {{ provider }} account was disconnected from your Python.org account.", provider="GitHub",
    ),
    "mfa-webauthn-added": notice(
        "Notice: a security key was added", "A security key was added",
        "A security key was added to your Python.org account for two-factor sign-in.",
    ),
    "mfa-webauthn-removed": notice(
        "Notice: a security key was removed", "A security key was removed",
        "A security key was removed from your Python.org account.",
    ),
    "account-login-code": code(
        "The one-time code for signing in by email", "Your sign-in code",
        "Enter this code in the browser window where you are signing in to Python.org:",
    ),
    "account-password-reset-code": code(
        "The one-time code for resetting a password", "Your password reset code",
        "Enter this code in the browser window where you asked to reset your Python.org password:",
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
    dependencies = [
        ("users", "0008_merge_publish_permissions_and_email_templates"),
        ("mailing", "0003_editor_permissions"),
    ]

    operations = [migrations.RunPython(create_templates, remove_templates)]
