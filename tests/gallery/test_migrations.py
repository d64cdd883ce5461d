import datetime

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ("pages", "0007_typical_results")
BEFORE = [("gallery", "0001_initial"), PAGES]
AFTER = [("gallery", "0004_remove_consent_tick"), PAGES]


def test_a_consent_tick_becomes_an_authorization_flagged_for_review_and_cases_without_one_get_none(migrate):
    old_schema = migrate(BEFORE)
    Page = old_schema.get_model("pages", "Page")
    Case = old_schema.get_model("gallery", "Case")
    page = Page.objects.create(title="Botox", slug="botox")
    photos = {"before_image": "b.jpg", "before_alt": "Before", "after_image": "a.jpg", "after_alt": "After"}
    ticked = Case.objects.create(
        treatment=page, treated_area="Forehead", procedure="Botox", consent_on_file=True,
        consent_recorded_on=datetime.date(2026, 3, 2), consent_recorded_by="Front desk",
        consent_reference="Chart, scanned 2 March", consent_scan="gallery/private/scan.pdf", **photos,
    )
    unticked = Case.objects.create(treatment=page, treated_area="Jaw", procedure="Botox", **photos)

    new_schema = migrate(AFTER)
    Case = new_schema.get_model("gallery", "Case")
    authorization = Case.objects.get(pk=ticked.pk).authorization
    assert (authorization.signed_on, authorization.expires_on) == (datetime.date(2026, 3, 2), datetime.date(2027, 3, 2))
    assert authorization.recorded_by == "Front desk"
    assert authorization.document.name == "gallery/private/scan.pdf"
    assert authorization.needs_review
    assert "Chart, scanned 2 March" in authorization.notes
    assert Case.objects.get(pk=unticked.pk).authorization is None
