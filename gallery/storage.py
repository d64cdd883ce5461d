"""Private file storage: files the site keeps but no web server serves directly."""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT, which lies outside MEDIA_ROOT.

    They have no URL: Django reads them and serves them itself, after a permission
    check (see gallery.views.case_image). The location is read on every use rather
    than once at import, so tests and deployments can point it elsewhere.
    """

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return str(self.base_location)

    def url(self, name):
        raise ValueError(f"{name} is private and has no public URL.")


private_storage = PrivateStorage()


def check_private_root_is_not_public(app_configs=None, **kwargs):
    """A private folder inside MEDIA_ROOT or STATIC_ROOT would be served to anyone."""
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    public = [Path(root).resolve() for root in (settings.MEDIA_ROOT, settings.STATIC_ROOT) if root]
    if any(private == root or root in private.parents or private in root.parents for root in public):
        return [
            checks.Error(
                "PRIVATE_MEDIA_ROOT overlaps MEDIA_ROOT or STATIC_ROOT, which web servers serve.",
                hint="Set DJANGO_PRIVATE_MEDIA_ROOT to a folder of its own.",
                id="gallery.E001",
            )
        ]
    return []
