"""What every API endpoint shares: python.org's v1 (tastypie-shaped) pagination and strict filters.

v1 lists answer ``{"meta": {limit, next, offset, previous, total_count}, "objects": [...]}`` with relative
``resource_uri``s, as the legacy tastypie API did; v2 lists are plain JSON arrays (legacy DRF, no pagination).
"""

from urllib.parse import urlencode

from django.db.models.constants import LOOKUP_SEP
from django_filters import rest_framework as filters
from rest_framework import serializers
from rest_framework.pagination import BasePagination
from rest_framework.response import Response

V1_LIMIT, V1_MAX_LIMIT = 20, 1000
PAGING_PARAMS = ("limit", "offset", "format")


def non_negative_int(params, name, default, maximum):
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        raise serializers.ValidationError({"error_message": f"“{name}” must be a non-negative integer."})
    return min(int(raw), maximum)


def page_uri(request, limit, offset):
    """The list URL with the request's filters kept and ``limit``/``offset`` set, as tastypie built it."""
    params = {key: value for key, value in request.query_params.items()}
    params.update({"limit": limit, "offset": offset})
    return f"{request.path}?{urlencode(params)}"


class TastypiePagination(BasePagination):
    """limit/offset paging with tastypie's ``meta`` envelope (``limit=0`` means the maximum)."""

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        limit = self.int_param(request, "limit", V1_LIMIT, V1_MAX_LIMIT)
        self.limit = V1_MAX_LIMIT if limit == 0 else min(limit, V1_MAX_LIMIT)
        self.offset = self.int_param(request, "offset", 0, 10**12)
        self.total = queryset.count()
        return list(queryset[self.offset : self.offset + self.limit])

    def int_param(self, request, name, default, maximum):
        return non_negative_int(request.query_params, name, default, maximum)

    def get_paginated_response(self, data):
        following, preceding = self.offset + self.limit, max(self.offset - self.limit, 0)
        return Response({
            "meta": {
                "limit": self.limit,
                "next": page_uri(self.request, self.limit, following) if following < self.total else None,
                "offset": self.offset,
                "previous": page_uri(self.request, self.limit, preceding) if self.offset else None,
                "total_count": self.total,
            },
            "objects": data,
        })  # fmt: skip

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "properties": {
                "meta": {"type": "object"},
                "objects": schema,
            },
        }


class StrictFilterSet(filters.FilterSet):
    """A filter the endpoint does not offer is a 400 naming it, not silently ignored (as on python.org)."""

    @property
    def qs(self):
        errors = []
        for param in set(self.data) - set(self.filters) - set(PAGING_PARAMS):
            field, _, lookup = param.rpartition(LOOKUP_SEP) if LOOKUP_SEP in param else (param, "", "exact")
            errors.append(f"{lookup!r} is not an allowed filter on the {field!r} field.")
        if errors:
            raise serializers.ValidationError({"error": sorted(errors)})
        if "\x00" in "".join(str(value) for value in self.data.values()):
            raise serializers.ValidationError({"error": ["Filter values may not contain NUL characters."]})
        return super().qs
