from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from apps.users.models import ApiCredential, Membership, User


class ApiCredentialCreateForm(WagtailAdminModelForm):
    class Meta:
        model = ApiCredential
        fields = ["user"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only active staff accounts without credentials can be given some.
        self.fields["user"].queryset = User.objects.filter(is_staff=True, is_active=True, api_credential=None)


class ApiCredentialRegenerateForm(WagtailAdminModelForm):
    BOTH, API_KEY, TOKEN = "both", "api_key", "token"
    regenerate = forms.ChoiceField(
        label=_("Regenerate"),
        choices=[(BOTH, _("API key and token")), (API_KEY, _("API key only")), (TOKEN, _("Token only"))],
        widget=forms.RadioSelect,
        initial=BOTH,
        help_text=_("The old value stops working at once. The new one is shown once; copy it now."),
    )

    class Meta:
        model = ApiCredential
        fields = []


def render_new_secrets(request, credential, secrets):
    """Show freshly generated secrets once; the page is never cached and they are not stored."""
    response = render(request, "users/admin/api_credential_secrets.html", {"credential": credential, **secrets})
    response["Cache-Control"] = "private, no-cache, no-store, max-age=0"
    return response


class ApiCredentialCreateView(CreateView):
    def save_action(self):
        secrets = {"api_key": self.object.regenerate_api_key(), "token": self.object.regenerate_token()}
        return render_new_secrets(self.request, self.object, secrets)


class ApiCredentialRegenerateView(EditView):
    def save_instance(self):
        return self.form.instance

    def save_action(self):
        choice = self.form.cleaned_data["regenerate"]
        secrets = {}
        if choice in (ApiCredentialRegenerateForm.BOTH, ApiCredentialRegenerateForm.API_KEY):
            secrets["api_key"] = self.object.regenerate_api_key()
        if choice in (ApiCredentialRegenerateForm.BOTH, ApiCredentialRegenerateForm.TOKEN):
            secrets["token"] = self.object.regenerate_token()
        return render_new_secrets(self.request, self.object, secrets)


class ApiCredentialViewSet(ModelViewSet):
    model = ApiCredential
    icon = "key"
    menu_label = _("API credentials")
    add_view_class = ApiCredentialCreateView
    edit_view_class = ApiCredentialRegenerateView
    list_display = ["user", "api_key_hint", "token_hint", "updated_at"]
    list_filter = ["user__groups"]
    search_fields = ["user__username", "user__email"]
    ordering = ["user__username"]

    def get_form_class(self, for_update=False):
        return ApiCredentialRegenerateForm if for_update else ApiCredentialCreateForm


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = _("PSF members")
    form_fields = [
        "user", "membership_type", "legal_name", "preferred_name", "email_address", "city", "region", "country",
        "postal_code", "psf_code_of_conduct", "psf_announcements", "votes", "last_vote_affirmation",
    ]  # fmt: skip
    list_display = ["preferred_name", "legal_name", "email_address", "membership_type", "votes", "created"]
    list_filter = ["membership_type", "votes", "psf_announcements", "country", "created", "last_vote_affirmation"]
    search_fields = ["legal_name", "preferred_name", "email_address", "user__username"]
    list_export = [
        "legal_name", "preferred_name", "email_address", "membership_type", "city", "region", "country",
        "postal_code", "psf_announcements", "votes", "last_vote_affirmation", "created",
    ]  # fmt: skip
    export_filename = "psf-members"
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Membership.objects.select_related("user")


class AccountsViewSetGroup(ViewSetGroup):
    menu_label = _("Accounts")
    menu_icon = "group"
    menu_order = 700
    items = (MembershipViewSet, ApiCredentialViewSet)


@hooks.register("register_admin_viewset")
def register_accounts_viewsets():
    return AccountsViewSetGroup()
