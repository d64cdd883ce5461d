"""Scheduled publishing shared by every public content model (treatment pages, cases).

Visibility follows the clock in the queryset: nothing flips flags at publish time, so
there is no cron job to forget. The compliance rules themselves are not here: each
model states its own blockers, and CheckedPublishingQuerySet takes them out of `live()`.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone


class PublishingQuerySet(models.QuerySet):
    def live(self, now=None):
        """Rows ticked as published whose schedule includes `now` (default: now)."""
        now = now or timezone.now()
        return self.filter(
            Q(publish_from__isnull=True) | Q(publish_from__lte=now),
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now),
            is_published=True,
        )

    def published(self):
        # Models with rules of their own (safety information, consent) extend this.
        return self.live()


def any_of(conditions):
    """One Q for the rows meeting any of the conditions; no row when there are none."""
    q = Q(pk__in=[])
    for condition in conditions:
        q |= condition
    return q


class CheckedPublishingQuerySet(PublishingQuerySet):
    """Live rows minus the blocked ones. A model's `blockers()` answers "why can't these
    rows be public" as {reason: Q of the rows it blocks}; its publication_blockers()
    answers the same for one row."""

    @staticmethod
    def blockers():
        raise NotImplementedError

    def published(self):
        # A blocked row is never public, whatever its flag and schedule say.
        return self.live().exclude(self.blocked_q())

    def blocked(self, reason=None):
        return self.filter(self.blocked_q(reason))

    @classmethod
    def blocked_q(cls, reason=None):
        blockers = cls.blockers()
        return blockers[reason] if reason else any_of(blockers.values())


class ScheduledPublishing(models.Model):
    """A published flag plus an optional time window, as the gallery's Case adopts it:

        class CaseQuerySet(CheckedPublishingQuerySet):
            @staticmethod
            def blockers():
                return case_blockers(timezone.localdate())

        class Case(ScheduledPublishing):
            objects = CaseQuerySet.as_manager()

            def clean(self):
                super().clean()            # the schedule's own rule
                ...

    next_visibility_change() then counts its rows without further code.
    """

    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Tick to show this to the public. Unticked, it is hidden whatever the dates below say.",
    )
    publish_from = models.DateTimeField(
        "show from",
        null=True,
        blank=True,
        help_text="Optional. When ticked as published, it appears on the site at this date and time "
        "(clinic time). Leave empty to show it straight away.",
    )
    unpublish_at = models.DateTimeField(
        "hide from",
        null=True,
        blank=True,
        help_text="Optional. It disappears from the site at this date and time, e.g. when an offer "
        "ends. Leave empty to keep it up.",
    )

    # The form field that fixes each publication blocker; any other is said at "published".
    blocker_fields = {}

    class Meta:
        abstract = True

    def publication_errors(self, blockers):
        """`blockers` as a ValidationError, each reason said at the field that fixes it."""
        errors = {}
        for reason in blockers:
            errors.setdefault(self.blocker_fields.get(reason, "is_published"), []).append(reason)
        return ValidationError(errors)

    def is_live(self, now=None):
        """The per-row answer to `live()`, for the admin and templates."""
        now = now or timezone.now()
        return (
            self.is_published
            and (self.publish_from is None or self.publish_from <= now)
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    def clean(self):
        super().clean()
        if self.publish_from and self.unpublish_at and self.unpublish_at <= self.publish_from:
            raise ValidationError({"unpublish_at": "The “hide from” time must be after the “show from” time."})


def next_visibility_change(now=None):
    """The next moment any scheduled row appears or disappears, or None when none is due.

    For caches: a cached public page must not outlive this moment, so the page cache
    caps its timeout with it, e.g.

        change = next_visibility_change()
        if change:
            timeout = min(timeout, max(1, int((change - timezone.now()).total_seconds())))

    Every concrete model that inherits ScheduledPublishing counts, so a new content model
    (the gallery's Case) is covered as soon as it inherits. Only rows ticked as published
    count: an unticked row never appears by itself.
    """
    now = now or timezone.now()
    moments = []
    for model in apps.get_models():
        if not issubclass(model, ScheduledPublishing):
            continue
        ticked = model._default_manager.filter(is_published=True)
        moments += ticked.aggregate(
            start=Min("publish_from", filter=Q(publish_from__gt=now)),
            end=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
        ).values()
    return min((moment for moment in moments if moment), default=None)
