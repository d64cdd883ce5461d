"""What backup_site saves and restore_site puts back: one .tar.gz holding

    content.json   the rows of settings.BACKUP_LABELS, natural keys, one snapshot
    media/...      every file under MEDIA_ROOT (public uploads, renditions)
    private/...    every file under PRIVATE_MEDIA_ROOT, when the site has one
"""

from django.conf import settings

CONTENT_NAME = "content.json"


def file_roots():
    """Archive folder name -> local folder, for each folder of uploads to save."""
    roots = {"media": settings.MEDIA_ROOT}
    private = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if private:
        roots["private"] = private
    return roots
