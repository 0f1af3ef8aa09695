"""Homepage sections and menu panels that domain apps contribute (latest releases, jobs, events, news …).

A domain registers a section in its ``wagtail_hooks.py``::

    @hooks.register("register_homepage_section")
    def latest_jobs():
        return HomepageSection(slot="jobs", template="jobs/includes/homepage_jobs.html",
                               get_context=lambda request: {"jobs": Job.objects.approved()[:5]})

The homepage renders the sections registered for each slot, in order, so the
pages app never imports a domain and a slot without a provider is left out.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from wagtail import hooks

SLOTS = ("downloads", "jobs", "news", "events", "success_story", "code_samples")


@dataclass(frozen=True)
class HomepageSection:
    slot: str
    template: str
    get_context: Callable = field(default=lambda request: {})
    order: int = 100

    def render(self, request):
        return render_to_string(self.template, self.get_context(request), request=request)


def homepage_sections():
    sections = [fn() for fn in hooks.get_hooks("register_homepage_section")]
    return sorted((s for s in sections if s is not None), key=lambda s: s.order)


def render_homepage_slots(request):
    """Rendered HTML per slot name, for the slots that have at least one provider."""
    rendered = {}
    for section in homepage_sections():
        rendered[section.slot] = rendered.get(section.slot, "") + section.render(request)
    return rendered


@dataclass(frozen=True)
class MenuPanel:
    """Live content for the supernav panel of the main-menu entry whose URL is ``url``.

    Registered with the ``register_menu_panel`` hook; it replaces the entry's content snippet.
    The header is a cached fragment, so a domain calls ``apps.core.cache.bump_fragment_version``
    when the panel's data changes.
    """

    url: str
    template: str
    get_context: Callable = field(default=lambda: {})

    def render(self):
        return render_to_string(self.template, self.get_context())


def menu_panels():
    panels = (fn() for fn in hooks.get_hooks("register_menu_panel"))
    return {panel.url: panel for panel in panels if panel is not None}


@dataclass(frozen=True)
class Placement:
    """Content a domain puts into a named spot of pages it does not own (sponsor logos in the footer …).

    Registered with the ``register_placement`` hook and rendered by ``{% placement "name" %}``; the
    spot's owner does not know who fills it. Spots: ``downloads_sidebar``, ``jobs_sidebar``, ``footer``.
    """

    name: str
    template: str
    get_context: Callable = field(default=lambda request: {})
    order: int = 100

    def render(self, request):
        return render_to_string(self.template, self.get_context(request), request=request).strip()


def render_placement(name, request):
    placements = (fn() for fn in hooks.get_hooks("register_placement"))
    chosen = sorted((p for p in placements if p is not None and p.name == name), key=lambda p: p.order)
    return "".join(p.render(request) for p in chosen)
