"""The public job board and the submitter's pages (plain Django views under /jobs/)."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.core.cache import add_surrogate_keys
from apps.jobs import services
from apps.jobs.forms import CommentForm, JobFilterForm, JobForm
from apps.jobs.models import TELECOMMUTE_SLUG, Job, JobCategory, JobHistory, JobType, TransitionNotAllowed
from apps.jobs.services import LOCATIONS_CACHE_KEY

JOBS_PER_PAGE = 20
LOCATION_CHOICES = 200  # the filter's drop-down lists the places with the most jobs
LOCATIONS_CACHE_SECONDS = 300


def message_response(request, status, title, text):
    """A page that says plainly why the request was refused."""
    return render(request, "jobs/message.html", {"title": title, "text": text}, status=status)


def can_moderate(user):
    return user.is_authenticated and user.has_perm("jobs.moderate_job")


def with_job_types(queryset):
    return queryset.prefetch_related(Prefetch("job_types", queryset=JobType.objects.only("id", "name", "slug")))


# Public pages


def location_choices():
    """The places for the location drop-down; a GROUP BY over every live job, so cached a few minutes."""
    return cache.get_or_set(
        LOCATIONS_CACHE_KEY, lambda: list(Job.objects.locations()[:LOCATION_CHOICES]), LOCATIONS_CACHE_SECONDS
    )


def live_jobs(prefix="jobs__"):
    """Job.objects.live() as a Q over a relation, for counting live jobs per type or category."""
    not_expired = Q(**{f"{prefix}expires__isnull": True}) | Q(**{f"{prefix}expires__gt": timezone.now()})
    return Q(**{f"{prefix}status": Job.Status.APPROVED}) & not_expired


@require_GET
def job_list(request, type_slug=None, category_slug=None, location_slug=None):
    """Live jobs, featured first; filters come from the path or the query string and combine."""
    form = JobFilterForm(request.GET)
    types = list(JobType.objects.active())
    categories = list(JobCategory.objects.active())
    context = {"types": types, "categories": categories, "form": form, "page_obj": None, "heading": _("Python Jobs"),
               "locations": location_choices()}  # fmt: skip
    if not form.is_valid():
        context["error"] = _("Those filters could not be read: %(errors)s") % {
            "errors": "; ".join(f"{name}: {' '.join(errs)}" for name, errs in form.errors.items())
        }
        return render(request, "jobs/job_list.html", context, status=400)

    filters = {**form.cleaned_data}
    filters["type"] = type_slug or filters["type"]
    filters["category"] = category_slug or filters["category"]
    if location_slug == TELECOMMUTE_SLUG:
        filters["remote"] = True
    elif location_slug:
        filters["location"] = location_slug

    # The listing shows no long text; leave it in the database.
    jobs = Job.objects.listed().defer("description", "requirements", "company_description")
    if filters["type"]:
        job_type = next((t for t in types if t.slug == filters["type"]), None)
        if job_type is None:
            context["error"] = _("There is no job type “%(slug)s”.") % {"slug": filters["type"]}
            return render(request, "jobs/job_list.html", context, status=404)
        jobs = jobs.filter(job_types=job_type)
        context["heading"] = _("%(type)s jobs") % {"type": job_type.name}
    if filters["category"]:
        category = next((c for c in categories if c.slug == filters["category"]), None)
        if category is None:
            context["error"] = _("There is no job category “%(slug)s”.") % {"slug": filters["category"]}
            return render(request, "jobs/job_list.html", context, status=404)
        jobs = jobs.filter(category=category)
        context["heading"] = _("%(category)s jobs") % {"category": category.name}
    if filters["location"]:
        jobs = jobs.filter(location_slug=filters["location"])
    if filters["remote"]:
        jobs = jobs.filter(telecommuting=True)
    if filters["q"]:
        jobs = jobs.search_text(filters["q"])

    paginator = Paginator(with_job_types(jobs), JOBS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger):
        context["error"] = _("There is no page %(page)s of these jobs; there are %(count)s.") % {
            "page": request.GET.get("page", "")[:20],
            "count": paginator.num_pages,
        }
        return render(request, "jobs/job_list.html", context, status=404)

    if filters["location"] and page_obj.object_list:
        context["heading"] = _("Jobs in %(place)s") % {"place": page_obj.object_list[0].display_location}
    elif filters["location"]:
        context["heading"] = _("Jobs in %(place)s") % {"place": filters["location"]}
    if location_slug == TELECOMMUTE_SLUG:
        context["heading"] = _("Remote jobs")
    # The query string without the page number, for pagination links that keep the filters.
    kept = {key: value for key, value in request.GET.items() if key != "page" and value}
    context.update(page_obj=page_obj, paginator=paginator, filters=filters, querystring=urlencode(kept))
    response = render(request, "jobs/job_list.html", context)
    return add_surrogate_keys(response, services.SURROGATE_KEY)


def taxonomy_index(request, model, title):
    labels = model.objects.active().annotate(count=Count("jobs", filter=live_jobs()))
    items = [(label.name, label.get_absolute_url(), label.count) for label in labels]
    return render(request, "jobs/job_index.html", {"title": title, "items": items})


@require_GET
def job_types(request):
    return taxonomy_index(request, JobType, _("Job types"))


@require_GET
def job_categories(request):
    return taxonomy_index(request, JobCategory, _("Job categories"))


@require_GET
def job_locations(request):
    items = [
        (", ".join(p for p in (row["city"], row["region"], row["country"]) if p),
         reverse("jobs:job_list_location", args=[row["location_slug"]]), row["count"])
        for row in Job.objects.locations()[:500]
    ]  # fmt: skip
    remote = Job.objects.live().filter(telecommuting=True).count()
    items.insert(0, (_("Remote (telecommute)"), reverse("jobs:job_list_telecommute"), remote))
    return render(request, "jobs/job_index.html", {"title": _("Job locations"), "items": items})


def visible_job(request, pk):
    """A live job for everyone; any state for its owner and for moderators; otherwise 404."""
    job = get_object_or_404(with_job_types(Job.objects.select_related("category", "creator")), pk=pk)
    user = request.user
    if job.is_live or (user.is_authenticated and (job.creator_id == user.pk or can_moderate(user))):
        return job
    raise Http404("No such job")


@require_GET
def job_detail(request, pk):
    job = visible_job(request, pk)
    context = {"job": job, "related_jobs": with_job_types(job.related_jobs())}
    if request.user.is_authenticated and job.creator_id == request.user.pk:
        context.update(owner=True, comments=job.review_comments.select_related("author"), comment_form=CommentForm())
    response = render(request, "jobs/job_detail.html", context)
    return add_surrogate_keys(response, services.SURROGATE_KEY, f"job-{job.pk}")


# The submitter's pages


def owned_job(request, pk):
    """The user's own job; someone else's id is a 404, as if it did not exist."""
    return get_object_or_404(with_job_types(Job.objects.select_related("category")), pk=pk, creator=request.user)


RATE_LIMIT_MESSAGE = _lazy("You have posted the most jobs allowed in one day. Please try again tomorrow.")
BACK_TO_REVIEW_MESSAGE = _lazy("Your changes were saved; the job is back in review until a moderator approves it.")


def refuse_bot(request):
    text = _("The form was filled in a way only automated scripts do. Nothing was saved.")
    return message_response(request, 400, _("Submission refused"), text)


def rate_limited(user):
    limit = getattr(settings, "JOBS_SUBMISSIONS_PER_DAY", 5)
    return Job.objects.filter(creator=user, created__gte=timezone.now() - timedelta(days=1)).count() >= limit


@login_required
@require_http_methods(["GET", "POST"])
def job_create(request):
    form = JobForm(request.POST or None)
    if request.method == "POST":
        if form.is_bot():
            return refuse_bot(request)
        if rate_limited(request.user):
            return message_response(request, 429, _("Too many jobs today"), RATE_LIMIT_MESSAGE)
        if form.is_valid():
            job = form.save(commit=False)
            job.creator = request.user
            job.save()
            form.save_m2m()
            JobHistory.objects.create(job=job, actor=request.user, action="created",
                                      from_status=job.status, to_status=job.status)  # fmt: skip
            messages.success(request, _("Your job was saved as a draft. Check the preview, then submit it for review."))
            return redirect("jobs:job_preview", pk=job.pk)
    status = 400 if form.is_bound else 200
    return render(request, "jobs/job_form.html", {"form": form, "job": None}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def job_edit(request, pk):
    job = owned_job(request, pk)
    if not job.is_editable:
        return message_response(request, 409, _("This job cannot be edited"),
                                _("A job that is %(status)s can no longer be edited.") % {
                                    "status": job.get_status_display().lower()})  # fmt: skip
    form = JobForm(request.POST or None, instance=job)
    if request.method == "POST":
        if form.is_bot():
            return refuse_bot(request)
        if form.is_valid():
            was_approved = job.status == Job.Status.APPROVED
            form.save()
            services.owner_edited(job, request.user)
            if was_approved:
                messages.info(request, BACK_TO_REVIEW_MESSAGE)
            else:
                messages.success(request, _("Your changes were saved."))
            return redirect("jobs:job_preview", pk=job.pk)
    status = 400 if form.is_bound else 200
    return render(request, "jobs/job_form.html", {"form": form, "job": job}, status=status)


@login_required
@require_GET
def job_preview(request, pk):
    job = owned_job(request, pk)
    context = {"job": job, "preview": True, "owner": True, "related_jobs": with_job_types(job.related_jobs()),
               "comments": job.review_comments.select_related("author"), "comment_form": CommentForm()}  # fmt: skip
    return render(request, "jobs/job_detail.html", context)


def transition_view(action, done_message):
    @login_required
    @require_POST
    def view(request, pk):
        job = owned_job(request, pk)
        try:
            action(job, request.user)
        except TransitionNotAllowed as refusal:
            return message_response(request, 409, _("Not possible"), str(refusal))
        messages.success(request, done_message)
        return redirect("jobs:my_jobs")

    return view


job_submit = transition_view(services.submit, _("Your job was submitted. You will get an email once it is reviewed."))
job_withdraw = transition_view(services.withdraw, _("Your job was withdrawn."))


@login_required
@require_http_methods(["GET", "POST"])
def job_renew(request, pk):
    job = owned_job(request, pk)
    if request.method == "GET":
        return render(request, "jobs/job_renew.html", {"job": job})
    if job.status == Job.Status.APPROVED and not job.can_renew:
        when = date_format(timezone.localtime(job.renewable_from), "j F Y")
        text = _("This job can be renewed from %(date)s, a week before it expires.") % {"date": when}
        return message_response(request, 409, _("Not yet"), text)
    try:
        services.renew(job, request.user)
    except TransitionNotAllowed as refusal:
        return message_response(request, 409, _("Not possible"), str(refusal))
    messages.success(request, _("Your job went back to the moderators; once approved it gets a new period."))
    return redirect("jobs:my_jobs")


@login_required
@require_POST
def job_comment(request, pk):
    job = owned_job(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return message_response(request, 400, _("Your reply was not sent"),
                                " ".join(" ".join(errors) for errors in form.errors.values()))  # fmt: skip
    services.add_comment(job, request.user, form.cleaned_data["body"], from_moderator=False)
    messages.success(request, _("Your reply was sent to the moderators."))
    return redirect("jobs:job_preview", pk=job.pk)


@login_required
@require_GET
def my_jobs(request):
    jobs = Job.objects.owned_by(request.user).select_related("category").order_by("-created")
    return render(request, "jobs/my_jobs.html", {"jobs": jobs})
