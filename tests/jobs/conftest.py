import pytest

from tests.jobs.factories import JobCategoryFactory, JobTypeFactory


@pytest.fixture
def web(db):
    return JobTypeFactory(name="Web", slug="web")


@pytest.fixture
def backend(db):
    return JobTypeFactory(name="Back end", slug="back-end")


@pytest.fixture
def engineer(db):
    return JobCategoryFactory(name="Software Engineer", slug="software-engineer")


@pytest.fixture
def analyst(db):
    return JobCategoryFactory(name="Data Analyst", slug="data-analyst")


def job_form_data(job_category, **overrides):
    data = {
        "job_title": "Senior Django Developer",
        "company_name": "Parrot Robotics",
        "company_description": "We build *robots*.",
        "company_url": "https://parrot.example.com/",
        "category": job_category.pk,
        "city": "Amsterdam",
        "region": "",
        "country": "Netherlands",
        "telecommuting": "on",
        "agencies": "",
        "description": "Write **Django** apps.",
        "requirements": "* Python 3\n* PostgreSQL",
        "contact": "Grace",
        "email": "hiring@parrot.example.com",
        "url": "https://parrot.example.com/careers/",
        "fax_number": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
