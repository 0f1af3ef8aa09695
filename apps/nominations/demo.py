"""Demo elections: last year's Board election with its approved nominees, this year's open for
nominations, and a Packaging Council election that has not opened yet.

Idempotent: kinds and elections by slug, nominees by election and email, nominations by nominee and nominator.
Dates are relative to today so the three elections stay past, current and upcoming.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.nominations.models import Acceptance, Election, ElectionKind, Nomination, Nominee, Review

BOARD_ELIGIBILITY = (
    "Any person may be nominated, including yourself. Directors are elected by the PSF's voting members "
    "(Supporting, Contributing and Managing members, and Fellows) and serve a three-year term. "
    "The Board meets monthly; directors are expected to attend and to take on at least one committee."
)
COUNCIL_ELIGIBILITY = (
    "Nominees must be active contributors to the Python packaging ecosystem (pip, PyPI, setuptools, the "
    "packaging specifications, build backends and installers) during the last two years, and must not "
    "already hold two seats on other PSF councils."
)

KINDS = [
    ("Board of Directors", "board", "#3776ab", "board", BOARD_ELIGIBILITY),
    ("Packaging Council", "packaging-council", "#2e7d32", "council", COUNCIL_ELIGIBILITY),
]

# (slug, kind, name, description, open offset days, close offset, voting open offset, voting close offset)
ELECTIONS = [
    (
        "2025-board",
        "board",
        "2025 PSF Board of Directors Election",
        "Four seats on the PSF Board of Directors were up for election. Thank you to every member who nominated a "
        "candidate, and to the nominees for offering their time.\n\nThe results were announced on the "
        "[PSF blog](https://pyfound.blogspot.com/).",
        -400,
        -370,
        -360,
        -346,
    ),
    (
        "2026-board",
        "board",
        "2026 PSF Board of Directors Election",
        "Three seats on the PSF Board of Directors are up for election this year.\n\n"
        "* **Nominations** are open now: nominate yourself or someone you think would serve the community well.\n"
        "* **Voting** is open to PSF voting members who affirm their intention to vote before it opens.\n\n"
        "Not sure what a director does? Read the [Board's page](https://www.python.org/psf/board/) and the "
        "minutes of past meetings.",
        -7,
        14,
        28,
        42,
    ),
    (
        "2027-packaging-council",
        "packaging-council",
        "2027 Packaging Council Election",
        "The first election of the Packaging Council, which will steward the packaging specifications and the "
        "direction of PyPI's tooling. Five seats are open; nominations open soon.",
        30,
        51,
        60,
        74,
    ),
]

STATEMENTS = {
    "Maria Okafor": (
        "Maria has organised PyCon Africa's financial-aid programme for four years and chairs the PSF Grants "
        "Working Group.\n\nShe wants the Board to:\n\n* publish grant decisions within six weeks of a request\n"
        "* fund more regional events in languages other than English\n* keep the PSF's finances open to members",
        "Vice President, Engineering at Lagos Data Works",
        "PyCon Africa organising committee; Django Software Foundation member",
    ),
    "Tomás Lindqvist": (
        "Tomás has maintained CPython's `zoneinfo` module and reviewed hundreds of pull requests. As a director "
        "he would bring a core developer's view of what the PSF's developers-in-residence need, and push to "
        "fund more of them.",
        "Stockholm University",
        "CPython core developer",
    ),
    "Priya Raman": (
        "Priya runs the PyLadies chapter in Chennai and mentors new speakers every year. She would focus the "
        "Board on outreach: a simpler path for first-time sponsors, and a mentoring programme for new "
        "conference organisers.",
        "Freelance trainer",
        "PyLadies Chennai, Python India",
    ),
    "Jonas Becker": (
        "Jonas led the migration of a large public-sector codebase to Python 3 and now advises governments on "
        "open source procurement. He would help the PSF work with regulators on software supply-chain rules.",
        "Open Source Programme Office, City of Hamburg",
        "EuroPython Society",
    ),
    "Aiko Tanaka": (
        "Aiko has served one term on the Board and chaired its Finance Committee. She is standing again to "
        "finish the work on a three-year budget and a reserve policy.",
        "PyCon JP Association",
        "PSF Finance Committee",
    ),
}


# What the second nominator of each past nominee wrote.
SECONDS = {
    "Maria Okafor": "I have sat on the Grants Working Group with Maria for two years. She reads every request, "
    "answers applicants quickly and explains decisions kindly, even when the answer is no.",
    "Tomás Lindqvist": "Tomás reviewed my first CPython pull request and stayed with it through four rounds. The "
    "Board needs someone who knows what contributors go through.",
    "Priya Raman": "Priya built the PyLadies Chennai chapter from five people to over three hundred. She knows how "
    "to grow a community outside the big conference cities.",
    "Aiko Tanaka": "Aiko's budget reports made the PSF's finances readable for members. I would like her to see "
    "the reserve policy through.",
}


def user(username, email, **extra):
    account, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": email, **extra})
    if account.email:
        EmailAddress.objects.get_or_create(user=account, email=account.email,
                                           defaults={"verified": True, "primary": True})  # fmt: skip
    return account


def nominate(election, name, email, nominator, *, accepted=True, approved=True, now, second=False):
    nominee = Nominee.for_email(election, name, email)
    statement, employer, affiliations = STATEMENTS[name]
    statement = SECONDS[name] if second else statement
    nomination, created = Nomination.objects.get_or_create(
        election=election, nominee=nominee, nominator=nominator,
        defaults={
            "name": name, "email": nominee.email, "statement": statement, "employer": employer,
            "other_affiliations": affiliations, "coc_acknowledged": True,
            "mission_alignment": "Their work widens who can learn, use and contribute to Python.",
            "previous_board_service": "2022–2025" if name == "Aiko Tanaka" else "",
            "created": election.nominations_open_at + timedelta(days=2),
        },
    )  # fmt: skip
    if created:
        if accepted:
            Nomination.objects.filter(pk=nomination.pk).update(acceptance=Acceptance.ACCEPTED, accepted_at=now)
        if approved:
            Nomination.objects.filter(pk=nomination.pk).update(review=Review.APPROVED, reviewed_at=now)
            Nominee.objects.filter(pk=nominee.pk).update(review=Review.APPROVED, reviewed_at=now)
    return nomination


def load(data_dir, stdout):
    now = timezone.now()
    kinds = {}
    for name, slug, colour, variant, eligibility in KINDS:
        kinds[slug], _ = ElectionKind.objects.get_or_create(
            slug=slug, defaults={"name": name, "accent_colour": colour, "form_variant": variant,
                                 "eligibility_text": eligibility}
        )  # fmt: skip
    elections = {}
    for slug, kind, name, description, opens, closes, voting_opens, voting_closes in ELECTIONS:
        day = now.replace(hour=16, minute=0, second=0, microsecond=0)
        elections[slug], _ = Election.objects.get_or_create(
            slug=slug,
            defaults={
                "kind": kinds[kind], "name": name, "description": description,
                "nominations_open_at": day + timedelta(days=opens),
                "nominations_close_at": day + timedelta(days=closes),
                "voting_open_at": day + timedelta(days=voting_opens),
                "voting_close_at": day + timedelta(days=voting_closes),
            },
        )  # fmt: skip
    members = [user("nominator-grace", "grace@example.org", first_name="Grace", last_name="Nakamura"),
               user("nominator-leo", "leo@example.org", first_name="Leo", last_name="Fischer")]  # fmt: skip
    visitor = get_user_model().objects.filter(username="visitor").first()
    past = elections["2025-board"]
    for index, name in enumerate(["Maria Okafor", "Tomás Lindqvist", "Priya Raman", "Aiko Tanaka"]):
        email = name.split()[0].lower().replace("á", "a") + "@example.org"
        nominate(past, name, email, members[index % 2], now=now)
        nominate(past, name, email, members[(index + 1) % 2], now=now, second=True)
    current = elections["2026-board"]
    nominate(current, "Jonas Becker", "jonas@example.org", members[0], approved=False, now=now)
    nominate(current, "Priya Raman", "priya@example.org", members[1], accepted=False, approved=False, now=now)
    if visitor:  # the demo "visitor" has been nominated and can try the accept page
        nominate(current, "Maria Okafor", visitor.email, members[0], accepted=False, approved=False, now=now)
    stdout.write(f"nominations: {Election.objects.count()} elections, {Nomination.objects.count()} nominations")
