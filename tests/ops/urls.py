from django.urls import include, path


def broken(request):
    raise RuntimeError("the secret detail a visitor must never see")


urlpatterns = [path("broken/", broken), path("", include("clinic_site.urls"))]
