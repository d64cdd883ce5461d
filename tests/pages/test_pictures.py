"""The clinic's own pictures (home, physician, treatments, offices): cleaned like gallery
photos, described for patients who cannot see them, served as <picture> in three formats."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from pages.drafts import create_draft, publish_draft
from pages.models import ClinicSettings
from tests.factories import LocationFactory, PageFactory, image_bytes

pytestmark = pytest.mark.django_db


def phone_picture():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] = "N"
    return SimpleUploadedFile("IMG_4000.jpg", image_bytes(size=(2000, 1200), noise=True, exif=exif), "image/jpeg")


def img_tags(html):
    return re.findall(r"<img [^>]*>", html)


def test_a_home_image_is_cleaned_resized_and_served_as_the_pages_main_image(admin_client, client):
    ClinicSettings.load()
    response = admin_client.post(
        "/admin/pages/clinicsettings/1/change/",
        {"name": "Dr. Katayoun Motlagh", "tagline": "Cosmetic services", "site_notice": "Subject to change.",
         "gallery_disclaimer": "Results vary.", "image": phone_picture(), "image_alt": "Eucalyptus on ivory"},
    )
    assert response.status_code == 302
    clinic = ClinicSettings.load()
    sizes = [(r["width"], r["type"]) for r in clinic.image_renditions]
    assert sizes == [(w, t) for w in (480, 960, 1600) for t in ("image/avif", "image/webp", "image/jpeg")]
    assert "IMG_4000" not in clinic.image.name
    for rendition in clinic.image_renditions:
        with default_storage.open(rendition["name"]) as file:
            image = Image.open(io.BytesIO(file.read()))
            assert not image.getexif() and "exif" not in image.info

    html = client.get("/").content.decode()
    assert '<source type="image/avif"' in html and '<source type="image/webp"' in html
    (hero,) = [tag for tag in img_tags(html) if 'alt="Eucalyptus on ivory"' in tag]
    assert 'loading="eager"' in hero and 'fetchpriority="high"' in hero
    assert 'width="1600" height="960"' in hero


def test_an_image_without_a_description_is_refused_at_its_field(admin_client):
    page = PageFactory()
    response = admin_client.post(f"/admin/pages/page/{page.pk}/change/", {
        "title": page.title, "slug": page.slug, "image": phone_picture(), "image_alt": "",
        "requires_safety_information": "on", "safety_information": page.safety_information_id,
        "position": 0, "sections-TOTAL_FORMS": 0, "sections-INITIAL_FORMS": 0,
    })
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image_alt"] == [
        "Describe the image for patients who cannot see it."
    ]


def test_treatment_and_office_images_below_the_fold_load_lazily(client):
    ClinicSettings.load()
    page = PageFactory(image=phone_picture(), image_alt="Leaves in soft light")
    LocationFactory(image=SimpleUploadedFile("office.png", image_bytes(size=(800, 450), fmt="PNG")), image_alt="Arches")
    home = client.get("/").content.decode()
    for alt in ("Leaves in soft light", "Arches"):
        (tag,) = [tag for tag in img_tags(home) if f'alt="{alt}"' in tag]
        assert 'loading="lazy"' in tag and "fetchpriority" not in tag
    (header,) = [tag for tag in img_tags(client.get(page.get_absolute_url()).content.decode()) if "Leaves" in tag]
    assert 'loading="eager"' in header and 'fetchpriority="high"' in header


def test_a_published_draft_carries_its_image_with_its_sizes(client):
    page = PageFactory()
    draft = create_draft(page)
    draft.image, draft.image_alt = phone_picture(), "A new picture"
    draft.save()
    live = publish_draft(draft)
    assert live.image_renditions == draft.image_renditions != []
    assert "A new picture" in client.get(live.get_absolute_url()).content.decode()
