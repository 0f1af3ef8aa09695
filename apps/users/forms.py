from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from apps.users.models import BIO_MAX_LENGTH, Membership, User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "bio", "email_privacy", "search_visibility"]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 8, "maxlength": BIO_MAX_LENGTH}),
            "email_privacy": forms.RadioSelect,
            "search_visibility": forms.RadioSelect,
        }


class MembershipForm(forms.ModelForm):
    """What a Basic member fills in; the membership type and voting status are set elsewhere."""

    class Meta:
        model = Membership
        fields = [
            "legal_name", "preferred_name", "email_address", "city", "region", "country", "postal_code",
            "psf_code_of_conduct", "psf_announcements",
        ]  # fmt: skip

    def clean_psf_code_of_conduct(self):
        accepted = self.cleaned_data.get("psf_code_of_conduct")
        if not accepted:
            raise forms.ValidationError(_("Members must agree to the PSF Code of Conduct."))
        return accepted


class VoteAffirmationForm(forms.Form):
    AFFIRM, WITHDRAW = "affirm", "withdraw"
    choice = forms.ChoiceField(
        label=_("Your voting intention"),
        widget=forms.RadioSelect,
        choices=[
            (AFFIRM, _("I intend to vote in PSF elections this year.")),
            (WITHDRAW, _("I do not intend to vote; please stop counting me towards quorum.")),
        ],
    )


class DeleteAccountForm(forms.Form):
    confirm_username = forms.CharField(
        label=_("Type your username to confirm"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_username(self):
        value = self.cleaned_data["confirm_username"]
        if value != self.user.username:
            raise forms.ValidationError(_("That is not your username; nothing was deleted."))
        return value


class SignupForm(allauth_forms.SignupForm):
    """allauth's sign-up form with an accessible honeypot: named for screen readers, no inline style
    (the CSP refuses it; site.css moves the field off screen), and no invalid ``autocomplete`` value."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        honeypot = self.fields.get(getattr(settings, "ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD", "") or "")
        if honeypot is not None:
            honeypot.widget.attrs.pop("style", None)
            honeypot.widget.attrs.update(
                {"autocomplete": "off", "tabindex": "-1", "aria-label": _("Leave this field empty")}
            )
