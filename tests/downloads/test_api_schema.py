"""The OpenAPI description of v2 at /api/v2/schema/, generated from the endpoints' serializers and filters."""


def test_v2_schema_describes_each_endpoint_from_its_serializer(client, db):
    response = client.get("/api/v2/schema/")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v2/downloads/release/", "/api/v2/downloads/release_file/{id}/", "/api/v2/pages/page/",
            "/api/v2/downloads/release_file/delete_by_release/"} <= set(schema["paths"])  # fmt: skip
    release = schema["components"]["schemas"]["Release"]
    assert list(release["properties"]) == [
        "name", "slug", "version", "is_published", "is_latest", "release_date", "pre_release", "release_page",
        "release_notes_url", "show_on_download_page", "resource_uri",
    ]  # fmt: skip
    assert release["properties"]["is_published"] == {"type": "boolean"}
    assert release["properties"]["resource_uri"]["readOnly"] is True
    assert release["required"] == ["name"]
    assert set(schema["components"]["schemas"]["ReleaseFile"]["required"]) == {"name", "os", "release", "url"}
    files = schema["paths"]["/api/v2/downloads/release_file/"]
    assert {p["name"] for p in files["get"]["parameters"]} == {"name", "slug", "description__contains", "os", "release"}
    assert files["post"]["security"] == [{"Token": []}]
    assert "post" not in schema["paths"]["/api/v2/pages/page/"]


def test_v2_root_links_the_schema(client, db):
    assert client.get("/api/v2/").json()["schema"] == "http://testserver/api/v2/schema/"
    assert client.post("/api/v2/schema/").status_code == 405
