from django.apps import AppConfig


class GalleryConfig(AppConfig):
    default_auto_field = 'django.db.models.BigAutoField'
    name = 'gallery'

    def ready(self):
        from django.core import checks

        from .storage import check_private_root_is_not_public

        checks.register(check_private_root_is_not_public, checks.Tags.security)
