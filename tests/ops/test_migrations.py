import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


def test_content_migrations_reverse_to_zero_and_apply_again():
    executor = MigrationExecutor(connection)
    for label in settings.CONTENT_APPS:
        if any(app == label for app, _ in executor.loader.graph.leaf_nodes()):
            call_command("migrate", label, "zero", verbosity=0)
    call_command("migrate", verbosity=0)
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []


def test_the_models_need_no_new_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
