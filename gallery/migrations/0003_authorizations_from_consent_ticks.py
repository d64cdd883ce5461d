"""Each case with the old “signed authorization on file” tick gets a marketing
authorization built from its consent fields.

The tick recorded no expiry date, so the carried-over authorization expires a year after
the day it was recorded (the case's creation day when that is missing), and is flagged
for review: staff check the signed form's real expiry and scope, then untick the flag.
Cases without the tick get no authorization and stay off the website, as before.
"""

import datetime

from django.db import migrations

CARRIED_OVER_VALIDITY = datetime.timedelta(days=365)


def authorizations_from_consent_ticks(apps, schema_editor):
    Case = apps.get_model("gallery", "Case")
    MarketingAuthorization = apps.get_model("gallery", "MarketingAuthorization")
    for case in Case.objects.filter(consent_on_file=True, authorization__isnull=True):
        recorded_on = case.consent_recorded_on or case.created_at.date()
        notes = f"Carried over from the consent tick of case {case.pk}."
        if case.consent_reference:
            notes += f" Where the signed form is kept: {case.consent_reference}"
        case.authorization = MarketingAuthorization.objects.create(
            reference=f"CASE-{case.pk} (carried over)",
            signed_on=recorded_on,
            expires_on=recorded_on + CARRIED_OVER_VALIDITY,
            recorded_by=case.consent_recorded_by or "Unknown (carried over)",
            document=case.consent_scan.name,  # the same private file, not a copy
            needs_review=True,
            notes=notes,
        )
        case.save(update_fields=["authorization"])


def consent_ticks_from_authorizations(apps, schema_editor):
    Case = apps.get_model("gallery", "Case")
    for case in Case.objects.filter(authorization__isnull=False).select_related("authorization"):
        authorization = case.authorization
        case.consent_on_file = authorization.revoked_on is None
        case.consent_recorded_on = authorization.signed_on
        case.consent_recorded_by = authorization.recorded_by
        case.consent_reference = authorization.reference
        case.consent_scan = authorization.document.name
        case.save()


class Migration(migrations.Migration):

    dependencies = [
        ("gallery", "0002_marketing_authorization"),
    ]

    operations = [
        migrations.RunPython(authorizations_from_consent_ticks, consent_ticks_from_authorizations),
    ]
