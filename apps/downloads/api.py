"""The downloads API as python.org's release tooling, Renovate and cibuildwheel speak it.

v1 keeps the legacy envelope (``meta`` + ``objects``, relative ``resource_uri``, ``ApiKey user:key``);
v2 answers bare JSON lists with absolute ``resource_uri`` and takes ``Token key``. Both share the resources
below: field lists, filters and writes are declared once.
"""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from modelcluster.models import get_serializable_data_for_fields
from rest_framework import exceptions, status
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.actions.unpublish_page import UnpublishPageAction

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

V1_LIMIT, V1_MAX_LIMIT = 20, 1000
# Credentials only travel in the Authorization header; these in a URL are refused outright.
QUERY_CREDENTIALS = ("api_key", "username", "token")
URI_RE = re.compile(r"^/api/v[12]/downloads/(?P<resource>os|release|release_file)/(?P<pk>[0-9]{1,19})/?$")
# Query filters: text up to this long (slugs and names are at most 200), products and years in range.
FILTER_TEXT = text_parser(max_length=1000)
PRODUCT = int_parser(minimum=0, maximum=32767)
YEAR = int_parser(minimum=1, maximum=9999)
PK = int_parser(minimum=1, maximum=MAX_BIGINT)


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


# --- field types -------------------------------------------------------------------------------


class BadRequest(exceptions.APIException):
    status_code = 400
    default_detail = "Bad request."

    def __init__(self, detail, errors=None):
        super().__init__(detail)
        self.errors = errors or {}


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


@dataclass(frozen=True)
class Field:
    """A writable API field: its JSON type, and the model attribute it sets."""

    kind: type | tuple
    attribute: str = ""
    parse: object = None
    required: bool = False
    max_length: int = 500  # strings; the model's own limits are checked again on save

    def clean(self, name, value):
        if self.parse is not None:
            try:
                return self.parse(value)
            except (TypeError, ValueError) as error:
                raise BadRequest(f"{name}: {error}.", {name: [f"{error}."]}) from None
        kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
        if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds):
            expected = {str: "a string", bool: "true or false", int: "an integer"}[kinds[0]]
            raise BadRequest(f"{name}: expected {expected}.", {name: [f"Expected {expected}."]})
        if isinstance(value, str) and len(value) > self.max_length:
            message = f"At most {self.max_length} characters."
            raise BadRequest(f"{name}: {message}", {name: [message]})
        if isinstance(value, int) and not isinstance(value, bool):
            try:
                parse_int(value, minimum=0, maximum=MAX_BIGINT, name=name)
            except ValueError as error:
                raise BadRequest(f"{error}.", {name: [f"{error}."]}) from None
        return value


def string_or_blank(name, value):
    return "" if value is None else Field(str).clean(name, value)


# --- resources ---------------------------------------------------------------------------------


class Resource:
    """What one API resource reads, filters and writes."""

    name = ""
    model = None
    filters = {}  # query parameter -> (ORM lookup, parser)
    v1_only_filters = {}
    fields = {}  # writable field -> Field

    def queryset(self, request):
        return self.model.objects.all()

    def filter(self, queryset, params, version):
        allowed = {**self.filters, **(self.v1_only_filters if version == 1 else {})}
        lookups = {}
        for param, raw in params.items():
            if param not in allowed:
                continue  # python.org ignores parameters it does not know
            lookup, parse = allowed[param]
            try:
                lookups[lookup] = parse(raw)
            except (TypeError, ValueError) as error:
                raise BadRequest(f"Invalid value for “{param}”: {error}.", {param: [f"{error}."]}) from None
        return queryset.filter(**lookups)

    def represent(self, obj, uri):
        raise NotImplementedError

    def clean_data(self, data, *, partial):
        if not isinstance(data, dict):
            raise BadRequest("The body must be a JSON object.")
        cleaned = {}
        for name, spec in self.fields.items():
            if name not in data:
                if spec.required and not partial:
                    raise BadRequest(f"{name}: this field is required.", {name: ["This field is required."]})
                continue
            if data[name] is None and spec.kind is str and not spec.parse:
                cleaned[spec.attribute or name] = ""
                continue
            cleaned[spec.attribute or name] = spec.clean(name, data[name])
        return cleaned

    def save(self, obj, user):
        obj.full_clean()
        obj.save()
        return obj

    def create(self, data, user):
        obj = self.model(**self.clean_data(data, partial=False))
        return self.save(obj, user)

    def update(self, obj, data, user, *, partial):
        for attribute, value in self.clean_data(data, partial=partial).items():
            setattr(obj, attribute, value)
        return self.save(obj, user)

    def delete(self, obj, user):
        obj.delete()


def text(**extra):
    return Field(str, **extra)


class OSResource(Resource):
    name = "os"
    model = OS
    filters = {"name": ("name", FILTER_TEXT), "slug": ("slug", FILTER_TEXT)}
    fields = {"name": text(required=True, max_length=200), "slug": text(required=True, max_length=200)}

    def represent(self, obj, uri):
        return {"name": obj.name, "slug": obj.slug, "resource_uri": uri("os", obj.pk)}


class ReleaseResource(Resource):
    name = "release"
    model = ReleasePage
    filters = {
        "name": ("title", FILTER_TEXT),
        "slug": ("slug", FILTER_TEXT),
        "version": ("product", PRODUCT),
        "is_published": ("live", parse_bool),
        "pre_release": ("pre_release", parse_bool),
        "release_date": ("release_date", parse_when),
    }
    v1_only_filters = {
        "version__startswith": ("product__startswith", PRODUCT),
        **{f"release_date__{op}": (f"release_date__{op}", parse_when) for op in ("gt", "gte", "lt", "lte")},
        "release_date__year": ("release_date__year", YEAR),
    }
    fields = {
        "name": text(required=True, max_length=100),  # "Python install manager " + a version
        "slug": text(max_length=255),
        "version": Field(int, attribute="product"),
        "is_published": Field(bool),
        "is_latest": Field(bool),
        "release_date": Field(str, parse=parse_when),
        "pre_release": Field(bool),
        "release_notes_url": text(),
        "show_on_download_page": Field(bool),
    }

    def queryset(self, request):
        releases = ReleasePage.objects.order_by("pk").only(
            "id", "title", "slug", "version_number", "is_pymanager", "product", "live", "is_latest",
            "release_date", "pre_release", "release_notes_url", "show_on_download_page",
        )  # fmt: skip
        return releases if request.user.is_staff else releases.published()

    def represent(self, obj, uri):
        return {
            "name": obj.title,
            "slug": obj.slug,
            "version": obj.product,
            "is_published": obj.live,
            "is_latest": obj.is_latest,
            "release_date": obj.release_date,
            "pre_release": obj.pre_release,
            "release_page": None,
            "release_notes_url": obj.release_notes_url,
            "show_on_download_page": obj.show_on_download_page,
            "resource_uri": uri("release", obj.pk),
        }

    def apply(self, page, cleaned):
        name = cleaned.pop("name", None)
        if name is not None:
            try:
                page.version_number, page.is_pymanager = version_from_name(name)
            except ValidationError as error:
                raise BadRequest(f"name: {error.messages[0]}", {"name": error.messages}) from None
        if cleaned.get("product") == ReleasePage.PYMANAGER:
            page.is_pymanager = True
        publish = cleaned.pop("is_published", None)
        cleaned.pop("product", None)  # derived from the version
        for attribute, value in cleaned.items():
            setattr(page, attribute, value)
        if not page.slug:
            page.slug = slug_for_version(page.version_number, page.is_pymanager)
        return publish

    def create(self, data, user):
        cleaned = self.clean_data(data, partial=False)
        index = DownloadsIndexPage.objects.first()
        if index is None:
            raise BadRequest("The Downloads section does not exist yet; create it in the admin first.")
        page = ReleasePage(owner=user, live=False)
        publish = self.apply(page, cleaned)
        index.add_child(instance=page)  # validates the page (slug, version) as it saves
        revision = page.save_revision(user=user)
        if publish:
            revision.publish(user=user, skip_permission_checks=True)
        return ReleasePage.objects.get(pk=page.pk)

    def update(self, page, data, user, *, partial):
        publish = self.apply(page, self.clean_data(data, partial=partial))
        page.full_clean()
        page.save()
        revision = page.save_revision(user=user, clean=False)
        if publish or (publish is None and page.live):
            revision.publish(user=user, skip_permission_checks=True)
        elif publish is False and page.live:
            UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
        return ReleasePage.objects.get(pk=page.pk)


class ReleaseFileResource(Resource):
    name = "release_file"
    model = ReleaseFile
    filters = {
        "name": ("name", FILTER_TEXT),
        "slug": ("slug", FILTER_TEXT),
        "description__contains": ("description__contains", FILTER_TEXT),
        "os": ("os_id", parse_uri("os")),
        "release": ("release_id", parse_uri("release")),
    }
    v1_only_filters = {
        "os__slug": ("os__slug", FILTER_TEXT),
        "os__name": ("os__name", FILTER_TEXT),
        "release__slug": ("release__slug", FILTER_TEXT),
        "release__name": ("release__title", FILTER_TEXT),
        "release__version": ("release__product", PRODUCT),
        "release__is_published": ("release__live", parse_bool),
    }
    fields = {
        "name": text(required=True, max_length=200),
        "slug": text(max_length=200),  # derived from the file name when left out
        "os": Field(str, attribute="os_id", parse=parse_uri("os"), required=True),
        "release": Field(str, attribute="release_id", parse=parse_uri("release"), required=True),
        "description": text(max_length=2000),
        "is_source": Field(bool),
        "url": text(required=True),
        "gpg_signature_file": text(),
        "md5_sum": text(),
        "sha256_sum": text(),
        "filesize": Field(int),
        "download_button": Field(bool),
        "sigstore_signature_file": text(),
        "sigstore_cert_file": text(),
        "sigstore_bundle_file": text(),
        "sbom_spdx2_file": text(),
    }

    def queryset(self, request):
        files = ReleaseFile.objects.order_by("pk")
        return files if request.user.is_staff else files.published()

    def represent(self, obj, uri):
        return {
            "name": obj.name,
            "slug": obj.slug,
            "os": uri("os", obj.os_id),
            "release": uri("release", obj.release_id),
            "description": obj.description,
            "is_source": obj.is_source,
            "url": obj.url,
            "gpg_signature_file": obj.gpg_signature_file,
            "md5_sum": obj.md5_sum,
            "sha256_sum": obj.sha256_sum,
            "filesize": obj.filesize,
            "download_button": obj.download_button,
            "resource_uri": uri("release_file", obj.pk),
            "sigstore_signature_file": obj.sigstore_signature_file,
            "sigstore_cert_file": obj.sigstore_cert_file,
            "sigstore_bundle_file": obj.sigstore_bundle_file,
            "sbom_spdx2_file": obj.sbom_spdx2_file,
        }

    def save(self, obj, user):
        if not OS.objects.filter(pk=obj.os_id).exists():
            raise BadRequest("os: no such operating system.", {"os": ["No such operating system."]})
        if not ReleasePage.objects.filter(pk=obj.release_id).exists():
            raise BadRequest("release: no such release.", {"release": ["No such release."]})
        super().save(obj, user)
        sync_release_revision(obj.release_id, user)
        return obj

    def delete(self, obj, user):
        release_id = obj.release_id
        obj.delete()
        sync_release_revision(release_id, user)

    def delete_for_release(self, release_id, user):
        deleted, _ = ReleaseFile.objects.filter(release_id=release_id).delete()
        if deleted:
            sync_release_revision(release_id, user)
        return deleted


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


RESOURCES = {resource.name: resource for resource in (OSResource(), ReleaseResource(), ReleaseFileResource())}


# --- views -------------------------------------------------------------------------------------


class DownloadsAPIView(APIView):
    version = 2
    authentication_classes = [TokenAuthentication]
    permission_classes = [IsReleaseManagerOrReadOnly]

    def initial(self, request, *args, **kwargs):
        if any(name in request.query_params for name in QUERY_CREDENTIALS):
            raise exceptions.NotAuthenticated("Send credentials in the Authorization header, not the URL.")
        super().initial(request, *args, **kwargs)

    @property
    def resource(self):
        resource = RESOURCES.get(self.kwargs["resource"])
        if resource is None:
            raise Http404
        return resource

    def uri(self, resource, pk):
        path = f"/api/v{self.version}/downloads/{resource}/{pk}/"
        return self.request.build_absolute_uri(path) if self.version == 2 else path

    def represent(self, obj):
        data = self.resource.represent(obj, self.uri)
        if isinstance(data.get("release_date"), datetime.datetime):
            data["release_date"] = self.format_datetime(data["release_date"])
        return dict(sorted(data.items())) if self.version == 1 else data

    def format_datetime(self, value):
        value = timezone.localtime(value, datetime.UTC)
        if self.version == 1:
            return value.replace(tzinfo=None).isoformat()  # the legacy API's naive UTC
        return value.isoformat().replace("+00:00", "Z")

    def anonymous_cached(self, build):
        """Anonymous reads are the same for everyone: serve them from the cache until the next write."""
        if self.request.user.is_authenticated:
            return Response(build())
        key = f"downloads-api:{generation(GENERATION_KEY)}:{self.request.get_host()}:{self.request.get_full_path()}"
        data = cache.get(key)
        if data is None:
            data = build()
            cache.set(key, data, settings.CACHE_S_MAXAGE)
        return Response(data)

    def get_object(self):
        obj = self.resource.queryset(self.request).filter(pk=self.kwargs["pk"]).first()
        if obj is None:
            raise exceptions.NotFound(f"No {self.resource.name} with id {self.kwargs['pk']}.")
        return obj

    def body(self):
        try:
            data = self.request.data
        except exceptions.ParseError as error:
            raise BadRequest(f"Malformed JSON: {error.detail}") from None
        if has_nul(data):
            raise BadRequest("Strings must not contain NUL characters.")
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


class ListView(DownloadsAPIView):
    http_method_names = ["get", "post", "head", "options"]

    def get(self, request, resource):
        return self.anonymous_cached(self.build_list)

    def build_list(self):
        queryset = self.resource.filter(self.resource.queryset(self.request), self.request.query_params, self.version)
        if self.version == 2:
            return [self.represent(obj) for obj in queryset]
        limit = self.int_param("limit", V1_LIMIT)
        offset = self.int_param("offset", 0)
        limit = V1_MAX_LIMIT if limit == 0 else min(limit, V1_MAX_LIMIT)
        total = queryset.count()
        objects = [self.represent(obj) for obj in queryset[offset : offset + limit]]
        return {"meta": self.meta(limit, offset, total), "objects": objects}

    def int_param(self, name, default):
        raw = self.request.query_params.get(name)
        if raw is None:
            return default
        try:
            return parse_int(raw, minimum=0, maximum=MAX_BIGINT, name=name)
        except ValueError:
            raise BadRequest(f"“{name}” must be a non-negative integer.") from None

    def meta(self, limit, offset, total):
        path = self.request.path

        def page(at):
            # The filters stay in the link, as tastypie kept them (limit and offset take their new values).
            params = dict(self.request.query_params.items())
            params.update({"limit": limit, "offset": at})
            return f"{path}?{urlencode(params)}"

        return {
            "limit": limit,
            "next": page(offset + limit) if offset + limit < total else None,
            "offset": offset,
            "previous": page(max(offset - limit, 0)) if offset else None,
            "total_count": total,
        }

    def post(self, request, resource):
        data = self.body()
        obj = self.write(lambda: self.resource.create(data, request.user))
        location = self.uri(self.resource.name, obj.pk)
        body = None if self.version == 1 else self.represent(obj)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": location})


def delete_files_of_release(view):
    """``DELETE …/release_file/?release=<id>``: that release's files only, never a wider delete."""
    raw = view.request.query_params.get("release")
    if raw is None:
        raise BadRequest("Give the release whose files to delete: ?release=<id>.")
    try:
        release_id = parse_uri("release")(raw)
    except ValueError as error:
        raise BadRequest(f"Invalid value for “release”: {error}.") from None
    view.write(lambda: view.resource.delete_for_release(release_id, view.request.user))
    return Response(status=status.HTTP_204_NO_CONTENT)


class DetailView(DownloadsAPIView):
    def get(self, request, resource, pk):
        return self.anonymous_cached(lambda: self.represent(self.get_object()))

    def put(self, request, resource, pk):
        return self.change(partial=False)

    def patch(self, request, resource, pk):
        return self.change(partial=True)

    def change(self, *, partial):
        obj = self.get_object()
        data = self.body()
        obj = self.write(lambda: self.resource.update(obj, data, self.request.user, partial=partial))
        if self.version == 1:  # the legacy API: PUT answers 204, PATCH 202, both without a body
            return Response(status=status.HTTP_202_ACCEPTED if partial else status.HTTP_204_NO_CONTENT)
        return Response(self.represent(obj))

    def delete(self, request, resource, pk):
        obj = self.get_object()
        self.write(lambda: self.resource.delete(obj, request.user))
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeleteByReleaseView(DownloadsAPIView):
    http_method_names = ["delete", "options"]

    def delete(self, request, resource="release_file"):
        self.kwargs["resource"] = "release_file"
        return delete_files_of_release(self)


class V1Mixin:
    version = 1
    authentication_classes = [ApiKeyAuthentication]


class V1ListView(V1Mixin, ListView):
    http_method_names = ["get", "post", "delete", "head", "options"]

    def delete(self, request, resource):
        if self.resource.name != "release_file":
            raise exceptions.MethodNotAllowed("DELETE")
        return delete_files_of_release(self)


class V1DetailView(V1Mixin, DetailView):
    pass


def purge_downloads():
    from apps.downloads.signals import purge_downloads as purge

    purge()


# --- v1 schemas ----------------------------------------------------------------------------------

SCHEMA_TYPES = {str: "string", bool: "boolean", int: "integer"}


def field_schema(name, spec):
    kind = spec.kind[0] if isinstance(spec.kind, tuple) else spec.kind
    if spec.parse is parse_when:
        kind_name = "datetime"
    elif spec.parse is not None:
        kind_name = "related"
    else:
        kind_name = SCHEMA_TYPES.get(kind, "string")
    return {
        "blank": not spec.required,
        "default": "",
        "help_text": "",
        "nullable": False,
        "primary_key": False,
        "readonly": False,
        "type": kind_name,
        "unique": name == "slug",
        "verbose_name": name.replace("_", " "),
    }


class V1SchemaView(APIView):
    """``/api/v1/downloads/<resource>/schema/``: what tastypie described of a resource."""

    authentication_classes = []
    permission_classes = []

    def get(self, request, resource):
        found = RESOURCES.get(resource)
        if found is None:
            raise Http404
        fields = {name: field_schema(name, spec) for name, spec in found.fields.items()}
        fields["resource_uri"] = {**field_schema("resource_uri", text()), "readonly": True}
        filtering = {param: "exact" for param in {**found.filters, **found.v1_only_filters}}
        return Response({
            "allowed_detail_http_methods": ["get", "put", "patch", "delete"],
            "allowed_list_http_methods": ["get", "post"],
            "default_format": "application/json",
            "default_limit": V1_LIMIT,
            "fields": dict(sorted(fields.items())),
            "filtering": dict(sorted(filtering.items())),
        })  # fmt: skip
