from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("treatments/", views.PageListView.as_view(), name="list"),
    path("treatments/<slug:slug>/", views.PageDetailView.as_view(), name="detail"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
]
