from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from apps.nominations.models import Nomination, statement_max_length

COMMON_FIELDS = ("name", "email")
CLOSING_FIELDS = ("statement", "coc_acknowledged")


class NominationForm(forms.ModelForm):
    """The nomination form; which questions it asks depends on the election kind."""

    coc_acknowledged = forms.BooleanField(
        label=_("I have read the PSF Code of Conduct, and the nominee agrees to abide by it."),
        required=True,
        error_messages={"required": _("Nominations must acknowledge the PSF Code of Conduct.")},
    )

    class Meta:
        model = Nomination
        fields = [
            "name", "email", "previous_board_service", "employer", "other_affiliations", "statement",
            "mission_alignment", "eligibility_confirmed", "coc_acknowledged",
        ]  # fmt: skip
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 14, "data-statement-preview": ""}),
            "mission_alignment": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, election, **kwargs):
        super().__init__(*args, **kwargs)
        self.election = election
        wanted = (*COMMON_FIELDS, *election.kind.fields, *CLOSING_FIELDS)
        for name in list(self.fields):
            if name not in wanted:
                del self.fields[name]
        self.order_fields(wanted)
        limit = statement_max_length()
        self.fields["statement"].widget.attrs["maxlength"] = limit
        self.fields["statement"].help_text = _(
            "Markdown, at most %(limit)s characters. Why this person should serve; public once approved "
            "and nominations close."
        ) % {"limit": limit}
        if "eligibility_confirmed" in self.fields:
            self.fields["eligibility_confirmed"].required = True
            self.fields["eligibility_confirmed"].label = _("I confirm the nominee meets the eligibility rules above.")
            self.fields["eligibility_confirmed"].error_messages["required"] = _(
                "Confirm that the nominee is eligible for this election."
            )
        if "mission_alignment" in self.fields:
            self.fields["mission_alignment"].required = True
        if self.instance.pk:
            # Who is nominated does not change once the nominee has been asked.
            self.fields["name"].disabled = True
            self.fields["email"].disabled = True

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if not self.instance.pk:
            duplicate = Nomination.objects.filter(
                election=self.election, email=email, nominator=getattr(self, "nominator", None)
            )
            if duplicate.exists():
                raise forms.ValidationError(_("You have already nominated this person in this election."))
        return email


class StatementPreviewForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statement"] = forms.CharField(required=False, max_length=statement_max_length())


class ReviewForm(forms.Form):
    note = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Note to the nominee and nominator (optional; included in the email)"),
    )


class NominationAdminForm(WagtailAdminModelForm):
    """Staff add a nomination for an election and an address; once made, both stay (the nominee is that person)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["election"].disabled = True
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _("The nominee's address; change it on the nominee.")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class NomineeAdminForm(WagtailAdminModelForm):
    """The election stays fixed once the nominee exists; address and slug are unique within it (checked here)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["election"].disabled = True

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
