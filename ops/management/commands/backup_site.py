import io
import os
import tarfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from ops.backup import CONTENT_NAME, file_roots


class Command(BaseCommand):
    help = "Write the site's content (JSON) and uploaded files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Where to write, e.g. backups/site-2026-01-31.tar.gz")

    def handle(self, archive, **options):
        if settings.STORAGES["default"]["BACKEND"] != "django.core.files.storage.FileSystemStorage":
            self.stderr.write(
                "Uploads live in object storage: only MEDIA_ROOT is archived here; keep the "
                "bucket's own versioning or replication as their backup."
            )
        content = self.dump_content()
        path = Path(archive)
        path.parent.mkdir(parents=True, exist_ok=True)
        files = 0
        # Owner-only from the first byte: the archive holds staff accounts' password hashes.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            info = tarfile.TarInfo(CONTENT_NAME)
            info.size, info.mtime = len(content), int(time.time())
            tar.addfile(info, io.BytesIO(content))
            for name, root in file_roots().items():
                for file in sorted(Path(root).rglob("*")):
                    if file.is_file():
                        tar.add(file, arcname=f"{name}/{file.relative_to(root).as_posix()}")
                        files += 1
        self.stdout.write(f"Wrote {path}: {len(content)} bytes of content, {files} file(s).")

    def dump_content(self):
        out = io.StringIO()
        # One snapshot of every table, so rows saved while the backup runs cannot leave
        # a page without its sections. PostgreSQL needs REPEATABLE READ for that; SQLite's
        # read transaction already is one.
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            call_command(
                "dumpdata",
                *settings.BACKUP_LABELS,
                natural_foreign=True,
                natural_primary=True,
                indent=1,
                stdout=out,
            )
        return out.getvalue().encode()
