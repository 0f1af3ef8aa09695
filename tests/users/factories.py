import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from apps.users.models import Membership
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


def verified_user(**kwargs):
    """A user whose primary email is verified, as after completing signup."""
    user = UserFactory(**kwargs)
    EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


class MembershipFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    legal_name = factory.Sequence(lambda n: f"Member Legal {n}")
    preferred_name = factory.Sequence(lambda n: f"Member {n}")
    email_address = factory.LazyAttribute(lambda m: m.user.email)
    city = "Amsterdam"
    country = "Netherlands"
    psf_code_of_conduct = True
    created = factory.LazyFunction(timezone.now)

    class Meta:
        model = Membership
