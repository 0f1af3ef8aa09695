import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from apps.users.models import BIO_MAX_LENGTH, ApiCredential, Membership
from tests.factories import UserFactory
from tests.users.factories import MembershipFactory, verified_user

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_public_profile_renders_sanitised_markdown_bio(client, home_page, member_user):
    member_user.bio = "I made **Python**.\n\n<script>alert(1)</script>\n\n# Big heading"
    member_user.save()
    response = client.get("/users/guido/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Python</strong>" in html
    assert "<script>alert" not in html
    assert html.count("<h1") == 1
    assert "Guido van Rossum" in html
    assert "public" in response["Cache-Control"]
    assert f"user-{member_user.pk}" in response["Surrogate-Key"]


@pytest.mark.parametrize(
    ("privacy", "anonymous_sees", "signed_in_sees"),
    [("public", True, True), ("logged_in", False, True), ("never", False, False)],
)
def test_email_is_shown_according_to_privacy_choice(
    client, home_page, member_user, privacy, anonymous_sees, signed_in_sees
):
    member_user.email_privacy = privacy
    member_user.save()
    assert ("guido@example.com" in client.get("/users/guido/").content.decode()) is anonymous_sees
    client.force_login(UserFactory(username="reader"))
    assert ("guido@example.com" in client.get("/users/guido/").content.decode()) is signed_in_sees
    client.force_login(member_user)
    assert "guido@example.com" in client.get("/users/guido/").content.decode()


def test_search_engine_visibility_choice(client, home_page, member_user):
    response = client.get("/users/guido/")
    assert "noindex" not in response.get("X-Robots-Tag", "")
    assert '<meta name="robots" content="noindex">' not in response.content.decode()
    member_user.search_visibility = "private"
    member_user.save()
    response = client.get("/users/guido/")
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_unknown_or_inactive_profile_is_404(client, home_page):
    UserFactory(username="gone", is_active=False)
    assert client.get("/users/gone/").status_code == 404
    assert client.get("/users/nobody-here/").status_code == 404


def test_profile_renders_in_a_bounded_number_of_queries(client, home_page, member_user, django_assert_max_num_queries):
    client.get("/users/guido/")  # warm site settings caches
    with django_assert_max_num_queries(8):
        assert client.get("/users/guido/").status_code == 200


def test_edit_profile(client, home_page, member_user):
    client.force_login(member_user)
    page = client.get("/users/edit/")
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    response = client.post(
        "/users/edit/",
        {"first_name": "Guido", "last_name": "vR", "bio": "BDFL emeritus", "email_privacy": "public",
         "search_visibility": "private"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == "/users/guido/"
    member_user.refresh_from_db()
    assert (member_user.last_name, member_user.bio, member_user.email_privacy) == ("vR", "BDFL emeritus", "public")
    assert "Your profile has been updated." in client.get("/users/guido/").content.decode()


def test_oversized_bio_is_refused_and_nothing_changes(client, home_page, member_user):
    client.force_login(member_user)
    response = client.post(
        "/users/edit/",
        {"first_name": "X", "last_name": "Y", "bio": "x" * (BIO_MAX_LENGTH + 1), "email_privacy": "public",
         "search_visibility": "public"},
    )  # fmt: skip
    assert response.status_code == 400
    assert f"Ensure this value has at most {BIO_MAX_LENGTH} characters" in response.content.decode()
    member_user.refresh_from_db()
    assert (member_user.first_name, member_user.bio) == ("Guido", "")


def test_invalid_choice_is_refused(client, home_page, member_user):
    client.force_login(member_user)
    response = client.post("/users/edit/", {"email_privacy": "everyone!", "search_visibility": "public"})
    assert response.status_code == 400
    member_user.refresh_from_db()
    assert member_user.email_privacy == "never"


def test_edit_requires_login(client, home_page):
    response = client.get("/users/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_my_profile_redirects_to_own_profile(client, home_page, member_user):
    client.force_login(member_user)
    assert client.get("/users/me/")["Location"] == "/users/guido/"


def test_delete_account_needs_confirmation(client, home_page, member_user):
    client.force_login(member_user)
    assert "Delete your account" in client.get("/users/delete/").content.decode()
    response = client.post("/users/delete/", {"confirm_username": "someone-else"})
    assert response.status_code == 400
    assert "That is not your username; nothing was deleted." in response.content.decode()
    member_user.refresh_from_db()
    assert member_user.is_active and member_user.username == "guido"


def test_delete_account_anonymises_and_signs_out(client, home_page, member_user):
    MembershipFactory(user=member_user)
    ApiCredential.objects.create(user=member_user)
    member_user.bio = "secret bio"
    member_user.save()
    client.force_login(member_user)

    response = client.post("/users/delete/", {"confirm_username": "guido"})

    assert response.status_code == 302
    member_user.refresh_from_db()
    assert member_user.username == f"deleted-{member_user.pk}"
    assert (member_user.email, member_user.first_name, member_user.bio) == ("", "", "")
    assert not member_user.is_active and not member_user.has_usable_password()
    assert member_user.anonymised_at is not None
    assert str(member_user) == member_user.display_name == "Deleted user"
    assert not EmailAddress.objects.filter(user=member_user).exists()
    assert not Membership.objects.exists() and not ApiCredential.objects.exists()
    # The row stays, so content that points at it stays valid.
    assert User.objects.filter(pk=member_user.pk).exists()
    assert client.get("/users/guido/").status_code == 404
    assert "Sign in" in client.get("/users/menu/").content.decode()
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["guido@example.com"], "[Python.org] Your account has been deleted")
    ]
    assert not client.login(username="guido", password="correct horse battery staple")


def test_deleted_username_cannot_be_claimed(client, home_page):
    user = verified_user(username="temp", email="temp@example.com")
    user.anonymise()
    response = client.post(
        "/accounts/signup/",
        {
            "username": f"deleted-{user.pk}",
            "email": "x@example.com",
            "password1": "Sp4m-eggs-ham!",
            "password2": "Sp4m-eggs-ham!",
        },
    )
    assert "This username is reserved" in response.content.decode()
