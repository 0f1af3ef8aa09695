from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import user_passes_test
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django_rq.urls import get_admin_urlpatterns, get_api_urlpatterns
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from apps.core import views as core_views
from apps.downloads import views as downloads_views
from apps.pages import api as pages_api
from apps.pages import views as pages_views
from apps.search import views as search_views
from apps.users import views as users_views
from pydotorg import api as api_roots

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
    path("api/v2/", include("apps.sponsors.api_urls")),
    path("api/v2/", include("apps.downloads.api_urls_v2")),
    # python.org's other public URLs, kept working (docs/import.md lists them).
    path("api/", api_roots.index, name="api_index"),
    path("api/v1/", api_roots.v1_root, name="api_v1_root"),
    path("api/v2/", api_roots.v2_root, name="api_v2_root"),
    re_path(r"^api/v1/pages/page/schema/?$", pages_api.PageSchemaV1.as_view(), name="pages_api_v1_schema"),
    re_path(r"^api/v1/pages/page/?$", pages_api.PageListV1.as_view(), name="pages_api_v1_list"),
    re_path(r"^api/v1/pages/page/(?P<pk>\d{1,18})/?$", pages_api.PageDetailV1.as_view(), name="pages_api_v1_detail"),
    re_path(r"^api/v2/pages/page/?$", pages_api.PageListV2.as_view(), name="pages_api_v2_list"),
    re_path(r"^api/v2/pages/page/(?P<pk>\d{1,18})/?$", pages_api.PageDetailV2.as_view(), name="pages_api_v2_detail"),
    path("box/<slug:label>/", pages_views.box, name="box"),
    re_path(r"^m/(?P<path>.+)$", core_views.legacy_media, name="legacy_media"),
    re_path(
        r"^getit/(?P<rest>.*)$", RedirectView.as_view(url="/downloads/%(rest)s", permanent=True, query_string=True)
    ),
    path("authenticated", users_views.account_menu, name="authenticated"),
    path("release-edit-button/<int:pk>", downloads_views.release_edit_button, name="release_edit_button"),
    re_path(r"^download/releases/(?P<version>[0-9][0-9a-z.]*)/?$", downloads_views.legacy_release),
    path("doc/versions/", downloads_views.doc_versions, name="doc_versions"),
    path("jobs/", include("apps.jobs.urls")),
    path("events/", include("apps.events.urls")),
    path("", include("apps.sponsors.urls")),  # /sponsors/application/, /psf/sponsors/, /users/sponsorships/
    # Nominations: /nominations/… and /users/nominations/ (before the users URLs).
    path("", include("apps.nominations.urls")),
    path("users/", include("apps.users.urls")),
    path("membership/", users_views.membership_landing, name="membership_landing"),
    path("psf/records/board/minutes/", include("apps.minutes.urls")),
    path("psf/workgroups/", include("apps.work_groups.urls")),
    path("", include("apps.pages.urls")),  # /funding.json, /shell/, old landing pages
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves the page tree; it must come last.
urlpatterns += [path("", include(wagtail_urls))]

handler404 = "apps.core.views.page_not_found"
handler500 = "apps.core.views.server_error"
