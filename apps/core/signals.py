"""Page tree changes: refresh the per-process routes and purge the pages that show the changed page.

Wagtail's frontend cache purges a published or unpublished page's own URLs; these receivers add the
surrogate keys of everything else that shows it: ``page-<id>`` (breadcrumbs of its descendants and any
response that tagged it) and ``children-<parent id>`` (its parent's listing), and ``search``.
"""

import functools

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from apps.core.cache import bump_generation, page_key, purge_surrogate_keys
from apps.core.routing import ROUTES_GENERATION, SITES_GENERATION

SEARCH_KEY = "search"


def children_key(parent_or_id):
    return f"children-{getattr(parent_or_id, 'pk', parent_or_id)}"


def page_keys(page):
    keys = [page_key(page), SEARCH_KEY]
    parent_id = _parent_id(page)
    if parent_id:
        keys.append(children_key(parent_id))
    return keys


def _parent_id(page):
    if page.depth <= 1:
        return None
    parent_path = page.path[: -Page.steplen]
    return Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()


def page_changed(sender, instance, **kwargs):
    """Published, unpublished or deleted: routes change, and every page showing it is purged."""
    bump_generation(ROUTES_GENERATION)
    transaction.on_commit(functools.partial(purge_surrogate_keys, *page_keys(instance)))


def page_saved(sender, instance, raw=False, **kwargs):
    """Any saved page row (a slug, a title): routes and derived data (search results) are re-read."""
    if not raw:
        bump_generation(ROUTES_GENERATION)


def page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    bump_generation(ROUTES_GENERATION)
    keys = [page_key(instance), SEARCH_KEY]
    keys += [children_key(parent) for parent in (parent_page_before, parent_page_after) if parent is not None]
    transaction.on_commit(functools.partial(purge_surrogate_keys, *keys))


def sites_changed(sender, **kwargs):
    bump_generation(SITES_GENERATION)
    bump_generation(ROUTES_GENERATION)
    transaction.on_commit(functools.partial(purge_surrogate_keys, "site"))


def restrictions_changed(sender, instance, **kwargs):
    bump_generation(ROUTES_GENERATION)
    transaction.on_commit(functools.partial(purge_surrogate_keys, page_key(instance.page_id)))


def connect():
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    for model in page_models:
        uid = f"core-routes-{model._meta.label_lower}"
        page_published.connect(page_changed, sender=model, dispatch_uid=f"{uid}-published")
        page_unpublished.connect(page_changed, sender=model, dispatch_uid=f"{uid}-unpublished")
        post_delete.connect(page_changed, sender=model, dispatch_uid=f"{uid}-deleted")
        post_save.connect(page_saved, sender=model, dispatch_uid=f"{uid}-saved")
    post_page_move.connect(page_moved, dispatch_uid="core-routes-moved")
    post_save.connect(sites_changed, sender=Site, dispatch_uid="core-sites-saved")
    post_delete.connect(sites_changed, sender=Site, dispatch_uid="core-sites-deleted")
    post_save.connect(restrictions_changed, sender=PageViewRestriction, dispatch_uid="core-restriction-saved")
    post_delete.connect(restrictions_changed, sender=PageViewRestriction, dispatch_uid="core-restriction-deleted")
