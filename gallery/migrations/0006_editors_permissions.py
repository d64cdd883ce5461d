"""Editors may manage cases and file photo authorizations (see pages/roles.py)."""

from django.db import migrations

from pages.roles import grant_to_editors


def grant(apps, schema_editor):
    grant_to_editors(apps, "gallery")


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0005_schedule_and_history"),
        ("pages", "0005_editors_group"),
    ]

    # Reversing leaves the group to pages' own migration, which deletes it.
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
