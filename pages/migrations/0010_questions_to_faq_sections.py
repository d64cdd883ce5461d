"""Each page's questions become one FAQ section, the page's last, with a list item per
question: the question as the item's lead, the answer as its body.

Reversible: the reverse turns every FAQ section's items back into questions of its page
and deletes the FAQ sections. Both directions write history rows, as saves in the admin
would, because restoring a page version (pages/history.py) keeps only the sections and
items that have a history.
"""

from django.db import migrations
from django.db.models import Max
from django.utils import timezone

from pages.markup import render_markdown

HEADING = "Questions patients ask"  # the heading the questions were shown under


def record(history_model, row, history_type, when, reason):
    """A simple-history row for `row`, as the real model's save or delete would write."""
    names = [
        field.attname for field in history_model._meta.concrete_fields if not field.name.startswith("history_")
    ]
    history_model.objects.create(
        **{name: getattr(row, name) for name in names},
        history_date=when,
        history_type=history_type,
        history_change_reason=reason,
    )


def questions_to_sections(apps, schema_editor):
    Question = apps.get_model("pages", "Question")
    Section = apps.get_model("pages", "Section")
    Item = apps.get_model("pages", "Item")
    HistoricalSection = apps.get_model("pages", "HistoricalSection")
    HistoricalItem = apps.get_model("pages", "HistoricalItem")
    now, reason = timezone.now(), "Moved from the page's questions"
    page_ids = Question.objects.order_by("page_id").values_list("page_id", flat=True).distinct()
    for page_id in page_ids:
        last = Section.objects.filter(page_id=page_id).aggregate(Max("position"))["position__max"]
        section = Section.objects.create(
            page_id=page_id, heading=HEADING, is_faq=True, position=0 if last is None else last + 1
        )
        record(HistoricalSection, section, "+", now, reason)
        for position, question in enumerate(Question.objects.filter(page_id=page_id).order_by("position", "pk")):
            item = Item.objects.create(
                section=section,
                lead=question.question,
                body=question.answer,
                body_html=render_markdown(question.answer, inline=True),  # as Item.save() renders it
                position=position,
                indication_needs_review=False,  # an answer is not a use: nothing to review
            )
            record(HistoricalItem, item, "+", now, reason)


def sections_to_questions(apps, schema_editor):
    Question = apps.get_model("pages", "Question")
    Section = apps.get_model("pages", "Section")
    HistoricalSection = apps.get_model("pages", "HistoricalSection")
    HistoricalItem = apps.get_model("pages", "HistoricalItem")
    now, reason = timezone.now(), "Moved back to the page's questions"
    positions = {}  # the next question position on each page
    sections = Section.objects.filter(is_faq=True).order_by("page_id", "position", "pk").prefetch_related("items")
    for section in sections:
        for item in sorted(section.items.all(), key=lambda item: (item.position, item.pk)):
            position = positions[section.page_id] = positions.get(section.page_id, -1) + 1
            Question.objects.create(
                page_id=section.page_id,
                question=item.lead,
                answer=item.body,
                answer_html=render_markdown(item.body),  # as Question.save() rendered it
                position=position,
            )
            record(HistoricalItem, item, "-", now, reason)
        record(HistoricalSection, section, "-", now, reason)
        section.delete()


class Migration(migrations.Migration):
    dependencies = [("pages", "0009_faq_sections")]

    operations = [migrations.RunPython(questions_to_sections, sections_to_questions)]
