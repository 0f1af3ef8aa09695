"""Staff screens in the Wagtail admin: the review page of a sponsorship and its actions, contract documents,
notifications, the assets ZIP export and cloning a year.

Every action is a POST checked against ``sponsors.review_sponsorship``; a refused transition or bad input
re-renders the review page with the reason and status 400, having changed nothing.
"""

import io
import zipfile
from pathlib import PurePosixPath

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.sponsors import contracts, services
from apps.sponsors.filters import AssetFilterSet
from apps.sponsors.forms import (
    ApproveForm,
    CloneYearForm,
    ContractForm,
    ExecuteContractForm,
    NotificationForm,
    SignedContractApproveForm,
)
from apps.sponsors.models import (
    BenefitFeature,
    Contract,
    FeatureKind,
    SponsorAsset,
    Sponsorship,
    SponsorshipBenefit,
    TransitionNotAllowed,
)

REVIEW = "sponsors.review_sponsorship"


def require(request, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied


def reviewed_sponsorship(pk):
    queryset = Sponsorship.objects.select_related("sponsor", "package", "submited_by", "overlapped_by__sponsor")
    return get_object_or_404(queryset, pk=pk)


def review_context(request, sponsorship, **forms):
    benefits = sponsorship.benefits.prefetch_related(Prefetch("features", queryset=BenefitFeature.objects.all()))
    benefits = list(benefits)
    assets = {a.internal_name: a for a in SponsorAsset.objects.filter(sponsorship=sponsorship)}
    asset_rows = [(f, assets.get(f.internal_name)) for b in benefits for f in b.features.all()
                  if f.kind in (FeatureKind.REQUIRED_IMAGE, FeatureKind.REQUIRED_TEXT, FeatureKind.REQUIRED_RESPONSE,
                                FeatureKind.PROVIDED_TEXT, FeatureKind.PROVIDED_FILE)]  # fmt: skip
    contract = Contract.objects.filter(sponsorship=sponsorship).first()
    initial = {"start_date": sponsorship.start_date, "end_date": sponsorship.end_date,
               "package": sponsorship.package_id, "sponsorship_fee": sponsorship.agreed_fee,
               "renewal": sponsorship.renewal}  # fmt: skip
    return {
        "sponsorship": sponsorship,
        "sponsor": sponsorship.sponsor,
        "contacts": list(sponsorship.sponsor.contacts.all()),
        "benefits": benefits,
        "asset_rows": asset_rows,
        "contract": contract,
        "can_review": request.user.has_perm(REVIEW),
        "approve_form": forms.get("approve_form") or ApproveForm(initial=initial, sponsorship=sponsorship),
        "signed_form": forms.get("signed_form")
        or SignedContractApproveForm(initial=initial, sponsorship=sponsorship),  # fmt: skip
        "execute_form": forms.get("execute_form") or ExecuteContractForm(),
        "contract_form": forms.get("contract_form") or (ContractForm(instance=contract) if contract else None),
        "error": forms.get("error"),
        "edit_url": reverse("wagtailsnippets_sponsors_sponsorship:edit", args=[sponsorship.pk]),
        "sponsor_edit_url": reverse("wagtailsnippets_sponsors_sponsor:edit", args=[sponsorship.sponsor_id]),
        "queue_url": reverse("wagtailsnippets_sponsors_sponsorship:list") + "?status=applied",
    }


def render_review(request, sponsorship, status=200, **forms):
    context = review_context(request, sponsorship, **forms)
    context.update(page_title=_("Review sponsorship"), header_title=str(sponsorship))
    return TemplateResponse(request, "sponsors/admin/review.html", context, status=status)


def review(request, pk):
    require(request, "sponsors.view_sponsorship")
    return render_review(request, reviewed_sponsorship(pk))


def refused(request, sponsorship, error, **forms):
    message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    return render_review(request, sponsorship, status=400, error=message, **forms)


@require_POST
def approve(request, pk):
    require(request, REVIEW)
    sponsorship = reviewed_sponsorship(pk)
    form = ApproveForm(request.POST, sponsorship=sponsorship)
    if not form.is_valid():
        return refused(request, sponsorship, ValidationError(_("Check the approval details.")), approve_form=form)
    data = form.cleaned_data
    try:
        sponsorship.approve(data["start_date"], data["end_date"], package=data["package"],
                            sponsorship_fee=data["sponsorship_fee"], renewal=data["renewal"])  # fmt: skip
    except (TransitionNotAllowed, ValidationError) as error:
        return refused(request, reviewed_sponsorship(pk), error)
    services.purge_sponsors_cache()
    messages.success(request, _("Approved: the draft contract is ready to preview and send."))
    return redirect("sponsors_admin:review", pk)


@require_POST
def approve_signed(request, pk):
    require(request, REVIEW)
    sponsorship = reviewed_sponsorship(pk)
    form = SignedContractApproveForm(request.POST, request.FILES, sponsorship=sponsorship)
    if not form.is_valid():
        return refused(request, sponsorship, ValidationError(_("Check the approval details and the signed PDF.")),
                       signed_form=form)  # fmt: skip
    data = form.cleaned_data
    try:
        sponsorship.approve_with_signed_contract(
            data["signed_contract"], data["start_date"], data["end_date"], package=data["package"],
            sponsorship_fee=data["sponsorship_fee"], renewal=data["renewal"],
        )  # fmt: skip
    except (TransitionNotAllowed, ValidationError) as error:
        return refused(request, reviewed_sponsorship(pk), error)
    services.purge_sponsors_cache()
    messages.success(request, _("Approved with the signed contract: the sponsorship is finalized."))
    return redirect("sponsors_admin:review", pk)


def simple_transition(method, success):
    @require_POST
    def view(request, pk):
        require(request, REVIEW)
        sponsorship = reviewed_sponsorship(pk)
        try:
            getattr(sponsorship, method)()
        except (TransitionNotAllowed, ValidationError) as error:
            return refused(request, reviewed_sponsorship(pk), error)
        if method == "reject":
            services.notify_rejection(sponsorship)
        services.purge_sponsors_cache()
        messages.success(request, success)
        return redirect("sponsors_admin:review", pk)

    view.__name__ = method
    return view


reject = simple_transition("reject", _("Rejected; the sponsor's contacts were told."))
rollback = simple_transition("rollback_to_editing", _("Back to editing: the sponsor can change the application."))
lock = simple_transition("lock", _("Locked: the sponsor can no longer edit it."))
unlock = simple_transition("unlock", _("Unlocked: the sponsor can edit it again."))


# Contracts


def reviewed_contract(request, pk, perm=REVIEW):
    require(request, perm)
    return get_object_or_404(Contract.objects.select_related("sponsorship__sponsor", "sponsorship__package"), pk=pk)


def contract_preview(request, pk, fmt):
    if fmt not in ("pdf", "docx"):
        raise Http404
    contract = reviewed_contract(request, pk, "sponsors.view_contract")
    stem = contracts.file_stem(contract)
    if fmt == "pdf":
        response = HttpResponse(contracts.contract_pdf(contract), content_type=contracts.PDF_MIMETYPE)
        response["Content-Disposition"] = f'inline; filename="{stem}.pdf"'
    else:
        response = HttpResponse(contracts.contract_docx(contract), content_type=contracts.DOCX_MIMETYPE)
        response["Content-Disposition"] = f'attachment; filename="{stem}.docx"'
    return response


@require_POST
def contract_update(request, pk):
    contract = reviewed_contract(request, pk)
    sponsorship = reviewed_sponsorship(contract.sponsorship_id)
    if not contract.is_editable:
        return refused(request, sponsorship, TransitionNotAllowed(contract, "edited"))
    form = ContractForm(request.POST, instance=contract)
    if not form.is_valid():
        return refused(request, sponsorship, ValidationError(_("Check the contract text.")), contract_form=form)
    form.save()
    messages.success(request, _("Contract draft saved."))
    return redirect("sponsors_admin:review", sponsorship.pk)


@require_POST
def contract_send(request, pk):
    """Final PDF and DOCX kept on the contract; the PDF goes to the PSF by email; awaiting signature."""
    contract = reviewed_contract(request, pk)
    sponsorship = reviewed_sponsorship(contract.sponsorship_id)
    if contract.status != Contract.Status.DRAFT:
        return refused(request, sponsorship, TransitionNotAllowed(contract, "sent"))
    documents = contracts.render_documents(contract, final=True)
    try:
        with transaction.atomic():
            contract.send(**documents)
    except TransitionNotAllowed as error:
        return refused(request, sponsorship, error)
    context = {"sponsorship": sponsorship, "contract": contract,
               "review_url": services.absolute(reverse("sponsors_admin:review", args=[sponsorship.pk]))}  # fmt: skip
    services.notify_contract_sent(contract, context)
    messages.success(request, _("Contract sent: it now awaits the sponsor's signature."))
    return redirect("sponsors_admin:review", sponsorship.pk)


@require_POST
def contract_execute(request, pk):
    contract = reviewed_contract(request, pk)
    sponsorship = reviewed_sponsorship(contract.sponsorship_id)
    form = ExecuteContractForm(request.POST, request.FILES)
    if not form.is_valid():
        return refused(request, sponsorship, ValidationError(_("Upload the signed contract as a PDF.")),
                       execute_form=form)  # fmt: skip
    try:
        overlapped = contract.execute(form.cleaned_data["signed_document"])
    except (TransitionNotAllowed, ValidationError) as error:
        return refused(request, sponsorship, error)
    services.purge_sponsors_cache()
    messages.success(request, _("Contract executed: the sponsorship is finalized and locked.")
                     + (" " + _("%(n)d older sponsorship(s) marked as overlapped.") % {"n": overlapped}
                        if overlapped else ""))  # fmt: skip
    return redirect("sponsors_admin:review", sponsorship.pk)


def contract_transition(method, success):
    @require_POST
    def view(request, pk):
        contract = reviewed_contract(request, pk)
        try:
            getattr(contract, method)()
        except TransitionNotAllowed as error:
            return refused(request, reviewed_sponsorship(contract.sponsorship_id), error)
        messages.success(request, success)
        return redirect("sponsors_admin:review", contract.sponsorship_id)

    view.__name__ = f"contract_{method}"
    return view


contract_nullify = contract_transition("nullify", _("Contract nullified."))
contract_redraft = contract_transition("redraft", _("A new contract draft was made from the sponsorship."))


# Notifications


def selected_sponsorships(request):
    ids = [int(pk) for pk in request.GET.getlist("id") + request.POST.getlist("id") if pk.isdigit() and len(pk) < 12]
    queryset = Sponsorship.objects.select_related("sponsor", "package").prefetch_related("sponsor__contacts")
    if ids:
        return queryset.filter(pk__in=ids)
    year = request.GET.get("year") or request.POST.get("year")
    status = request.GET.get("status") or request.POST.get("status")
    queryset = queryset.filter(year=int(year)) if str(year).isdigit() else queryset
    return queryset.filter(status=status) if status in Sponsorship.Status.values else queryset


def notify(request):
    """Pick sponsorships, a notification template and contact types; preview, then send."""
    require(request, REVIEW)
    templates = services.notification_templates()
    sponsorships = list(selected_sponsorships(request).order_by("-year", "sponsor__name"))
    # Sponsorships ticked in the listing (its "Notify sponsors" bulk action) arrive chosen.
    data = request.POST if request.method == "POST" else request.GET
    chosen = {int(pk) for pk in data.getlist("id") if pk.isdigit() and len(pk) < 12}
    form = NotificationForm(request.POST or None, templates=templates)
    preview = None
    status = 200
    if request.method == "POST":
        targets = [s for s in sponsorships if s.pk in chosen]
        if not form.is_valid() or not targets:
            status = 400
            if not targets:
                form.add_error(None, _("Select at least one sponsorship."))
        elif request.POST.get("action") == "preview":
            preview = form.cleaned_data["template"].render(services.notification_context(targets[0]))
        else:
            sent = services.send_notification(form.cleaned_data["template"], targets,
                                              form.cleaned_data["contact_types"])  # fmt: skip
            messages.success(request, _("%(n)d notification(s) queued.") % {"n": sent})
            return redirect("sponsors_admin:notify")
    return TemplateResponse(request, "sponsors/admin/notify.html", {
        "form": form, "sponsorships": sponsorships, "chosen": chosen, "preview": preview,
        "page_title": _("Notify sponsors"), "statuses": Sponsorship.Status.choices,
    }, status=status)  # fmt: skip


# Assets


def assets_zip(request):
    """The selected assets (``?id=…``, the listing's bulk action) or those the listing's filters show, as one ZIP."""
    require(request, "sponsors.view_sponsorasset")
    assets = SponsorAsset.objects.select_related("sponsor", "sponsorship")
    ids = request.GET.getlist("id")
    if ids:
        if not all(pk.isdigit() and len(pk) < 12 for pk in ids):
            return HttpResponseBadRequest(_("Select assets by their ids."))
        assets = assets.filter(pk__in=ids)
    else:
        filters = AssetFilterSet(request.GET, queryset=assets, request=request)
        if not filters.is_valid():
            return HttpResponseBadRequest(_("Unknown asset filter: %(names)s.") % {"names": ", ".join(filters.errors)})
        assets = filters.qs
    assets = assets.with_value()
    buffer = io.BytesIO()
    count = 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for asset in assets:
            folder = f"{slugify(asset.sponsor.name)}/{slugify(asset.internal_name)}"
            if asset.file:
                try:
                    with asset.file.open("rb") as handle:
                        archive.writestr(f"{folder}{PurePosixPath(asset.file.name).suffix}", handle.read())
                except FileNotFoundError:
                    continue
            else:
                archive.writestr(f"{folder}.txt", str(asset.value))
            count += 1
    if not count:
        messages.error(request, _("None of the selected assets has a value to export."))
        return redirect(reverse("wagtailsnippets_sponsors_sponsorasset:list"))
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="sponsorship-assets.zip"'
    return response


# Configuration


def clone_year(request):
    require(request, "sponsors.add_sponsorshipbenefit")
    program = services.program_settings()
    form = CloneYearForm(request.POST or None, initial={"from_year": program.current_year,
                                                        "to_year": program.current_year + 1})  # fmt: skip
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                packages, benefits = services.clone_year(form.cleaned_data["from_year"], form.cleaned_data["to_year"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("%(p)d packages and %(b)d benefits copied into %(year)s.")
                                 % {"p": packages, "b": benefits, "year": form.cleaned_data["to_year"]})  # fmt: skip
                return redirect(reverse("wagtailsnippets_sponsors_sponsorshipbenefit:list")
                                + f"?year={form.cleaned_data['to_year']}")  # fmt: skip
        status = 400
    return TemplateResponse(request, "sponsors/admin/clone_year.html",
                            {"form": form, "page_title": _("Clone a sponsorship year")}, status=status)  # fmt: skip


def push_benefit(request, pk):
    """GET: what would change; POST: copy the benefit's configuration onto the open sponsorships holding it."""
    require(request, "sponsors.change_sponsorshipbenefit")
    benefit = get_object_or_404(SponsorshipBenefit.objects.select_related("program"), pk=pk)
    if request.method != "POST":
        holders = (Sponsorship.objects.filter(benefits__sponsorship_benefit=benefit).select_related("sponsor")
                   .distinct().order_by("sponsor__name"))  # fmt: skip
        return TemplateResponse(request, "sponsors/admin/push_benefit.html", {
            "benefit": benefit, "holders": holders, "page_title": _("Push a benefit's configuration"),
        })  # fmt: skip
    updated = benefit.push_to_sponsorships()
    messages.success(request, _("%(n)d sponsorship(s) now hold this benefit's current configuration.")
                     % {"n": updated})  # fmt: skip
    return redirect(reverse("wagtailsnippets_sponsors_sponsorshipbenefit:list") + f"?year={benefit.year}")


urlpatterns = [
    path("<int:pk>/", review, name="review"),
    path("<int:pk>/approve/", approve, name="approve"),
    path("<int:pk>/approve-signed/", approve_signed, name="approve_signed"),
    path("<int:pk>/reject/", reject, name="reject"),
    path("<int:pk>/rollback/", rollback, name="rollback"),
    path("<int:pk>/lock/", lock, name="lock"),
    path("<int:pk>/unlock/", unlock, name="unlock"),
    path("contracts/<int:pk>/preview.<str:fmt>", contract_preview, name="contract_preview"),
    path("contracts/<int:pk>/update/", contract_update, name="contract_update"),
    path("contracts/<int:pk>/send/", contract_send, name="contract_send"),
    path("contracts/<int:pk>/execute/", contract_execute, name="contract_execute"),
    path("contracts/<int:pk>/nullify/", contract_nullify, name="contract_nullify"),
    path("contracts/<int:pk>/redraft/", contract_redraft, name="contract_redraft"),
    path("notify/", notify, name="notify"),
    path("assets/export.zip", assets_zip, name="assets_zip"),
    path("clone-year/", clone_year, name="clone_year"),
    path("benefits/<int:pk>/push/", push_benefit, name="push_benefit"),
]
