from datetime import timedelta

import factory
from django.utils import timezone

from apps.jobs.models import Job, JobCategory, JobType
from tests.factories import UserFactory


class JobTypeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Type {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))

    class Meta:
        model = JobType
        django_get_or_create = ("slug",)


class JobCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))

    class Meta:
        model = JobCategory
        django_get_or_create = ("slug",)


class JobFactory(factory.django.DjangoModelFactory):
    """An approved, live job unless told otherwise."""

    creator = factory.SubFactory(UserFactory)
    job_title = factory.Sequence(lambda n: f"Python Developer {n}")
    company_name = "Snakebyte Labs"
    company_description = "We write *Python*."
    company_url = "https://snakebyte.example.com/"
    category = factory.SubFactory(JobCategoryFactory, name="Software Engineer")
    city = "Berlin"
    country = "Germany"
    description = "Build **services** in Python."
    requirements = "* Python\n* SQL"
    contact = "Ada"
    email = "jobs@snakebyte.example.com"
    url = "https://snakebyte.example.com/careers/"
    status = Job.Status.APPROVED
    published_at = factory.LazyFunction(timezone.now)
    expires = factory.LazyFunction(lambda: timezone.now() + timedelta(days=90))

    class Meta:
        model = Job
        skip_postgeneration_save = True

    @factory.post_generation
    def job_types(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.job_types.set(extracted)
