from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from apps.mailing.models import EmailLog, EmailTemplate


class EmailTemplateViewSet(ModelViewSet):
    model = EmailTemplate
    icon = "mail"
    form_fields = ["key", "description", "subject", "body", "is_active"]
    list_display = ["key", "subject", "is_active", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["key", "subject", "description"]
    list_export = ["key", "subject", "body", "is_active"]


class EmailLogViewSet(ModelViewSet):
    model = EmailLog
    icon = "list-ul"
    form_fields = ["template_key", "to", "subject", "body", "status", "error"]
    list_display = ["created_at", "to", "subject", "template_key", "status"]
    list_filter = ["status", "template_key"]
    search_fields = ["to", "subject"]
    list_export = ["created_at", "to", "subject", "template_key", "status"]
    inspect_view_enabled = True


class MailingViewSetGroup(ViewSetGroup):
    menu_label = "Email"
    menu_icon = "mail"
    menu_order = 800
    items = (EmailTemplateViewSet, EmailLogViewSet)


@hooks.register("register_admin_viewset")
def register_mailing_viewsets():
    return MailingViewSetGroup()
