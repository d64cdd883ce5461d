import nested_admin
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from gallery.forms import KeepsPhotos
from publishing.admin import PublicationCheckAdmin, PublicationCheckFilter

from .admin_tools import (
    IllustratedAdmin,
    MoveButtonsInline,
    MovesInlineRows,
    ReadableHistoryAdmin,
    markdown_preview,
)
from .drafts import create_draft, publish_draft
from .history import restore_sections, section_changes, version_end
from .models import (
    PAGE_BLOCKERS,
    ClinicSettings,
    Item,
    Location,
    Page,
    Physician,
    SafetyInformation,
    Section,
)
from .views import PagePreviewView

PUBLISH_DRAFT = "_publish_draft"  # the draft form's primary button


class ItemInline(MoveButtonsInline, nested_admin.NestedStackedInline):
    """A section's list, edited on the page's own form. The indication fields show for a
    uses section only (static/css/admin.css)."""

    model = Item
    extra = 0
    fields = [
        "lead",
        "body",
        ("indication", "indication_note"),
        ("indication_needs_review", "is_other_use"),
        "move_buttons",
    ]
    readonly_fields = ["move_buttons"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 60})}}


class SectionInline(MoveButtonsInline, nested_admin.NestedStackedInline):
    model = Section
    extra = 0
    fields = ["move_buttons", "heading", "kind", "body", "closing"]
    readonly_fields = ["move_buttons"]
    inlines = [ItemInline]


PRESCRIPTION_CHOICES = [
    (True, "Yes: a prescription drug, such as Botox. The page needs its Important Safety "
     "Information, shown at its end, before it can be published."),
    (False, "No: e.g. a facial, a peel or a laser treatment. No safety information is required."),
]


class PageForm(KeepsPhotos):
    requires_safety_information = forms.TypedChoiceField(
        label="Is this treatment a prescription drug?",
        choices=PRESCRIPTION_CHOICES,
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether this treatment is a prescription drug."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding:
            self.initial["requires_safety_information"] = None  # asked, never assumed


@admin.register(Page)
class PageAdmin(
    IllustratedAdmin, MovesInlineRows, PublicationCheckAdmin, nested_admin.NestedModelAdminMixin, ReadableHistoryAdmin
):
    form = PageForm
    list_display = ["title", "on_the_site", "publication_check", "updated_at"]
    list_filter = ["is_published", PublicationCheckFilter]
    search_fields = ["title", "summary", "sections__heading", "sections__body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at", "publication_check", "call_to_action_preview"]
    list_select_related = ["safety_information", "draft_of"]
    blocker_reasons = list(PAGE_BLOCKERS)
    object_history_template = "admin/pages/page/object_history.html"
    object_history_form_template = "admin/pages/page/object_history_form.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary"]}),
        ("Prescription and safety information", {"fields": ["requires_safety_information", "safety_information"]}),
        (
            "Image",
            {
                "description": "Optional: shown on the treatment's card and at the top of its page.",
                "fields": ["image_preview", "image", "image_alt"],
            },
        ),
        (
            "Publishing",
            {
                "description": "Tick “published” to show the page. Optional dates schedule it: "
                "the site follows them by itself, nobody needs to come back and click.",
                "fields": ["is_published", ("publish_from", "unpublish_at"), "publication_check"],
            },
        ),
        ("Closing invitation", {"fields": ["call_to_action", "call_to_action_preview"]}),
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
    inlines = [SectionInline]

    # A draft keeps the live page's address and goes live only through "Publish this draft".
    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "address", "is_published"] if obj and obj.is_draft else fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not (obj and obj.is_draft):
            return fieldsets
        (name, options), *rest = fieldsets
        fields = ["address" if field == "slug" else field for field in options["fields"]]
        return [(name, {**options, "fields": fields}), *rest]

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj and obj.is_draft else super().get_prepopulated_fields(request, obj)

    @admin.display(description="Web address")
    def address(self, draft):
        return f"{draft.draft_of.get_absolute_url()} (the live page's address: it stays the same when you publish)"

    def view_on_site(self, page):
        # A draft has no public address; staff see it in the preview.
        return reverse("admin:pages_page_preview", args=[page.pk]) if page.is_draft else page.get_absolute_url()

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/", view(self.preview_view), name="pages_page_preview"),
            path("<int:pk>/create-draft/", view(self.create_draft_view), name="pages_page_create_draft"),
        ] + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "draft": Page.objects.filter(draft_of_id=object_id).first()}
        return super().change_view(request, object_id, form_url, extra_context)

    def preview_view(self, request, pk):
        if not self.has_view_permission(request, get_object_or_404(Page, pk=pk)):
            raise PermissionDenied
        return PagePreviewView.as_view()(request, pk=pk)

    @method_decorator(require_POST)
    def create_draft_view(self, request, pk):
        page = get_object_or_404(Page, pk=pk, draft_of=None)
        if not self.has_add_permission(request):
            raise PermissionDenied
        if draft := page.drafts.first():  # one open draft per page
            self.message_user(request, "This page already has a draft: continue it here.", messages.INFO)
            return redirect("admin:pages_page_change", draft.pk)
        draft = create_draft(page)
        self.message_user(
            request,
            f"Draft created. Patients keep seeing the live “{page}” until you press “Publish this draft”.",
            messages.SUCCESS,
        )
        return redirect("admin:pages_page_change", draft.pk)

    def response_change(self, request, obj):
        if PUBLISH_DRAFT in request.POST and obj.is_draft:
            return self.publish_draft_response(request, obj)
        return super().response_change(request, obj)

    def publish_draft_response(self, request, draft):
        """"Publish this draft", pressed on the draft's form: its edits were just saved."""
        if not (self.has_change_permission(request, draft.draft_of) and self.has_delete_permission(request, draft)):
            raise PermissionDenied
        try:
            live = publish_draft(draft)
        except ValidationError as error:
            self.message_user(
                request, f"Saved, but not published. {' '.join(error.messages)}", messages.ERROR
            )
            return redirect("admin:pages_page_change", draft.pk)
        self.message_user(request, f"“{live}” is live with the draft's content; the draft is gone.", messages.SUCCESS)
        return redirect("admin:pages_page_change", live.pk)

    def history_view(self, request, object_id, extra_context=None):
        extra_context = {**(extra_context or {}), "section_changes": section_changes(object_id)}
        return super().history_view(request, object_id, extra_context)

    @transaction.atomic
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """simple-history's Revert restores the page row; this restores its sections with it."""
        record = get_object_or_404(Page.history, id=object_id, history_id=version_id)
        as_of = version_end(record)
        extra_context = {**(extra_context or {}), "sections_as_of": as_of}
        response = super().history_form_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            sections = restore_sections(Page.objects.get(pk=object_id), as_of=as_of)
            self.message_user(request, f"Restored with its {len(sections)} section(s) as they were then.")
        return response

    @admin.display(description="On the site")
    def on_the_site(self, page):
        if page.is_draft:
            return f"Draft of “{page.draft_of}”"
        if page.publication_blockers():
            return "Hidden (blocked)"
        if page.is_live():
            return "Shown"
        if page.is_published and page.publish_from and page.publish_from > timezone.now():
            return f"Scheduled for {date_format(timezone.localtime(page.publish_from), 'DATETIME_FORMAT')}"
        return "Hidden"

    @admin.display(description="Preview of the closing invitation")
    def call_to_action_preview(self, page):
        return markdown_preview(page.call_to_action_html)


@admin.register(Item)
class ItemAdmin(ReadableHistoryAdmin):
    """Where the clinic reviews the indication status of every listed use."""

    list_display = ["lead", "section", "indication", "indication_note", "indication_needs_review"]
    list_editable = ["indication", "indication_needs_review"]
    list_filter = ["indication_needs_review", "indication", "section__page"]
    search_fields = ["lead", "body"]
    list_select_related = ["section"]
    readonly_fields = ["preview"]

    @admin.display(description="Preview")
    def preview(self, item):
        return markdown_preview(item.body_html)


@admin.register(SafetyInformation)
class SafetyInformationAdmin(ReadableHistoryAdmin):
    list_display = ["name", "version", "source_date", "needs_review", "updated_at"]
    list_filter = ["needs_review"]
    search_fields = ["name", "body", "source"]
    readonly_fields = ["updated_at", "preview"]
    fieldsets = [
        (None, {"fields": ["name", "title", "body", "preview"]}),
        (
            "Source and review",
            {
                "description": "Keep the source and its date with the text, and untick "
                "“needs review” once the clinic has approved it.",
                "fields": ["source", "source_date", "version", "needs_review", "updated_at"],
            },
        ),
    ]

    @admin.display(description="Preview")
    def preview(self, safety):
        return markdown_preview(safety.body_html)


@admin.register(Physician)
class PhysicianAdmin(IllustratedAdmin, admin.ModelAdmin):
    list_display = ["name", "specialty", "position"]
    fieldsets = [
        (None, {"fields": ["name", "credentials", "specialty", "bio", "position"]}),
        ("Portrait", {"fields": ["image_preview", "image", "image_alt"], "description": "Optional."}),
    ]


@admin.register(Location)
class LocationAdmin(IllustratedAdmin, admin.ModelAdmin):
    list_display = ["name", "city", "phone", "position"]
    fieldsets = [
        (None, {"fields": ["name", "street_address", "city", "region", "postal_code", "phone", "position"]}),
        (
            "Opening hours",
            {
                "fields": ["hours", "opening_hours"],
                "description": "Leave both empty while the hours are not known: the site leaves them "
                "out, or asks patients to call when the office or the clinic has a phone number.",
            },
        ),
        ("Photo", {"fields": ["image_preview", "image", "image_alt"], "description": "Optional: the office or its street."}),
    ]


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(IllustratedAdmin, ReadableHistoryAdmin):
    fieldsets = [
        (None, {"fields": ["name", "tagline", "phone", "notification_email"]}),
        (
            "Home page image",
            {"fields": ["image_preview", "image", "image_alt"], "description": "Optional: shown beside the clinic's name."},
        ),
        ("Notices", {"fields": ["site_notice", "gallery_disclaimer"]}),
    ]

    # There is one row: the list would be a needless click, so go straight to it.
    def changelist_view(self, request, extra_context=None):
        return redirect("admin:pages_clinicsettings_change", ClinicSettings.load().pk)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
