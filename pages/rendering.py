"""Keep each page's stored rendering of its sections (Page.sections_html) current.

The sections and items of a treatment page change only when staff save them, so they
are rendered then, not on every visit. Not for anything that depends on the request or
the clock (gallery teasers, canonical URLs): those are rendered per request.
"""

from django.apps import apps as global_apps
from django.db.models import QuerySet

from .models import Page, Section


def part_saving(sender, instance, **kwargs):
    # A section or item may move to another page: the page it leaves is rendered too.
    instance._page_before_save = _stored_page_id(sender, instance.pk) if instance.pk else None


def part_saved(sender, instance, **kwargs):
    _render(_page_id_of(sender, instance), getattr(instance, "_page_before_save", None))


def part_deleted(sender, instance, origin=None, **kwargs):
    if _model(origin) is not sender:
        return  # deleted with its section or page, which is rendered (or gone) once for all
    _render(_page_id_of(sender, instance))


def render_all(apps=global_apps, **kwargs):
    """After migrate: a deploy may bring new templates, so every page is rendered anew.
    Skipped while the database is behind the models (migrating backwards)."""
    try:
        state = apps.get_model("pages", "Page")
    except LookupError:
        return
    if {field.column for field in Page._meta.concrete_fields} - {field.column for field in state._meta.concrete_fields}:
        return
    for page in Page.objects.all():
        page.render_sections()


def _render(*page_ids):
    for page in Page.objects.filter(pk__in={pk for pk in page_ids if pk is not None}):
        page.render_sections()


def _page_id_of(sender, instance):
    return instance.page_id if sender is Section else _stored_page_id(Section, instance.section_id)


def _stored_page_id(model, pk):
    """The page a stored section or item is on."""
    field = "page_id" if model is Section else "section__page_id"
    return model.objects.filter(pk=pk).values_list(field, flat=True).first()


def _model(origin):
    return origin.model if isinstance(origin, QuerySet) else type(origin)
