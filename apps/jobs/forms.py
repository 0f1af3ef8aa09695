import re

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from apps.jobs.models import Job, JobCategory, JobType

MAX_MARKDOWN_LENGTH = 10_000
# Markdown may hold some HTML; these never belong in a job ad and are refused rather than silently dropped.
UNSAFE_MARKUP = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|style|form|input|meta|link)\b|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:",
    re.IGNORECASE,
)
# Only web links: ftp: and other schemes Django accepts are no use to an applicant.
HTTP_URL = URLValidator(schemes=["http", "https"])


def refuse_unsafe_markup(value):
    if UNSAFE_MARKUP.search(value or ""):
        raise forms.ValidationError(
            _("Scripts, frames, forms and event handlers are not allowed; write plain Markdown."), code="unsafe"
        )


class MarkdownField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_MARKDOWN_LENGTH)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 10}))
        super().__init__(**kwargs)
        self.validators.append(refuse_unsafe_markup)


class JobForm(forms.ModelForm):
    """What a submitter fills in; the status and dates are the workflow's business."""

    company_description = MarkdownField(label=_("About the company"), required=False)
    description = MarkdownField(label=_("Job description"))
    requirements = MarkdownField(label=_("Requirements"))
    company_url = forms.URLField(label=_("Company website"), required=False, max_length=200, validators=[HTTP_URL])
    url = forms.URLField(label=_("Apply link"), required=False, max_length=200, validators=[HTTP_URL])
    category = forms.ModelChoiceField(queryset=JobCategory.objects.active())
    job_types = forms.ModelMultipleChoiceField(
        queryset=JobType.objects.active(), widget=forms.CheckboxSelectMultiple, required=False
    )
    # Hidden from people by CSS and aria-hidden; bots that fill every field give themselves away.
    fax_number = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = Job
        fields = [
            "job_title", "company_name", "company_description", "company_url", "category", "job_types",
            "other_job_type", "city", "region", "country", "telecommuting", "agencies", "description",
            "requirements", "contact", "email", "url",
        ]  # fmt: skip
        help_texts = {
            "description": _("Markdown: *emphasis*, **bold**, lists and links."),
            "requirements": _("Markdown."),
            "url": _("Where candidates apply; or leave it empty and they write to the contact email."),
        }

    def is_bot(self):
        return bool(self.data.get("fax_number"))

    def clean(self):
        cleaned = super().clean()
        for name in ("job_title", "company_name", "city", "country"):
            if name in cleaned and not (cleaned[name] or "").strip():
                self.add_error(name, _("This field is required."))
        return cleaned


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}), strip=True)


class ModerationForm(forms.Form):
    comment = forms.CharField(label=_("Comment or reason"), required=False, max_length=5000, widget=forms.Textarea)


class JobFilterForm(forms.Form):
    """The /jobs/ filters, read from the query string so every combination is a shareable URL."""

    q = forms.CharField(required=False, max_length=200, label=_("Search jobs"))
    type = forms.SlugField(required=False, max_length=60, label=_("Job type"))
    category = forms.SlugField(required=False, max_length=60)
    location = forms.SlugField(required=False, max_length=350)
    remote = forms.BooleanField(required=False, label=_("Remote work possible"))
