from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import user_passes_test
from django.urls import include, path, re_path
from django_rq.urls import get_admin_urlpatterns, get_api_urlpatterns
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from apps.core import views as core_views
from apps.downloads import views as downloads_views
from apps.search import views as search_views
from apps.users import views as users_views

superuser_required = user_passes_test(lambda user: user.is_active and user.is_superuser, login_url="/admin/login/")

urlpatterns = [
    path("_health", core_views.health, name="health"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("humans.txt", core_views.humans_txt, name="humans_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    # The queue dashboard is for superusers only (linked from the Wagtail admin's Settings menu).
    path(
        "django-rq/",
        include((get_api_urlpatterns() + get_admin_urlpatterns(view_wrapper=superuser_required), "django_rq")),
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("search/", search_views.search, name="search"),
    path("downloads/", include("apps.downloads.urls")),
    path("api/v1/", include("apps.downloads.api_urls_v1")),
    path("api/v2/", include("apps.downloads.api_urls_v2")),
    re_path(r"^download/releases/(?P<version>[0-9][0-9a-z.]*)/?$", downloads_views.legacy_release),
    path("doc/versions/", downloads_views.doc_versions, name="doc_versions"),
    path("jobs/", include("apps.jobs.urls")),
    path("events/", include("apps.events.urls")),
    # Nominations: /nominations/… and /users/nominations/ (before the users URLs).
    path("", include("apps.nominations.urls")),
    path("users/", include("apps.users.urls")),
    path("membership/", users_views.membership_landing, name="membership_landing"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves the page tree; it must come last.
urlpatterns += [path("", include(wagtail_urls))]

handler404 = "apps.core.views.page_not_found"
handler500 = "apps.core.views.server_error"
