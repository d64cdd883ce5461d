from django.contrib import admin
from django.urls import include, path

from pages.views import healthz

admin.site.site_header = "Clinic site administration"
admin.site.site_title = "Clinic admin"
admin.site.index_title = "Edit the website"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("gallery/", include("gallery.urls")),
    path("", include("pages.urls")),
]
