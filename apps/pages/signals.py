"""A content snippet changed: re-render the cached header and purge the pages that show the snippet."""

from apps.core.cache import FRAGMENT_VERSION_KEY, bump_generation, purge_surrogate_keys_on_commit, snippet_key


def snippet_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    bump_generation(FRAGMENT_VERSION_KEY)
    purge_surrogate_keys_on_commit(snippet_key(instance))
