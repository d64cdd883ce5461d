"""Who a case's photos show: a patient, a model or an illustration (was a "model" tick)."""

from django.db import migrations, models

SUBJECT = models.CharField(
    choices=[
        ("patient", "A patient of the clinic"),
        ("model", "A model, not a patient"),
        ("illustration", "An illustration, not a photo of a person"),
    ],
    default="patient",
    help_text="For a model or an illustration, the photos carry a notice saying so, right under them "
    "(California B&P 651: a model must be named as such on the image).",
    max_length=12,
    verbose_name="who the photos show",
)


def models_stay_models(apps, schema_editor):
    # A case ticked "model" keeps its notice; nothing is ever shown as a patient by default.
    apps.get_model("gallery", "Case").objects.filter(is_model=True).update(subject="model")


def subjects_to_ticks(apps, schema_editor):
    apps.get_model("gallery", "Case").objects.exclude(subject="patient").update(is_model=True)


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0002_editors_permissions"),
    ]

    operations = [
        migrations.AddField(model_name="case", name="subject", field=SUBJECT),
        migrations.AddField(model_name="historicalcase", name="subject", field=SUBJECT),
        migrations.RunPython(models_stay_models, subjects_to_ticks),
        migrations.RemoveField(model_name="case", name="is_model"),
        migrations.RemoveField(model_name="historicalcase", name="is_model"),
    ]
