"""Demo work groups: the PSF's real work groups by name, with charters described for this site."""

from django.contrib.auth import get_user_model

from apps.work_groups.models import WorkGroup

MEETS_MONTHLY = "The group meets by video call once a month and works in between on its mailing list."
BOARD_REPORTS = "The chair reports to the PSF board at least twice a year."
CONSENSUS = (
    "Decisions are made by consensus of the members present. When consensus cannot be reached, a simple majority of "
    "voting members decides; a quorum is half of the voting members."
)
COC = "Members follow the PSF Code of Conduct in all of the group's spaces."

GROUPS = [
    {
        "name": "Packaging Work Group",
        "slug": "packaging",
        "url": "https://wiki.python.org/psf/PackagingWG",
        "active": True,
        "short_description": "Raises and directs funds to improve the tools and services behind Python packaging, "
        "above all PyPI, pip and the packaging standards.",
        "purpose": "Improve the Python packaging ecosystem by finding funding for packaging work, recommending how the "
        "PSF spends it, and overseeing contracted work on PyPI, pip and related tools.",
        "active_time": "The group is ongoing; its charter is reviewed by the PSF board every two years.",
        "core_values": "Packaging belongs to every Python user. Work funded through the group is open source and "
        "developed in public, with the maintainers of each project in charge of its direction.",
        "rules": CONSENSUS,
        "communication": "The group discusses in public on the Python Discourse packaging category and meets by "
        "video call as needed. " + BOARD_REPORTS,
        "support": "Staff time for grant applications and contracts, and a PSF budget line for packaging work.",
    },
    {
        "name": "Code of Conduct Work Group",
        "slug": "code-of-conduct",
        "url": "https://policies.python.org/python.org/code-of-conduct/",
        "active": True,
        "short_description": "Maintains the PSF Code of Conduct and handles reports of conduct in PSF-run spaces.",
        "purpose": "Keep the PSF Code of Conduct current, advise the board and community organisers on its use, and "
        "respond to reports of violations in spaces the PSF runs or supports.",
        "active_time": "Ongoing.",
        "core_values": "Reports are handled confidentially, promptly and fairly. The group favours outcomes that "
        "restore a safe community over punishment.",
        "rules": "Members with a conflict of interest step away from a report. Each report is handled by at least "
        "three members; their recommendation is adopted by majority.",
        "communication": "A private mailing list and issue tracker for reports; a monthly video call. The group "
        "publishes anonymised statistics of reports every quarter.",
        "support": "Legal advice when needed and training for new members.",
    },
    {
        "name": "Grants Work Group",
        "slug": "grants",
        "url": "https://www.python.org/psf/grants/",
        "active": True,
        "short_description": "Reviews grant requests from Python events, user groups and projects around the world "
        "and recommends awards to the PSF board.",
        "purpose": "Review every request to the PSF grants program against the published criteria and recommend "
        "awards, so that PSF support reaches Python communities fairly across regions.",
        "active_time": "Ongoing.",
        "core_values": "Fairness, transparency and respect for applicants' time. The group favours requests that grow "
        "diverse and new communities.",
        "rules": "Each request is reviewed by at least three members and voted on; requests above the group's limit "
        "go to the board with the group's recommendation. " + COC,
        "communication": MEETS_MONTHLY + " " + BOARD_REPORTS,
        "support": "The grants budget, and staff to pay awards and answer applicants.",
    },
    {
        "name": "Diversity and Inclusion Work Group",
        "slug": "diversity-and-inclusion",
        "url": "https://www.python.org/community/diversity/",
        "active": True,
        "short_description": "Advises the PSF on making the Python community and its events welcoming to everyone.",
        "purpose": "Study who takes part in the Python community and who does not, advise the board, and help event "
        "organisers and user groups include more people.",
        "active_time": "Two years from approval, renewable by the board.",
        "core_values": "Everyone is welcome in the Python community. The group's recommendations rest on data and "
        "the experience of the people they affect.",
        "rules": CONSENSUS + " " + COC,
        "communication": MEETS_MONTHLY + " Findings are published on the PSF blog.",
        "support": "Funds for surveys, captioning and translation, and space on the PSF blog.",
    },
    {
        "name": "Trademarks Work Group",
        "slug": "trademarks",
        "url": "https://www.python.org/psf/trademarks/",
        "active": True,
        "short_description": "Answers requests to use the Python name and logos under the PSF trademark usage policy.",
        "purpose": "Protect the Python trademarks while making it easy for the community to use them, by answering "
        "usage requests and advising the board on the trademark policy.",
        "active_time": "Ongoing.",
        "core_values": "Community uses are approved generously; uses that suggest PSF endorsement are not.",
        "rules": "Routine requests are answered by any two members; unusual ones go to the whole group and, when "
        "needed, to the PSF's counsel.",
        "communication": "Requests arrive by email; the group keeps a shared record of every decision.",
        "support": "Access to the PSF's trademark counsel.",
    },
    {
        "name": "Python Infrastructure Work Group",
        "slug": "infrastructure",
        "url": "https://infra.psf.io/",
        "active": True,
        "short_description": "Helps the PSF infrastructure staff run python.org, PyPI, the mailing lists and the "
        "other services the community relies on.",
        "purpose": "Advise on and help operate the PSF's services, review changes to them and share the on-call "
        "load with staff.",
        "active_time": "Ongoing.",
        "core_values": "Reliability, security and openness: configuration is kept in public repositories.",
        "rules": "Changes to shared infrastructure are reviewed by a second member before they are applied.",
        "communication": "A public chat channel, a private channel for incidents, and a monthly call with staff.",
        "support": "Hosting budget, in-kind sponsorship agreements and staff time.",
    },
    {
        "name": "User Success Work Group",
        "slug": "user-success",
        "url": "https://wiki.python.org/psf/UserSuccessWG",
        "active": True,
        "short_description": "Looks at Python through the eyes of new users and recommends changes to python.org, "
        "the documentation and onboarding.",
        "purpose": "Find where new Python users get stuck, from installing Python to publishing their first package, "
        "and work with the teams involved on fixes.",
        "active_time": "Two years from approval, renewable by the board.",
        "core_values": "Start from users' own reports; measure before and after every change.",
        "rules": CONSENSUS,
        "communication": MEETS_MONTHLY,
        "support": "Help with user research and a small budget for usability testing.",
    },
    {
        "name": "Outreach and Education Work Group",
        "slug": "outreach-and-education",
        "url": "",
        "active": False,
        "short_description": "Supported teachers and outreach programmes using Python; its work now continues in "
        "the grants program and community events.",
        "purpose": "Help teachers, schools and outreach programmes use Python, and connect them with the community.",
        "active_time": "The group completed its charter and is no longer active.",
        "core_values": "Learning Python should be open to anyone, whatever their age or background.",
        "rules": CONSENSUS,
        "communication": "Mailing list and occasional calls.",
        "support": "",
    },
]


def load(data_dir, stdout=None):
    people = list(get_user_model().objects.filter(is_active=True, is_superuser=False).order_by("username")[:40])
    created = 0
    for number, data in enumerate(GROUPS):
        group, was_created = WorkGroup.objects.get_or_create(
            slug=data["slug"], defaults={**data, "approved": True, "markup": "markdown"}
        )
        if was_created and people:
            group.organizers.set(people[number % len(people) :][:2])
            group.members.set(people[number::3][:8])
            created += 1
    return f"{created} work groups created"
