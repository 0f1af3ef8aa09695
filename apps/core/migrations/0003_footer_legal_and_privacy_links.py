import django.db.models.deletion
from django.db import migrations, models

OLD_SUFFIX = " Legal Statements Privacy Notice"


def drop_link_words(apps, schema_editor):
    """The footer text used to end with the two link labels as plain words; they are links now."""
    SiteSettings = apps.get_model("core", "SiteSettings")
    for settings in SiteSettings.objects.filter(footer_text__endswith=OLD_SUFFIX):
        settings.footer_text = settings.footer_text.removesuffix(OLD_SUFFIX).replace(". Python", " Python")
        settings.save(update_fields=["footer_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_rss_url_blank"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sitesettings",
            name="footer_text",
            field=models.TextField(blank=True, default="Copyright ©2001-2026 Python Software Foundation"),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="legal_page",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                to="wagtailcore.page", verbose_name="legal statements page",
            ),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="privacy_page",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                to="wagtailcore.page", verbose_name="privacy notice page",
            ),
        ),
        migrations.RunPython(drop_link_words, migrations.RunPython.noop),
    ]
