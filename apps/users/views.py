from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from apps.core.cache import add_surrogate_keys, purge_surrogate_keys
from apps.mailing.emails import send_templated_email
from apps.users.forms import DeleteAccountForm, MembershipForm, ProfileForm, VoteAffirmationForm
from apps.users.menu import account_menu_links
from apps.users.models import Membership, MembershipSettings, User


def profile_surrogate_key(user):
    return f"user-{user.pk}"


@never_cache
@require_GET
def account_menu(request):
    """The per-user header fragment, fetched by site.js so cached pages stay anonymous."""
    links = account_menu_links() if request.user.is_authenticated else []
    response = render(request, "users/account_menu.html", {"links": links})
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def profile(request, username):
    user = get_object_or_404(User, username=username, is_active=True)
    context = {"profile_user": user, "show_email": user.email_visible_to(request.user)}
    response = render(request, "users/profile.html", context)
    if not user.is_indexable:
        response["X-Robots-Tag"] = "noindex"
    return add_surrogate_keys(response, "users", profile_surrogate_key(user))


@never_cache
@login_required
def my_profile(request):
    return redirect(request.user.get_absolute_url())


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            purge_surrogate_keys(profile_surrogate_key(request.user))
            messages.success(request, _("Your profile has been updated."))
            return redirect(request.user.get_absolute_url())
        messages.error(request, _("Please correct the errors below; nothing was saved."))
    return render(request, "users/profile_edit.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            if user.email:
                send_templated_email("account-deleted", [user.email], {"username": user.username})
            user.anonymise()
            purge_surrogate_keys(profile_surrogate_key(user))
            logout(request)
            messages.success(request, _("Your account has been deleted."))
            return redirect("/")
        return render(request, "users/account_delete.html", {"form": form}, status=400)
    return render(request, "users/account_delete.html", {"form": form})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def membership(request):
    """Status of the user's PSF membership, or the form to become a Basic member."""
    current = Membership.objects.filter(user=request.user).first()
    if current is not None:
        return render(request, "users/membership_detail.html", {"membership": current})
    initial = {"preferred_name": request.user.get_full_name(), "email_address": request.user.email}
    form = MembershipForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            form.instance.user = request.user
            created = form.save()
            send_templated_email(
                "membership-welcome",
                [created.email_address],
                {"membership": created, "name": created.preferred_name, "membership_url": _absolute(request)},
            )
            messages.success(request, _("Welcome to the Python Software Foundation!"))
            return redirect("users:membership")
        messages.error(request, _("Please correct the errors below; you are not a member yet."))
    return render(
        request, "users/membership_form.html", {"form": form, "joining": True}, status=400 if form.errors else 200
    )


def _absolute(request):
    return request.build_absolute_uri(reverse("users:membership"))


def _own_membership(request):
    current = Membership.objects.filter(user=request.user).first()
    if current is None:
        messages.info(request, _("You are not a PSF member yet."))
    return current


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def membership_edit(request):
    current = _own_membership(request)
    if current is None:
        return redirect("users:membership")
    form = MembershipForm(request.POST or None, instance=current)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Your membership details have been updated."))
            return redirect("users:membership")
        messages.error(request, _("Please correct the errors below; nothing was saved."))
    return render(request, "users/membership_form.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def membership_cancel(request):
    current = _own_membership(request)
    if current is None:
        return redirect("users:membership")
    if request.method == "POST":
        email, name = current.email_address, current.preferred_name
        current.delete()
        send_templated_email("membership-cancelled", [email], {"name": name, "membership_url": _absolute(request)})
        messages.success(request, _("Your PSF membership has been cancelled."))
        return redirect("users:membership")
    return render(request, "users/membership_cancel.html", {"membership": current})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def membership_affirm_vote(request):
    current = _own_membership(request)
    if current is None:
        return redirect("users:membership")
    if not current.is_voting_eligible:
        messages.error(request, _("Basic members do not vote in PSF elections."))
        return render(request, "users/membership_detail.html", {"membership": current}, status=403)
    form = VoteAffirmationForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            if form.cleaned_data["choice"] == VoteAffirmationForm.AFFIRM:
                current.affirm_vote()
                messages.success(request, _("Thank you: your intention to vote is recorded for this year."))
            else:
                current.withdraw_vote()
                messages.success(request, _("You are no longer counted as a voting member."))
            return redirect("users:membership")
        return render(request, "users/membership_affirm.html", {"form": form, "membership": current}, status=400)
    return render(request, "users/membership_affirm.html", {"form": form, "membership": current})


@require_GET
def membership_landing(request):
    """The public /membership/ page; staff switch it off under Settings › PSF membership page."""
    membership_settings = MembershipSettings.load(request_or_site=request)
    if not membership_settings.landing_page_enabled:
        raise Http404(_("The membership page is not available."))
    response = render(request, "users/membership_landing.html", {"membership_settings": membership_settings})
    return add_surrogate_keys(response, "membership")
