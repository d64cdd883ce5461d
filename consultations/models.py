from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class ConsultationRequestQuerySet(models.QuerySet):
    def older_than(self, days):
        return self.filter(created_at__lt=timezone.now() - timedelta(days=days))


class ConsultationRequest(models.Model):
    """A patient asking to be contacted about a consultation."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        CLOSED = "closed", "Closed"

    name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    location = models.ForeignKey(
        "pages.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_requests",
        verbose_name="preferred office",
    )
    treatment = models.ForeignKey(
        "pages.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_requests",
        verbose_name="treatment of interest",
    )
    message = models.TextField(blank=True, max_length=2000)
    consent_to_contact = models.BooleanField(
        default=False, help_text="The patient agreed to be contacted about this request."
    )
    status = models.CharField(max_length=12, choices=Status, default=Status.NEW)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # A keyed hash, never the address itself: enough to spot abuse, useless to anyone else.
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # A constraint, not clean(): a form skips it when the email itself was invalid,
            # so the patient reads "Enter a valid email address" and not both messages.
            models.CheckConstraint(
                condition=~models.Q(email="", phone=""),
                name="consultation_request_email_or_phone",
                violation_error_message="Give an email address or a phone number so we can reply.",
            ),
        ]

    def __str__(self):
        return f"Request #{self.pk} ({self.get_status_display()})"

    def clean(self):
        if not self.consent_to_contact:
            raise ValidationError(
                {"consent_to_contact": "Please agree to be contacted, so we can answer your request."}
            )
