from django.contrib import admin, messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from .models import Case


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["__str__", "thumbnails", "is_published", "consent_on_file", "position", "updated_at"]
    list_filter = ["treatment", "is_published", "consent_on_file"]
    list_select_related = ["treatment"]
    search_fields = ["treated_area", "procedure", "caption"]
    readonly_fields = ["preview", "consent_scan_link", "created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["treatment", "treated_area", "procedure", "time_since_treatment", "caption"]}),
        (
            "Photos",
            {
                "description": "Upload the before and after photos as JPEG, PNG or WebP files of at "
                "most 15 MB each. The website removes location and camera details, turns the "
                "photo upright and makes web-sized copies; your file itself is never shown.",
                "fields": ["preview", "before_image", "before_alt", "after_image", "after_alt"],
            },
        ),
        (
            "Patient consent",
            {
                "description": "A case can only go on the website when the patient has signed a "
                "written authorization to use these photos in marketing (consent to the treatment "
                "itself is not enough). Record here that you have checked the signed form, when, "
                "and where it is kept.",
                "fields": [
                    "consent_on_file",
                    "consent_recorded_on",
                    "consent_recorded_by",
                    "consent_reference",
                    "consent_scan",
                    "consent_scan_link",
                ],
            },
        ),
        ("Publishing", {"fields": ["is_published", "position", "disclaimer"]}),
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

    @admin.display(description="Saved scan")
    def consent_scan_link(self, case):
        if not case.consent_scan:
            return "No scan uploaded."
        url = reverse("admin:gallery_case_consent_scan", args=[case.pk])
        return format_html('<a href="{}">Download the scan</a> (kept privately)', url)

    @admin.action(description="Publish selected cases")
    def publish(self, request, queryset):
        # update() skips clean(), so the consent rule is enforced here as well.
        refused = queryset.filter(consent_on_file=False).select_related("treatment")
        if refused:
            names = ", ".join(str(case) for case in refused)
            self.message_user(request, f"Not published, no signed authorization on file: {names}", messages.ERROR)
        count = queryset.with_consent().update(is_published=True, updated_at=timezone.now())
        self.message_user(request, f"{count} case(s) published.")

    @admin.action(description="Unpublish selected cases")
    def unpublish(self, request, queryset):
        count = queryset.update(is_published=False, updated_at=timezone.now())
        self.message_user(request, f"{count} case(s) taken off the website.")

    def delete_queryset(self, request, queryset):
        for case in queryset:  # one by one, so each case removes its files
            case.delete()

    def get_urls(self):
        scan = path(
            "<int:pk>/consent-scan/",
            self.admin_site.admin_view(self.consent_scan_view),
            name="gallery_case_consent_scan",
        )
        return [scan, *super().get_urls()]

    def consent_scan_view(self, request, pk):
        case = get_object_or_404(Case, pk=pk)
        if not self.has_view_permission(request, case) or not case.consent_scan:
            raise Http404
        return FileResponse(case.consent_scan.open("rb"), as_attachment=True)


def photos_html(case, height):
    photos = [photo for photo in (case.before, case.after) if photo]
    if not photos:
        return "No photos"
    return format_html_join(
        " ",
        '<img src="{}" alt="{}" title="{}" height="{}" style="width:auto">',
        ((photo.thumbnail, photo.alt, photo.label, height) for photo in photos),
    )
