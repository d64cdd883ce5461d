"""Photos kept while a form has errors, so staff never upload them twice.

A photo is cleaned (gallery.images) as soon as its form is submitted. When the form has an
error elsewhere, the clean photo waits in private storage under a random token, which the
form carries back in a hidden field; the next submit takes it from there. Kept photos are
never public, and any left unused are removed after a day.
"""

import io
import re
import secrets
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from .storage import private_storage

FOLDER = "gallery/kept"
TOKEN = re.compile(r"[A-Za-z0-9_-]{22}")  # secrets.token_urlsafe(16)
MASTERS = {"jpg": "JPEG", "png": "PNG"}  # what clean_photo writes, by file extension
KEPT_FOR = timedelta(days=1)
THUMBNAIL = (320, 320)


def keep(photo):
    """Store a CleanPhoto under a new token, with a thumbnail for the form; return the token."""
    purge_stale()
    token = secrets.token_urlsafe(16)
    private_storage.save(master_name(token, photo.name.rsplit(".", 1)[-1]), ContentFile(photo.file.getvalue()))
    thumbnail = photo.image.copy()
    thumbnail.thumbnail(THUMBNAIL)
    buffer = io.BytesIO()
    thumbnail.save(buffer, "JPEG", quality=80)
    private_storage.save(thumbnail_name(token), ContentFile(buffer.getvalue()))
    return token


def kept(token):
    """The master bytes and format kept under `token`, or None when there is none (any more)."""
    if not TOKEN.fullmatch(token or ""):
        return None
    for extension, fmt in MASTERS.items():
        if private_storage.exists(name := master_name(token, extension)):
            with private_storage.open(name) as file:
                return file.read(), fmt
    return None


def master_name(token, extension):
    return f"{FOLDER}/{token}.{extension}"


def thumbnail_name(token):
    return f"{FOLDER}/{token}-thumbnail.jpg" if TOKEN.fullmatch(token or "") else None


def forget(token):
    """Remove a kept photo once the form that kept it has been saved."""
    for name in [*(master_name(token, extension) for extension in MASTERS), thumbnail_name(token)]:
        private_storage.delete(name)  # a file that is not there is no error


def forget_on_commit(tokens):
    for token in tokens:
        transaction.on_commit(lambda token=token: forget(token))


def purge_stale(now=None):
    """Remove kept photos older than a day: their form was abandoned."""
    if not private_storage.exists(FOLDER):
        return
    oldest = (now or timezone.now()) - KEPT_FOR
    for name in private_storage.listdir(FOLDER)[1]:
        if private_storage.get_modified_time(f"{FOLDER}/{name}") < oldest:
            private_storage.delete(f"{FOLDER}/{name}")


def open_master(data):
    image = Image.open(io.BytesIO(data))
    image.load()
    return image
