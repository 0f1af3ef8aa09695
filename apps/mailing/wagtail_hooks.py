from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from apps.mailing.emails import resend
from apps.mailing.models import EmailLog, EmailTemplate


class EmailLogPolicy(ModelPermissionPolicy):
    """The log is a record: staff do not add or edit rows (superusers keep every power); failed sends are
    resent with the Resend action."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "copy") and not user.is_superuser:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(EmailLog, EmailLogPolicy(EmailLog))


class EmailTemplateViewSet(SnippetViewSet):
    """Edit with a live preview (example context in the panel beside the form); syntax checked on save."""

    model = EmailTemplate
    icon = "mail"
    menu_label = gettext_lazy("Email templates")
    list_display = ["key", "subject", "description", "is_active", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["key", "subject", "description", "body"]
    search_backend_name = None
    list_export = ["key", "subject", "body", "is_active"]
    copy_view_enabled = True


class EmailLogIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.can_resend and self.request.user.has_perm("mailing.resend_emaillog"):
            url = reverse("mailing_admin:resend", args=[instance.pk])
            buttons.insert(0, ListingButton(_("Resend"), url=url, icon_name="repeat", priority=1))
        return buttons


class EmailLogViewSet(SnippetViewSet):
    """Every send: searchable by recipient, subject, template and error; failed sends can be resent."""

    model = EmailLog
    icon = "list-ul"
    menu_label = gettext_lazy("Email log")
    index_view_class = EmailLogIndexView
    list_display = ["created_at", "to", "subject", "template_key", "status", "attempts"]
    list_filter = ["status", "template_key", "created_at"]
    search_fields = ["to", "subject", "template_key", "error"]
    search_backend_name = None
    list_export = ["created_at", "to", "subject", "template_key", "status", "attempts", "error", "sent_at"]
    inspect_view_enabled = True
    inspect_view_fields = ["created_at", "sent_at", "to", "reply_to", "template_key", "status", "attempts", "error",
                           "subject", "body", "attachments"]  # fmt: skip
    copy_view_enabled = False


class MailingViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Email")
    menu_icon = "mail"
    menu_order = 800
    items = (EmailTemplateViewSet, EmailLogViewSet)


class ResendView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then queue a failed email again (same recipients, subject and body)."""

    template_name = "mailing/admin/resend.html"
    header_icon = "mail"
    page_title = gettext_lazy("Resend email")

    def dispatch(self, request, pk):
        if not request.user.has_perm("mailing.resend_emaillog"):
            raise PermissionDenied
        self.log = get_object_or_404(EmailLog, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.log)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "log": self.log,
                "list_url": reverse("wagtailsnippets_mailing_emaillog:list") + "?status=failed"}  # fmt: skip

    def post(self, request, pk):
        if not self.log.can_resend:
            messages.error(request, _("Only a failed email with recipients and content can be resent."))
        else:
            resend(self.log)
            self.log.refresh_from_db()
            messages.success(request, _("Email to %(to)s queued again: now %(status)s.")
                             % {"to": self.log.to, "status": self.log.get_status_display().lower()})  # fmt: skip
        return redirect(reverse("wagtailsnippets_mailing_emaillog:list") + "?status=failed")


@hooks.register("register_admin_urls")
def register_mailing_admin_urls():
    urls = [path("<int:pk>/resend/", ResendView.as_view(), name="resend")]
    return [path("email-log/", include((urls, "mailing_admin")))]


@hooks.register("register_admin_viewset")
def register_mailing_viewsets():
    return MailingViewSetGroup()
