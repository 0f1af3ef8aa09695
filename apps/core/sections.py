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

from apps.core.cache import cached_fragment

SLOTS = ("downloads", "jobs", "news", "events", "success_story", "code_samples")


@dataclass(frozen=True)
class HomepageSection:
    """A homepage section. With ``generation_keys`` its HTML is a cached fragment, re-rendered when one of
    those generations is bumped (``apps.core.cache.bump_generation``) and at the latest after ``timeout``
    seconds; the homepage carries ``surrogate_keys`` (and ``home-<slot>``) so a purge of them reaches it.
    The context must not depend on the visitor: the same HTML is shown to everyone."""

    slot: str
    template: str
    get_context: Callable = field(default=lambda request: {})
    order: int = 100
    generation_keys: tuple = ()
    surrogate_keys: tuple = ()
    timeout: int = 300

    @property
    def surrogate_key(self):
        return f"home-{self.slot}"

    def render_uncached(self, request=None):
        return render_to_string(self.template, self.get_context(request), request=request)

    def render(self, request):
        if not self.generation_keys:
            return self.render_uncached(request)
        return cached_fragment(
            f"home:{self.slot}:{self.template}",
            lambda: self.render_uncached(request),
            generation_keys=self.generation_keys,
            surrogate_keys=(self.surrogate_key, *self.surrogate_keys),
            timeout=self.timeout,
        )


def homepage_sections():
    sections = [fn() for fn in hooks.get_hooks("register_homepage_section")]
    return sorted((s for s in sections if s is not None), key=lambda s: s.order)


def menu_generation_keys():
    """Every generation a menu panel depends on: the header fragment is keyed by all of them."""
    return tuple(sorted({key for panel in menu_panels().values() for key in panel.generation_keys}))


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
    The header is a cached fragment keyed by the panels' generations, so a domain bumps the
    generation it declared in ``generation_keys`` when the panel's data changes.
    """

    url: str
    template: str
    get_context: Callable = field(default=lambda: {})
    # Generations of the data the panel shows (see HomepageSection); when one is bumped the panel is
    # re-rendered and, only if its HTML changed, every page is purged by ``menu-<name>``.
    generation_keys: tuple = ()
    name: str = ""
    timeout: int = 300

    @property
    def surrogate_key(self):
        return f"menu-{self.name or self.url.strip('/').replace('/', '-') or 'home'}"

    def render_uncached(self):
        return render_to_string(self.template, self.get_context())

    def render(self):
        if not self.generation_keys:
            return self.render_uncached()
        return cached_fragment(
            f"menu:{self.url}:{self.template}",
            self.render_uncached,
            generation_keys=self.generation_keys,
            surrogate_keys=(self.surrogate_key,),
            timeout=self.timeout,
        )


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
