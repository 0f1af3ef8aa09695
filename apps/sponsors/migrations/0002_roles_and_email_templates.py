"""Give the Sponsorship team the sponsorship program's permissions, and create its email templates."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from apps.users.roles import SPONSORSHIP_TEAM, grant

# Configuration and sponsor records: the team manages them whole.
MANAGED = ("sponsorshipprogram", "sponsorshippackage", "sponsorshipbenefit", "benefitfeatureconfiguration",
           "legalclause", "sponsor", "sponsorcontact", "sponsorasset")  # fmt: skip
TEAM_PERMISSIONS = [
    *(f"{verb}_{model}" for model in MANAGED for verb in ("add", "change", "delete", "view")),
    # Sponsorships and contracts change state only through the review actions; no delete.
    "view_sponsorship", "change_sponsorship", "review_sponsorship",
    "view_sponsorbenefit", "change_sponsorbenefit", "view_benefitfeature",
    "view_contract", "change_contract",
    "change_sponsorshipsettings",
]  # fmt: skip

TEMPLATES = {
    "sponsors-application-to-psf": (
        "To the sponsorship team when a sponsor applies",
        "New sponsorship application: {{ sponsorship.sponsor.name }}",
        "{{ sponsorship.sponsor.name }} applied for {{ sponsorship.level_name|default:'a custom sponsorship' }} "
        "({{ sponsorship.year }}).\n\nBenefits:\n{% for benefit in benefits %}- {{ benefit.program_name }}: "
        "{{ benefit.name }}\n{% endfor %}\nSubmitted by: {{ sponsorship.submited_by.email|default:'unknown' }}\n\n"
        "Review it here: {{ review_url }}\n",
    ),
    "sponsors-application-to-sponsor": (
        "To the sponsor's contacts when they apply",
        "Thank you for applying to sponsor the Python Software Foundation",
        "Hello,\n\nThank you for applying to sponsor the Python Software Foundation, {{ sponsorship.sponsor.name }}."
        "\n\nThe sponsorship team will review the application and write to you about the next steps, usually "
        "within a week. You can follow it here:\n\n{{ dashboard_url }}\n\nThe PSF sponsorship team\n"
        "sponsors@python.org\n",
    ),
    "sponsors-rejected-to-sponsor": (
        "To the sponsor's contacts when the application is declined",
        "Your PSF sponsorship application",
        "Hello,\n\nThank you for applying to sponsor the Python Software Foundation. The sponsorship team could not "
        "accept the application of {{ sponsorship.sponsor.name }} for {{ sponsorship.year }} as submitted.\n\n"
        "Write to sponsors@python.org and we will find an arrangement that works.\n\nThe PSF sponsorship team\n",
    ),
    "sponsors-contract-sent-to-psf": (
        "To the sponsorship team when a contract is sent for signature (the PDF is attached)",
        "Contract sent for signature: {{ sponsorship.sponsor.name }}",
        "The contract of {{ sponsorship.sponsor.name }} ({{ sponsorship.level_name }}, {{ sponsorship.year }}) is "
        "attached and awaits the sponsor's signature.\n\nPrimary contact: {{ contract.sponsor_contact }}\n\n"
        "Once it comes back signed, upload it here: {{ review_url }}\n",
    ),
    "sponsors-asset-reminder": (
        "To the sponsor's contacts when required assets are due soon",
        "Sponsorship assets due by {{ due_date|date:'j F Y' }}",
        "Hello,\n\nThe Python Software Foundation still needs these items for the {{ sponsorship.level_name }} "
        "sponsorship of {{ sponsorship.sponsor.name }}:\n\n{% for asset in assets %}- {{ asset.label }} "
        "(due {{ asset.due_date|date:'j F Y' }})\n{% endfor %}\nUpload them here:\n{{ dashboard_url }}\n\n"
        "The PSF sponsorship team\n",
    ),
    "sponsors-notification-welcome": (
        "Sponsor notification: welcome to the program, with the dashboard link",
        "Welcome to the PSF sponsorship program, {{ sponsor_name }}",
        "Hello,\n\nThank you for sponsoring the Python Software Foundation as a {{ sponsorship_level }} sponsor. "
        "Your support keeps PyPI, PyCon US and the Python language's infrastructure running.\n\n"
        "Your sponsorship dashboard lists your benefits and the logos and texts we still need:\n"
        "{{ dashboard_url }}\n\nThe PSF sponsorship team\n",
    ),
    "sponsors-notification-assets-missing": (
        "Sponsor notification: ask for the assets not yet uploaded",
        "We still need a few things from {{ sponsor_name }}",
        "Hello,\n\nTo deliver your {{ sponsorship_level }} benefits we still need the items listed on your "
        "sponsorship dashboard:\n{{ dashboard_url }}\n\nThe PSF sponsorship team\n",
    ),
}


def forwards(apps, schema_editor):
    # Permissions are created after migrate normally; see apps/jobs/migrations/0002 for why this works.
    create_permissions(global_apps.get_app_config("sponsors"), apps=apps, verbosity=0)
    apps.get_app_config("sponsors").models_module = None
    grant(apps, SPONSORSHIP_TEAM, "sponsors", TEAM_PERMISSIONS)
    # Notification emails are database templates the team writes and previews.
    grant(apps, SPONSORSHIP_TEAM, "mailing", ["view_emailtemplate", "add_emailtemplate", "change_emailtemplate"])
    EmailTemplate = apps.get_model("mailing", "EmailTemplate")
    for key, (description, subject, body) in TEMPLATES.items():
        EmailTemplate.objects.get_or_create(key=key, defaults={"description": description, "subject": subject,
                                                               "body": body})


def backwards(apps, schema_editor):
    apps.get_model("mailing", "EmailTemplate").objects.filter(key__in=TEMPLATES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sponsors", "0001_initial"),
        ("users", "0003_roles"),
        ("mailing", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
