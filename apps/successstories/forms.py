from django import forms
from django.utils.translation import gettext_lazy as _

from apps.successstories.models import StoryCategory

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_BODY_CHARS = 20_000


class StorySubmissionForm(forms.Form):
    title = forms.CharField(label=_("Story title"), max_length=200)
    company_name = forms.CharField(label=_("Company or organisation"), max_length=200)
    company_url = forms.URLField(label=_("Company website"), max_length=500, required=False, assume_scheme="https")
    category = forms.ModelChoiceField(label=_("Category"), queryset=StoryCategory.objects.all(), empty_label=None)
    author = forms.CharField(label=_("Author"), max_length=200, help_text=_("Your name as it should appear."))
    pull_quote = forms.CharField(
        label=_("Pull quote"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences that sum up the story."),
    )  # fmt: skip
    body = forms.CharField(
        label=_("Story"), max_length=MAX_BODY_CHARS, widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Markdown. How does your organisation use Python, and what did it bring you?"),
    )  # fmt: skip
    image = forms.ImageField(
        label=_("Image"), required=False, help_text=_("Optional: a PNG, JPEG or WebP picture of at most 2 MB.")
    )
    # Hidden from people by CSS and aria-hidden; bots fill every field.
    nickname = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image is None:
            return None
        if image.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(_("The image is larger than 2 MB; please send a smaller one."))
        if getattr(image, "image", None) is not None and image.image.format not in ("PNG", "JPEG", "WEBP"):
            raise forms.ValidationError(_("Send a PNG, JPEG or WebP image."))
        return image

    def is_spam(self):
        return bool(self.data.get("nickname"))
