"""The photo pipeline: validate -> orient -> strip metadata -> renditions.

It runs once, when a photo is uploaded (or saved from code), never while a page is
served. Nothing it writes carries the upload's metadata: phone photos hold the GPS
position of the clinic, the device and the time, and none of that may reach a patient's
browser or sit in our storage.
"""

import io
import secrets
import warnings
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
import pillow_heif
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError, features

from . import kept
from .storage import private_storage

# Sized for 48-megapixel phone photos: 12-20 MB as JPEG, 8064 x 6048 pixels.
MAX_UPLOAD_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 50_000_000
# The private master is kept at most this wide or high: more than any rendition needs, and
# a 48 MP photo then costs a worker a quarter of the memory from the first step on.
MAX_MASTER_SIDE = 4032
pillow_heif.register_heif_opener()  # iPhones save HEIC unless told otherwise
# Pillow opens the multi-picture JPEGs many phones write (MPO) through its JPEG plugin.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF", *(["AVIF"] if features.check("avif") else []))
RENDITION_WIDTHS = (480, 1200)
RENDITION_FORMATS = (
    # (format, extension, content type, encoder options), smallest files first: browsers
    # take the first <source> they can show.
    *([("AVIF", "avif", "image/avif", {"quality": 55, "speed": 9})] if features.check("avif") else []),
    ("WEBP", "webp", "image/webp", {"quality": 80, "method": 4}),
    ("JPEG", "jpg", "image/jpeg", {"quality": 82, "optimize": True, "progressive": True}),
)
MASTER_OPTIONS = {"JPEG": {"quality": 95}, "PNG": {}}
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class CleanPhoto(ContentFile):
    """A photo that went through the pipeline: upright, metadata-free, sRGB.

    Its bytes are the private master; `image` is the decoded picture the renditions are
    made from, so the master is not decoded a second time.
    """

    def __init__(self, image, fmt, master=None, kept_token=""):
        if master is None:
            buffer = io.BytesIO()
            image.save(buffer, fmt, **MASTER_OPTIONS[fmt])
            master = buffer.getvalue()
        super().__init__(master, name=f"{secrets.token_urlsafe(16)}.{fmt.lower().replace('jpeg', 'jpg')}")
        self.image = image
        self.kept_token = kept_token  # set while gallery.kept holds it for a form with errors


def clean_photo(upload):
    """Check an uploaded file and return it as a CleanPhoto, or raise ValidationError."""
    validate_upload_size(upload)
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=ACCEPTED_FORMATS)
            if image.width * image.height > MAX_PIXELS:
                raise Image.DecompressionBombError
            image.seek(0)  # animated PNG/WebP: the first frame
            fmt = "PNG" if image.format == "PNG" else "JPEG"
            if max(image.size) > MAX_MASTER_SIDE:
                image.draft("RGB", fitted(image.size))  # a JPEG decodes at 1/2, 1/4... scale
            image.load()  # decode everything now: a truncated file fails here
            if max(image.size) > MAX_MASTER_SIDE:
                info = image.info  # EXIF orientation and ICC profile, which strip() still needs
                image = image.resize(fitted(image.size), Image.LANCZOS, reducing_gap=2.0)
                image.info = info
            return CleanPhoto(strip(image), fmt)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            "This image has too many pixels (at most 50 megapixels). Resize it and try again.",
            code="too_many_pixels",
        )
    except UnidentifiedImageError:
        raise ValidationError(
            "This file is not a photo the website can read: choose a JPEG, PNG, WebP, HEIC or "
            "AVIF file. Other kinds of files (such as SVG or PDF) are not accepted.",
            code="not_an_image",
        )
    except Exception:  # Pillow's decoders raise many kinds of error on a malformed file
        raise ValidationError(
            "This photo could not be read completely; the file may be damaged or cut short. "
            "Export it again and try again.",
            code="damaged",
        )


def fitted(size):
    """`size` scaled down to fit MAX_MASTER_SIDE, keeping its proportions."""
    scale = MAX_MASTER_SIDE / max(size)
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def clean_upload(file):
    """`file` as a CleanPhoto: as a form's PhotoFormField left it, or through the pipeline now
    (a file saved from code or the demo content)."""
    return file if isinstance(file, CleanPhoto) else clean_photo(file)


def strip(image):
    """Return the picture upright in plain sRGB, with no metadata at all."""
    try:
        upright = ImageOps.exif_transpose(image)
    except Exception:  # a malformed EXIF block is no reason to refuse the photo
        upright = image
    icc = image.info.get("icc_profile")
    if icc and upright.mode in ("RGB", "RGBA", "CMYK"):
        try:  # e.g. iPhone Display P3 or print CMYK: keep the colours, lose the profile
            mode = "RGBA" if upright.mode == "RGBA" else "RGB"
            upright = ImageCms.profileToProfile(
                upright, ImageCms.ImageCmsProfile(io.BytesIO(icc)), SRGB, outputMode=mode
            )
        except Exception:  # a broken profile: fall back to the plain conversion below
            pass
    if upright.mode in ("P", "PA", "LA", "La", "RGBa") or "transparency" in upright.info:
        upright = upright.convert("RGBA")
    if upright.mode == "RGBA":
        # JPEG has no transparency: flatten onto white, as the page behind it is white.
        background = Image.new("RGB", upright.size, "white")
        background.paste(upright, mask=upright.getchannel("A"))
        upright = background
    if upright.mode.startswith("I") or upright.mode == "F":  # 16-bit PNGs
        upright = upright.convert("I").point(lambda value: value / 256).convert("L")
    clean = upright.convert("RGB")
    # Every Pillow operation copies `info` (EXIF, XMP, comment, ICC) to its result, and
    # some encoders write it back out: only an empty `info` guarantees nothing leaks.
    clean.info = {}
    return clean


def save_renditions(image, storage=private_storage, folder="gallery/renditions", widths=RENDITION_WIDTHS):
    """Write the web sizes of a clean picture under random names; return their facts."""
    widths = sorted({min(width, image.width) for width in widths})
    renditions = []
    for width in widths:
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS, reducing_gap=3.0)
        resized.info = {}
        for fmt, extension, content_type, options in RENDITION_FORMATS:
            buffer = io.BytesIO()
            resized.save(buffer, fmt, **options)
            name = storage.save(f"{folder}/{secrets.token_urlsafe(16)}.{extension}", ContentFile(buffer.getvalue()))
            renditions.append(
                {
                    "name": name,
                    "width": width,
                    "height": height,
                    "type": content_type,
                    "bytes": buffer.tell(),
                }
            )
    return renditions


class Picture:
    """Renditions as a <picture> shows them (templates/includes/_picture.html): a srcset
    per type, the largest JPEG as the fallback, its size for width and height."""

    def __init__(self, renditions, url, alt=""):
        self.alt = alt
        by_type = {}
        for rendition in renditions:
            by_type.setdefault(rendition["type"], []).append((url(rendition["name"]), rendition))
        self.avif_srcset = srcset(by_type.get("image/avif", []))
        self.webp_srcset = srcset(by_type.get("image/webp", []))
        self.jpeg_srcset = srcset(by_type.get("image/jpeg", []))
        jpegs = by_type.get("image/jpeg") or [("", {"width": 0, "height": 0})]
        self.src, largest = jpegs[-1]
        self.thumbnail = jpegs[0][0]
        self.width, self.height = largest["width"], largest["height"]

    def __bool__(self):
        return bool(self.src)


def srcset(candidates):
    return ", ".join(f"{url} {rendition['width']}w" for url, rendition in candidates)


def validate_upload_size(upload):
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            "This file is %(size)s MB; files can be at most 25 MB. Export a smaller file and try again.",
            code="too_large",
            params={"size": f"{upload.size / 1024 / 1024:.1f}"},
        )


def original_path(instance, filename):
    """Private originals: a random name, never the camera's or the patient's file name."""
    return f"gallery/originals/{secrets.token_urlsafe(16)}{PurePath(filename).suffix.lower()}"


def private_file_path(instance, filename):
    return f"gallery/private/{secrets.token_urlsafe(16)}{PurePath(filename).suffix.lower()}"


class KeptPhoto(str):
    """The token of a photo gallery.kept holds, as a form sends it back."""


class PhotoInput(forms.FileInput):
    """A file input that shows, and sends back, a photo kept from the form's last submit.
    Private files have no URL to show as "Currently: ..."."""

    template_name = "gallery/widgets/photo_input.html"
    kept_token = ""

    def __init__(self, attrs=None):
        accept = "image/jpeg,image/png,image/webp,image/heic,image/heif,image/avif,.heic,.heif"
        super().__init__({"accept": accept, **(attrs or {})})

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        token = data.get(f"{name}_kept", "")
        return upload or (KeptPhoto(token) if token else None)

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and f"{name}_kept" not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.kept_token:
            context["widget"]["kept_token"] = self.kept_token
            context["widget"]["kept_url"] = reverse("kept_photo", args=[self.kept_token])
        return context


class PhotoFormField(forms.FileField):
    """Runs the pipeline while the form is cleaned, so a bad file is a form error; takes a
    photo kept from the last submit (gallery.kept) when no new file was chosen."""

    def to_python(self, data):
        if isinstance(data, KeptPhoto):
            if (stored := kept.kept(data)) is None:
                raise ValidationError(
                    "The photo kept from your last try is no longer there (kept photos are removed "
                    "after a day). Choose the file again.",
                    code="kept_photo_gone",
                )
            master, fmt = stored
            return CleanPhoto(kept.open_master(master), fmt, master=master, kept_token=str(data))
        upload = super().to_python(data)
        if upload is None or isinstance(upload, CleanPhoto):
            return upload
        return clean_photo(upload)


class PrivateFileField(models.FileField):
    """A file kept in private storage under a random name."""

    form_field_class = forms.FileField
    # The admin's file widget links to the file's URL; private files have none.
    form_widget = forms.FileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", private_storage)
        kwargs.setdefault("upload_to", private_file_path)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{**kwargs, "form_class": self.form_field_class, "widget": self.form_widget})


class PublicPhotoField(models.FileField):
    """A picture of the clinic (never a patient) kept as a clean master in public storage;
    forms run it through the pipeline."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("upload_to", public_master_path)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{**kwargs, "form_class": PhotoFormField, "widget": PhotoInput})


def public_master_path(instance, filename):
    return f"site/masters/{secrets.token_urlsafe(16)}{PurePath(filename).suffix.lower()}"


class PhotoField(PrivateFileField):
    """A photo kept privately as a clean master; forms run it through the pipeline."""

    form_field_class = PhotoFormField
    form_widget = PhotoInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("upload_to", original_path)
        super().__init__(*args, **kwargs)
