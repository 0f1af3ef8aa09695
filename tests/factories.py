import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from apps.pages.models import ContentSnippet, HomePage, SectionIndexPage, StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Welcome to Python.org"
    intro = "<p>Python is a programming language that lets you work quickly.</p>"

    class Meta:
        model = HomePage


class SectionIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Section {n}")

    class Meta:
        model = SectionIndexPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    body = factory.LazyFunction(lambda: [{"type": "rich_text", "value": "<p>Python runs everywhere.</p>"}])

    class Meta:
        model = StandardPage


class ContentSnippetFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"snippet-{n}")
    title = factory.Sequence(lambda n: f"Snippet {n}")
    body = factory.LazyFunction(lambda: [{"type": "markdown", "value": "Reusable **content**."}])

    class Meta:
        model = ContentSnippet
