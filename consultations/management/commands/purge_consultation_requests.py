from django.conf import settings
from django.core.management.base import BaseCommand

from consultations.models import ConsultationRequest


class Command(BaseCommand):
    help = "Delete consultation requests older than the retention period (CONSULTATION_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Keep this many days instead of CONSULTATION_RETENTION_DAYS."
        )
        parser.add_argument("--dry-run", action="store_true", help="Only say how many would be deleted.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.CONSULTATION_RETENTION_DAYS if days is None else days
        old = ConsultationRequest.objects.older_than(days)
        if dry_run:
            self.stdout.write(f"Would delete {old.count()} consultation request(s) older than {days} days.")
            return
        deleted, _ = old.delete()
        self.stdout.write(f"Deleted {deleted} consultation request(s) older than {days} days.")
