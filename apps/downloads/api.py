"""The downloads API as python.org's release tooling, Renovate and cibuildwheel speak it.

Built like every API here (apps/core/api.py, docs/api.md): a DRF ModelSerializer per resource, a
django-filter FilterSet for its query filters (v1 adds tastypie's extra lookups), ``TastypiePagination``
for v1 lists, and generic views. v1 keeps the legacy envelope (``meta`` + ``objects``, relative
``resource_uri``, naive UTC dates, sorted keys, ``ApiKey user:key``); v2 answers bare JSON lists with
absolute ``resource_uri`` and takes ``Token key``.
"""

import datetime
import hashlib
import re
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django_filters import rest_framework as filters
from modelcluster.models import get_serializable_data_for_fields
from rest_framework import exceptions, generics, serializers, status
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.fields import SkipField, empty
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.actions.unpublish_page import UnpublishPageAction

from apps.core.api import V1_LIMIT, TastypiePagination
from apps.core.cache import add_surrogate_keys, bump_generation, generation
from apps.core.inputs import MAX_BIGINT, has_nul, int_parser, parse_int, text_parser
from apps.downloads.models import (
    GENERATION_KEY,
    OS,
    SURROGATE_KEY,
    DownloadsIndexPage,
    ReleaseFile,
    ReleasePage,
    slug_for_version,
    version_from_name,
)
from apps.users.models import ApiCredential
from apps.users.roles import RELEASE_MANAGERS

# Credentials only travel in the Authorization header; these in a URL are refused outright.
QUERY_CREDENTIALS = ("api_key", "username", "token")
URI_RE = re.compile(r"^/api/v[12]/downloads/(?P<resource>os|release|release_file)/(?P<pk>[0-9]{1,19})/?$")
# Query filters: text up to this long (slugs and names are at most 200), products and years in range.
FILTER_TEXT = text_parser(max_length=1000)
PRODUCT = int_parser(minimum=0, maximum=32767)
YEAR = int_parser(minimum=1, maximum=9999)
PK = int_parser(minimum=0, maximum=MAX_BIGINT)


# --- authentication and permission -------------------------------------------------------------


class HeaderAuthentication(BaseAuthentication):
    keyword = ""

    def authenticate(self, request):
        header = get_authorization_header(request).decode("latin-1").strip()
        if not header:
            return None
        keyword, _, credentials = header.partition(" ")
        if keyword.lower() != self.keyword.lower() or not credentials.strip():
            raise exceptions.AuthenticationFailed(f"Use “Authorization: {self.keyword} …”.")
        user = self.user_for(credentials.strip())
        if user is None:
            raise exceptions.AuthenticationFailed("Invalid credentials.")
        return user, None

    def authenticate_header(self, request):
        return self.keyword


class ApiKeyAuthentication(HeaderAuthentication):
    keyword = "ApiKey"

    def user_for(self, credentials):
        username, _, key = credentials.partition(":")
        return ApiCredential.objects.user_for_api_key(username, key)


class TokenAuthentication(HeaderAuthentication):
    keyword = "Token"

    def user_for(self, credentials):
        return ApiCredential.objects.user_for_token(credentials)


def is_release_manager(user):
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    return user.is_superuser or user.groups.filter(name=RELEASE_MANAGERS).exists()


class IsReleaseManagerOrReadOnly(BasePermission):
    message = "Only release managers can change releases."

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or is_release_manager(request.user)


class BadRequest(exceptions.APIException):
    """A 400 with python.org's one-line message and, per field, what was wrong."""

    status_code = 400
    default_detail = "Bad request."

    def __init__(self, detail, errors=None):
        super().__init__(detail)
        self.errors = errors or {}


# --- values: parsing and formatting ------------------------------------------------------------


def parse_bool(value):
    if value in ("true", "True", "1"):
        return True
    if value in ("false", "False", "0"):
        return False
    raise ValueError("expected true or false")


def parse_when(value):
    parsed = parse_datetime(value)
    if parsed is None:
        day = parse_date(value)
        if day is None:
            raise ValueError("expected a date or date-time such as 2025-12-02T14:32:56Z")
        parsed = datetime.datetime.combine(day, datetime.time())
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, datetime.UTC)


def parse_uri(resource):
    """A v1/v2 resource URI (path or absolute URL) or a bare pk, as the target's pk."""

    def parse(value):
        if isinstance(value, int) and not isinstance(value, bool):
            return PK(value)
        if isinstance(value, str):
            if value.isascii() and value.isdigit():
                return PK(value)
            match = URI_RE.match(urlsplit(value).path)
            if match and match["resource"] == resource:
                return PK(match["pk"])
        raise ValueError(f"expected a {resource} URI such as /api/v1/downloads/{resource}/1/")

    return parse


def resource_uri(context, resource, pk):
    """``/api/v1/downloads/<resource>/<pk>/`` on v1; the absolute URL on v2."""
    path = f"/api/v{context['version']}/downloads/{resource}/{pk}/"
    return context["request"].build_absolute_uri(path) if context["version"] == 2 else path


# --- serializer fields: python.org's leniency and messages ----------------------------------------


class LegacyField:
    """A writable field as the legacy API checked it: the first bad value answers 400 at once (v1 message
    ``"<field>: <problem>"`` plus ``errors``), ``null`` blanks a text field, nothing else is coerced."""

    expected = ""

    def run_validation(self, data=empty):
        if data is empty:
            if self.required and not self.root.partial:
                raise BadRequest(f"{self.field_name}: this field is required.",
                                 {self.field_name: ["This field is required."]})  # fmt: skip
            raise SkipField
        return self.clean(data)

    def clean(self, value):
        if isinstance(value, bool) != (self.kind is bool) or not isinstance(value, self.kind):
            name, expected = self.field_name, self.expected
            raise BadRequest(f"{name}: expected {expected}.", {name: [f"Expected {expected}."]})
        return value


class TextField(LegacyField, serializers.CharField):
    kind, expected = str, "a string"

    def __init__(self, limit=500, **kwargs):
        self.limit = limit  # the model's own limits are checked again on save
        super().__init__(allow_blank=True, max_length=limit, **kwargs)

    def clean(self, value):
        if value is None:
            return ""
        value = super().clean(value)
        if len(value) > self.limit:
            message = f"At most {self.limit} characters."
            raise BadRequest(f"{self.field_name}: {message}", {self.field_name: [message]})
        return value


class FlagField(LegacyField, serializers.BooleanField):
    kind, expected = bool, "true or false"


class CountField(LegacyField, serializers.IntegerField):
    kind, expected = int, "an integer"

    def clean(self, value):
        value = super().clean(value)
        try:
            return parse_int(value, minimum=0, maximum=MAX_BIGINT, name=self.field_name)
        except ValueError as error:
            raise BadRequest(f"{error}.", {self.field_name: [f"{error}."]}) from None


class ParsedMixin(LegacyField):
    def clean(self, value):
        try:
            return self.parse(value)
        except (TypeError, ValueError) as error:
            raise BadRequest(f"{self.field_name}: {error}.", {self.field_name: [f"{error}."]}) from None


class WhenField(ParsedMixin, serializers.DateTimeField):
    """A release date: read as the legacy API's naive UTC on v1, ``…Z`` on v2; written as a date or date-time."""

    parse = staticmethod(parse_when)

    def to_representation(self, value):
        value = timezone.localtime(value, datetime.UTC)
        if self.context["version"] == 1:
            return value.replace(tzinfo=None).isoformat()
        return value.isoformat().replace("+00:00", "Z")


class URIField(ParsedMixin, serializers.Field):
    """A related object as its ``resource_uri``; written as a URI (v1 or v2, path or URL) or a bare pk."""

    def __init__(self, resource, **kwargs):
        self.resource, self.parse = resource, parse_uri(resource)
        super().__init__(**kwargs)

    def to_representation(self, pk):
        return resource_uri(self.context, self.resource, pk)


class ResourceURIField(serializers.ReadOnlyField):
    def __init__(self, resource, **kwargs):
        self.resource = resource
        super().__init__(source="pk", **kwargs)

    def to_representation(self, pk):
        return resource_uri(self.context, self.resource, pk)


# --- serializers -------------------------------------------------------------------------------


class DownloadsSerializer(serializers.ModelSerializer):
    """Fields in python.org's order (v1 sorts them, as tastypie did); saving validates the model first."""

    class Meta:
        validators = []  # the model's own checks answer, with the legacy messages (see DownloadsView.write)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return dict(sorted(data.items())) if self.context["version"] == 1 else data

    @property
    def user(self):
        return self.context["request"].user

    def create(self, validated_data):
        return self.save_object(self.Meta.model(**validated_data))

    def update(self, instance, validated_data):
        for attribute, value in validated_data.items():
            setattr(instance, attribute, value)
        return self.save_object(instance)

    def save_object(self, obj):
        obj.full_clean()
        obj.save()
        return obj

    def delete(self, obj):
        obj.delete()


class OSSerializer(DownloadsSerializer):
    name = TextField(limit=200)
    slug = TextField(limit=200)
    resource_uri = ResourceURIField("os")

    class Meta(DownloadsSerializer.Meta):
        model = OS
        fields = ["name", "slug", "resource_uri"]


class ReleaseSerializer(DownloadsSerializer):
    name = TextField(limit=100, source="title")  # "Python install manager " + a version
    slug = TextField(limit=255, required=False)
    version = CountField(source="product", required=False)
    is_published = FlagField(source="live", required=False)
    is_latest = FlagField(required=False)
    release_date = WhenField(required=False)
    pre_release = FlagField(required=False)
    release_page = serializers.SerializerMethodField()
    release_notes_url = TextField(required=False)
    show_on_download_page = FlagField(required=False)
    resource_uri = ResourceURIField("release")

    class Meta(DownloadsSerializer.Meta):
        model = ReleasePage
        fields = [
            "name", "slug", "version", "is_published", "is_latest", "release_date", "pre_release",
            "release_page", "release_notes_url", "show_on_download_page", "resource_uri",
        ]  # fmt: skip

    def get_release_page(self, page):
        return None  # legacy releases linked a separate page; here the release is the page

    def apply(self, page, data):
        """Set what the client sent; the name gives the version, and the version the product. Returns
        whether to publish (``None``: leave the page as it is)."""
        name = data.pop("title", None)
        if name is not None:
            try:
                page.version_number, page.is_pymanager = version_from_name(name)
            except ValidationError as error:
                raise BadRequest(f"name: {error.messages[0]}", {"name": error.messages}) from None
        if data.pop("product", None) == ReleasePage.PYMANAGER:
            page.is_pymanager = True
        publish = data.pop("live", None)
        for attribute, value in data.items():
            setattr(page, attribute, value)
        if not page.slug:
            page.slug = slug_for_version(page.version_number, page.is_pymanager)
        return publish

    def create(self, validated_data):
        index = DownloadsIndexPage.objects.first()
        if index is None:
            raise BadRequest("The Downloads section does not exist yet; create it in the admin first.")
        page = ReleasePage(owner=self.user, live=False)
        publish = self.apply(page, validated_data)
        index.add_child(instance=page)  # validates the page (slug, version) as it saves
        revision = page.save_revision(user=self.user)
        if publish:
            revision.publish(user=self.user, skip_permission_checks=True)
        return ReleasePage.objects.get(pk=page.pk)

    def update(self, page, validated_data):
        publish = self.apply(page, validated_data)
        page.full_clean()
        page.save()
        revision = page.save_revision(user=self.user, clean=False)
        if publish or (publish is None and page.live):
            revision.publish(user=self.user, skip_permission_checks=True)
        elif publish is False and page.live:
            UnpublishPageAction(page, user=self.user).execute(skip_permission_checks=True)
        return ReleasePage.objects.get(pk=page.pk)


class ReleaseFileSerializer(DownloadsSerializer):
    name = TextField(limit=200)
    slug = TextField(limit=200, required=False)  # derived from the file name when left out
    os = URIField("os", source="os_id")
    release = URIField("release", source="release_id")
    description = TextField(limit=2000, required=False)
    is_source = FlagField(required=False)
    url = TextField()
    gpg_signature_file = TextField(required=False)
    md5_sum = TextField(required=False)
    sha256_sum = TextField(required=False)
    filesize = CountField(required=False)
    download_button = FlagField(required=False)
    resource_uri = ResourceURIField("release_file")
    sigstore_signature_file = TextField(required=False)
    sigstore_cert_file = TextField(required=False)
    sigstore_bundle_file = TextField(required=False)
    sbom_spdx2_file = TextField(required=False)

    class Meta(DownloadsSerializer.Meta):
        model = ReleaseFile
        fields = [
            "name", "slug", "os", "release", "description", "is_source", "url", "gpg_signature_file",
            "md5_sum", "sha256_sum", "filesize", "download_button", "resource_uri", "sigstore_signature_file",
            "sigstore_cert_file", "sigstore_bundle_file", "sbom_spdx2_file",
        ]  # fmt: skip

    def save_object(self, file):
        if not OS.objects.filter(pk=file.os_id).exists():
            raise BadRequest("os: no such operating system.", {"os": ["No such operating system."]})
        if not ReleasePage.objects.filter(pk=file.release_id).exists():
            raise BadRequest("release: no such release.", {"release": ["No such release."]})
        super().save_object(file)
        sync_release_revision(file.release_id, self.user)
        return file

    def delete(self, file):
        release_id = file.release_id
        file.delete()
        sync_release_revision(release_id, self.user)


def sync_release_revision(release_id, user=None):
    """Keep the page editor's copy of a release's files in step with files changed over the API.

    The latest revision (what the editor opens and publishes) gets the files as they now are, so
    publishing from the editor neither brings back files the API removed nor drops the new ones.
    """
    page = ReleasePage.objects.filter(pk=release_id).select_related("latest_revision").first()
    revision = page.latest_revision if page else None
    if revision is None:
        return
    files = ReleaseFile.objects.filter(release_id=release_id).order_by("sort_order", "pk")
    revision.content["files"] = [get_serializable_data_for_fields(file) for file in files]
    revision.save(update_fields=["content"])


# --- filters -----------------------------------------------------------------------------------


class ParsedFilter(filters.Filter):
    """One query parameter read with the legacy parser: given (even blank) it filters, absent it does not."""

    field_class = forms.Field

    def __init__(self, field_name, parse, **kwargs):
        self.parse = parse
        super().__init__(field_name=field_name, **kwargs)

    def filter(self, queryset, value):
        return queryset.filter(**{f"{self.field_name}__{self.lookup_expr}": value})


class DownloadsFilterSet(filters.FilterSet):
    """Query filters as python.org read them: unknown parameters are ignored; a bad value is a 400 naming the
    first bad parameter in the query."""

    def is_valid(self):
        self.parsed = {}
        for param, raw in self.data.items():
            found = self.filters.get(param)
            if found is None:
                continue
            try:
                self.parsed[param] = found.parse(raw)
            except (TypeError, ValueError) as error:
                raise BadRequest(f"Invalid value for “{param}”: {error}.", {param: [f"{error}."]}) from None
        return True

    def filter_queryset(self, queryset):
        for param, value in self.parsed.items():
            queryset = self.filters[param].filter(queryset, value)
        return queryset


def text(field_name, **kwargs):
    return ParsedFilter(field_name, FILTER_TEXT, **kwargs)


class OSFilterSet(DownloadsFilterSet):
    name = text("name")
    slug = text("slug")

    class Meta:
        model = OS
        fields = []


class ReleaseFilterSet(DownloadsFilterSet):
    name = text("title")
    slug = text("slug")
    version = ParsedFilter("product", PRODUCT)
    is_published = ParsedFilter("live", parse_bool)
    pre_release = ParsedFilter("pre_release", parse_bool)
    release_date = ParsedFilter("release_date", parse_when)

    class Meta:
        model = ReleasePage
        fields = []


class ReleaseFilterSetV1(ReleaseFilterSet):
    """Tastypie's lookups the legacy v1 also offered."""

    version__startswith = ParsedFilter("product", PRODUCT, lookup_expr="startswith")
    release_date__gt = ParsedFilter("release_date", parse_when, lookup_expr="gt")
    release_date__gte = ParsedFilter("release_date", parse_when, lookup_expr="gte")
    release_date__lt = ParsedFilter("release_date", parse_when, lookup_expr="lt")
    release_date__lte = ParsedFilter("release_date", parse_when, lookup_expr="lte")
    release_date__year = ParsedFilter("release_date", YEAR, lookup_expr="year")


class ReleaseFileFilterSet(DownloadsFilterSet):
    name = text("name")
    slug = text("slug")
    description__contains = text("description", lookup_expr="contains")
    os = ParsedFilter("os_id", parse_uri("os"))
    release = ParsedFilter("release_id", parse_uri("release"))

    class Meta:
        model = ReleaseFile
        fields = []


class ReleaseFileFilterSetV1(ReleaseFileFilterSet):
    os__slug = text("os__slug")
    os__name = text("os__name")
    release__slug = text("release__slug")
    release__name = text("release__title")
    release__version = ParsedFilter("release__product", PRODUCT)
    release__is_published = ParsedFilter("release__live", parse_bool)


def releases(request):
    found = ReleasePage.objects.order_by("pk").only(
        "id", "title", "slug", "version_number", "is_pymanager", "product", "live", "is_latest",
        "release_date", "pre_release", "release_notes_url", "show_on_download_page",
    )  # fmt: skip
    return found if request.user.is_staff else found.published()


def release_files(request):
    found = ReleaseFile.objects.order_by("pk")
    return found if request.user.is_staff else found.published()


# name -> (serializer, {version: filterset}, what the request may see)
RESOURCES = {
    "os": (OSSerializer, {1: OSFilterSet, 2: OSFilterSet}, lambda request: OS.objects.all()),
    "release": (ReleaseSerializer, {1: ReleaseFilterSetV1, 2: ReleaseFilterSet}, releases),
    "release_file": (ReleaseFileSerializer, {1: ReleaseFileFilterSetV1, 2: ReleaseFileFilterSet}, release_files),
}


# --- views -------------------------------------------------------------------------------------


class DownloadsPagination(TastypiePagination):
    """The v1 envelope; ``limit`` and ``offset`` as the legacy downloads API read them."""

    def int_param(self, request, name, default, maximum):
        raw = request.query_params.get(name)
        if raw is None:
            return default
        try:
            return parse_int(raw, minimum=0, maximum=MAX_BIGINT, name=name)
        except ValueError:
            raise BadRequest(f"“{name}” must be a non-negative integer.") from None


class DownloadsView(generics.GenericAPIView):
    """One resource (``kwargs["resource"]``) of one API version."""

    version = 2
    authentication_classes = [TokenAuthentication]
    permission_classes = [IsReleaseManagerOrReadOnly]
    filter_backends = [filters.DjangoFilterBackend]
    pagination_class = None

    @property
    def resource(self):
        if self.kwargs["resource"] not in RESOURCES:
            raise Http404
        return self.kwargs["resource"]

    def get_serializer_class(self):
        return RESOURCES[self.resource][0]

    @property
    def filterset_class(self):
        return RESOURCES[self.resource][1][self.version]

    def get_queryset(self):
        return RESOURCES[self.resource][2](self.request)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "version": self.version}

    def initial(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names or not hasattr(self, request.method.lower()):
            raise exceptions.MethodNotAllowed(request.method)  # before authentication: 405, not 401
        if any(name in request.query_params for name in QUERY_CREDENTIALS):
            raise exceptions.NotAuthenticated("Send credentials in the Authorization header, not the URL.")
        super().initial(request, *args, **kwargs)

    def uri(self, pk):
        return resource_uri({"version": self.version, "request": self.request}, self.resource, pk)

    def anonymous_cached(self, build):
        """Anonymous reads are the same for everyone: serve them from the cache until the next write."""
        if self.request.user.is_authenticated:
            return Response(build())
        # A digest keeps the key short and bounded whatever the query string (memcached-safe, no huge keys).
        address = hashlib.sha256(f"{self.request.get_host()}{self.request.get_full_path()}".encode()).hexdigest()
        key = f"downloads-api:{generation(GENERATION_KEY)}:{address}"
        data = cache.get(key)
        if data is None:
            data = build()
            cache.set(key, data, settings.CACHE_S_MAXAGE)
        return Response(data)

    def get_object(self):
        try:
            pk = PK(self.kwargs["pk"])  # any segment reaches here, so a bad id is this API's JSON 404
        except ValueError:
            raise exceptions.NotFound(f"No {self.resource} with id {self.kwargs['pk'][:50]}.") from None
        obj = self.get_queryset().filter(pk=pk).first()
        if obj is None:
            raise exceptions.NotFound(f"No {self.resource} with id {self.kwargs['pk']}.")
        return obj

    def body(self):
        try:
            data = self.request.data
        except exceptions.ParseError as error:
            raise BadRequest(f"Malformed JSON: {error.detail}") from None
        if has_nul(data):
            raise BadRequest("Strings must not contain NUL characters.")
        if not isinstance(data, dict):
            raise BadRequest("The body must be a JSON object.")
        return data

    def write(self, operation):
        """Run a write in one transaction; any validation problem leaves nothing behind."""
        try:
            with transaction.atomic():
                result = operation()
                transaction.on_commit(purge_downloads)
            bump_generation(GENERATION_KEY)
            return result
        except ValidationError as error:
            errors = getattr(error, "message_dict", None) or {"__all__": error.messages}
            summary = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items())
            raise BadRequest(summary, errors) from None
        except IntegrityError:
            raise BadRequest("This conflicts with an existing object (slug, URL or download button).") from None

    def save(self, instance=None, *, partial=False):
        serializer = self.get_serializer(instance, data=self.body(), partial=partial)
        serializer.is_valid()  # a bad value raises BadRequest at once
        return self.write(serializer.save)

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        detail = getattr(exc, "detail", None)
        message = str(detail) if isinstance(detail, str) else response.data.get("detail", str(exc))
        errors = getattr(exc, "errors", {})
        if self.version == 1:
            response.data = {"error_message": str(message), **({"errors": errors} if errors else {})}
        else:
            response.data = errors or {"detail": str(message)}
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.META.get("HTTP_AUTHORIZATION") or response.status_code >= 400:
            # Staff see unpublished releases, and errors must not stick in the CDN: neither is cached.
            response["Cache-Control"] = "private, no-cache, no-store, max-age=0"
        response["Vary"] = "Authorization"
        return add_surrogate_keys(response, SURROGATE_KEY)

    def delete_files_of_release(self):
        """``DELETE …/release_file/?release=<id>``: that release's files only, never a wider delete."""
        raw = self.request.query_params.get("release")
        if raw is None:
            raise BadRequest("Give the release whose files to delete: ?release=<id>.")
        try:
            release_id = parse_uri("release")(raw)
        except ValueError as error:
            raise BadRequest(f"Invalid value for “release”: {error}.") from None

        def delete():
            deleted, _ = ReleaseFile.objects.filter(release_id=release_id).delete()
            if deleted:
                sync_release_revision(release_id, self.request.user)

        self.write(delete)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ListView(DownloadsView):
    http_method_names = ["get", "post", "head", "options"]

    def get(self, request, resource):
        return self.anonymous_cached(self.build_list)

    def build_list(self):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        if page is None:
            return self.get_serializer(queryset, many=True).data
        return self.get_paginated_response(self.get_serializer(page, many=True).data).data

    def post(self, request, resource):
        obj = self.save()
        body = None if self.version == 1 else self.get_serializer(obj).data
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": self.uri(obj.pk)})


class DetailView(DownloadsView):
    def get(self, request, resource, pk):
        return self.anonymous_cached(lambda: self.get_serializer(self.get_object()).data)

    def put(self, request, resource, pk):
        return self.change(partial=False)

    def patch(self, request, resource, pk):
        return self.change(partial=True)

    def change(self, *, partial):
        obj = self.save(self.get_object(), partial=partial)
        if self.version == 1:  # the legacy API: PUT answers 204, PATCH 202, both without a body
            return Response(status=status.HTTP_202_ACCEPTED if partial else status.HTTP_204_NO_CONTENT)
        return Response(self.get_serializer(obj).data)

    def delete(self, request, resource, pk):
        obj = self.get_object()
        self.write(lambda: self.get_serializer().delete(obj))
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeleteByReleaseView(DownloadsView):
    http_method_names = ["delete", "options"]

    def delete(self, request, resource="release_file"):
        self.kwargs["resource"] = "release_file"
        return self.delete_files_of_release()


class V1Mixin:
    version = 1
    authentication_classes = [ApiKeyAuthentication]
    pagination_class = DownloadsPagination


class V1ListView(V1Mixin, ListView):
    http_method_names = ["get", "post", "delete", "head", "options"]

    def delete(self, request, resource):
        if self.resource != "release_file":
            raise exceptions.MethodNotAllowed("DELETE")
        return self.delete_files_of_release()


class V1DetailView(V1Mixin, DetailView):
    pass


def purge_downloads():
    from apps.downloads.signals import purge_downloads as purge

    purge()


# --- v1 schemas ----------------------------------------------------------------------------------

SCHEMA_TYPES = {WhenField: "datetime", URIField: "related", FlagField: "boolean", CountField: "integer"}


def field_schema(name, field):
    return {
        "blank": not field.required,
        "default": "",
        "help_text": "",
        "nullable": False,
        "primary_key": False,
        "readonly": field.read_only,
        "type": SCHEMA_TYPES.get(type(field), "string"),
        "unique": name == "slug",
        "verbose_name": name.replace("_", " "),
    }


class V1SchemaView(APIView):
    """``/api/v1/downloads/<resource>/schema/``: what tastypie described of a resource, from its serializer."""

    authentication_classes = []
    permission_classes = []

    def get(self, request, resource):
        if resource not in RESOURCES:
            raise Http404
        serializer, filtersets, _ = RESOURCES[resource]
        fields = serializer().fields
        described = {
            name: field_schema(name, field) for name, field in fields.items() if isinstance(field, LegacyField)
        }
        described["resource_uri"] = {**field_schema("resource_uri", fields["resource_uri"]), "blank": True}
        return Response({
            "allowed_detail_http_methods": ["get", "put", "patch", "delete"],
            "allowed_list_http_methods": ["get", "post"],
            "default_format": "application/json",
            "default_limit": V1_LIMIT,
            "fields": dict(sorted(described.items())),
            "filtering": {param: "exact" for param in sorted(filtersets[1].base_filters)},
        })  # fmt: skip
