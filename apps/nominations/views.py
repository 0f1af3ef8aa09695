"""Elections and nominations on the public site (plain Django views under /nominations/).

Visibility: a nomination or nominee is public once the nominee accepted, staff approved, and the
nomination window closed (``Nomination.objects.public()``); before that only staff, the nominator and
the nominee see it (``visible_to``). Anonymous pages carry the election's surrogate key, purged on change.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.core.cache import add_surrogate_keys, cache_no_longer_than
from apps.core.markup import render_markdown
from apps.nominations import services
from apps.nominations.forms import NominationForm, StatementPreviewForm
from apps.nominations.models import (
    Acceptance,
    Election,
    ElectionKind,
    Nomination,
    Nominee,
    TransitionNotAllowed,
    can_review,
    shuffled,
    verified_emails,
)
from apps.nominations.signals import SURROGATE_KEY


def message_response(request, status, title, text, election=None):
    """A page that says plainly why the request was refused; nothing was changed."""
    context = {"title": title, "text": text, "election": election}
    return render(request, "nominations/message.html", context, status=status)


def cached(response, election=None, elections=()):
    """Tag the response with the election's key; a shared cache keeps it no later than the next stage change
    (nominations opening or closing changes what the pages show, with no save to purge them)."""
    keys = [SURROGATE_KEY] + ([election.surrogate_key] if election else [])
    now = timezone.now()
    changes = [e.next_change(now) for e in ([election] if election else elections)]
    if changes := [change for change in changes if change]:
        cache_no_longer_than(response, (min(changes) - now).total_seconds())
    return add_surrogate_keys(response, *keys)


def get_election(slug):
    return get_object_or_404(Election.objects.with_kind(), slug=slug)


# Public pages


@require_GET
def kind_styles(request):
    """Each election kind's accent colour as a CSS class (the site's CSP allows no inline styles)."""
    rules = [
        f".election-kind-{slug} {{ --accent: {colour}; }}"
        for slug, colour in ElectionKind.objects.values_list("slug", "accent_colour")
    ]
    return cached(HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8"))


@require_GET
def election_list(request):
    elections = list(Election.objects.with_kind())
    now = timezone.now()
    groups = [
        (_("Open for nominations"), [e for e in elections if e.status(now) == "open"]),
        (
            _("Coming up"),
            sorted((e for e in elections if e.status(now) == "upcoming"), key=lambda e: e.nominations_open_at),
        ),
        (_("Nominations closed"), [e for e in elections if e.status(now) in ("closed", "voting", "finished")]),
    ]
    response = render(request, "nominations/election_list.html", {"groups": groups, "now": now})
    return cached(response, elections=elections)


@require_GET
def election_legacy(request, slug):
    """python.org's older singular path: answer with the election's address."""
    return redirect(get_election(slug).get_absolute_url(), permanent=True)


def nominees_with_counts(election, user):
    """Nominees ``user`` may see, each with the number of nominations ``user`` may see."""
    visible = Nomination.objects.visible_to(user).filter(election=election)
    return (
        Nominee.objects.visible_to(user)
        .filter(election=election)
        .annotate(nomination_count=Count("nominations", filter=Q(nominations__in=visible.values("pk")), distinct=True))
        .filter(nomination_count__gt=0)
        .only("id", "name", "slug", "review", "election_id")
    )


@require_GET
def election_detail(request, slug):
    election = get_election(slug)
    user = request.user
    nominees = shuffled(nominees_with_counts(election, user))
    context = {
        "election": election,
        "nominees": nominees,
        "staff": can_review(user),
        "public_list": election.nominations_closed(),
    }
    if user.is_authenticated:
        context["my_nominations"] = list(
            Nomination.objects.filter(election=election).filter(Q(nominator=user) | Q(email__in=verified_emails(user)))
            .select_related("nominee").order_by("-created")
        )  # fmt: skip
    return cached(render(request, "nominations/election_detail.html", context), election)


@require_GET
def nominee_list(request, slug):
    election = get_election(slug)
    nominees = shuffled(nominees_with_counts(election, request.user))
    context = {"election": election, "nominees": nominees, "staff": can_review(request.user)}
    return cached(render(request, "nominations/nominee_list.html", context), election)


@require_GET
def nominee_detail(request, slug, nominee_slug):
    election = get_election(slug)
    user = request.user
    visible = (
        Nomination.objects.visible_to(user).filter(election=election).select_related("nominator").order_by("created")
    )
    nominee = (
        Nominee.objects.visible_to(user)
        .filter(election=election, slug=nominee_slug)
        .prefetch_related(Prefetch("nominations", queryset=visible, to_attr="visible_nominations"))
        .first()
    )
    if nominee is None or not nominee.visible_nominations:
        raise Http404(_("No such nominee in this election."))
    nominee.election = election
    for nomination in nominee.visible_nominations:  # the template reads both; no query per nomination
        nomination.nominee, nomination.election = nominee, election
    context = {"election": election, "nominee": nominee, "nominations": nominee.visible_nominations,
               "staff": can_review(user)}  # fmt: skip
    return cached(render(request, "nominations/nominee_detail.html", context), election)


def visible_nomination(request, pk):
    nomination = get_object_or_404(
        Nomination.objects.visible_to(request.user).select_related("election__kind", "nominee", "nominator"), pk=pk
    )
    return nomination


@require_GET
def nomination_detail(request, pk):
    nomination = visible_nomination(request, pk)
    context = {
        "nomination": nomination,
        "election": nomination.election,
        "can_edit": nomination.can_edit(request.user),
        "is_nominee": nomination.is_nominee(request.user),
        "staff": can_review(request.user),
    }
    return cached(render(request, "nominations/nomination_detail.html", context), nomination.election)


# Signed-in members


def closed_message(request, election):
    if election.nominations_not_yet_open():
        text = _("Nominations for %(election)s are not open yet. %(status)s.")
    else:
        text = _("Nominations for %(election)s are closed. %(status)s.")
    return message_response(
        request, 403, _("Nominations are not open"), text % {"election": election, "status": election.status_text()},
        election,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def nomination_create(request, slug):
    election = get_election(slug)
    if not election.nominations_open():
        return closed_message(request, election)
    form = NominationForm(request.POST or None, election=election)
    form.nominator = request.user
    if request.method == "POST" and form.is_valid():
        nomination = form.save(commit=False)
        nomination.election = election
        services.create(nomination, request.user)
        if nomination.acceptance == Acceptance.ACCEPTED:
            messages.success(request, _("Your self-nomination is recorded and accepted; PSF staff will review it."))
        else:
            messages.success(request, _("Thank you. %(name)s has been emailed and asked to accept the nomination.")
                             % {"name": nomination.name})  # fmt: skip
        return redirect(nomination.get_absolute_url())
    status = 400 if form.errors else 200
    return render(request, "nominations/nomination_form.html", {"form": form, "election": election}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def nomination_edit(request, pk):
    nomination = visible_nomination(request, pk)
    election = nomination.election
    if not (nomination.nominator_id == request.user.pk or nomination.is_nominee(request.user)):
        return message_response(request, 403, _("Not your nomination"),
                                _("Only the nominator and the nominee can edit a nomination."), election)  # fmt: skip
    if not election.nominations_open():
        return closed_message(request, election)
    form = NominationForm(request.POST or None, instance=nomination, election=election)
    if request.method == "POST" and form.is_valid():
        nomination = form.save(commit=False)
        nomination.edited()
        nomination.save()
        messages.success(request, _("Your changes were saved."))
        return redirect(nomination.get_absolute_url())
    status = 400 if form.errors else 200
    context = {"form": form, "election": election, "nomination": nomination}
    return render(request, "nominations/nomination_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def nomination_accept(request, pk):
    nomination = get_object_or_404(Nomination.objects.select_related("election__kind", "nominee", "nominator"), pk=pk)
    election = nomination.election
    if not nomination.is_nominee(request.user):
        text = _(
            "This nomination was sent to another email address. Sign in with the account that has that address "
            "verified, or add and verify it under Email addresses in your account."
        )
        return message_response(request, 403, _("This nomination is for someone else"), text, election)
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer not in ("accept", "decline"):
            return message_response(request, 400, _("No answer given"), _("Choose to accept or decline."), election)
        try:
            (services.accept if answer == "accept" else services.decline)(nomination, request.user)
        except TransitionNotAllowed as refusal:
            return message_response(request, 409 if election.nominations_open() else 403,
                                    _("Nothing changed"), str(refusal), election)  # fmt: skip
        if answer == "accept":
            messages.success(request, _("You accepted the nomination. PSF staff will review it."))
        else:
            messages.success(request, _("You declined the nomination; the nominator has been told."))
        return redirect(nomination.get_absolute_url())
    context = {"nomination": nomination, "election": election, "open": election.nominations_open()}
    return render(request, "nominations/nomination_accept.html", context)


@login_required
@require_GET
def my_nominations(request):
    nominations = Nomination.objects.select_related("election__kind", "nominee").order_by("-created")
    context = {
        "made": nominations.made_by(request.user),
        "received": nominations.received_by(request.user),
    }
    return render(request, "nominations/my_nominations.html", context)


def preview_rate_limited(request):
    """At most NOMINATIONS_PREVIEWS_PER_MINUTE previews per account (or address, signed out) a minute."""
    from allauth.account.adapter import get_adapter

    # The client's address as allauth reads it behind the proxies (ALLAUTH_TRUSTED_PROXY_COUNT).
    who = f"user-{request.user.pk}" if request.user.is_authenticated else f"ip-{get_adapter().get_client_ip(request)}"
    key = f"nominations:preview:{who}:{int(timezone.now().timestamp() // 60)}"
    cache.add(key, 0, 90)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    return count > getattr(settings, "NOMINATIONS_PREVIEWS_PER_MINUTE", 30)


@require_POST
def statement_preview(request):
    """The statement as it will be shown: rendered Markdown, sanitised (script and handlers removed)."""
    if preview_rate_limited(request):
        return JsonResponse({"error": _("Too many previews; wait a minute and try again.")}, status=429)
    form = StatementPreviewForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": " ".join(form.errors["statement"])}, status=400)
    return JsonResponse({"html": str(render_markdown(form.cleaned_data["statement"]))})
