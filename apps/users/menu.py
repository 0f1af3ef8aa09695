"""The "Your account" menu: built-in links plus those other apps register with a hook.

An app adds a link with::

    @hooks.register("register_account_menu_item")
    def jobs_menu_item():
        return AccountMenuItem(_("Your jobs"), "jobs:mine", order=50)

A link appears only when its URL name resolves, so items of apps that are not
installed (or not built yet) simply do not show.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@dataclass(frozen=True)
class AccountMenuItem:
    label: str
    url_name: str
    order: int = 100

    def url(self):
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


BUILT_IN_ITEMS = (
    AccountMenuItem(_("Your profile"), "users:my_profile", 10),
    AccountMenuItem(_("Edit profile"), "users:edit", 20),
    AccountMenuItem(_("Change password"), "account_change_password", 30),
    AccountMenuItem(_("Email addresses"), "account_email", 35),
    AccountMenuItem(_("Two-factor authentication"), "mfa_index", 38),
    AccountMenuItem(_("PSF membership"), "users:membership", 40),
    # Filled by the nominations, jobs and sponsors apps when their URLs exist.
    AccountMenuItem(_("Your nominations"), "nominations:mine", 50),
    AccountMenuItem(_("Your jobs"), "jobs:my_jobs", 60),
    AccountMenuItem(_("Your sponsorships"), "sponsors:mine", 70),
)


def account_menu_links():
    """[(label, url)] in menu order, skipping items whose URL does not resolve."""
    items = [*BUILT_IN_ITEMS]
    for hook in hooks.get_hooks("register_account_menu_item"):
        result = hook()
        items.extend(result if isinstance(result, list | tuple) else [result])
    seen, links = set(), []
    for item in sorted(items, key=lambda item: item.order):
        url = item.url()
        if url and url not in seen:
            seen.add(url)
            links.append((item.label, url))
    return links
