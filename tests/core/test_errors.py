from django.test import RequestFactory

from apps.core.views import server_error


def test_404_is_in_the_site_look_with_a_search_box(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html
    assert 'action="/search/"' in html
    assert html.count("<h1") == 1


def test_500_page_needs_no_database_and_keeps_the_look(db, django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert "/static/css/site.css" in html
