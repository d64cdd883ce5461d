from django.contrib import admin, messages
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from pages.admin_tools import ReadableHistoryAdmin
from publishing.admin import PublicationCheckAdmin, PublicationCheckFilter

from .forms import KeepsPhotos
from .models import CASE_BLOCKER_REASONS, Case, MarketingAuthorization


@admin.register(Case)
class CaseAdmin(PublicationCheckAdmin, ReadableHistoryAdmin):
    form = KeepsPhotos
    list_display = ["__str__", "thumbnails", "is_published", "publication_check", "position", "updated_at"]
    list_filter = ["treatment", "is_published", PublicationCheckFilter, "subject"]
    list_select_related = ["treatment", "authorization"]
    search_fields = ["treated_area", "procedure", "caption", "authorization__reference"]
    readonly_fields = ["preview", "publication_check", "created_at", "updated_at"]
    blocker_reasons = CASE_BLOCKER_REASONS
    fieldsets = [
        (None, {"fields": ["treatment", "treated_area", "procedure", "time_since_treatment", "caption"]}),
        (
            "Photos",
            {
                "description": "Upload the before and after photos as JPEG, PNG, WebP, HEIC (iPhone) "
                "or AVIF files of at most 25 MB each. The website removes location and camera "
                "details, turns the photo upright and makes web-sized copies; your file itself is "
                "never shown.",
                "fields": ["preview", "before_image", "before_alt", "after_image", "after_alt"],
            },
        ),
        (
            "Patient authorization",
            {
                "description": "A case is only shown on the website while the patient’s signed "
                "authorization to use these photos in marketing is valid: not expired and not "
                "revoked (consent to the treatment itself is not enough). When it expires or is "
                "revoked, the case leaves the website by itself. Choose the authorization, or add "
                "it with the + button.",
                "fields": ["authorization", "shows_identifiable_face"],
            },
        ),
        (
            "Honesty statements",
            {
                "description": "The law treats a before-and-after photo as a promise of results. "
                "Say when the person is a model, and confirm that the photos were not retouched "
                "or edited other than cropping and resizing.",
                "fields": ["subject", "unaltered_attested_by", "unaltered_attested_on"],
            },
        ),
        (
            "Publishing",
            {
                "description": "Optional dates schedule the case: the site follows them by itself.",
                "fields": [
                    "is_published",
                    ("publish_from", "unpublish_at"),
                    "publication_check",
                    "position",
                    "disclaimer",
                ],
            },
        ),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="Photos")
    def thumbnails(self, case):
        return photos_html(case, height=60)

    @admin.display(description="Saved photos")
    def preview(self, case):
        if not case.pk:
            return "The photos appear here once the case is saved."
        return photos_html(case, height=240)

    # The attestation is never filled in for staff: someone has to say it on purpose.

    def delete_queryset(self, request, queryset):
        for case in queryset:  # one by one, so each case removes its files
            case.delete()


class AuthorizationStatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("valid", "Valid"), ("expired", "Expired"), ("revoked", "Revoked")]

    def queryset(self, request, queryset):
        if self.value() == "valid":
            return queryset.valid()
        if self.value() == "expired":
            return queryset.expired()
        if self.value() == "revoked":
            return queryset.revoked()
        return queryset


@admin.register(MarketingAuthorization)
class MarketingAuthorizationAdmin(ReadableHistoryAdmin):
    list_display = [
        "reference", "signed_on", "scope", "status", "covers_identifiable_face", "case_count", "needs_review"
    ]
    list_filter = [AuthorizationStatusFilter, "scope", "covers_identifiable_face", "needs_review"]
    search_fields = ["reference"]
    readonly_fields = ["document_link", "created_at", "updated_at"]
    actions = ["revoke"]
    fieldsets = [
        (
            None,
            {
                "description": "A patient’s signed permission to use their photos in the clinic’s "
                "marketing. Enter what the signed form says. Never enter the patient’s name.",
                "fields": ["reference", "signed_on", "scope", "covers_identifiable_face", "expires_on", "revoked_on"],
            },
        ),
        (
            "Record",
            {
                "description": "Who checked the signed form, and a private copy of it. Keep the "
                "paper form too: authorizations are kept for six years.",
                "fields": [
                    "recorded_by", "document", "document_link", "notes", "needs_review", "created_at", "updated_at"
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(case_count=Count("cases"))

    @admin.display(description="Status")
    def status(self, authorization):
        return authorization.status_label

    @admin.display(description="Cases", ordering="case_count")
    def case_count(self, authorization):
        return authorization.case_count

    @admin.display(description="Saved signed form")
    def document_link(self, authorization):
        if not authorization.document:
            return "No signed form uploaded."
        url = reverse("admin:gallery_marketingauthorization_document", args=[authorization.pk])
        return format_html('<a href="{}">Download the signed form</a> (kept privately)', url)

    def get_changeform_initial_data(self, request):
        # Who entered the record is a fact the admin knows; staff can still change it.
        return {
            "recorded_by": request.user.get_full_name() or request.user.get_username(),
            **super().get_changeform_initial_data(request),
        }

    @admin.action(description="Revoke selected authorizations (the patient withdrew them)")
    def revoke(self, request, queryset):
        # save(), not update(): whatever listens for content saves (cache versions,
        # history) must hear of a revocation.
        revoking = list(queryset.filter(revoked_on__isnull=True))
        for authorization in revoking:
            authorization.revoked_on = timezone.localdate()
            authorization.save()
            self.message_user(
                request,
                f"Revoked “{authorization.reference}” as of today. Its {authorization.case_count} case(s) "
                "are no longer shown on the website.",
                messages.SUCCESS,
            )
        if not revoking:
            self.message_user(request, "The selected authorizations were already revoked.", messages.WARNING)

    def get_urls(self):
        document = path(
            "<int:pk>/document/",
            self.admin_site.admin_view(self.document_view),
            name="gallery_marketingauthorization_document",
        )
        return [document, *super().get_urls()]

    def document_view(self, request, pk):
        authorization = get_object_or_404(MarketingAuthorization, pk=pk)
        if not self.has_view_permission(request, authorization) or not authorization.document:
            raise Http404
        return FileResponse(authorization.document.open("rb"), as_attachment=True)


def photos_html(case, height):
    photos = [photo for photo in (case.before, case.after) if photo]
    if not photos:
        return "No photos"
    return format_html_join(
        " ",
        '<img src="{}" alt="{}" title="{}" height="{}" style="width:auto">',
        ((photo.thumbnail, photo.alt, photo.label, height) for photo in photos),
    )
