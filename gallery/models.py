"""Before/after cases of real patients, shown only under a valid marketing authorization
and with a disclaimer.

Not for the clinic's own pictures (logos, staff photos): those are static files.
"""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from simple_history.models import HistoricalRecords

from pages.models import Page
from publishing.models import CheckedPublishingQuerySet, ScheduledPublishing

from .images import (
    PhotoField,
    Picture,
    PrivateFileField,
    clean_upload,
    save_renditions,
    validate_upload_size,
)
from .storage import private_storage

SIDES = ("before", "after")


BLOCKED_NO_AUTHORIZATION = "No authorization: choose the patient’s signed marketing authorization."
BLOCKED_AUTHORIZATION_REVOKED = "Authorization revoked: the patient withdrew it, so the case must stay off the website."
BLOCKED_AUTHORIZATION_EXPIRED = "Authorization expired: record a new signed authorization or a later expiry date."
BLOCKED_AUTHORIZATION_SCOPE = "Authorization does not cover the website: its scope excludes the website gallery."
BLOCKED_FACE_NOT_COVERED = (
    "Identifiable face not covered by the authorization: the photos show the face, "
    "but the authorization does not allow it."
)
BLOCKED_ATTESTATION_MISSING = (
    "Unaltered-photo attestation missing: enter who confirmed the photos are unaltered, and when."
)
BLOCKED_TREATMENT_NOT_PUBLIC = "Treatment page not public: the case shows once its treatment page is published."

# In the order staff should fix them; the keys of case_blockers() and the admin filter.
CASE_BLOCKER_REASONS = [
    BLOCKED_NO_AUTHORIZATION,
    BLOCKED_AUTHORIZATION_REVOKED,
    BLOCKED_AUTHORIZATION_EXPIRED,
    BLOCKED_AUTHORIZATION_SCOPE,
    BLOCKED_FACE_NOT_COVERED,
    BLOCKED_ATTESTATION_MISSING,
    BLOCKED_TREATMENT_NOT_PUBLIC,
]


# Where the admin form says each reason: at the field that fixes it.
BLOCKER_FIELDS = {
    BLOCKED_NO_AUTHORIZATION: "authorization",
    BLOCKED_AUTHORIZATION_REVOKED: "authorization",
    BLOCKED_AUTHORIZATION_EXPIRED: "authorization",
    BLOCKED_AUTHORIZATION_SCOPE: "authorization",
    BLOCKED_FACE_NOT_COVERED: "shows_identifiable_face",
    BLOCKED_ATTESTATION_MISSING: "unaltered_attested_by",
}


def case_blockers(today):
    """Why a case cannot be public on `today`, each reason with the rows it blocks.

    published() asks with the clinic's date at each call, so an authorization that
    expires or is revoked hides its cases at once, with no cron job. Case.publication_blockers() answers the same for one case; a test
    keeps the two in step.
    """
    return {
        BLOCKED_NO_AUTHORIZATION: models.Q(authorization__isnull=True),
        BLOCKED_AUTHORIZATION_REVOKED: models.Q(authorization__revoked_on__isnull=False),
        BLOCKED_AUTHORIZATION_EXPIRED: models.Q(authorization__expires_on__lt=today),
        BLOCKED_AUTHORIZATION_SCOPE: models.Q(authorization__scope=MarketingAuthorization.Scope.SOCIAL_MEDIA),
        BLOCKED_FACE_NOT_COVERED: models.Q(
            shows_identifiable_face=True, authorization__covers_identifiable_face=False
        ),
        BLOCKED_ATTESTATION_MISSING: models.Q(unaltered_attested_by="") | models.Q(unaltered_attested_on__isnull=True),
        BLOCKED_TREATMENT_NOT_PUBLIC: ~models.Q(treatment__in=Page.objects.published()),
    }


class MarketingAuthorizationQuerySet(models.QuerySet):
    def valid(self, today=None):
        return self.exclude(self.invalid_q(today))

    def expired(self, today=None):
        return self.filter(revoked_on__isnull=True, expires_on__lt=today or timezone.localdate())

    def revoked(self):
        return self.filter(revoked_on__isnull=False)

    @staticmethod
    def invalid_q(today=None):
        return models.Q(revoked_on__isnull=False) | models.Q(expires_on__lt=today or timezone.localdate())


class MarketingAuthorization(models.Model):
    """A patient's signed permission to use their photos in the clinic's marketing.

    Treatment consent does not cover marketing (HIPAA, 45 CFR 164.508): this written
    authorization does, until it expires or the patient revokes it.
    """

    class Scope(models.TextChoices):
        WEBSITE = "website", "Website gallery only"
        WEBSITE_AND_SOCIAL = "website_social", "Website gallery and social media"
        SOCIAL_MEDIA = "social", "Social media only (not the website)"

    reference = models.CharField(
        "patient reference",
        max_length=120,
        help_text="How staff find the patient’s file, e.g. the chart number or initials and "
        "date (“CH-1042” or “J.D. 2026-03-02”). Never the patient’s name: this is stored "
        "next to the photos.",
    )
    signed_on = models.DateField(help_text="The day the patient signed the authorization.")
    scope = models.CharField(
        max_length=20,
        choices=Scope,
        default=Scope.WEBSITE,
        help_text="Where the patient allowed the photos to be used, as written on the signed form.",
    )
    expires_on = models.DateField(
        help_text="The expiry date written on the signed form. The cases disappear from the "
        "website on the day after it, automatically."
    )
    revoked_on = models.DateField(
        null=True,
        blank=True,
        help_text="Fill in when the patient withdraws the authorization: its cases leave the "
        "website at once. Leave empty otherwise.",
    )
    covers_identifiable_face = models.BooleanField(
        "covers an identifiable face",
        default=False,
        help_text="Tick only when the signed form allows photos in which the patient’s face "
        "can be recognized.",
    )
    recorded_by = models.CharField(
        max_length=120, help_text="The staff member who checked the signed form and entered it here."
    )
    document = PrivateFileField(
        "signed form",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "jpg", "jpeg", "png"]), validate_upload_size],
        help_text="Optional scan or photo (PDF, JPEG or PNG, at most 25 MB) of the signed form. "
        "Kept privately; never shown on the website.",
    )
    needs_review = models.BooleanField(
        default=False,
        help_text="Ticked on authorizations carried over from the old “signed authorization on "
        "file” tick: check the signed form’s real expiry date and scope, then untick.",
    )
    notes = models.TextField(blank=True, help_text="For staff only. Do not enter the patient’s name.")
    created_at = models.DateTimeField(auto_now_add=True, help_text="Filled in automatically.")
    updated_at = models.DateTimeField(auto_now=True, help_text="Filled in automatically.")

    objects = MarketingAuthorizationQuerySet.as_manager()
    history = HistoricalRecords()  # a consent record: keep who changed it and when

    class Meta:
        ordering = ["-signed_on", "reference"]
        verbose_name = "photo authorization"

    def __str__(self):
        return f"{self.reference} (signed {self.signed_on:%Y-%m-%d}, {self.status_label.lower()})"

    @property
    def status(self):
        if self.revoked_on:
            return "revoked"
        if self.expires_on < timezone.localdate():
            return "expired"
        return "valid"

    @property
    def status_label(self):
        if self.status == "valid":
            return f"Valid until {self.expires_on:%Y-%m-%d}"
        if self.status == "expired":
            return f"Expired on {self.expires_on:%Y-%m-%d}"
        return f"Revoked on {self.revoked_on:%Y-%m-%d}"

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.signed_on and self.signed_on > today:
            errors["signed_on"] = "The signing date cannot be in the future."
        if self.signed_on and self.expires_on and self.expires_on < self.signed_on:
            errors["expires_on"] = "The expiry date cannot be before the signing date."
        if self.revoked_on and self.revoked_on > today:
            errors["revoked_on"] = "Enter the day the patient withdrew it, not a future date."
        if errors:
            raise ValidationError(errors)

    def delete(self, *args, **kwargs):
        name = self.document.name
        result = super().delete(*args, **kwargs)
        transaction.on_commit(lambda: delete_files([name] if name else []))
        return result


SUBJECT_NOTICES = {
    "model": "Model — not a patient",
    "illustration": "Illustration — not a photo of a patient",
}


class CaseQuerySet(CheckedPublishingQuerySet):
    @staticmethod
    def blockers():
        # With today's date each time a queryset is built: a bulk update, a raw edit that
        # skipped clean(), or an authorization that expired overnight still cannot put
        # a case on the site.
        return case_blockers(timezone.localdate())

    def for_treatment(self, page):
        return self.filter(treatment=page)

    def visible_to(self, user):
        """Staff who may view cases in the admin also preview unpublished ones."""
        return self if user.has_perm("gallery.view_case") else self.published()


class Photo(Picture):
    """One side of a case as a template shows it: its label, alt text and srcsets."""

    def __init__(self, case, side):
        super().__init__(
            getattr(case, f"{side}_renditions"),
            lambda name: case.images_url + name.rsplit("/", 1)[-1],
            alt=getattr(case, f"{side}_alt"),
        )
        self.label = side.capitalize()


class Case(ScheduledPublishing):
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
        help_text="The photo taken before treatment: a JPEG, PNG, WebP, HEIC or AVIF file of at most 25 MB. "
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
        help_text="Tick to show this case on the website. Only possible while the patient’s "
        "signed authorization is valid and the photos are attested unaltered.",
    )
    authorization = models.ForeignKey(
        MarketingAuthorization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="photo authorization",
        help_text="The patient’s signed authorization to use these photos in marketing. "
        "Consent to treatment is not enough. Add a new one with the + button.",
    )
    shows_identifiable_face = models.BooleanField(
        "shows an identifiable face",
        default=False,
        help_text="Tick when the patient could be recognized in either photo (e.g. a full face). "
        "The authorization must then allow an identifiable face.",
    )

    class Subject(models.TextChoices):
        PATIENT = "patient", "A patient of the clinic"
        MODEL = "model", "A model, not a patient"
        ILLUSTRATION = "illustration", "An illustration, not a photo of a person"

    subject = models.CharField(
        "who the photos show",
        max_length=12,
        choices=Subject,
        default=Subject.PATIENT,
        help_text="For a model or an illustration, the photos carry a notice saying so, right "
        "under them (California B&P 651: a model must be named as such on the image).",
    )
    unaltered_attested_by = models.CharField(
        "photos unaltered: confirmed by",
        max_length=120,
        blank=True,
        help_text="The name of the person confirming that the photos were not retouched or "
        "edited, other than cropping and resizing. Required to publish.",
    )
    unaltered_attested_on = models.DateField(
        "photos unaltered: confirmed on",
        null=True,
        blank=True,
        help_text="The day they confirmed it.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="Filled in automatically.")
    updated_at = models.DateTimeField(auto_now=True, help_text="Filled in automatically.")

    objects = CaseQuerySet.as_manager()
    blocker_fields = BLOCKER_FIELDS
    # Who changed what and when; the admin's History can revert a case.
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

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
    def images_url(self):
        # Reversed once for the case's eight renditions (a reverse() per file was a fifth
        # of a gallery page's time): the route with an empty file name.
        return reverse("gallery:image", kwargs={"pk": self.pk, "name": "-"})[:-1]

    @cached_property
    def before(self):
        return Photo(self, "before")

    @cached_property
    def after(self):
        return Photo(self, "after")

    @property
    def subject_notice(self):
        """What patients read under the photos when they do not show a patient."""
        return SUBJECT_NOTICES.get(self.subject, "")

    def rendition(self, name):
        """The stored facts of one of this case's renditions, by file name, or None."""
        for rendition in self.before_renditions + self.after_renditions:
            if rendition["name"].rsplit("/", 1)[-1] == name:
                return rendition
        return None

    def file_names(self):
        names = {self.before_image.name, self.after_image.name}
        names.update(r["name"] for r in self.before_renditions + self.after_renditions)
        return frozenset(name for name in names if name)

    def publication_blockers(self, today=None):
        """Why this case cannot be public, in plain words; empty when it can."""
        today = today or timezone.localdate()
        authorization = self.authorization
        treatment = self.treatment if self.treatment_id else None
        checks = {
            BLOCKED_NO_AUTHORIZATION: authorization is None,
            BLOCKED_AUTHORIZATION_REVOKED: authorization is not None and authorization.revoked_on is not None,
            BLOCKED_AUTHORIZATION_EXPIRED: authorization is not None and authorization.expires_on < today,
            BLOCKED_AUTHORIZATION_SCOPE: authorization is not None
            and authorization.scope == MarketingAuthorization.Scope.SOCIAL_MEDIA,
            BLOCKED_FACE_NOT_COVERED: self.shows_identifiable_face
            and authorization is not None
            and not authorization.covers_identifiable_face,
            BLOCKED_ATTESTATION_MISSING: not self.unaltered_attested_by or self.unaltered_attested_on is None,
            # Mirrors Page.objects.published().
            BLOCKED_TREATMENT_NOT_PUBLIC: treatment is None
            or not treatment.is_live()
            or bool(treatment.publication_blockers()),
        }
        return [reason for reason in CASE_BLOCKER_REASONS if checks[reason]]

    def clean(self):
        super().clean()  # the schedule's own rule
        # A case may wait, ticked published, for its treatment page to go public: that
        # page's own check decides. Refusing here would make every edit of the page's
        # cases fail while the page is a draft.
        blockers = [reason for reason in self.publication_blockers() if reason != BLOCKED_TREATMENT_NOT_PUBLIC]
        if self.is_published and blockers:
            raise self.publication_errors(blockers)

    def save(self, *args, **kwargs):
        # A new photo, however it arrived (form, demo command, shell), goes through the
        # pipeline and gets its renditions here, so no unstripped image is ever stored.
        for side in SIDES:
            photo = getattr(self, f"{side}_image")
            if photo and not photo._committed:
                clean = clean_upload(photo.file)
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


def treatments_with_cases():
    """The public treatments with at least one public case: what the gallery filters by."""
    return Page.objects.published().filter(cases__in=Case.objects.published()).distinct()


def delete_files(names):
    for name in names:
        private_storage.delete(name)
