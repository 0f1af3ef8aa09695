"""The API's front doors: ``/api/v1/`` and ``/api/v2/`` list their endpoints, as python.org's did, and
``/api/v2/schema/`` describes v2 as OpenAPI 3."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe
from rest_framework import serializers
from rest_framework.schemas.openapi import AutoSchema

from apps.downloads import api as downloads_api
from apps.pages.api import PageFilterSet, PageSerializer

V1_RESOURCES = ["downloads/os", "downloads/release", "downloads/release_file", "pages/page"]
V2_RESOURCES = ["downloads/os", "downloads/release", "downloads/release_file", "pages/page"]


@require_safe
def v1_root(request):
    """Tastypie's top level: each resource's list endpoint and schema."""
    return JsonResponse({
        name: {"list_endpoint": f"/api/v1/{name}/", "schema": f"/api/v1/{name}/schema/"} for name in V1_RESOURCES
    })  # fmt: skip


@require_safe
def v2_root(request):
    """DRF's router root: each endpoint's absolute URL, plus the schema."""
    data = {name: request.build_absolute_uri(f"/api/v2/{name}/") for name in V2_RESOURCES}
    data["schema"] = request.build_absolute_uri("/api/v2/schema/")
    return JsonResponse(data)


class OpenAPIFields(AutoSchema):
    def map_field(self, field):
        if isinstance(field, serializers.BooleanField):
            return {"type": "boolean"}
        return super().map_field(field)


def query_parameters(filterset):
    return [
        {"name": name, "in": "query", "required": False, "schema": {"type": "string"}}
        for name in filterset.base_filters
    ]


def openapi_document(request):
    """The v2 API as OpenAPI 3, generated from the endpoints' serializers and filter sets."""
    mapper, paths, components = OpenAPIFields(), {}, {}
    token = [{"Token": []}]
    endpoints = [(f"downloads/{name}", serializer, filtersets[2], True) for name, (serializer, filtersets, _) in
                 downloads_api.RESOURCES.items()]  # fmt: skip
    endpoints.append(("pages/page", PageSerializer, PageFilterSet, False))
    for path, serializer, filterset, writable in endpoints:
        component = serializer.__name__.removesuffix("Serializer")
        components[component] = mapper.map_serializer(serializer(context={"version": 2, "request": request}))
        ref = {"$ref": f"#/components/schemas/{component}"}
        body = {"required": True, "content": {"application/json": {"schema": ref}}}
        one = {"200": {"description": f"One {path}", "content": {"application/json": {"schema": ref}}}}
        many = {"type": "array", "items": ref}
        listing = {"get": {"operationId": f"list {path}", "parameters": query_parameters(filterset),
                           "responses": {"200": {"description": f"Every {path}",
                                                 "content": {"application/json": {"schema": many}}}}}}  # fmt: skip
        detail = {"get": {"operationId": f"read {path}", "responses": one}}
        if writable:
            listing["post"] = {"operationId": f"create {path}", "requestBody": body, "security": token,
                               "responses": {"201": one["200"]}}  # fmt: skip
            detail["put"] = {"operationId": f"replace {path}", "requestBody": body, "security": token, "responses": one}
            detail["patch"] = {"operationId": f"change {path}", "requestBody": body, "security": token,
                               "responses": one}  # fmt: skip
            detail["delete"] = {"operationId": f"delete {path}", "security": token,
                                "responses": {"204": {"description": "Deleted"}}}  # fmt: skip
        id_parameter = [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}]
        paths[f"/api/v2/{path}/"] = listing
        paths[f"/api/v2/{path}/{{id}}/"] = {"parameters": id_parameter, **detail}
    paths["/api/v2/downloads/release_file/delete_by_release/"] = {"delete": {
        "operationId": "delete the files of a release", "security": token,
        "parameters": [{"name": "release", "in": "query", "required": True, "schema": {"type": "string"}}],
        "responses": {"204": {"description": "Deleted"}},
    }}  # fmt: skip
    return {
        "openapi": "3.0.2",
        "info": {"title": "python.org API", "version": "2"},
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {"Token": {"type": "apiKey", "in": "header", "name": "Authorization"}},
        },
    }


@require_safe
def v2_schema(request):
    return JsonResponse(openapi_document(request))
