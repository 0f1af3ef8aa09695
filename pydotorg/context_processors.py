from django.conf import settings

from apps.core.cache import fragment_version


def site_context(request):
    """Values every template needs and that do not depend on the user."""
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "DEBUG": settings.DEBUG,
        "FRAGMENT_VERSION": fragment_version(),
    }
