"""The sponsor-facing site: the application wizard, the sponsor dashboard and the public sponsors page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from apps.core.cache import add_surrogate_keys
from apps.core.markup import render_markdown
from apps.sponsors import placements, services
from apps.sponsors.forms import (
    AssetForm,
    BenefitSelectionForm,
    ContactFormSet,
    ExistingSponsorForm,
    SponsorForm,
)
from apps.sponsors.models import (
    REQUIRED_ASSET_KINDS,
    BenefitFeature,
    BenefitFeatureConfiguration,
    FeatureKind,
    SponsorAsset,
    Sponsorship,
)

SESSION_KEY = "sponsorship_selection"


def closed_response(request, program):
    return render(request, "sponsors/application_closed.html",
                  {"message_html": render_markdown(program.closed_message)}, status=200)  # fmt: skip


def tiered_quantities(year):
    """{(benefit id, package id): quantity} for the year's tiered benefits (one query)."""
    rows = BenefitFeatureConfiguration.objects.filter(benefit__year=year, kind=FeatureKind.TIERED_QUANTITY).values_list(
        "benefit_id", "package_id", "quantity"
    )
    return {(benefit, package): quantity for benefit, package, quantity in rows}


def build_grid(configuration):
    """Rows for the picker: per program, per benefit, the packages' cells (included, quantity)."""
    quantities = tiered_quantities(configuration.year)
    grid = []
    for program, benefits in configuration.programs():
        rows = []
        for benefit in benefits:
            cells = [(package, package.pk in benefit.package_ids, quantities.get((benefit.pk, package.pk)))
                     for package in configuration.packages]  # fmt: skip
            rows.append((benefit, cells))
        grid.append((program, rows))
    return grid


@never_cache
def application(request):
    """Step 1: choose a package and benefits. Without JavaScript, "Choose this package" reloads with its benefits."""
    program = services.program_settings()
    if not program.applications_open:
        return closed_response(request, program)
    configuration = services.ProgramConfiguration.load(program.current_year)
    saved = request.session.get(SESSION_KEY) or {}
    if saved.get("year") != configuration.year:
        saved = {}
    errors = []
    selected_package = saved.get("package")
    selected = set(saved.get("benefits", []))
    if request.method == "POST":
        form = BenefitSelectionForm(request.POST, configuration=configuration)
        if request.POST.get("action") == "package":
            # No-JS path: pre-select the chosen package's benefits (and the à-la-carte ones already ticked).
            raw = request.POST.get("package") or ""
            package_id = int(raw) if raw.isdigit() and len(raw) < 12 else None
            if raw and (package_id is None or configuration.package(package_id) is None):
                errors.append(_("Choose one of this year's packages."))
                package_id = None
            selected_package = package_id
            selected = set(configuration.package_benefits.get(package_id, set()))
            package = configuration.package(package_id) if package_id else None
            if package is not None and package.allow_a_la_carte:
                ticked = (configuration.by_id.get(int(pk)) for pk in request.POST.getlist("benefits")
                          if pk.isdigit() and len(pk) < 12)  # fmt: skip
                selected |= {b.pk for b in ticked if b is not None and not (b.package_only or b.standalone)}
        elif form.is_valid():
            data = form.cleaned_data
            request.session[SESSION_KEY] = {
                "year": configuration.year,
                "package": data["package_obj"].pk if data["package_obj"] else None,
                "benefits": [b.pk for b in data["benefit_objs"]],
            }
            return redirect("sponsors:application_new")
        else:
            errors.extend(form.non_field_errors())
            for field_errors in (form.errors.get("package", []), form.errors.get("benefits", [])):
                errors.extend(field_errors)
            selected_package = request.POST.get("package") or None
            selected_package = int(selected_package) if str(selected_package).isdigit() else None
            selected = {int(pk) for pk in request.POST.getlist("benefits") if pk.isdigit()}
    return render_picker(request, configuration, selected_package, selected, errors)


def render_picker(request, configuration, selected_package, selected, errors):
    """The step 1 page; with errors (a selection refused, here or at submission) it answers 400."""
    context = {
        "configuration": configuration,
        "grid": build_grid(configuration),
        "standalone": configuration.standalone(),
        "selected_package": selected_package,
        "selected": set(selected),
        "errors": errors,
        "package_benefits": {p: sorted(ids) for p, ids in configuration.package_benefits.items()},
        "a_la_carte": {p.pk: p.allow_a_la_carte for p in configuration.packages},
        "conflicts": {b.pk: sorted(b.conflict_ids) for b in configuration.benefits if b.conflict_ids},
    }
    status = 400 if errors else 200
    return render(request, "sponsors/application_form.html", context, status=status)


@never_cache
@login_required
def application_new(request):
    """Step 2: the sponsor's details and contacts (or a sponsor the user already manages), then submit."""
    program = services.program_settings()
    if not program.applications_open:
        return closed_response(request, program)
    saved = request.session.get(SESSION_KEY)
    configuration = services.ProgramConfiguration.load(program.current_year)
    if not saved or saved.get("year") != configuration.year:
        messages.info(request, _("Choose a package or benefits first."))
        return redirect("sponsors:application")
    try:
        package, benefits, modified = configuration.validate(saved.get("package"), saved.get("benefits", []))
    except ValidationError as error:
        return selection_refused(request, configuration, saved, error)
    existing_form = ExistingSponsorForm(request.POST or None, user=request.user)
    sponsor_form = SponsorForm(request.POST or None, request.FILES or None, prefix="sponsor")
    contacts = ContactFormSet(request.POST or None, prefix="contacts",
                              initial=[{"email": request.user.email, "primary": True}])  # fmt: skip
    status = 200
    if request.method == "POST":
        sponsor = None
        if existing_form.is_valid() and existing_form.cleaned_data["sponsor"]:
            sponsor, new_contacts = existing_form.cleaned_data["sponsor"], []
        elif existing_form.is_valid() and sponsor_form.is_valid() and contacts.is_valid():
            sponsor = sponsor_form.save(commit=False)
            new_contacts = [form.save(commit=False) for form in contacts.forms if form.has_changed() or form.initial]
            new_contacts = [c for c in new_contacts if c.name and c.email]
        if sponsor is not None:
            try:
                sponsorship = services.submit_application(
                    sponsor=sponsor, contacts=new_contacts, package=package, benefits=benefits, modified=modified,
                    year=configuration.year, user=request.user,
                )  # fmt: skip
            except ValidationError as error:  # a benefit sold out since step 1
                return selection_refused(request, services.ProgramConfiguration.load(configuration.year), saved,
                                         error)  # fmt: skip
            request.session.pop(SESSION_KEY, None)
            messages.success(request, _("Thank you! Your application was sent to the PSF sponsorship team; they will "
                                        "write to you about the next steps."))  # fmt: skip
            return redirect("sponsors:dashboard_detail", sponsorship.pk)
        status = 400
    context = {
        "package": package,
        "benefits": benefits,
        "modified": modified,
        "existing_form": existing_form,
        "sponsor_form": sponsor_form,
        "contacts": contacts,
        "has_sponsors": existing_form.fields["sponsor"].queryset.exists(),
    }
    return render(request, "sponsors/application_new.html", context, status=status)


def selection_refused(request, configuration, saved, error):
    """The saved selection no longer holds (sold out, withdrawn): a GET goes back to step 1, a POST answers 400."""
    if request.method != "POST":
        for message in error.messages:
            messages.error(request, message)
        return redirect("sponsors:application")
    return render_picker(request, configuration, saved.get("package"), saved.get("benefits", []), error.messages)


# Sponsor dashboard


def sponsorship_for_contact(request, pk):
    """The sponsorship if the user is one of its sponsor's contacts; 404 otherwise (no hint it exists)."""
    queryset = Sponsorship.objects.visible_to(request.user).select_related("sponsor", "package")
    return get_object_or_404(queryset, pk=pk)


@never_cache
@login_required
def dashboard(request):
    sponsorships = (
        Sponsorship.objects.visible_to(request.user).select_related("sponsor", "package").order_by("-year", "-pk")
    )
    return render(request, "sponsors/dashboard.html", {"sponsorships": sponsorships})


def asset_context(sponsorship):
    features = BenefitFeature.objects.filter(sponsor_benefit__sponsorship=sponsorship).select_related("sponsor_benefit")
    required = [f for f in features if f.kind in REQUIRED_ASSET_KINDS]
    provided = [f for f in features if f.kind in (FeatureKind.PROVIDED_TEXT, FeatureKind.PROVIDED_FILE)]
    assets = {a.internal_name: a for a in SponsorAsset.objects.filter(sponsorship=sponsorship)}
    return features, required, provided, assets


@never_cache
@login_required
def dashboard_detail(request, pk):
    sponsorship = sponsorship_for_contact(request, pk)
    features, required, provided, assets = asset_context(sponsorship)
    benefits = sponsorship.benefits.prefetch_related(Prefetch("features", queryset=BenefitFeature.objects.all()))
    provided_rows = []
    for feature in provided:
        asset = assets.get(feature.internal_name)
        if feature.shared:
            provided_rows.append((feature, feature.shared_text, feature.shared_file))
        else:
            provided_rows.append((feature, asset.text if asset else "", asset.file if asset else None))
    required_rows = [(feature, assets.get(feature.internal_name)) for feature in required]
    return render(request, "sponsors/dashboard_detail.html", {
        "sponsorship": sponsorship, "sponsor": sponsorship.sponsor, "benefits": benefits,
        "required_rows": required_rows, "provided_rows": provided_rows,
        "contract": getattr(sponsorship, "contract", None) if hasattr(sponsorship, "contract") else None,
    })  # fmt: skip


@never_cache
@login_required
def edit_sponsor(request, pk):
    sponsorship = sponsorship_for_contact(request, pk)
    sponsor = sponsorship.sponsor
    form = SponsorForm(request.POST or None, request.FILES or None, instance=sponsor)
    contacts = ContactFormSet(request.POST or None, instance=sponsor, prefix="contacts")
    if request.method == "POST":
        if form.is_valid() and contacts.is_valid():
            with transaction.atomic():
                form.save()
                contacts.save()
            services.purge_sponsors_cache()
            messages.success(request, _("The sponsor's information was saved."))
            return redirect("sponsors:dashboard_detail", sponsorship.pk)
        return render(request, "sponsors/edit_sponsor.html",
                      {"form": form, "contacts": contacts, "sponsorship": sponsorship}, status=400)  # fmt: skip
    return render(request, "sponsors/edit_sponsor.html", {"form": form, "contacts": contacts,
                                                          "sponsorship": sponsorship})  # fmt: skip


@never_cache
@login_required
def upload_assets(request, pk):
    sponsorship = sponsorship_for_contact(request, pk)
    if sponsorship.status == Sponsorship.Status.REJECTED:
        raise Http404
    _features, required, _provided, assets = asset_context(sponsorship)
    form = AssetForm(request.POST or None, request.FILES or None, features=required, assets=assets)
    if request.method == "POST":
        if form.is_valid():
            saved = 0
            with transaction.atomic():
                for name, feature in form.features.items():
                    value = form.cleaned_data.get(name)
                    if value in (None, ""):
                        continue
                    field = {FeatureKind.REQUIRED_IMAGE: "file", FeatureKind.REQUIRED_TEXT: "text",
                             FeatureKind.REQUIRED_RESPONSE: "response"}[feature.kind]  # fmt: skip
                    asset, _created = SponsorAsset.objects.get_or_create(
                        sponsorship=sponsorship, internal_name=name,
                        defaults={"sponsor": sponsorship.sponsor, "kind": feature.kind},
                    )  # fmt: skip
                    setattr(asset, field, value)
                    asset.save()
                    saved += 1
            services.purge_sponsors_cache()
            messages.success(request, _("%(n)d asset(s) saved.") % {"n": saved})
            return redirect("sponsors:dashboard_detail", sponsorship.pk)
        status = 400
    else:
        status = 200
    return render(request, "sponsors/upload_assets.html", {"form": form, "sponsorship": sponsorship,
                                                           "assets": assets}, status=status)  # fmt: skip


# Public


def sponsors_page(request):
    """Current sponsors by level, with logos and links; cached and purged when sponsorships change."""
    levels = placements.sponsors_by_level()
    context = {"levels": levels, "apply_url": reverse("sponsors:application")}
    response = render(request, "sponsors/sponsors_page.html", context)
    return add_surrogate_keys(response, services.SPONSORS_SURROGATE_KEY)
