"""The "Editors" group with the pages app's share of its permissions (see pages/roles.py)."""

from django.db import migrations

from pages.roles import grant_to_editors, remove_editors


def grant(apps, schema_editor):
    grant_to_editors(apps, "pages")


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, remove_editors)]
