
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0002_editors_group'),
    ]

    operations = [
        migrations.AlterField(
            model_name='location',
            name='hours',
            field=models.TextField(blank=True, help_text='Opening hours as patients read them. Leave empty while they are not known: the site then leaves them out, or asks patients to call when there is a phone number.'),
        ),
        migrations.AlterField(
            model_name='location',
            name='street_address',
            field=models.TextField(blank=True, help_text='Street and suite, one per line. Leave empty while it is not known: the site then shows the city, and asks patients to call when there is a phone number.'),
        ),
    ]
