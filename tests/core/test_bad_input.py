"""NUL characters anywhere in a request are refused with a 400 before any view or query runs."""

import pytest

from apps.core.inputs import parse_int

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/users/%00/", "/jobs/?q=%00", "/events/?q=a%00b", "/search/?q=%00", "/downloads/release/%00/", "/%00"]
)
def test_nul_in_path_or_query_is_400(client, home_page, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_nul_in_a_submitted_form_is_400_and_saves_nothing(client, home_page, user):
    client.force_login(user)
    response = client.post("/users/edit/", {"first_name": "Gr\x00ace", "last_name": "Hopper", "bio": ""})
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.first_name != "Gr\x00ace"


@pytest.mark.parametrize("raw", ["²", "1e3", "", " ", "0x10", "١٢", "9" * 20, "-1"])
def test_parse_int_refuses_what_is_not_a_bounded_ascii_integer(raw):
    with pytest.raises(ValueError):
        parse_int(raw, minimum=0)


def test_parse_int_accepts_plain_numbers():
    assert parse_int("42", minimum=0, maximum=100) == 42
    assert parse_int(" 7 ") == 7
