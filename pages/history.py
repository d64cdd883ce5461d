"""Restoring a treatment page as it was, sections and list items included.

django-simple-history keeps one history per table. A page's version is its row as
saved at one moment plus its sections and items as they stood until the page was
next saved (the admin saves the page row first, then the inline sections). Not for
other models: their own "History" in the admin reverts one row at a time.
"""

import datetime

from django.utils import timezone

from .models import Item, Page, Section


def version_end(record):
    """The last moment a page version stood: just before the page's next save, or now."""
    next_save = (
        Page.history.filter(id=record.id, history_date__gt=record.history_date)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    return next_save - datetime.timedelta(microseconds=1) if next_save else timezone.now()


def restore_sections(page, *, as_of):
    """Give the page the sections and list items it had at `as_of`, each as it was then."""
    sections = list(Section.history.as_of(as_of).filter(page_id=page.pk))
    items = list(Item.history.as_of(as_of).filter(section_id__in=[section.pk for section in sections]))
    page.sections.exclude(pk__in=[section.pk for section in sections]).delete()
    Item.objects.filter(section__page=page).exclude(pk__in=[item.pk for item in items]).delete()
    for row in sections + items:
        row.save()  # inserts rows deleted since, updates the others
    return sections
