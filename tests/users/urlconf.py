"""Walk the URL conf: every route of the site with its name and a concrete path to request."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

ADMIN_PREFIXES = ("admin/", "django-admin/", "django-rq/")
_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)|\([^)]*\)")
DUMMY = {
    "int": "999999",
    "slug": "no-such-thing",
    "str": "no-such-thing",
    "path": "no/such/thing",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


@dataclass(frozen=True)
class Route:
    path: str  # request path, with placeholder values for arguments
    name: str  # namespaced URL name ("" when unnamed)
    has_args: bool

    @property
    def is_admin(self):
        return self.path.lstrip("/").startswith(ADMIN_PREFIXES)

    @property
    def namespace(self):
        return self.name.rpartition(":")[0]

    @property
    def action(self):
        return self.name.rpartition(":")[2]


def _concrete(pattern):
    text = str(pattern)
    has_args = bool(_CONVERTER.search(text) or _REGEX_GROUP.search(text))
    text = _CONVERTER.sub(lambda m: DUMMY.get(m.group(1) or "str", "x"), text)
    text = _REGEX_GROUP.sub("1", text)
    text = text.replace("^", "").replace("$", "").replace("\\", "").replace("?", "")
    return text, has_args


def _walk(patterns, prefix="", namespace="", has_args=False):
    for pattern in patterns:
        piece, args = _concrete(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}:{pattern.namespace}".strip(":") if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix + piece, ns, has_args or args)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}".strip(":") if pattern.name else ""
            yield Route("/" + prefix + piece, name, has_args or args)


def all_routes():
    seen, routes = set(), []
    for route in _walk(get_resolver().url_patterns):
        if route.path not in seen:
            seen.add(route.path)
            routes.append(route)
    return routes
