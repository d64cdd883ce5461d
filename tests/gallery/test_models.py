import pytest
from django.core.exceptions import ValidationError

from gallery.models import BLOCKED_NO_AUTHORIZATION, Case
from gallery.storage import check_private_root_is_not_public, private_storage
from tests.factories import CaseFactory, PageFactory, photo_upload

pytestmark = pytest.mark.django_db


def test_a_case_without_an_authorization_cannot_be_published_by_save_after_full_clean():
    case = CaseFactory.build(treatment=PageFactory(), authorization=None, is_published=True)
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert error.value.message_dict["authorization"] == [BLOCKED_NO_AUTHORIZATION]
    assert not Case.objects.exists()


def test_published_leaves_out_cases_flagged_published_without_an_authorization():
    shown = CaseFactory()
    sneaked = CaseFactory()
    Case.objects.filter(pk=sneaked.pk).update(authorization=None)  # as a bulk edit could
    assert list(Case.objects.published()) == [shown]


def test_published_leaves_out_unpublished_cases_and_cases_of_unpublished_treatments():
    shown = CaseFactory()
    CaseFactory(is_published=False)
    CaseFactory(treatment=PageFactory(is_published=False))
    assert list(Case.objects.published()) == [shown]


def test_for_treatment_keeps_that_treatments_cases():
    botox = PageFactory(slug="botox")
    mine = CaseFactory(treatment=botox)
    CaseFactory()
    assert list(Case.objects.published().for_treatment(botox)) == [mine]


def test_photos_are_kept_privately_under_random_names_outside_media_root(settings):
    case = CaseFactory(before_image=photo_upload(name="Jane_Doe_forehead.jpg"))
    path = private_storage.path(case.before_image.name)
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "Jane" not in path
    with pytest.raises(ValueError):
        case.before_image.url


def test_replacing_a_photo_removes_its_old_files(django_capture_on_commit_callbacks):
    case = CaseFactory()
    old = case.file_names() - {case.after_image.name, *(r["name"] for r in case.after_renditions)}
    assert all(private_storage.exists(name) for name in old)

    case = Case.objects.get(pk=case.pk)
    with django_capture_on_commit_callbacks(execute=True):
        case.before_image = photo_upload(color="navy")
        case.save()

    assert not any(private_storage.exists(name) for name in old)
    assert all(private_storage.exists(name) for name in case.file_names())


def test_deleting_a_case_removes_its_files(django_capture_on_commit_callbacks):
    case = CaseFactory()
    names = case.file_names()
    assert len(names) == 8  # two masters, three renditions (AVIF, WebP, JPEG) of each small photo
    with django_capture_on_commit_callbacks(execute=True):
        case.delete()
    assert not any(private_storage.exists(name) for name in names)


def test_a_photo_saved_from_code_goes_through_the_pipeline_too():
    case = CaseFactory(before_image=photo_upload(size=(2000, 1000)))
    assert [r["width"] for r in case.before_renditions] == [480] * 3 + [1200] * 3
    assert case.before_image.name.startswith("gallery/originals/")


def test_a_private_root_inside_media_root_fails_the_system_check(settings):
    assert check_private_root_is_not_public() == []
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT / "private"
    assert [error.id for error in check_private_root_is_not_public()] == ["gallery.E001"]
