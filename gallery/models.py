"""Before/after cases of real patients, shown only with consent and a disclaimer.

Not for the clinic's own pictures (logos, staff photos): those are static files.
"""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils.functional import cached_property

from pages.models import Page

from .images import (
    CleanPhoto,
    PhotoField,
    PrivateFileField,
    clean_photo,
    save_renditions,
    validate_upload_size,
)
from .storage import private_storage

SIDES = ("before", "after")


class CaseQuerySet(models.QuerySet):
    def with_consent(self):
        return self.filter(consent_on_file=True)

    def published(self):
        # Consent is checked here too: a bulk update or a raw edit that skipped clean()
        # still cannot put a case without consent on the site.
        return self.with_consent().filter(is_published=True, treatment__in=Page.objects.published())

    def for_treatment(self, page):
        return self.filter(treatment=page)

    def visible_to(self, user):
        """Staff who may view cases in the admin also preview unpublished ones."""
        return self if user.has_perm("gallery.view_case") else self.published()


class Photo:
    """One side of a case as a template shows it: alt text and prepared srcsets."""

    def __init__(self, case, side):
        self.label = side.capitalize()
        self.alt = getattr(case, f"{side}_alt")
        renditions = getattr(case, f"{side}_renditions")
        by_type = {}
        for rendition in renditions:
            url = reverse("gallery:image", kwargs={"pk": case.pk, "name": rendition["name"].rsplit("/", 1)[-1]})
            by_type.setdefault(rendition["type"], []).append((url, rendition))
        self.webp_srcset = srcset(by_type.get("image/webp", []))
        self.jpeg_srcset = srcset(by_type.get("image/jpeg", []))
        jpegs = by_type.get("image/jpeg") or [("", {"width": 0, "height": 0})]
        self.src, largest = jpegs[-1]
        self.thumbnail = jpegs[0][0]
        self.width, self.height = largest["width"], largest["height"]

    def __bool__(self):
        return bool(self.src)


def srcset(candidates):
    return ", ".join(f"{url} {rendition['width']}w" for url, rendition in candidates)


class Case(models.Model):
    """A patient's before and after photos of one treated area."""

    treatment = models.ForeignKey(
        Page,
        on_delete=models.PROTECT,
        related_name="cases",
        help_text="The treatment page this case belongs to; it is shown in that treatment's gallery.",
    )
    treated_area = models.CharField(
        max_length=120, help_text="The part of the face or body treated, e.g. “Forehead lines” or “Crow’s feet”."
    )
    procedure = models.CharField(
        "procedure performed",
        max_length=200,
        help_text="What was done, in plain words, e.g. “Botox injections”. Shown with the photos: "
        "California law asks that the procedures performed on a real patient are stated.",
    )
    before_image = PhotoField(
        help_text="The photo taken before treatment: a JPEG, PNG or WebP file of at most 15 MB. "
        "Location and camera details are removed automatically; the file itself is never shown.",
    )
    before_alt = models.CharField(
        "before photo description",
        max_length=250,
        help_text="Describes the before photo for patients who cannot see it, e.g. “Forehead "
        "with deep horizontal lines, before Botox”. Do not use the patient’s name.",
    )
    before_renditions = models.JSONField(default=list, editable=False)
    after_image = PhotoField(
        help_text="The photo taken after treatment, ideally from the same angle and light as the "
        "before photo. Same rules as the before photo.",
    )
    after_alt = models.CharField(
        "after photo description",
        max_length=250,
        help_text="Describes the after photo, e.g. “The same forehead with smoother skin, "
        "2 weeks after Botox”.",
    )
    after_renditions = models.JSONField(default=list, editable=False)
    caption = models.CharField(
        max_length=300, blank=True, help_text="Optional short note shown under the photos."
    )
    time_since_treatment = models.CharField(
        max_length=80,
        blank=True,
        help_text="When the after photo was taken, e.g. “2 weeks after treatment”.",
    )
    disclaimer = models.CharField(
        "disclaimer addition",
        max_length=300,
        blank=True,
        help_text="Optional words added to the site-wide disclaimer for this case only, e.g. "
        "“Results after two sessions.” The site-wide disclaimer is always shown; edit it in "
        "Clinic settings.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Cases with a smaller number come first in the gallery."
    )
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Tick to show this case on the website. Only possible when the patient’s "
        "signed authorization is on file.",
    )
    consent_on_file = models.BooleanField(
        "signed authorization on file",
        default=False,
        help_text="Tick only when the patient has signed a written authorization to use these "
        "photos in marketing. Consent to treatment is not enough.",
    )
    consent_recorded_on = models.DateField(
        "date recorded",
        null=True,
        blank=True,
        help_text="The day the signed authorization was checked and recorded here.",
    )
    consent_recorded_by = models.CharField(
        "recorded by",
        max_length=120,
        blank=True,
        help_text="The name of the staff member who checked the signed authorization.",
    )
    consent_reference = models.CharField(
        "where the signed form is kept",
        max_length=200,
        blank=True,
        help_text="Optional, e.g. “Patient chart, scanned 2 March”. Do not enter the patient’s "
        "name: this text is stored with the photos.",
    )
    consent_scan = PrivateFileField(
        "scan of the signed form",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "jpg", "jpeg", "png"]), validate_upload_size],
        help_text="Optional scan or photo (PDF, JPEG or PNG, at most 15 MB) of the signed authorization. Kept privately; "
        "never shown on the website.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="Filled in automatically.")
    updated_at = models.DateTimeField(auto_now=True, help_text="Filled in automatically.")

    objects = CaseQuerySet.as_manager()

    # File names as loaded from the database, so save() and delete() know what to remove.
    _stored_files = frozenset()

    class Meta:
        ordering = ["position", "-created_at"]
        verbose_name = "before-and-after case"

    def __str__(self):
        return f"{self.treatment} – {self.treated_area} (case {self.pk})"

    def get_absolute_url(self):
        return reverse("gallery:case", kwargs={"pk": self.pk})

    @classmethod
    def from_db(cls, db, field_names, values):
        case = super().from_db(db, field_names, values)
        if not case.get_deferred_fields():
            case._stored_files = case.file_names()
        return case

    @cached_property
    def before(self):
        return Photo(self, "before")

    @cached_property
    def after(self):
        return Photo(self, "after")

    def rendition(self, name):
        """The stored facts of one of this case's renditions, by file name, or None."""
        for rendition in self.before_renditions + self.after_renditions:
            if rendition["name"].rsplit("/", 1)[-1] == name:
                return rendition
        return None

    def file_names(self):
        names = {self.before_image.name, self.after_image.name, self.consent_scan.name}
        names.update(r["name"] for r in self.before_renditions + self.after_renditions)
        return frozenset(name for name in names if name)

    def clean(self):
        errors = {}
        if self.is_published and not self.consent_on_file:
            errors["is_published"] = (
                "This case cannot be published: the patient’s signed authorization is not on "
                "file. Tick “signed authorization on file” once it is."
            )
        if self.consent_on_file and not self.consent_recorded_on:
            errors["consent_recorded_on"] = "Enter the day the signed authorization was recorded."
        if self.consent_on_file and not self.consent_recorded_by.strip():
            errors["consent_recorded_by"] = "Enter who checked the signed authorization."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # A new photo, however it arrived (form, demo command, shell), goes through the
        # pipeline and gets its renditions here, so no unstripped image is ever stored.
        for side in SIDES:
            photo = getattr(self, f"{side}_image")
            if photo and not photo._committed:
                clean = photo.file if isinstance(photo.file, CleanPhoto) else clean_photo(photo.file)
                setattr(self, f"{side}_image", clean)
                setattr(self, f"{side}_renditions", save_renditions(clean.image))
        super().save(*args, **kwargs)
        stale = self._stored_files - self.file_names()
        transaction.on_commit(lambda: delete_files(stale))
        self._stored_files = self.file_names()

    def delete(self, *args, **kwargs):
        names = self.file_names()
        result = super().delete(*args, **kwargs)
        transaction.on_commit(lambda: delete_files(names))
        return result


def delete_files(names):
    for name in names:
        private_storage.delete(name)
