"""Filters of the staff listings; the assets ZIP export reads the same filters as the assets listing."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from apps.sponsors.models import ASSET_KINDS, BenefitFeatureConfiguration, SponsorAsset, SponsorshipBenefit


class AssetFilterSet(WagtailFilterSet):
    has_value = django_filters.BooleanFilter(label=_("Has a value"), method="filter_has_value")
    internal_name = django_filters.CharFilter(label=_("Internal name (benefit asset)"))
    benefit = django_filters.ModelChoiceFilter(
        label=_("Benefit"), method="filter_benefit",
        queryset=SponsorshipBenefit.objects.filter(
            pk__in=BenefitFeatureConfiguration.objects.filter(kind__in=ASSET_KINDS).values("benefit")
        ).select_related("program"),
    )  # fmt: skip

    class Meta:
        model = SponsorAsset
        fields = ["kind", "benefit", "internal_name", "sponsorship__year"]

    def filter_has_value(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.with_value() if value else queryset.without_value()

    def filter_benefit(self, queryset, name, value):
        return queryset.for_benefit(value) if value else queryset
