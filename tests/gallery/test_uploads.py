"""The upload pipeline, exercised with real files through the admin form staff use."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms

from gallery.models import Case
from tests.factories import MarketingAuthorizationFactory, PageFactory, image_bytes, photo_upload

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/gallery/case/add/"


def form_data(**overrides):
    return {
        "treatment": PageFactory(title="Botox", slug="botox").pk,
        "treated_area": "Forehead lines",
        "procedure": "Botox injections",
        "before_image": photo_upload(name="before.jpg"),
        "before_alt": "Forehead with lines, before Botox",
        "after_image": photo_upload(name="after.jpg"),
        "after_alt": "Smoother forehead, 2 weeks after Botox",
        "position": 0,
        "subject": "patient",
        **overrides,
    }


def stored_files(settings):
    return [path for path in settings.PRIVATE_MEDIA_ROOT.rglob("*") if path.is_file()]


def phone_photo(orientation=1, size=(1600, 1200)):
    """A JPEG carrying what phones write: maker, GPS position, XMP, a comment, a profile."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (34.0, 34.0, 47.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (118.0, 7.0, 5.0)
    return image_bytes(
        size=size,
        noise=True,
        exif=exif,
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">clinic location</x:xmpmeta>',
        comment=b"Palmdale office",
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
    )


def served_images(client, case):
    html = client.get(case.get_absolute_url()).content.decode()
    urls = [r["name"].rsplit("/", 1)[-1] for r in case.before_renditions + case.after_renditions]
    assert all(url in html for url in urls)
    for side in (case.before, case.after):
        for entry in f"{side.avif_srcset}, {side.webp_srcset}, {side.jpeg_srcset}".split(", "):
            response = client.get(entry.split()[0])
            assert response.status_code == 200
            yield Image.open(io.BytesIO(response.getvalue()))


def test_a_phone_photo_upload_is_saved_with_six_renditions_a_side(admin_client):
    upload = SimpleUploadedFile("IMG_0001.jpg", phone_photo(), content_type="image/jpeg")
    response = admin_client.post(ADD_URL, form_data(before_image=upload))
    assert response.status_code == 302
    case = Case.objects.get()
    assert [(r["width"], r["height"], r["type"]) for r in case.before_renditions] == [
        (480, 360, "image/avif"),
        (480, 360, "image/webp"),
        (480, 360, "image/jpeg"),
        (1200, 900, "image/avif"),
        (1200, 900, "image/webp"),
        (1200, 900, "image/jpeg"),
    ]
    assert "IMG_0001" not in case.before_image.name


def test_exif_gps_xmp_and_comments_are_absent_from_every_served_rendition(admin_client, client):
    source = Image.open(io.BytesIO(phone_photo()))
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the upload really carries them
    assert {"exif", "xmp", "comment", "icc_profile"} <= source.info.keys()
    before = SimpleUploadedFile("IMG_0002.jpg", phone_photo(), content_type="image/jpeg")
    after = SimpleUploadedFile("IMG_0003.jpg", phone_photo(orientation=3), content_type="image/jpeg")
    publishable = {
        "authorization": MarketingAuthorizationFactory().pk,
        "unaltered_attested_by": "Dr. Motlagh",
        "unaltered_attested_on": "2026-11-01",
    }
    admin_client.post(ADD_URL, form_data(before_image=before, after_image=after, is_published="on", **publishable))
    case = Case.objects.get()

    images = list(served_images(client, case))
    assert len(images) == 12  # three types at two sizes, for each side
    for image in images:
        assert not image.getexif()
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"} & image.info.keys()


def test_the_private_master_carries_no_metadata_either(admin_client):
    upload = SimpleUploadedFile("IMG_0003.jpg", phone_photo(), content_type="image/jpeg")
    admin_client.post(ADD_URL, form_data(before_image=upload))
    master = Image.open(Case.objects.get().before_image)
    assert master.size == (1600, 1200)
    assert not master.getexif()
    assert not {"exif", "xmp", "comment", "icc_profile"} & master.info.keys()


def test_a_photo_rotated_by_its_exif_orientation_comes_out_upright(admin_client, client):
    # Stored sideways: red on the left, blue on the right; orientation 6 means "turn it
    # 90 degrees clockwise to view", which puts red on top.
    sideways = Image.new("RGB", (80, 40), "blue")
    sideways.paste("red", (0, 0, 40, 40))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    buffer = io.BytesIO()
    sideways.save(buffer, "JPEG", exif=exif, quality=95)
    upload = SimpleUploadedFile("sideways.jpg", buffer.getvalue(), content_type="image/jpeg")
    admin_client.post(ADD_URL, form_data(before_image=upload))
    case = Case.objects.get()

    upright = [image.convert("RGB") for image in served_images(admin_client, case) if image.height > image.width]
    assert [image.size for image in upright] == [(40, 80)] * 3  # AVIF, WebP and JPEG
    for image in upright:
        top, bottom = image.getpixel((20, 5)), image.getpixel((20, 75))
        assert top[0] > 200 and top[2] < 60
        assert bottom[2] > 200 and bottom[0] < 60


def png_claiming(width, height):
    """A tiny PNG whose header claims width x height: a decompression bomb's calling card."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


BAD_FILES = {
    "a text file renamed .jpg": ("notes.jpg", b"Patient list, do not share\n", "not a photo the website can read"),
    "a truncated JPEG": ("cut.jpg", image_bytes(size=(800, 600), noise=True)[:6000], "could not be read completely"),
    "an SVG with a script": (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
        "not a photo the website can read",
    ),
    "a 20000x20000 decompression bomb": ("bomb.png", png_claiming(20000, 20000), "too many pixels"),
    "a GIF": ("anim.gif", image_bytes(fmt="GIF"), "not a photo the website can read"),
    "a file over 25 MB": ("huge.jpg", image_bytes() + b"\0" * (25 * 1024 * 1024), "at most 25 MB"),
}


@pytest.mark.parametrize("name, content, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_gives_a_form_error_and_creates_nothing(admin_client, settings, name, content, message):
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = admin_client.post(ADD_URL, form_data(after_image=upload))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Forehead lines"' in html  # what staff typed is kept
    assert not Case.objects.exists()
    # Only the good photo, cleaned and kept for the next try (gallery.kept), is stored.
    assert "<strong>Kept:</strong>" in html
    assert [path.parent.name for path in stored_files(settings)] == ["kept", "kept"]


def test_a_pixel_bomb_within_the_byte_limit_is_refused_before_it_is_decoded(admin_client):
    upload = SimpleUploadedFile("wide.png", png_claiming(9000, 6000), content_type="image/png")
    response = admin_client.post(ADD_URL, form_data(before_image=upload))
    assert "too many pixels" in response.content.decode()


@pytest.mark.parametrize(
    "mode, fmt",
    [("RGBA", "PNG"), ("P", "PNG"), ("LA", "PNG"), ("CMYK", "JPEG"), ("L", "JPEG"), ("RGB", "WEBP")],
)
def test_every_accepted_colour_format_becomes_plain_rgb(admin_client, mode, fmt):
    image = Image.new(mode, (60, 40))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    upload = SimpleUploadedFile(f"photo.{fmt.lower()}", buffer.getvalue(), content_type="image/png")
    assert admin_client.post(ADD_URL, form_data(before_image=upload)).status_code == 302
    master = Image.open(Case.objects.get().before_image)
    assert master.mode == "RGB"


def test_transparent_areas_are_flattened_onto_white(admin_client):
    clear = Image.new("RGBA", (60, 40), (255, 0, 0, 0))
    buffer = io.BytesIO()
    clear.save(buffer, "PNG")
    upload = SimpleUploadedFile("clear.png", buffer.getvalue(), content_type="image/png")
    admin_client.post(ADD_URL, form_data(before_image=upload))
    assert Image.open(Case.objects.get().before_image).getpixel((10, 10)) == (255, 255, 255)
