import shutil
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils._os import safe_join

from ops.backup import CONTENT_NAME, file_roots
from publishing.versions import bump_content_version


class Command(BaseCommand):
    help = (
        "Put back an archive written by backup_site, into a migrated database without "
        "content and empty upload folders."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Empty the whole database and the upload folders first, then restore.",
        )

    def handle(self, archive, force, **options):
        found = self.existing_content()
        if found and not force:
            raise CommandError(
                f"Not empty: {', '.join(found)}. Restore into a new database and empty upload "
                "folders, or pass --force to replace everything that is there."
            )
        with tarfile.open(archive, "r:gz") as tar, tempfile.TemporaryDirectory() as scratch:
            content = Path(scratch) / CONTENT_NAME
            content.write_bytes(tar.extractfile(CONTENT_NAME).read())
            if force:
                call_command("flush", interactive=False, verbosity=0)
                for root in file_roots().values():
                    shutil.rmtree(root, ignore_errors=True)
            with transaction.atomic():
                call_command("loaddata", str(content), verbosity=0)
            files = self.restore_files(tar)
        bump_content_version()
        self.stdout.write(f"Restored {archive}: content and {files} file(s).")

    def existing_content(self):
        found = []
        for label in settings.BACKUP_LABELS:
            if "." in label:
                models = [apps.get_model(label)]
            else:
                models = apps.get_app_config(label).get_models()
            found += [model._meta.label for model in models if model._base_manager.exists()]
        for name, root in file_roots().items():
            if any(path.is_file() for path in Path(root).rglob("*")):
                found.append(f"files in {root}")
        return found

    def restore_files(self, tar):
        roots = file_roots()
        count = 0
        for member in tar.getmembers():
            folder, _, relative = member.name.partition("/")
            if folder not in roots or not member.isfile():
                continue
            # safe_join refuses names that would climb out of the folder ("../").
            target = Path(safe_join(roots[folder], relative))
            target.parent.mkdir(parents=True, exist_ok=True)
            with tar.extractfile(member) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out)
            count += 1
        return count
