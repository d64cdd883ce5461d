# The consent tick and its fields, replaced by MarketingAuthorization (see 0003). A
# migration of its own: PostgreSQL refuses to ALTER a table with pending deferred
# foreign-key checks from the data migration in the same transaction.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('gallery', '0003_authorizations_from_consent_ticks'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='case',
            name='consent_on_file',
        ),
        migrations.RemoveField(
            model_name='case',
            name='consent_recorded_by',
        ),
        migrations.RemoveField(
            model_name='case',
            name='consent_recorded_on',
        ),
        migrations.RemoveField(
            model_name='case',
            name='consent_reference',
        ),
        migrations.RemoveField(
            model_name='case',
            name='consent_scan',
        ),
    ]
