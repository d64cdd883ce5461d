"""Reading and restoring history: changes in the words staff use, and a treatment page
restored as it was, sections and list items included.

django-simple-history keeps one history per table. A page's version is its row as
saved at one moment plus its sections and items as they stood until the page was
next saved (the admin saves the page row first, then the inline sections). Restoring is
for pages only: other models' own "History" in the admin reverts one row at a time.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from simple_history.template_utils import HistoricalRecordContextHelper

from .models import Item, Page, Section

PUBLISHED_DRAFT = "Published the draft of"


def published_draft_reason(draft):
    """How publishing a draft is named in the history: one change, not a section each."""
    return f"{PUBLISHED_DRAFT} {date_format(timezone.localtime(draft.created_at), 'DATETIME_FORMAT')}"


class ReadableChanges(HistoricalRecordContextHelper):
    """A history's field-by-field changes in the words the form uses: choice labels, Yes/No,
    the clinic's dates, "(empty)" rather than None."""

    def prepare_delta_change_value(self, change, value):
        return readable(self.model._meta.get_field(change.field), value)


def readable(field, value):
    if value is None or value == "":
        return "(empty)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value)
    return value


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


def section_changes(page_id, limit=100):
    """Every change to the page's sections and list items, newest first, each with its
    field-by-field differences as `changes` and what it is about as `subject`. What a
    published draft moved is left to the page's own "Published the draft of ..." line."""
    sections = Section.history.filter(page_id=page_id).select_related("history_user")
    items = Item.history.filter(section_id__in=sections.values("id")).select_related("history_user")
    shown, previous = [], {}
    for record in sorted([*sections, *items], key=lambda record: record.history_date):
        key = (record.instance_type, record.id)
        before, previous[key] = previous.get(key), record
        if (record.history_change_reason or "").startswith(PUBLISHED_DRAFT):
            continue
        delta = record.diff_against(before, foreign_keys_are_objs=True) if before else None
        record.changes = ReadableChanges(record.instance_type, record).context_for_delta_changes(delta) if delta else []
        record.subject = f"Section “{record.heading}”" if key[0] is Section else f"List item “{record.lead}”"
        shown.append(record)
    return shown[::-1][:limit]
