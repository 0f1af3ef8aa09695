"""Database email templates for account and membership mail (editable under Email › Email templates).

Account emails without a row here are rendered from allauth's file templates and still go through the queue.
"""

from django.db import migrations

FOOTER = "\n\n-- \nPython.org · https://www.python.org/\n"

TEMPLATES = [
    (
        "account-email-confirmation-signup",
        "Confirm the email address of a new account",
        "[Python.org] Please confirm your email address",
        "Hello {{ username }},\n\nThank you for creating an account on Python.org. To confirm that "
        "{{ email }} is your address, open this link:\n\n{{ activate_url }}\n\n"
        "If you did not sign up, ignore this email and no account will be activated." + FOOTER,
    ),
    (
        "account-email-confirmation",
        "Confirm an email address added to an account",
        "[Python.org] Please confirm your email address",
        "Hello {{ username }},\n\nTo confirm that {{ email }} belongs to your Python.org account, open this link:\n\n"
        "{{ activate_url }}\n\nIf you did not add this address, ignore this email." + FOOTER,
    ),
    (
        "account-password-reset-key",
        "Password reset link",
        "[Python.org] Reset your password",
        "Hello,\n\nSomeone (hopefully you) asked to reset the password of the Python.org account "
        "{% if username %}{{ username }} {% endif %}that uses {{ email }}. Choose a new password here:\n\n"
        "{{ password_reset_url }}\n\nIf you did not ask for this, ignore this email; your password is unchanged."
        + FOOTER,
    ),
    (
        "account-unknown-account",
        "Password reset asked for an address without an account",
        "[Python.org] Password reset request",
        "Hello,\n\nSomeone asked to reset the password of a Python.org account with the address {{ email }}, "
        "but no account uses it. You can create one here:\n\n{{ signup_url }}\n\n"
        "If you did not ask for this, ignore this email." + FOOTER,
    ),
    (
        "account-account-already-exists",
        "Sign-up with an address that already has an account",
        "[Python.org] You already have an account",
        "Hello,\n\nSomeone tried to create a Python.org account with {{ email }}, which already has one. "
        "If you forgot your password, reset it here:\n\n{{ password_reset_url }}" + FOOTER,
    ),
    (
        "account-password-changed",
        "Notice that the account password changed",
        "[Python.org] Your password was changed",
        "Hello {{ username }},\n\nThe password of your Python.org account was changed on {{ timestamp }} "
        "from {{ ip }}.\n\nIf this was not you, reset your password at once and contact psf@python.org." + FOOTER,
    ),
    (
        "account-deleted",
        "Confirmation that an account was deleted",
        "[Python.org] Your account has been deleted",
        "Hello {{ username }},\n\nYour Python.org account has been deleted as you asked. Your profile and "
        "personal details are gone; content you posted stays without your name." + FOOTER,
    ),
    (
        "membership-welcome",
        "A new PSF Basic member",
        "Welcome to the Python Software Foundation",
        "Dear {{ name }},\n\nThank you for becoming a {{ membership.get_membership_type_display }} of the Python "
        "Software Foundation. You can review or change your membership at any time:\n\n{{ membership_url }}"
        + FOOTER,
    ),
    (
        "membership-cancelled",
        "A PSF membership was cancelled by its member",
        "Your PSF membership has been cancelled",
        "Dear {{ name }},\n\nYour Python Software Foundation membership has been cancelled. You are welcome "
        "back at any time:\n\n{{ membership_url }}" + FOOTER,
    ),
]


def create_templates(apps, schema_editor):
    EmailTemplate = apps.get_model("mailing", "EmailTemplate")
    for key, description, subject, body in TEMPLATES:
        EmailTemplate.objects.get_or_create(
            key=key, defaults={"description": description, "subject": subject, "body": body}
        )


def remove_templates(apps, schema_editor):
    apps.get_model("mailing", "EmailTemplate").objects.filter(key__in=[t[0] for t in TEMPLATES]).delete()


class Migration(migrations.Migration):
    dependencies = [("users", "0005_role_permissions"), ("mailing", "0001_initial")]

    operations = [migrations.RunPython(create_templates, remove_templates)]
