"""Template tags that emit JSON-LD blocks.

A <script type="application/ld+json"> is data, never executed, so a strict
Content-Security-Policy without 'unsafe-inline' leaves it alone. Its text is escaped
the way Django's json_script escapes, so "</script>" in staff text cannot end it early.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from pages import structured_data

register = template.Library()

# The same escapes as django.utils.html.json_script (a private table there).
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(*blocks):
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        ((mark_safe(json.dumps(block, cls=DjangoJSONEncoder).translate(JSON_SCRIPT_ESCAPES)),) for block in blocks),
    )


def absolute(context):
    return context["request"].build_absolute_uri


@register.simple_tag(takes_context=True)
def clinic_json_ld(context):
    """MedicalClinic per office and each Physician; nothing on pages rendered without the
    database (the 500 page has no clinic in its context)."""
    if "clinic" not in context or "request" not in context:
        return ""
    url = absolute(context)
    locations = list(context["locations"])
    clinic = context["clinic"]
    return json_ld(
        *(structured_data.medical_clinic(clinic=clinic, location=location, url=url) for location in locations),
        *(
            structured_data.physician(physician=physician, locations=locations, url=url)
            for physician in context["physicians"]
        ),
    )


@register.simple_tag(takes_context=True)
def treatment_json_ld(context, page):
    blocks = [structured_data.treatment(page=page, url=absolute(context))]
    if page.faq_structured_data:  # built from the FAQ sections when they were saved
        blocks.append(page.faq_structured_data)
    return json_ld(*blocks)
