from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.html import format_html

from .models import (
    PAGE_BLOCKERS,
    ClinicSettings,
    Item,
    Location,
    Page,
    Physician,
    Question,
    SafetyInformation,
    Section,
)


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ["position", "heading", "body", "closing"]
    show_change_link = True  # list items are edited on the section's own form


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = ["position", "question", "answer"]


class ItemInline(admin.StackedInline):
    model = Item
    extra = 0
    fields = [
        "position",
        "lead",
        "body",
        ("indication", "indication_needs_review"),
        "indication_note",
        "is_other_use",
    ]


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

    @admin.display(description="Publication check")
    def publication_check(self, obj):
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


@admin.register(Page)
class PageAdmin(PublicationCheckAdmin):
    list_display = ["title", "is_published", "publication_check", "updated_at"]
    list_filter = ["is_published", PublicationCheckFilter]
    search_fields = ["title", "summary", "sections__heading", "sections__body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at", "publication_check"]
    list_select_related = ["safety_information"]
    blocker_reasons = list(PAGE_BLOCKERS)
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "is_published", "publication_check"]}),
        (
            "Important Safety Information",
            {
                "description": "Prescription treatments must show their safety information; "
                "the page stays hidden until one is chosen.",
                "fields": ["requires_safety_information", "safety_information"],
            },
        ),
        ("Closing invitation", {"fields": ["call_to_action"]}),
        (
            "Typical results",
            {
                "description": "Shown with this treatment's before-and-after photos, so patients "
                "read what is typical, not only the best cases.",
                "fields": ["typical_results"],
            },
        ),
        (
            "Search engines and ordering",
            {
                "fields": ["meta_description", "drug_name", "position", "created_at", "updated_at"],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [SectionInline, QuestionInline]

@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["heading", "page", "position"]
    list_filter = ["page"]
    search_fields = ["heading", "body"]
    inlines = [ItemInline]


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    """Where the clinic reviews the indication status of every listed use."""

    list_display = ["lead", "section", "indication", "indication_note", "indication_needs_review"]
    list_editable = ["indication", "indication_needs_review"]
    list_filter = ["indication_needs_review", "indication", "section__page"]
    search_fields = ["lead", "body"]
    list_select_related = ["section"]


@admin.register(SafetyInformation)
class SafetyInformationAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "source_date", "needs_review", "updated_at"]
    list_filter = ["needs_review"]
    search_fields = ["name", "body", "source"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "title", "body"]}),
        (
            "Source and review",
            {
                "description": "Keep the source and its date with the text, and untick "
                "“needs review” once the clinic has approved it.",
                "fields": ["source", "source_date", "version", "needs_review", "updated_at"],
            },
        ),
    ]


@admin.register(Physician)
class PhysicianAdmin(admin.ModelAdmin):
    list_display = ["name", "specialty", "position"]
    fieldsets = [
        (None, {"fields": ["name", "credentials", "specialty", "bio", "position"]}),
        ("Portrait", {"fields": ["photo", "photo_alt"], "description": "Optional. Never a patient photo."}),
    ]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "phone", "position"]
    fieldsets = [
        (None, {"fields": ["name", "street_address", "city", "region", "postal_code", "phone", "position"]}),
        (
            "Opening hours",
            {
                "fields": ["hours", "opening_hours"],
                "description": "Leave both empty while the hours are not known: the site says “Call for hours”.",
            },
        ),
    ]


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(admin.ModelAdmin):
    # There is one row: the list would be a needless click, so go straight to it.
    def changelist_view(self, request, extra_context=None):
        return redirect("admin:pages_clinicsettings_change", ClinicSettings.load().pk)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
