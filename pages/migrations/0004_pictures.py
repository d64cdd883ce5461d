
import gallery.images
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0003_location_help_texts'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='physician',
            name='photo',
        ),
        migrations.RemoveField(
            model_name='physician',
            name='photo_alt',
        ),
        migrations.AddField(
            model_name='clinicsettings',
            name='image',
            field=gallery.images.PublicPhotoField(blank=True, help_text='Optional. A JPEG, PNG or WebP file of at most 15 MB. The site removes camera and location details, turns it upright and makes web sizes. Never a patient photo.', upload_to=gallery.images.public_master_path),
        ),
        migrations.AddField(
            model_name='clinicsettings',
            name='image_alt',
            field=models.CharField(blank=True, help_text='Required with an image: what it shows, for patients who cannot see it.', max_length=200, verbose_name='image description'),
        ),
        migrations.AddField(
            model_name='clinicsettings',
            name='image_renditions',
            field=models.JSONField(default=list, editable=False),
        ),
        migrations.AddField(
            model_name='historicalclinicsettings',
            name='image',
            field=models.TextField(blank=True, help_text='Optional. A JPEG, PNG or WebP file of at most 15 MB. The site removes camera and location details, turns it upright and makes web sizes. Never a patient photo.', max_length=100),
        ),
        migrations.AddField(
            model_name='historicalclinicsettings',
            name='image_alt',
            field=models.CharField(blank=True, help_text='Required with an image: what it shows, for patients who cannot see it.', max_length=200, verbose_name='image description'),
        ),
        migrations.AddField(
            model_name='historicalclinicsettings',
            name='image_renditions',
            field=models.JSONField(default=list, editable=False),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='image',
            field=models.TextField(blank=True, help_text='Optional. A JPEG, PNG or WebP file of at most 15 MB. The site removes camera and location details, turns it upright and makes web sizes. Never a patient photo.', max_length=100),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='image_alt',
            field=models.CharField(blank=True, help_text='Required with an image: what it shows, for patients who cannot see it.', max_length=200, verbose_name='image description'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='image_renditions',
            field=models.JSONField(default=list, editable=False),
        ),
        migrations.AddField(
            model_name='location',
            name='image',
            field=gallery.images.PublicPhotoField(blank=True, help_text='Optional. A JPEG, PNG or WebP file of at most 15 MB. The site removes camera and location details, turns it upright and makes web sizes. Never a patient photo.', upload_to=gallery.images.public_master_path),
        ),
        migrations.AddField(
            model_name='location',
            name='image_alt',
            field=models.CharField(blank=True, help_text='Required with an image: what it shows, for patients who cannot see it.', max_length=200, verbose_name='image description'),
        ),
        migrations.AddField(
            model_name='location',
            name='image_renditions',
            field=models.JSONField(default=list, editable=False),
        ),
        migrations.AddField(
            model_name='page',
            name='image',
            field=gallery.images.PublicPhotoField(blank=True, help_text='Optional. A JPEG, PNG or WebP file of at most 15 MB. The site removes camera and location details, turns it upright and makes web sizes. Never a patient photo.', upload_to=gallery.images.public_master_path),
        ),
        migrations.AddField(
            model_name='page',
            name='image_alt',
            field=models.CharField(blank=True, help_text='Required with an image: what it shows, for patients who cannot see it.', max_length=200, verbose_name='image description'),
        ),
        migrations.AddField(
            model_name='page',
            name='image_renditions',
            field=models.JSONField(default=list, editable=False),
        ),
        migrations.AddField(
            model_name='physician',
            name='image',
            field=gallery.images.PublicPhotoField(blank=True, help_text='Optional. A JPEG, PNG or WebP file of at most 15 MB. The site removes camera and location details, turns it upright and makes web sizes. Never a patient photo.', upload_to=gallery.images.public_master_path),
        ),
        migrations.AddField(
            model_name='physician',
            name='image_alt',
            field=models.CharField(blank=True, help_text='Required with an image: what it shows, for patients who cannot see it.', max_length=200, verbose_name='image description'),
        ),
        migrations.AddField(
            model_name='physician',
            name='image_renditions',
            field=models.JSONField(default=list, editable=False),
        ),
    ]
