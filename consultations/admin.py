import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from .models import ConsultationRequest

# The spreadsheet's columns, as staff read them: (heading, value of a request).
CSV_COLUMNS = [
    ("Received (clinic time)", lambda row: timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M")),
    ("Status", lambda row: row.get_status_display()),
    ("Name", lambda row: row.name),
    ("Email", lambda row: row.email),
    ("Phone", lambda row: row.phone),
    ("Preferred office", lambda row: row.location or ""),
    ("Treatment of interest", lambda row: row.treatment or ""),
    ("Message", lambda row: row.message),
    ("Agreed to be contacted", lambda row: "Yes" if row.consent_to_contact else "No"),
]


def csv_cell(value):
    # A cell starting with = + - @ runs as a formula when the file is opened in a spreadsheet.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@admin.register(ConsultationRequest)
class ConsultationRequestAdmin(admin.ModelAdmin):
    # Status second: editable in view even when a long email pushes the last columns out.
    list_display = ["name", "status", "received", "contact", "treatment", "location"]
    list_display_links = ["name"]
    list_editable = ["status"]
    list_filter = ["status", "location", "treatment", "created_at"]
    search_fields = ["name", "email", "phone"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "consent_to_contact", "contact"]
    list_select_related = ["location", "treatment"]
    actions = ["export_csv"]
    fieldsets = [
        (None, {"fields": ["status", "created_at"]}),
        ("Who to contact", {"fields": ["contact", "name", "email", "phone", "consent_to_contact"]}),
        ("What they asked", {"fields": ["location", "treatment", "message"]}),
    ]

    def has_add_permission(self, request):
        return False  # requests come from patients, through the website

    @admin.display(description="Reply by")
    def contact(self, request_row):
        links = [(f"mailto:{request_row.email}", request_row.email)] if request_row.email else []
        if request_row.phone:
            links.append((f"tel:{request_row.phone.replace(' ', '')}", request_row.phone))
        return format_html_join(format_html("<br>"), '<a href="{}">{}</a>', links) or "—"

    @admin.display(description="Received", ordering="created_at")
    def received(self, request_row):
        return date_format(timezone.localtime(request_row.created_at), "M j, g:i a")

    @admin.action(description="Export selected as CSV")
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"consultation-requests-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow([heading for heading, _ in CSV_COLUMNS])
        for row in queryset.select_related("location", "treatment"):
            writer.writerow([csv_cell(value(row)) for _, value in CSV_COLUMNS])
        return response
