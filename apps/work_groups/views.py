from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from apps.core.cache import add_surrogate_keys
from apps.work_groups.models import WorkGroup
from apps.work_groups.signals import SURROGATE_KEY


def work_group_list(request):
    groups = (
        WorkGroup.objects.approved()
        .active_first()
        .defer("purpose", "active_time", "core_values", "rules", "communication", "support")
    )
    response = render(request, "work_groups/work_group_list.html", {"groups": groups})
    return add_surrogate_keys(response, SURROGATE_KEY)


def work_group_detail(request, slug):
    group = get_object_or_404(
        WorkGroup.objects.approved().annotate(member_count=Count("members", distinct=True)), slug=slug
    )
    organizers = group.organizers.order_by("first_name", "last_name", "username")
    response = render(request, "work_groups/work_group_detail.html", {"group": group, "organizers": organizers})
    return add_surrogate_keys(response, SURROGATE_KEY)
