from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from apps.sponsors import validators
from apps.sponsors.models import Contract, FeatureKind, Sponsor, SponsorAsset, SponsorContact, SponsorshipPackage

SPONSOR_FIELDS = [
    "name", "description", "landing_page_url", "twitter_handle", "linked_in_page_url", "web_logo", "white_logo",
    "print_logo", "primary_phone", "mailing_address_line_1", "mailing_address_line_2", "city", "state", "postal_code",
    "country", "country_of_incorporation", "state_of_incorporation",
]  # fmt: skip


class BenefitSelectionForm(forms.Form):
    """Step 1: a package (optional) and the benefits; the rules live in ``ProgramConfiguration.validate``."""

    package = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    benefits = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, configuration, **kwargs):
        super().__init__(*args, **kwargs)
        self.configuration = configuration
        self.fields["package"].choices = [("", _("No package"))] + [(p.pk, p.name) for p in configuration.packages]
        self.fields["benefits"].choices = [(b.pk, b.name) for b in configuration.benefits]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        package, benefits, modified = self.configuration.validate(data.get("package"), data.get("benefits") or [])
        data.update(package_obj=package, benefit_objs=benefits, modified=modified)
        return data


# What applicants type: a brief public description, and text assets whose benefit sets no length of its own.
DESCRIPTION_MAX_LENGTH = 2000
TEXT_ASSET_MAX_LENGTH = 10_000


class SponsorForm(forms.ModelForm):
    class Meta:
        model = Sponsor
        fields = SPONSOR_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 3, "maxlength": DESCRIPTION_MAX_LENGTH})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields["description"]
        description.max_length = DESCRIPTION_MAX_LENGTH
        description.validators.append(MaxLengthValidator(DESCRIPTION_MAX_LENGTH))


class ContactForm(forms.ModelForm):
    class Meta:
        model = SponsorContact
        fields = ["name", "email", "phone", "primary", "administrative", "accounting", "manager"]


class BaseContactFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        live = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        primaries = [f for f in live if f.cleaned_data.get("primary")]
        if not primaries:
            raise ValidationError(_("Name a primary contact: the person who signs the contract."))
        if len(primaries) > 1:
            raise ValidationError(_("Only one contact can be the primary contact."))


ContactFormSet = inlineformset_factory(
    Sponsor, SponsorContact, form=ContactForm, formset=BaseContactFormSet, extra=2, min_num=1, validate_min=True,
    can_delete=False,
)  # fmt: skip


class ExistingSponsorForm(forms.Form):
    sponsor = forms.ModelChoiceField(queryset=Sponsor.objects.none(), required=False,
                                     empty_label=_("A new sponsor (fill in the form below)"))  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sponsor"].queryset = Sponsor.objects.filter(contacts__user=user).distinct()


class AssetForm(forms.Form):
    """One field per required asset of a sponsorship, validated against its configuration."""

    def __init__(self, *args, features, assets, **kwargs):
        super().__init__(*args, **kwargs)
        self.features = {f.internal_name: f for f in features}
        for name, feature in self.features.items():
            current = assets.get(name)
            common = {"label": feature.label, "help_text": feature.help_text, "required": False}
            if feature.kind == FeatureKind.REQUIRED_IMAGE:
                self.fields[name] = forms.FileField(**common)
            elif feature.kind == FeatureKind.REQUIRED_TEXT:
                self.fields[name] = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 4}), max_length=feature.max_length or TEXT_ASSET_MAX_LENGTH,
                    initial=current.text if current else "", **common,
                )  # fmt: skip
            elif feature.kind == FeatureKind.REQUIRED_RESPONSE:
                self.fields[name] = forms.ChoiceField(
                    choices=[("", "—"), *SponsorAsset.Response.choices], widget=forms.RadioSelect,
                    initial=current.response if current else "", **common,
                )  # fmt: skip

    def clean(self):
        data = super().clean()
        for name, feature in self.features.items():
            upload = data.get(name)
            if feature.kind == FeatureKind.REQUIRED_IMAGE and upload:
                try:
                    validators.validate_image_dimensions(upload, feature.min_width, feature.max_width,
                                                         feature.min_height, feature.max_height)  # fmt: skip
                except ValidationError as error:
                    self.add_error(name, error)
        return data


class ApproveForm(forms.Form):
    start_date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    end_date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    package = forms.ModelChoiceField(queryset=SponsorshipPackage.objects.none(), required=False)
    sponsorship_fee = forms.IntegerField(min_value=0, required=False, help_text=_("In US dollars."))
    renewal = forms.BooleanField(required=False, help_text=_("Use the renewal wording in the contract."))

    def __init__(self, *args, sponsorship, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["package"].queryset = SponsorshipPackage.objects.for_year(sponsorship.year)

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            raise ValidationError(_("The end date must be after the start date."))
        return data


class SignedContractApproveForm(ApproveForm):
    signed_contract = forms.FileField(validators=[validators.validate_signed_contract],
                                      help_text=_("The contract as signed by both parties (PDF)."))  # fmt: skip


class ExecuteContractForm(forms.Form):
    signed_document = forms.FileField(validators=[validators.validate_signed_contract],
                                      help_text=_("The contract as signed by both parties (PDF)."))  # fmt: skip


class ContractForm(forms.ModelForm):
    class Meta:
        model = Contract
        fields = ["sponsor_info", "sponsor_contact", "benefits_list", "legal_clauses"]


class NotificationForm(forms.Form):
    template = forms.ModelChoiceField(queryset=None, help_text=_("Email templates whose key starts with "
                                                                 "sponsors-notification-."))  # fmt: skip
    contact_types = forms.MultipleChoiceField(
        choices=[(t, t.title()) for t in SponsorContact.CONTACT_TYPES], widget=forms.CheckboxSelectMultiple,
        initial=["primary"],
    )  # fmt: skip

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates


class CloneYearForm(forms.Form):
    from_year = forms.IntegerField(min_value=2020, max_value=2100)
    to_year = forms.IntegerField(min_value=2020, max_value=2100)
