"""Photos survive a failed form: kept, shown, and saved on the next try without a re-upload."""

import datetime
import io
import os
import re

import pillow_heif
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, features

from gallery import kept
from gallery.models import BLOCKED_NO_AUTHORIZATION, Case
from tests.factories import MarketingAuthorizationFactory
from tests.gallery.test_uploads import ADD_URL, form_data, served_images, stored_files

pytestmark = pytest.mark.django_db

ATTESTED = {"unaltered_attested_by": "Dr. Motlagh", "unaltered_attested_on": "2026-11-01", "is_published": "on"}


def kept_tokens(html):
    return dict(re.findall(r'name="(\w+_image)_kept" value="([\w-]+)"', html))


def test_a_case_refused_for_its_authorization_keeps_both_photos_and_saves_without_a_second_upload(
    admin_client, client, settings, django_capture_on_commit_callbacks
):
    data = form_data(**ATTESTED)
    first = admin_client.post(ADD_URL, data)
    html = first.content.decode()
    assert first.status_code == 200
    # The reason sits at the authorization field, and the summary at the top links to it.
    assert re.search(r'field-authorization.*?' + re.escape(BLOCKED_NO_AUTHORIZATION.split(":")[0]), html, re.S)
    assert '<a href="#id_authorization">Photo authorization</a>' in html
    tokens = kept_tokens(html)
    assert set(tokens) == {"before_image", "after_image"}
    assert html.count("<strong>Kept:</strong>") == 2

    del data["before_image"], data["after_image"]  # nothing chosen again
    data["authorization"] = MarketingAuthorizationFactory().pk
    with django_capture_on_commit_callbacks(execute=True):
        second = admin_client.post(ADD_URL, {**data, **{f"{name}_kept": token for name, token in tokens.items()}})

    assert second.status_code == 302
    case = Case.objects.get()
    assert case.before_renditions and case.after_renditions
    assert len(list(served_images(client, case))) == 6  # public: three types of each small photo
    assert not [path for path in stored_files(settings) if path.parent.name == "kept"]  # used, then removed


def test_the_kept_photos_thumbnail_is_for_staff_only(admin_client, client):
    response = admin_client.post(ADD_URL, form_data(**ATTESTED))
    token = kept_tokens(response.content.decode())["before_image"]
    assert admin_client.get(f"/admin/kept-photos/{token}/")["Content-Type"] == "image/jpeg"
    assert client.get(f"/admin/kept-photos/{token}/").status_code == 302  # to the login page
    assert admin_client.get("/admin/kept-photos/..%2F..%2Fsecret/").status_code == 404


def test_a_kept_photo_that_is_gone_asks_for_the_file_again(admin_client):
    data = form_data()
    del data["before_image"]
    response = admin_client.post(ADD_URL, {**data, "before_image_kept": "A" * 22})
    assert "no longer there" in response.content.decode()
    assert not Case.objects.exists()


def test_kept_photos_left_unused_are_removed_after_a_day(admin_client, settings):
    admin_client.post(ADD_URL, form_data(**ATTESTED))
    assert len(stored_files(settings)) == 4  # two masters and their thumbnails
    kept.purge_stale(now=datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=23))
    assert len(stored_files(settings)) == 4
    kept.purge_stale(now=datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=25))
    assert stored_files(settings) == []


def heic_with_gps(size=(1200, 900)):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Apple"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (34.0, 34.0, 47.0)
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    pillow_heif.from_pillow(image).save(buffer, quality=70, exif=exif.tobytes())
    return buffer.getvalue()


def test_an_iphone_heic_photo_with_gps_is_accepted_and_served_without_any_metadata(admin_client, client):
    source = heic_with_gps()
    assert Image.open(io.BytesIO(source)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # really there
    upload = SimpleUploadedFile("IMG_0420.HEIC", source, content_type="image/heic")
    response = admin_client.post(
        ADD_URL, form_data(before_image=upload, authorization=MarketingAuthorizationFactory().pk, **ATTESTED)
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.before_image.name.endswith(".jpg")  # never kept in its HEIC container
    for image in served_images(client, case):
        assert not image.getexif()
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile"} & image.info.keys()


@pytest.mark.skipif(not features.check("avif"), reason="this Pillow cannot read AVIF")
def test_an_avif_photo_is_accepted(admin_client):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "teal").save(buffer, "AVIF")
    upload = SimpleUploadedFile("photo.avif", buffer.getvalue(), content_type="image/avif")
    assert admin_client.post(ADD_URL, form_data(before_image=upload)).status_code == 302


def test_a_48_megapixel_photo_is_kept_at_most_4032_pixels_wide(admin_client):
    buffer = io.BytesIO()
    Image.new("RGB", (8064, 6048), "teal").save(buffer, "JPEG", quality=80)
    upload = SimpleUploadedFile("IMG_48MP.jpg", buffer.getvalue(), content_type="image/jpeg")
    assert admin_client.post(ADD_URL, form_data(before_image=upload)).status_code == 302
    assert Image.open(Case.objects.get().before_image).size == (4032, 3024)
