import pytest
from django.core.cache import cache

from tests.users.factories import verified_user


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth keeps rate-limit counters in the cache; each test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member_user(db):
    return verified_user(username="guido", email="guido@example.com", first_name="Guido", last_name="van Rossum")
