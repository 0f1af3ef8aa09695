from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from apps.successstories import services
from apps.successstories.forms import StorySubmissionForm


def submit_story(request, index):
    """/success-stories/create/: signed-in visitors send a story; it waits for a moderator as a draft."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    template = "successstories/story_form.html"
    context = {"page": index, "self": index}
    if request.method not in ("GET", "POST"):
        return TemplateResponse(request, template, {**context, "form": StorySubmissionForm()}, status=405)
    if request.method == "GET":
        return TemplateResponse(request, template, {**context, "form": StorySubmissionForm()})
    if services.over_rate_limit(request.user):
        context.update(
            form=StorySubmissionForm(), error=_("You have sent several stories today; please try again tomorrow.")
        )
        return TemplateResponse(request, template, context, status=429)
    form = StorySubmissionForm(request.POST, request.FILES)
    if form.is_spam():
        context.update(form=StorySubmissionForm(), error=_("Your story could not be accepted."))
        return TemplateResponse(request, template, context, status=400)
    if not form.is_valid():
        context.update(form=form, error=_("Please correct the errors below; nothing was saved."))
        return TemplateResponse(request, template, context, status=400)
    story = services.submit_story(index, request.user, form.cleaned_data, form.cleaned_data.get("image"))
    return TemplateResponse(request, "successstories/story_submitted.html", {**context, "story": story})
