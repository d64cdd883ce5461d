"""The "Editors" group: clinic staff who keep the content up to date, with least privilege.

Not users, groups or permissions (only superusers manage accounts). Each app's data
migration grants its own share with `grant_to_editors`, so the group is complete on a
fresh database and after every upgrade.
"""

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"

EDITOR_PERMISSIONS = {
    "pages": {
        "page": ["add", "change", "delete", "view"],
        "section": ["add", "change", "delete", "view"],
        "item": ["add", "change", "delete", "view"],
        "physician": ["add", "change", "delete", "view"],
        "location": ["add", "change", "delete", "view"],
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
    },
    "gallery": {
        "case": ["add", "change", "delete", "view"],
        # Consent records: editors file and update them (revoking included); deleting one
        # would erase the evidence, so that is for an administrator.
        "marketingauthorization": ["add", "change", "view"],
        "historicalcase": ["view"],
        "historicalmarketingauthorization": ["view"],
    },
    # Requests hold personal data: editors read them and update their status, never
    # delete them (the retention command does that).
    "consultations": {
        "consultationrequest": ["change", "view"],
    },
}


def grant_to_editors(apps, app_label):
    """Give the Editors group `app_label`'s share of EDITOR_PERMISSIONS (used by migrations)."""
    # On a fresh database permissions are only created after all migrations have run
    # (post_migrate); create them now so the group can be given them. create_permissions
    # skips app configs without a models module, which a migration's app registry lacks.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [
        f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS[app_label].items() for action in actions
    ]
    permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    assert permissions.count() == len(codenames), f"a permission of the Editors group is missing in {app_label}"
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(*permissions)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()
