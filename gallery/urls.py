from django.urls import path

from . import views

app_name = "gallery"
urlpatterns = [
    path("", views.CaseListView.as_view(), name="index"),
    path("cases/<int:pk>/", views.CaseDetailView.as_view(), name="case"),
    path("cases/<int:pk>/images/<str:name>", views.case_image, name="image"),
    path("<slug:slug>/", views.CaseListView.as_view(), name="treatment"),
]
