from django.contrib import admin
from django.shortcuts import redirect

from .models import ClinicSettings, Item, Location, Page, Physician, Question, Section


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
    fields = ["position", "lead", "body"]


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary", "sections__heading", "sections__body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "is_published"]}),
        ("Closing invitation", {"fields": ["call_to_action"]}),
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
