"""Admin pieces any content admin can use: ordering buttons for inline rows, the preview
of Markdown as patients will read it, and a history staff can read."""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from gallery.forms import KeepsPhotos

from .history import ReadableChanges

MOVE = "_move"  # the name of the inline rows' "Move up/down" buttons


def move_row(row, siblings, *, up):
    """Swap a row with its neighbour, then number all siblings 0, 1, 2…; False at either end."""
    rows = list(siblings)
    here = rows.index(row)
    there = here - 1 if up else here + 1
    if not 0 <= there < len(rows):
        return False
    rows[here], rows[there] = rows[there], rows[here]
    for position, sibling in enumerate(rows):
        if sibling.position != position:
            sibling.position = position
            sibling.save()  # one by one, so the change is in each row's history
    return True


class MoveButtonsInline:
    """Inline rows get "Move up" and "Move down" buttons, so nobody has to type positions.

    The buttons submit the whole change form (no JavaScript needed), so other edits on
    the form are saved in the same click; MovesInlineRows does the move after saving.
    """

    @admin.display(description="Order")
    def move_buttons(self, row):
        if row is None or row.pk is None:
            return "Save first; then it can be moved."
        value = f"{row._meta.label_lower}:{row.pk}"
        return format_html(
            '<button type="submit" name="{name}" value="{value}:up" class="move-button">Move up</button> '
            '<button type="submit" name="{name}" value="{value}:down" class="move-button">Move down</button>',
            name=MOVE,
            value=value,
        )


class MovesInlineRows:
    """For a ModelAdmin whose inlines use MoveButtonsInline: moves the row whose button was pressed."""

    save_on_top = True  # so pressing Enter in a field saves, rather than pressing a move button

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if MOVE not in request.POST:
            return
        label, _, rest = request.POST[MOVE].partition(":")  # "pages.section:12:up"
        pk, _, direction = rest.partition(":")
        for formset in formsets:  # nested ones (a section's items) included
            if formset.model._meta.label_lower == label and pk.isdigit():
                siblings = formset.model._default_manager.filter(**{formset.fk.name: formset.instance})
                if (row := siblings.filter(pk=pk).first()) is None:
                    continue  # deleted in the same submit
                up = direction == "up"
                if move_row(row, siblings, up=up):
                    where = "up" if up else "down"
                    self.message_user(request, f"Moved “{row}” {where}. Other changes on the form were saved too.")
                else:
                    self.message_user(request, f"“{row}” is already {'first' if up else 'last'}.", messages.WARNING)

    def response_change(self, request, obj):
        if MOVE in request.POST:
            return redirect(request.path)  # back to the same form, to keep ordering
        return super().response_change(request, obj)


def markdown_preview(html):
    """The stored, already sanitized HTML, framed so staff see what patients will read."""
    if not html:
        return "Nothing yet: save to see a preview."
    return format_html('<div class="markdown-preview">{}</div>', mark_safe(html))


class IllustratedAdmin:
    """For the admin of an Illustrated model: the current picture, as patients will see it,
    and a new one kept when the form comes back with an error."""

    form = KeepsPhotos

    @admin.display(description="Current image")
    def image_preview(self, obj):
        if obj is None or not obj.picture:
            return "None yet."
        return format_html(
            '<img src="{}" alt="{}" class="image-preview" width="240">', obj.picture.thumbnail, obj.image_alt
        )

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "image_preview"]


class ReadableHistoryAdmin(SimpleHistoryAdmin):
    """simple-history's History, with each version's changes spelled out and no empty columns."""

    object_history_list_template = "admin/history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)
