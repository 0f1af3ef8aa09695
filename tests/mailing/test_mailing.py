"""Database email templates: validation, preview, the send log, retries of failed SMTP sends, resend."""

import ast
from pathlib import Path

import allauth
import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.urls import reverse

from apps.mailing.emails import send_email, send_templated_email
from apps.mailing.models import EmailLog, EmailTemplate
from apps.users.adapters import email_template_key

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db

BROKEN_SMTP = {"default": {"BACKEND": "tests.mailing.test_mailing.RefusingBackend"}}


class RefusingBackend(BaseEmailBackend):
    """An SMTP server that is down."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("[Errno 111] Connection refused")


@pytest.fixture
def template(db):
    return EmailTemplate.objects.create(key="greeting", subject="Hello {{ name }}", body="Dear {{ name }},\nWelcome.")


def test_templated_email_is_sent_and_logged(template):
    send_templated_email("greeting", ["ada@example.com"], {"name": "Ada"})
    assert [(m.subject, m.to) for m in mail.outbox] == [("Hello Ada", ["ada@example.com"])]
    log = EmailLog.objects.get()
    assert (log.status, log.template_key, log.to, log.attempts) == ("sent", "greeting", "ada@example.com", 1)
    assert log.sent_at is not None


def test_missing_template_is_logged_not_raised():
    assert send_templated_email("no-such-template", ["ada@example.com"], {}) is None
    assert mail.outbox == []
    log = EmailLog.objects.get()
    assert log.status == "skipped" and "has no email template" in log.error


def test_inactive_template_is_logged_not_sent(template):
    template.is_active = False
    template.save()
    send_templated_email("greeting", "ada@example.com", {"name": "Ada"})
    assert mail.outbox == []
    assert EmailLog.objects.get().error.endswith("has an inactive email template; nothing was sent.")


def test_broken_template_is_refused_with_line_and_error(template):
    template.body = "Hello\n{{ name }}\n{% if name %}no end"
    with pytest.raises(ValidationError) as refusal:
        template.full_clean()
    assert "Line 3" in str(refusal.value) and "endif" in str(refusal.value)
    with pytest.raises(ValidationError):
        template.save()
    template.refresh_from_db()
    assert template.body == "Dear {{ name }},\nWelcome."


def test_admin_refuses_a_broken_template(client, superuser, template):
    client.force_login(superuser)
    url = reverse("wagtailsnippets_mailing_emailtemplate:edit", args=[template.pk])
    data = {"key": "greeting", "subject": "Hi {% if name %}x", "body": "ok", "example_context": "{}", "is_active": "on"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Line 1" in response.content.decode()
    template.refresh_from_db()
    assert template.subject == "Hello {{ name }}"


def test_admin_preview_uses_example_context_and_placeholders(client, superuser, template):
    client.force_login(superuser)
    template.example_context = {"name": "Grace"}
    template.body = "Dear {{ name }}, your job {{ job.title }} is live."
    template.save()
    preview_url = reverse("wagtailsnippets_mailing_emailtemplate:preview_on_edit", args=[template.pk])
    data = {"key": "greeting", "subject": template.subject, "body": template.body,
            "example_context": '{"name": "Grace"}', "is_active": "on"}  # fmt: skip
    assert client.post(preview_url, data).json()["is_valid"]
    response = client.get(preview_url)
    page = response.content.decode()
    assert "Hello Grace" in page and "your job ‹job.title› is live" in page
    # The admin shows the preview in an iframe: the site's CSP lets the site frame it.
    assert "frame-ancestors 'self'" in response.get("Content-Security-Policy", "frame-ancestors 'self'")
    assert "frame-ancestors 'none'" not in response.get("Content-Security-Policy", "")


def test_preview_turns_example_dates_into_dates(template):
    template.body = "Closes {{ closes|date:'j F Y' }}; {{ missing|date:'j F Y' }}."
    template.example_context = {"closes": "2027-06-15T16:00:00+00:00"}
    context = template.get_preview_context(None, "")
    assert context["body"] == "Closes 15 June 2027; ."


def test_failed_smtp_send_is_logged_as_failed_inline(template):
    with override_settings(MAILERS=BROKEN_SMTP):
        send_templated_email("greeting", ["ada@example.com"], {"name": "Ada"})  # never raises into the request
    log = EmailLog.objects.get()
    assert log.status == "failed" and "Connection refused" in log.error and log.attempts == 1


def test_failed_smtp_send_is_retried_by_the_worker_then_fails(template, rq_queue):
    retrying = {"default": {"BACKEND": "apps.core.task_backends.ResilientRQBackend", "QUEUES": ["default", "mail"],
                            "OPTIONS": {"RETRY": {"mail": {"max": 2, "interval": 0}}}}}  # fmt: skip
    with override_settings(TASKS=retrying, MAILERS=BROKEN_SMTP):
        send_templated_email("greeting", ["ada@example.com"], {"name": "Ada"})
        assert rq_queue.count("mail") == 1
        rq_queue.run_worker()
    log = EmailLog.objects.get()
    assert log.status == "failed" and log.attempts == 3  # the first try and two retries
    assert rq_queue.count("mail") == 0


def test_mail_is_delivered_by_the_worker(template, rq_queue):
    send_templated_email("greeting", ["ada@example.com"], {"name": "Ada"})
    assert EmailLog.objects.get().status == "queued" and mail.outbox == []
    rq_queue.run_worker()
    assert EmailLog.objects.get().status == "sent" and len(mail.outbox) == 1


def test_resend_a_failed_email_from_the_admin(client, superuser, template):
    with override_settings(MAILERS=BROKEN_SMTP):
        send_email(["ada@example.com"], "Subject", "Body", template_key="greeting")
    log = EmailLog.objects.get()
    client.force_login(superuser)
    listing = client.get(reverse("wagtailsnippets_mailing_emaillog:list") + "?q=ada")
    assert reverse("mailing_admin:resend", args=[log.pk]) in listing.content.decode()
    response = client.post(reverse("mailing_admin:resend", args=[log.pk]))
    assert response.status_code == 302
    log.refresh_from_db()
    assert log.status == "sent" and log.attempts == 2
    assert [m.subject for m in mail.outbox] == ["Subject"]
    # A sent email cannot be resent.
    client.post(reverse("mailing_admin:resend", args=[log.pk]))
    assert len(mail.outbox) == 1


def test_plain_users_cannot_resend(client, user, template):
    with override_settings(MAILERS=BROKEN_SMTP):
        send_email(["ada@example.com"], "Subject", "Body")
    client.force_login(user)
    client.post(reverse("mailing_admin:resend", args=[EmailLog.objects.get().pk]))
    assert EmailLog.objects.get().status == "failed"


def test_editors_read_the_log_but_cannot_edit_it(client, editor, template):
    send_email(["ada@example.com"], "Subject", "Body")
    log = EmailLog.objects.get()
    client.force_login(editor)
    assert "ada@example.com" in client.get(reverse("wagtailsnippets_mailing_emaillog:list")).content.decode()
    assert client.get(reverse("wagtailsnippets_mailing_emaillog:inspect", args=[log.pk])).status_code == 200
    for url in (reverse("wagtailsnippets_mailing_emaillog:add"),
                reverse("wagtailsnippets_mailing_emaillog:edit", args=[log.pk])):  # fmt: skip
        response = client.post(url, {"to": "evil@example.com", "status": "sent"})
        assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's permission denied
    log.refresh_from_db()
    assert log.to == "ada@example.com"


SENDERS = {"send_templated_email", "notify_owner", "notify_moderators", "_notify_both"}
MAIL_FUNCTIONS = {"send_mail", "send_mass_mail", "mail_admins", "mail_managers", "EmailMessage",
                  "EmailMultiAlternatives", "get_connection"}  # fmt: skip


def app_modules():
    for path in sorted((ROOT / "apps").rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, ast.parse(path.read_text(), filename=str(path))


def template_keys_sent_by_the_code():
    """Every key passed to the senders, literally or through a module-level constant."""
    keys = set()
    for _path, tree in app_modules():
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name) and isinstance(node.value.value, str)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                first = node.args[0]
                if name in SENDERS and isinstance(first, ast.Constant):
                    keys.add(first.value)
                elif name in SENDERS and isinstance(first, ast.Name) and first.id in constants:
                    keys.add(constants[first.id])
    return keys


def allauth_template_keys():
    """allauth's own emails: one key per ``<app>/email/<name>_subject.txt`` it ships."""
    root = Path(allauth.__file__).parent / "templates"
    return {email_template_key(str(path.relative_to(root)).removesuffix("_subject.txt"))
            for path in root.glob("*/email/*_subject.txt")}  # fmt: skip


def test_every_email_the_code_sends_has_a_valid_database_template():
    keys = set(EmailTemplate.objects.values_list("key", flat=True))
    sent = template_keys_sent_by_the_code()
    assert len(sent) >= 30  # the scan finds the site's senders (jobs, events, users, sponsors, nominations …)
    assert {"jobs-approved", "events-reminder", "membership-welcome", "sponsors-contract-sent-to-psf",
            "nominations-received", "nominations-approved", "successstories-published"} <= sent  # fmt: skip
    assert sent - keys == set()
    allauth_keys = allauth_template_keys()
    assert {"account-password-reset-key", "mfa-totp-activated", "socialaccount-account-connected"} <= allauth_keys
    assert allauth_keys - keys == set()
    for template in EmailTemplate.objects.all():
        assert template.syntax_errors() == {}, template.key


def test_no_app_sends_mail_around_the_mailing_app():
    """Only apps/mailing builds or sends messages; everything else goes through its templates and log."""
    offenders = []
    for path, tree in app_modules():
        if path.parent.name == "mailing":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in ("django.core.mail", "wagtail.admin.mail"):
                offenders += [f"{path.relative_to(ROOT)}: {alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import) and any(a.name.startswith("django.core.mail") for a in node.names):
                offenders.append(f"{path.relative_to(ROOT)}: import django.core.mail")
            elif isinstance(node, ast.Attribute) and node.attr in MAIL_FUNCTIONS and node.attr != "get_connection":
                offenders.append(f"{path.relative_to(ROOT)}: .{node.attr}")
    assert offenders == []


def test_attachments_are_sent_from_storage_logged_and_resent(client, superuser, template):
    path = default_storage.save("mail-tests/contract.pdf", ContentFile(b"%PDF-1.7 contract"))
    attachment = {"name": "contract.pdf", "path": path, "mimetype": "application/pdf"}
    try:
        with override_settings(MAILERS=BROKEN_SMTP):
            send_templated_email("greeting", ["ada@example.com"], {"name": "Ada"}, attachments=[attachment])
        log = EmailLog.objects.get()
        assert log.status == "failed" and log.attachments == [attachment]
        client.force_login(superuser)
        client.post(reverse("mailing_admin:resend", args=[log.pk]))
        log.refresh_from_db()
        assert log.status == "sent"
        assert mail.outbox[0].attachments == [("contract.pdf", b"%PDF-1.7 contract", "application/pdf")]
    finally:
        default_storage.delete(path)


def test_an_inactive_account_template_sends_nothing(client, user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    EmailTemplate.objects.filter(key="account-password-reset-key").update(is_active=False)
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert mail.outbox == []  # no file template stands in for the one staff switched off
    log = EmailLog.objects.get(template_key="account-password-reset-key")
    assert log.status == "skipped" and "inactive" in log.error


def test_account_emails_come_from_the_database_template(client, user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    EmailTemplate.objects.filter(key="account-password-reset-key").update(subject="Staff wrote this subject")
    client.post(reverse("account_reset_password"), {"email": user.email})
    assert [m.subject for m in mail.outbox] == ["Staff wrote this subject"]
