"""Private file storage: files the site keeps but no web server serves directly."""

from django.conf import settings
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
