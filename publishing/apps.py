from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save


class PublishingConfig(AppConfig):
    name = "publishing"

    def ready(self):
        from . import versions

        # A deliberate departure from STYLE.md's "no signals on our own models": the
        # content version must move on *every* change of content, and admin deletes,
        # cascades and loaddata never pass through our save() methods. The receivers
        # filter on settings.CONTENT_APPS, so a new content app only needs listing there.
        post_save.connect(versions.content_changed, dispatch_uid="content-saved")
        post_delete.connect(versions.content_changed, dispatch_uid="content-deleted")
        m2m_changed.connect(versions.content_changed, dispatch_uid="content-m2m")
        # A deploy runs migrate: pages cached by the old code (old templates, old static
        # file names) must not outlive it.
        post_migrate.connect(versions.bump_content_version, dispatch_uid="content-migrated")
