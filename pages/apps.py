from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save


class PagesConfig(AppConfig):
    default_auto_field = 'django.db.models.BigAutoField'
    name = 'pages'

    def ready(self):
        from . import rendering
        from .models import Item, Section

        # Signals, against STYLE.md's rule, for the reason ops gives: a page's stored
        # rendering must follow every change of its sections and items, and inline and
        # bulk deletes, cascades and history restores never pass through our methods.
        for model in (Section, Item):
            uid = f"pages-render-{model.__name__}"
            pre_save.connect(rendering.part_saving, sender=model, dispatch_uid=uid + "-saving")
            post_save.connect(rendering.part_saved, sender=model, dispatch_uid=uid + "-saved")
            post_delete.connect(rendering.part_deleted, sender=model, dispatch_uid=uid + "-deleted")
        post_migrate.connect(rendering.render_all, sender=self, dispatch_uid="pages-render-migrated")
