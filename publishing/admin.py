"""The publication check, shared by every admin of public content (treatment pages, cases)."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html


class PublicationCheckFilter(admin.SimpleListFilter):
    """“Can be public” or one reason it cannot, for a PublicationCheckAdmin."""

    title = "publication check"
    parameter_name = "check"

    def lookups(self, request, model_admin):
        self.reasons = model_admin.blocker_reasons
        return [("ok", "Can be public")] + [
            (str(index), f"Blocked: {reason.split(':')[0].lower()}")
            for index, reason in enumerate(self.reasons)
        ]

    def queryset(self, request, queryset):
        if self.value() == "ok":
            return queryset.exclude(queryset.blocked_q())
        if self.value() is not None:
            return queryset.blocked(self.reasons[int(self.value())])
        return queryset


class PublicationCheckAdmin(admin.ModelAdmin):
    """The answer to “can this be public, and if not, why” as a column and a filter, and
    publish actions that refuse what the model's clean() refuses, naming the reason.

    Subclasses set `blocker_reasons`; the model has publication_blockers() and clean(),
    its queryset blocked() and blocked_q().
    """

    blocker_reasons = []
    actions = ["publish", "unpublish"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "publish_from":
            # Said once, here; the admin's "You are N hours ahead of server time" note is
            # hidden (static/css/admin.css): to staff elsewhere it read as an error.
            zone = settings.TIME_ZONE.rsplit("/", 1)[-1].replace("_", " ")
            field.help_text = field.help_text.replace("(clinic time)", f"(clinic time, {zone})")
        return field

    @admin.display(description="Publication check")
    def publication_check(self, obj):
        if obj.pk is None:
            return "Checked when you save."
        if blockers := obj.publication_blockers():
            return format_html("<strong>Blocked:</strong> {}", " ".join(blockers))
        return "Can be public"

    @admin.action(description="Publish selected %(verbose_name_plural)s")
    def publish(self, request, queryset):
        # One by one through clean() and save(): queryset.update() would skip the rules.
        published = []
        for obj in queryset:
            obj.is_published = True
            try:
                obj.clean()
            except ValidationError as error:
                self.message_user(request, f"“{obj}” not published. {' '.join(error.messages)}", messages.ERROR)
                continue
            obj.save()
            published.append(obj)
            if blockers := obj.publication_blockers():
                self.message_user(
                    request, f"“{obj}” is published but stays hidden. {' '.join(blockers)}", messages.WARNING
                )
        if published:
            self.message_user(request, f"{len(published)} {self.opts.verbose_name}(s) published.", messages.SUCCESS)

    @admin.action(description="Unpublish selected %(verbose_name_plural)s")
    def unpublish(self, request, queryset):
        for obj in queryset:
            obj.is_published = False
            obj.save()
        self.message_user(
            request, f"{len(queryset)} {self.opts.verbose_name}(s) taken off the website.", messages.SUCCESS
        )
