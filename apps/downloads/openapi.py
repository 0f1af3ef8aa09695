"""The OpenAPI 3 description of the downloads API's reads (v1 and v2), served at ``/api/v2/schema/``.

Written once from the resources in ``apps.downloads.api`` (the filters come from there, so a new
filter is described as soon as it exists) and used by the schema-driven fuzz test.
"""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from apps.core.api import V1_MAX_LIMIT
from apps.downloads.api import RESOURCES

TEXT = {"type": "string"}
FLAG = {"type": "boolean"}
URI = {"type": "string"}
NULLABLE_TEXT = {"type": ["string", "null"]}

ITEMS = {
    "os": {"name": TEXT, "slug": TEXT, "resource_uri": URI},
    "release": {
        "name": TEXT, "slug": TEXT, "version": {"type": "integer"}, "is_published": FLAG, "is_latest": FLAG,
        "release_date": NULLABLE_TEXT, "pre_release": FLAG, "release_page": {"type": "null"},
        "release_notes_url": TEXT, "show_on_download_page": FLAG, "resource_uri": URI,
    },
    "release_file": {
        "name": TEXT, "slug": TEXT, "os": URI, "release": URI, "description": TEXT, "is_source": FLAG, "url": TEXT,
        "gpg_signature_file": TEXT, "md5_sum": TEXT, "sha256_sum": TEXT, "filesize": {"type": "integer"},
        "download_button": FLAG, "resource_uri": URI, "sigstore_signature_file": TEXT, "sigstore_cert_file": TEXT,
        "sigstore_bundle_file": TEXT, "sbom_spdx2_file": TEXT,
    },
}  # fmt: skip
FILTER_TEXT = {"type": "string", "maxLength": 1000, "pattern": "^[^\\x00]*$"}
BOOLEAN_TEXT = {"type": "string", "enum": ["true", "false", "True", "False", "1", "0"]}
PRODUCT = {"type": "integer", "minimum": 0, "maximum": 32767}
FILTER_SCHEMAS = {
    "version": PRODUCT, "version__startswith": PRODUCT, "release__version": PRODUCT,
    "release_date__year": {"type": "integer", "minimum": 1, "maximum": 9999},
    "is_published": BOOLEAN_TEXT, "pre_release": BOOLEAN_TEXT, "release__is_published": BOOLEAN_TEXT,
    "os": {"type": "string", "pattern": "^([0-9]{1,18}|/api/v[12]/downloads/os/[0-9]{1,18}/?)$"},
    "release": {"type": "string", "pattern": "^([0-9]{1,18}|/api/v[12]/downloads/release/[0-9]{1,18}/?)$"},
    **{name: {"type": "string", "format": "date"} for name in (
        "release_date", "release_date__gt", "release_date__gte", "release_date__lt", "release_date__lte")},
}  # fmt: skip
ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}


def item_schema(resource):
    properties = ITEMS[resource]
    return {"type": "object", "properties": properties, "required": sorted(properties), "additionalProperties": False}


def error_schema(version):
    if version == 1:
        return {
            "type": "object",
            "properties": {"error_message": TEXT, "errors": {"type": "object"}},
            "required": ["error_message"],
        }
    return {"type": "object", "minProperties": 1}


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def query_parameters(resource, version):
    _serializer, filtersets, _queryset = resource
    names = list(filtersets[version].base_filters)
    parameters = [
        {"name": name, "in": "query", "required": False, "schema": FILTER_SCHEMAS.get(name, FILTER_TEXT)}
        for name in names
    ]
    if version == 1:
        parameters += [
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": 0, "maximum": 2**63 - 1},
            },
            {
                "name": "offset",
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": 0, "maximum": 2**63 - 1},
            },
        ]
    return parameters


# What a write may send: the item's fields but its address; related objects by id or address.
RELATED = {"type": ["string", "integer"]}
WRITE_REQUIRED = {"os": ["name"], "release": ["name"], "release_file": ["name", "os", "release", "url"]}


def write_body(resource, verb):
    properties = {
        field: RELATED if field in ("os", "release") else schema
        for field, schema in ITEMS[resource].items()
        if field != "resource_uri"
    }
    body = {"type": "object", "properties": properties}
    if verb in ("create", "replace"):
        body["required"] = WRITE_REQUIRED[resource]
    return {"content": {"application/json": {"schema": body}}}


def write_operation(version, name, verb, success):
    """Writes: release managers only (Authorization header); described so clients see what to send."""
    return {
        "operationId": f"v{version}_{name}_{verb}",
        "summary": f"{verb.capitalize()} (release managers)",
        "security": [{"apiKey" if version == 1 else "token": []}],
        "requestBody": write_body(name, verb) if verb in ("create", "replace", "update") else None,
        "responses": {
            success: {"description": "Done"},
            "400": json_response("Invalid data; nothing changed", error_schema(version)),
            "401": json_response("No or invalid credentials", error_schema(version)),
            "403": json_response("Not a release manager", error_schema(version)),
            "404": json_response("No such object", error_schema(version)),
        },
    }


def without_none(operation):
    return {key: value for key, value in operation.items() if value is not None}


def operations(version):
    paths = {}
    for name, resource in RESOURCES.items():
        item = item_schema(name)
        if version == 1:
            listing = {
                "type": "object",
                "properties": {
                    "meta": {
                        "type": "object",
                        "properties": {
                            "limit": {"type": "integer", "maximum": V1_MAX_LIMIT},
                            "offset": {"type": "integer"},
                            "total_count": {"type": "integer"},
                            "next": NULLABLE_TEXT,
                            "previous": NULLABLE_TEXT,
                        },
                        "required": ["limit", "offset", "total_count", "next", "previous"],
                    },
                    "objects": {"type": "array", "items": item},
                },
                "required": ["meta", "objects"],
            }
        else:
            listing = {"type": "array", "items": item}
        errors = {"400": json_response("Invalid filter value", error_schema(version))}
        paths[f"/api/v{version}/downloads/{name}/"] = {
            "get": {
                "operationId": f"v{version}_{name}_list",
                "summary": f"List {name.replace('_', ' ')} objects (published ones, anonymously)",
                "parameters": query_parameters(resource, version),
                "responses": {"200": json_response("The matching objects", listing), **errors},
            },
            "post": without_none(write_operation(version, name, "create", "201")),
        }
        if version == 1:  # ?release=<id>: that release's files (405 for the other resources)
            delete = without_none(write_operation(version, name, "delete_by_release", "204"))
            delete["responses"]["405"] = json_response("Only release files are deleted by release", error_schema(1))
            paths[f"/api/v{version}/downloads/{name}/"]["delete"] = delete
        paths[f"/api/v{version}/downloads/{name}/{{id}}/"] = {
            "parameters": [ID],
            "get": {
                "operationId": f"v{version}_{name}_detail",
                "summary": f"One {name.replace('_', ' ')}",
                "responses": {
                    "200": json_response("The object", item),
                    "404": json_response("No such object", error_schema(version)),
                },
            },
            **{
                method: without_none(write_operation(version, name, verb, success))
                for method, verb, success in (
                    ("put", "replace", "204" if version == 1 else "200"),
                    ("patch", "update", "202" if version == 1 else "200"),
                    ("delete", "delete", "204"),
                )
            },
        }
    return paths


def build_schema():
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Python.org downloads API",
            "version": "2",
            "description": "Releases, their files and operating systems. v1 keeps the legacy envelope; "
            "v2 answers bare lists with absolute URIs. Writes need a release manager's credentials.",
        },
        "servers": [{"url": "/"}],
        "components": {
            "securitySchemes": {
                "apiKey": {"type": "apiKey", "in": "header", "name": "Authorization", "description": "ApiKey user:key"},
                "token": {"type": "apiKey", "in": "header", "name": "Authorization", "description": "Token key"},
            }
        },
        "paths": {**operations(1), **operations(2)},
    }


@require_GET
def schema_view(request):
    return JsonResponse(build_schema(), json_dumps_params={"indent": 1})
