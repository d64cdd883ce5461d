import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone

from .models import ConsultationRequest

CSV_FIELDS = ["created_at", "status", "name", "email", "phone", "location", "treatment", "message", "consent_to_contact"]


def csv_cell(value):
    # A cell starting with = + - @ runs as a formula when the file is opened in a spreadsheet.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@admin.register(ConsultationRequest)
class ConsultationRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created_at", "name", "location", "treatment", "status"]
    list_editable = ["status"]
    list_filter = ["status", "location", "treatment", "created_at"]
    search_fields = ["name", "email", "phone"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "consent_to_contact"]
    list_select_related = ["location", "treatment"]
    actions = ["export_csv"]
    fieldsets = [
        (None, {"fields": ["status", "created_at"]}),
        ("Who to contact", {"fields": ["name", "email", "phone", "consent_to_contact"]}),
        ("What they asked", {"fields": ["location", "treatment", "message"]}),
    ]

    def has_add_permission(self, request):
        return False  # requests come from patients, through the website

    @admin.action(description="Export selected as CSV")
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"consultation-requests-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow(CSV_FIELDS)
        for row in queryset.select_related("location", "treatment"):
            writer.writerow([csv_cell(getattr(row, field)) for field in CSV_FIELDS])
        return response
