"""The "Editors" group: clinic staff who keep the content up to date, with least privilege.

Not users, groups or permissions (only superusers manage accounts). Gallery cases and
consultation requests live in other apps: their own migrations add their permissions
to this group (gallery: case add/change/delete/view; consultations: view/change only,
as those rows hold personal data).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
PERMISSIONS = {
    "page": ["add", "change", "delete", "view"],
    "section": ["add", "change", "delete", "view"],
    "item": ["add", "change", "delete", "view"],
    # Compliance text: editors write and update it; deleting is for an administrator.
    "safetyinformation": ["add", "change", "view"],
    # One row, edited in place: never added or deleted.
    "clinicsettings": ["change", "view"],
    # History is read-only; reverting uses the change permission of the model itself.
    "historicalpage": ["view"],
    "historicalsection": ["view"],
    "historicalitem": ["view"],
    "historicalsafetyinformation": ["view"],
    "historicalclinicsettings": ["view"],
}


def create_editors(apps, schema_editor):
    # On a fresh database permissions are only created after all migrations have run
    # (post_migrate); create them now so the group can be given them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    permissions = Permission.objects.filter(content_type__app_label="pages", codename__in=codenames)
    assert permissions.count() == len(codenames), "a permission of the Editors group is missing"
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_schedule_drafts_and_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
