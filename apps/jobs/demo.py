"""Demo job board: types, categories, the legacy dump's 13 jobs and generated ones in every state, with history.

Idempotent: types and categories by slug, legacy jobs by their legacy id, generated jobs by company and
title; history is only written for jobs created by this run.
"""

import json
import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify

from apps.jobs.models import Job, JobCategory, JobHistory, JobReviewComment, JobType, expiry_days
from apps.users.roles import MODERATORS

JOB_TYPES = [
    "Back end", "Big Data", "Cloud", "Database", "Front end", "Lead", "Machine Learning / AI",
    "Scientific / Numerical", "Systems / Administration", "Testing", "Web",
]  # fmt: skip
EXTRA_CATEGORIES = ["Data Scientist", "DevOps Engineer", "Researcher", "Team Lead"]
PLACES = [
    ("Berlin", "", "Germany", False), ("Amsterdam", "North Holland", "Netherlands", True),
    ("Austin", "TX", "USA", False), ("London", "", "United Kingdom", True), ("Bangalore", "Karnataka", "India", False),
    ("Toronto", "ON", "Canada", True), ("São Paulo", "SP", "Brazil", False), ("Remote", "", "Anywhere", True),
    ("Sydney", "NSW", "Australia", False), ("Nairobi", "", "Kenya", True),
]  # fmt: skip
TITLES = [
    "Senior Python Engineer", "Django Developer", "Data Engineer (Python)", "Machine Learning Engineer",
    "Python Backend Developer", "Site Reliability Engineer", "Scientific Software Developer",
    "Python Test Automation Engineer", "FastAPI Developer", "Python Team Lead",
]  # fmt: skip
COMPANIES = [
    "Snakebyte Labs", "Pyramid Analytics", "Ouroboros Cloud", "Flying Circus Data", "Spam & Eggs Ltd",
    "Holy Grail Systems", "Parrot Robotics", "Ministry of Silly Walks GmbH", "Camelot Health", "Brian's Bakery Tech",
]  # fmt: skip
# Generated jobs per state (on top of the legacy ones), so every state shows up in the admin.
GENERATED_STATES = (
    ["approved"] * 12 + ["review"] * 4 + ["draft"] * 3 + ["rejected", "rejected", "removed", "archived", "expired"]
    + ["expired", "withdrawn", "withdrawn"]
)  # fmt: skip
DESCRIPTION = (
    "We are looking for a **{title}** to join our team.\n\n"
    "* Build and maintain services written in Python 3\n* Review code and mentor colleagues\n"
    "* Work with product and operations teams\n\nWe offer flexible hours and a learning budget."
)
REQUIREMENTS = "* 3+ years of Python\n* Experience with {skill}\n* Good written English"
SKILLS = ["Django", "pandas and NumPy", "PostgreSQL", "asyncio", "pytest", "Kubernetes", "PyTorch"]
# The history each final state implies: (action, from, to, who) where who is "owner" or "moderator".
PATHS = {
    "draft": [],
    "review": [("submitted", "draft", "review", "owner")],
    "approved": [("submitted", "draft", "review", "owner"), ("approved", "review", "approved", "moderator")],
    "rejected": [("submitted", "draft", "review", "owner"), ("rejected", "review", "rejected", "moderator")],
    "removed": [("submitted", "draft", "review", "owner"), ("removed", "review", "removed", "moderator")],
    "archived": [("submitted", "draft", "review", "owner"), ("approved", "review", "approved", "moderator"),
                 ("archived", "approved", "archived", "moderator")],
    "expired": [("submitted", "draft", "review", "owner"), ("approved", "review", "approved", "moderator"),
                ("expired", "approved", "expired", None)],
    "withdrawn": [("submitted", "draft", "review", "owner"), ("withdrawn", "review", "withdrawn", "owner")],
}  # fmt: skip
COMMENTS = {
    "rejected": "This is a recruiting agency listing without a named employer; the board only lists direct hires.",
    "removed": "Spam: the apply link points to an unrelated site.",
    "archived": "Archived at the company's request: the position is filled.",
}


def ensure_user(username, email, **extra):
    user, created = get_user_model().objects.get_or_create(username=username, defaults={"email": email, **extra})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def write_history(job, moderator, start):
    """Plausible moderation history for a job created by the demo, ending in its current state."""
    when = start
    JobHistory.objects.create(job=job, actor=job.creator, action="created", from_status="draft", to_status="draft",
                              created=when)  # fmt: skip
    for action, from_status, to_status, who in PATHS[job.status]:
        when += timedelta(hours=random.randint(2, 30))  # noqa: S311 - demo data
        actor = {"owner": job.creator, "moderator": moderator}.get(who)
        comment = COMMENTS.get(job.status, "") if to_status == job.status else ""
        JobHistory.objects.create(job=job, actor=actor, action=action, from_status=from_status, to_status=to_status,
                                  comment=comment, created=when)  # fmt: skip
    return when


def load_types_and_categories(legacy):
    types = {name: JobType.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0] for name in JOB_TYPES}
    categories = {}
    for row in legacy:
        if row["model"] == "jobs.jobcategory":
            fields = row["fields"]
            category, _ = JobCategory.objects.get_or_create(
                slug=fields["slug"], defaults={"name": fields["name"], "active": fields["active"]}
            )
            categories[row["pk"]] = category
    for name in EXTRA_CATEGORIES:
        JobCategory.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    return list(types.values()), categories


def load_legacy_jobs(legacy, categories, types, moderator):
    emails = {row["fields"]["username"]: row["fields"]["email"] for row in legacy if row["model"] == "users.user"}
    created = 0
    for row in legacy:
        if row["model"] != "jobs.job" or Job.objects.filter(legacy_id=row["pk"]).exists():
            continue
        fields = row["fields"]
        username = (fields["creator"] or [""])[0]
        creator = ensure_user(username, emails.get(username, f"{username}@example.com")) if username else None
        created_at = parse_datetime(fields["created"])
        job = Job.objects.create(
            legacy_id=row["pk"], creator=creator, job_title=fields["job_title"], company_name=fields["company_name"],
            company_description=fields["company_description"], category=categories[fields["category"]],
            other_job_type=fields["other_job_type"], city=fields["city"], region=fields["region"],
            country=fields["country"], telecommuting=fields["telecommuting"], agencies=fields["agencies"],
            description=fields["description"], requirements=fields["requirements"], contact=fields["contact"],
            email=fields["email"], url=fields["url"] or "", status=fields["status"], is_featured=fields["is_featured"],
            created=created_at, expires=parse_datetime(fields["expires"]) if fields["expires"] else None,
        )  # fmt: skip
        job.job_types.set(random.sample(types, 2))
        last = write_history(job, moderator, created_at)
        if job.status in ("review", "approved", "rejected", "removed", "archived", "expired", "withdrawn"):
            job.submitted_at = created_at + timedelta(hours=1)
        if PATHS[job.status] and any(step[0] == "approved" for step in PATHS[job.status]):
            job.published_at = min(last, timezone.now())
        job.save()
        created += 1
    return created


def load_generated_jobs(categories, types, moderator):
    all_categories = list(JobCategory.objects.all())
    now = timezone.now()
    created = 0
    for index, status in enumerate(GENERATED_STATES):
        title = TITLES[index % len(TITLES)]
        company = f"{COMPANIES[index % len(COMPANIES)]}{'' if index < len(COMPANIES) else f' {index // 10 + 1}'}"
        if Job.objects.filter(company_name=company, job_title=title).exists():
            continue
        owner = ensure_user(f"demo-employer-{index % 8}", f"hiring{index % 8}@example.com",
                            date_joined=now - timedelta(days=10 + index))  # fmt: skip
        city, region, country, remote = PLACES[index % len(PLACES)]
        start = now - timedelta(days=3 + index * 2)
        job = Job.objects.create(
            creator=owner, job_title=title, company_name=company, category=all_categories[index % len(all_categories)],
            company_description=f"{company} builds software people rely on, mostly in Python.",
            company_url=f"https://{slugify(company)}.example.com/", city=city, region=region, country=country,
            telecommuting=remote, description=DESCRIPTION.format(title=title),
            requirements=REQUIREMENTS.format(skill=SKILLS[index % len(SKILLS)]), contact="Hiring team",
            email=f"jobs@{slugify(company)}.example.com", url=f"https://{slugify(company)}.example.com/careers/",
            status=status, is_featured=status == "approved" and index % 5 == 0, created=start,
        )  # fmt: skip
        job.job_types.set([types[index % len(types)], types[(index * 3 + 1) % len(types)]])
        last = write_history(job, moderator, start)
        if status != "draft":
            job.submitted_at = start + timedelta(hours=1)
        if status in ("approved", "archived", "expired"):
            job.published_at = min(last, now)
            lifetime = timedelta(days=expiry_days())
            # Expired jobs ran out yesterday; one approved job expires within the reminder window.
            job.expires = now - timedelta(days=1) if status == "expired" else job.published_at + lifetime
            if status == "approved" and index == 1:
                job.expires = now + timedelta(days=5)
        job.save()
        if status == "draft" and index % 2 == 0:
            JobReviewComment.objects.create(job=job, author=moderator, from_moderator=True,
                                            body="Please name the salary range and whether the role is remote.",
                                            created=start + timedelta(hours=3))  # fmt: skip
            JobReviewComment.objects.create(job=job, author=owner, body="Done: 60–75k EUR, hybrid.",
                                            created=start + timedelta(hours=5))  # fmt: skip
        created += 1
    return created


def load(data_dir, stdout):
    random.seed(4)  # the same demo on every machine
    dump = data_dir / "dump-a.json"
    legacy = json.loads(dump.read_text())  # a missing file stops load_demo_data
    moderator = ensure_user("jobs-moderator", "jobs-moderator@example.com", is_staff=True,
                            date_joined=datetime(2020, 1, 1, tzinfo=timezone.get_current_timezone()))  # fmt: skip
    group, _ = Group.objects.get_or_create(name=MODERATORS)
    moderator.groups.add(group)
    types, categories = load_types_and_categories(legacy)
    if not categories:
        categories = {c.pk: c for c in JobCategory.objects.all()}
    legacy_count = load_legacy_jobs(legacy, categories, types, moderator)
    generated_count = load_generated_jobs(categories, types, moderator)
    return f"{legacy_count} legacy and {generated_count} generated jobs added ({Job.objects.count()} in all)"
