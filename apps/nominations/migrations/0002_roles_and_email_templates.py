"""Give Moderators the nomination review permissions and Editors the elections; create the nominations emails."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from apps.users.roles import EDITORS, MODERATORS, grant

MODERATOR_PERMISSIONS = [
    "review_nomination", "view_nomination", "change_nomination", "view_nominee", "change_nominee",
    "view_election", "view_electionkind",
]  # fmt: skip
EDITOR_PERMISSIONS = [f"{verb}_{model}" for model in ("election", "electionkind") for verb in ("add", "change", "view")]

FOOTER = "\n\n-- \nPython Software Foundation elections · https://www.python.org/nominations/elections/\n"

# key: (description, subject, body, example context for the admin preview)
TEMPLATES = {
    "nominations-received": (
        "To the nominee: someone nominated you; accept or decline",
        "You have been nominated for the {{ election.name }}",
        "Hello {{ nominee_name }},\n\n{{ nominator_name|default:'A Python Software Foundation member' }} has nominated "
        "you for the {{ election.name }}.\n\nRead the nomination and accept or decline it here (sign in with the "
        "account that has {{ nomination.email }} verified):\n\n{{ accept_url }}\n\nNominations close on "
        "{{ election.nominations_close_at|date:'j F Y, H:i T' }}. If you accept, PSF staff check your eligibility; "
        "your nomination becomes public when nominations close." + FOOTER,
        {"nominee_name": "Ada Lovelace", "nominator_name": "Guido van Rossum",
         "election": {"name": "2027 PSF Board of Directors Election", "nominations_close_at": "2027-06-15"},
         "nomination": {"email": "ada@example.org"}, "accept_url": "https://www.python.org/nominations/42/accept/"},
    ),
    "nominations-nominated": (
        "To the nominator: your nomination was recorded",
        "Your nomination of {{ nominee_name }} for the {{ election.name }}",
        "Hello {{ nominator_name }},\n\nThank you for nominating {{ nominee_name }} for the {{ election.name }}.\n\n"
        "{% if self_nomination %}As this is a self-nomination it counts as accepted; PSF staff will review it."
        "{% else %}We have emailed {{ nominee_name }} to accept or decline. You will hear from us when they answer."
        "{% endif %}\n\nYou can edit the nomination until nominations close:\n{{ nomination_url }}\n\n"
        "All your nominations: {{ my_nominations_url }}" + FOOTER,
        {"nominee_name": "Ada Lovelace", "nominator_name": "Guido van Rossum", "self_nomination": False,
         "election": {"name": "2027 PSF Board of Directors Election"}},
    ),
    "nominations-accepted": (
        "To the nominator: the nominee accepted",
        "{{ nominee_name }} accepted your nomination",
        "Hello {{ nominator_name }},\n\n{{ nominee_name }} has accepted your nomination for the {{ election.name }}. "
        "PSF staff will now confirm their eligibility.\n\n{{ nomination_url }}" + FOOTER,
        {"nominee_name": "Ada Lovelace", "nominator_name": "Guido van Rossum",
         "election": {"name": "2027 PSF Board of Directors Election"}},
    ),
    "nominations-declined": (
        "To the nominator: the nominee declined",
        "{{ nominee_name }} declined your nomination",
        "Hello {{ nominator_name }},\n\n{{ nominee_name }} has declined your nomination for the {{ election.name }}. "
        "Thank you for taking part in the election.\n\n{{ election_url }}" + FOOTER,
        {"nominee_name": "Ada Lovelace", "nominator_name": "Guido van Rossum",
         "election": {"name": "2027 PSF Board of Directors Election"}},
    ),
    "nominations-to-review": (
        "To the elections staff: an accepted nomination awaits review",
        "Nomination to review: {{ nominee_name }} ({{ election.name }})",
        "{{ nominee_name }} <{{ nomination.email }}> has an accepted nomination for the {{ election.name }}"
        "{% if nominator_name %}, made by {{ nominator_name }}{% endif %}.\n\nReview it here: {{ review_url }}\n",
        {"nominee_name": "Ada Lovelace", "nominator_name": "Guido van Rossum",
         "election": {"name": "2027 PSF Board of Directors Election"}, "nomination": {"email": "ada@example.org"}},
    ),
    "nominations-approved": (
        "To nominee and nominator: staff approved the nomination",
        "Nomination approved: {{ nominee_name }} for the {{ election.name }}",
        "Hello,\n\nPSF staff have approved the nomination of {{ nominee_name }} for the {{ election.name }}. "
        "It appears on the election's page when nominations close on "
        "{{ election.nominations_close_at|date:'j F Y' }}.\n{% if note %}\nNote from PSF staff:\n{{ note }}\n{% endif %}"
        "\n{{ nomination_url }}" + FOOTER,
        {"nominee_name": "Ada Lovelace", "note": "",
         "election": {"name": "2027 PSF Board of Directors Election", "nominations_close_at": "2027-06-15"}},
    ),
    "nominations-rejected": (
        "To nominee and nominator: staff did not approve the nomination",
        "Nomination not approved: {{ nominee_name }} for the {{ election.name }}",
        "Hello,\n\nPSF staff could not approve the nomination of {{ nominee_name }} for the {{ election.name }}."
        "\n{% if note %}\nThe reason:\n{{ note }}\n{% endif %}\nQuestions about eligibility can go to "
        "psf-elections@python.org.\n\n{{ nomination_url }}" + FOOTER,
        {"nominee_name": "Ada Lovelace", "note": "The nominee is not yet a PSF member.",
         "election": {"name": "2027 PSF Board of Directors Election"}},
    ),
}


def forwards(apps, schema_editor):
    create_permissions(global_apps.get_app_config("nominations"), apps=apps, verbosity=0)
    apps.get_app_config("nominations").models_module = None
    grant(apps, MODERATORS, "nominations", MODERATOR_PERMISSIONS)
    grant(apps, EDITORS, "nominations", EDITOR_PERMISSIONS)
    EmailTemplate = apps.get_model("mailing", "EmailTemplate")
    for key, (description, subject, body, example) in TEMPLATES.items():
        EmailTemplate.objects.get_or_create(
            key=key, defaults={"description": description, "subject": subject, "body": body, "example_context": example}
        )


def backwards(apps, schema_editor):
    apps.get_model("mailing", "EmailTemplate").objects.filter(key__in=TEMPLATES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("nominations", "0001_initial"),
        ("users", "0003_roles"),
        ("mailing", "0002_send_log_retries_and_previews"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
