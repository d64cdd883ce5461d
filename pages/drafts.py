"""Drafts of treatment pages: prepare a change on a copy, preview it, then put it live.

A draft is an ordinary Page row with `draft_of` set, so staff edit it with the usual
admin forms; `Page.objects.published()` never returns it. Not for scheduling (see
publishing.py) nor for undo (see history.py).
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction

from .history import published_draft_reason
from .models import Item, Page

# The address, the flag and the draft link belong to the live page and stay as they are.
KEPT_ON_THE_LIVE_PAGE = {"id", "slug", "is_published"}


def content_fields():
    """Page fields a draft carries over, including fields added to Page later on."""
    return [
        field.name
        for field in Page._meta.concrete_fields
        if (field.editable or field.name == "image_renditions") and field.name not in KEPT_ON_THE_LIVE_PAGE
    ]  # the image's sizes travel with it


def _copy(row, **changes):
    row.pk = None
    row._state.adding = True
    for name, value in changes.items():
        setattr(row, name, value)
    row.save()
    return row


def _copy_many_to_many(source, target):
    for field in Page._meta.many_to_many:
        getattr(target, field.name).set(getattr(source, field.name).all())


@transaction.atomic
def create_draft(page):
    """Copy a live page with its sections and list items into a new, never public, draft."""
    draft = _copy(
        Page.objects.get(pk=page.pk),
        slug=f"draft-{secrets.token_hex(8)}",  # unguessable, and never routed publicly anyway
        is_published=False,
        draft_of=page,
    )
    _copy_many_to_many(page, draft)
    for section in page.sections.prefetch_related("items"):
        items = list(section.items.all())
        _copy(section, page=draft)
        for item in items:
            _copy(item, section=section)
    return draft


@transaction.atomic
def publish_draft(draft):
    """Put the draft's content on its live page (same address), publish it, delete the draft.

    Runs the same publication checks as publishing any page, and raises ValidationError
    with their reasons, changing nothing, when the draft could not be public.
    """
    if not draft.is_draft:
        raise ValidationError("This page is not a draft.")
    live = draft.draft_of
    for name in content_fields():
        setattr(live, name, getattr(draft, name))
    live.is_published = True
    live.full_clean()  # Page.clean(): the same publication checks as any page
    # Every row this changes says so in its history, so the page's history shows one
    # change (history.section_changes leaves the rest out).
    reason = published_draft_reason(draft)
    # The page row is saved before its sections, as the admin does: history.py relies
    # on that order to tell which sections belong to which version of the page.
    live._change_reason = reason
    live.save()
    _copy_many_to_many(draft, live)
    for row in [*Item.objects.filter(section__page=live), *live.sections.all()]:
        row._change_reason = reason
        row.delete()  # one by one, so each removal is in the row's history
    for section in draft.sections.all():
        section.page = live
        section._change_reason = reason
        section.save()
    draft.delete()
    return live
