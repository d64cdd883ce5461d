"""The "Editors" group: clinic staff who keep the content up to date, with least privilege.

Not users, groups or permissions (only superusers manage accounts). Each app's data
migration grants its own share with `grant_to_editors`, so the group is complete on a
fresh database and after every upgrade.
"""

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
    # On a fresh database Django creates permissions only after every migration has run
    # (post_migrate), so the ones the group needs are created here; Django's own pass then
    # finds them and adds only the rest.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    for model_name, actions in EDITOR_PERMISSIONS[app_label].items():
        model = apps.get_model(app_label, model_name)
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model_name}",
                defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
            )
            group.permissions.add(permission)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()
