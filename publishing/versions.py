"""The content version: one token in the shared cache that changes whenever public content
may have changed, so that whatever is kept under it (cached pages, rows every page reads)
is stale at once on every worker and host.

It is replaced on every save or delete in a content app (settings.CONTENT_APPS), every
successful staff POST to the admin (ops.pagecache) and every migrate.
"""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "content-version"
KEEP_SECONDS = 24 * 3600  # what is kept under an old version is never read again


def content_version(request=None):
    """The current content version; with a request, read once for that request, so that
    nothing it reads later is kept under a newer version than the rows it saw."""
    version = getattr(request, "content_version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, secrets.token_hex(8), None)
            version = cache.get(VERSION_KEY)
        if request is not None:
            request.content_version = version
    return version


def bump_content_version(**kwargs):
    # A random token, not a counter: an evicted counter could restart at a number whose
    # old pages are still cached.
    cache.set(VERSION_KEY, secrets.token_hex(8), None)


def content_changed(sender, instance, using=None, **kwargs):
    # For m2m_changed the sender is the through model; the instance is the changed row.
    if instance._meta.app_label not in settings.CONTENT_APPS:
        return
    bump_content_version()
    if transaction.get_connection(using).in_atomic_block:
        # Again once the rows are committed: a page rendered from the old rows between
        # the save and the commit must not stay cached under the new version.
        transaction.on_commit(bump_content_version, using=using)


def per_content_version(request, name, load):
    """`load()`'s result, kept in the shared cache until the content version moves: for rows
    every page reads (the clinic's settings, offices, physicians) that only a save changes."""
    return cache.get_or_set(f"{name}:{content_version(request)}", load, KEEP_SECONDS)
