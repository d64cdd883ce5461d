"""Editors may add and edit cases and file authorizations (see pages/roles.py)."""

from django.db import migrations

from pages.roles import grant_to_editors


def grant(apps, schema_editor):
    grant_to_editors(apps, "gallery")


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0001_initial"),
        ("pages", "0002_editors_group"),
    ]

    # Reversing leaves the group to pages' own migration, which deletes it.
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
