from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils.html import format_html

from .models import PAGE_BLOCKERS, ClinicSettings, Item, Page, SafetyInformation, Section


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ["position", "heading", "body", "closing"]
    show_change_link = True  # list items are edited on the section's own form


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
    title = "publication check"
    parameter_name = "check"

    def lookups(self, request, model_admin):
        return [("ok", "Can be public")] + [
            (str(index), f"Blocked: {reason.split(':')[0].lower()}")
            for index, reason in enumerate(PAGE_BLOCKERS)
        ]

    def queryset(self, request, queryset):
        if self.value() == "ok":
            return queryset.exclude(Page.objects.blocked_q())
        if self.value() is not None:
            return queryset.blocked(list(PAGE_BLOCKERS)[int(self.value())])
        return queryset


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "is_published", "publication_check", "updated_at"]
    list_filter = ["is_published", PublicationCheckFilter]
    search_fields = ["title", "summary", "sections__heading", "sections__body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at", "publication_check"]
    list_select_related = ["safety_information"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary"]}),
        (
            "Publishing",
            {
                "description": "Tick “published” to show the page. Optional dates schedule it: "
                "the site follows them by itself, nobody needs to come back and click.",
                "fields": ["is_published", ("publish_from", "unpublish_at"), "publication_check"],
            },
        ),
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
            "Search engines and ordering",
            {
                "fields": ["meta_description", "position", "created_at", "updated_at"],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [SectionInline]

    @admin.display(description="Publication check")
    def publication_check(self, page):
        if blockers := page.publication_blockers():
            return format_html("<strong>Blocked:</strong> {}", " ".join(blockers))
        return "Can be public"

    @admin.action(description="Publish selected pages")
    def publish(self, request, queryset):
        published = []
        for page in queryset:
            if blockers := page.publication_blockers():
                self.message_user(request, f"“{page}” not published. {' '.join(blockers)}", messages.ERROR)
            else:
                page.is_published = True
                page.save()
                published.append(page)
        if published:
            self.message_user(request, f"{len(published)} page(s) published.", messages.SUCCESS)

    @admin.action(description="Unpublish selected pages")
    def unpublish(self, request, queryset):
        for page in queryset:
            page.is_published = False
            page.save()
        self.message_user(request, f"{len(queryset)} page(s) hidden from the public.", messages.SUCCESS)


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


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(admin.ModelAdmin):
    # There is one row: the list would be a needless click, so go straight to it.
    def changelist_view(self, request, extra_context=None):
        return redirect("admin:pages_clinicsettings_change", ClinicSettings.load().pk)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
