def test_superusers_reach_the_queue_dashboard_from_the_admin(client, superuser, rq_queue):
    client.force_login(superuser)
    admin = client.get("/admin/")
    assert admin.status_code == 200
    assert b"/django-rq/" in admin.content  # the admin menu is rendered from JSON
    dashboard = client.get("/django-rq/")
    assert dashboard.status_code == 200
    assert b"default" in dashboard.content


def test_other_staff_do_not_see_or_reach_the_queue_dashboard(client, editor):
    client.force_login(editor)
    assert client.get("/django-rq/").status_code == 403
    client.logout()
    assert client.get("/django-rq/").status_code == 302


def test_snippets_and_settings_are_editable_in_the_admin(client, superuser, home_page):
    client.force_login(superuser)
    assert client.get("/admin/snippets/pages/contentsnippet/").status_code == 200
    navigation = client.get("/admin/settings/core/navigationsettings/", follow=True)
    assert navigation.status_code == 200
    assert b"Meta menu" in navigation.content
    site_settings = client.get("/admin/settings/core/sitesettings/", follow=True)
    assert site_settings.status_code == 200
    assert b"Donate url" in site_settings.content
