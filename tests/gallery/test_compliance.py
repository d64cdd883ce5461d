import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gallery.models import (
    BLOCKER_FIELDS,
    BLOCKED_ATTESTATION_MISSING,
    BLOCKED_AUTHORIZATION_EXPIRED,
    BLOCKED_AUTHORIZATION_REVOKED,
    BLOCKED_AUTHORIZATION_SCOPE,
    BLOCKED_FACE_NOT_COVERED,
    BLOCKED_NO_AUTHORIZATION,
    BLOCKED_TREATMENT_NOT_PUBLIC,
    CASE_BLOCKER_REASONS,
    Case,
    MarketingAuthorization,
    case_blockers,
)
from tests.factories import CaseFactory, MarketingAuthorizationFactory, PageFactory

pytestmark = pytest.mark.django_db

MODEL_LABEL = "Model — not a patient"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def clock(time_machine):
    """Sets the site's clock to noon, clinic time, on a given day: every clock, so what a
    cache keeps "until midnight" ends too."""

    def set_day(day):
        noon = datetime.datetime.combine(day, datetime.time(12), tzinfo=timezone.get_current_timezone())
        time_machine.move_to(noon, tick=False)

    return set_day


def blocked_case(reason):
    """A case blocked for exactly this reason."""
    if reason == BLOCKED_NO_AUTHORIZATION:
        return CaseFactory(authorization=None)
    if reason == BLOCKED_AUTHORIZATION_REVOKED:
        return CaseFactory(authorization__revoked_on=datetime.date.today())
    if reason == BLOCKED_AUTHORIZATION_EXPIRED:
        return CaseFactory(
            authorization__signed_on=datetime.date(2019, 1, 1), authorization__expires_on=datetime.date(2020, 1, 1)
        )
    if reason == BLOCKED_AUTHORIZATION_SCOPE:
        return CaseFactory(authorization__scope=MarketingAuthorization.Scope.SOCIAL_MEDIA)
    if reason == BLOCKED_FACE_NOT_COVERED:
        return CaseFactory(shows_identifiable_face=True, authorization__covers_identifiable_face=False)
    if reason == BLOCKED_ATTESTATION_MISSING:
        return CaseFactory(unaltered_attested_by="")
    if reason == BLOCKED_TREATMENT_NOT_PUBLIC:
        return CaseFactory(treatment=PageFactory(is_published=False))
    raise AssertionError(reason)


def public_urls(case):
    return [
        "/gallery/",
        f"/gallery/{case.treatment.slug}/",
        case.get_absolute_url(),
        case.treatment.get_absolute_url(),  # the treatment page's teaser
    ]


def image_urls(case):
    return [photo.src for photo in (case.before, case.after)]


def sitemap_urls(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)}


def test_the_blocker_list_names_every_reason_in_order():
    assert list(case_blockers(datetime.date.today())) == CASE_BLOCKER_REASONS


def test_the_queryset_and_the_per_case_check_agree_on_every_reason():
    cases = [blocked_case(reason) for reason in CASE_BLOCKER_REASONS] + [CaseFactory()]
    for reason in CASE_BLOCKER_REASONS:
        expected = {case.pk for case in cases if reason in Case.objects.get(pk=case.pk).publication_blockers()}
        assert set(Case.objects.blocked(reason).values_list("pk", flat=True)) == expected, reason
    assert [case.publication_blockers() for case in cases] == [[reason] for reason in CASE_BLOCKER_REASONS] + [[]]
    assert list(Case.objects.published()) == [cases[-1]]


@pytest.mark.parametrize("reason", [r for r in CASE_BLOCKER_REASONS if r != BLOCKED_TREATMENT_NOT_PUBLIC])
def test_a_blocked_case_cannot_be_saved_as_published_and_is_never_public(client, reason):
    case = blocked_case(reason)  # the factory saves without clean(), as a bulk edit could
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert error.value.message_dict[BLOCKER_FIELDS[reason]] == [reason]  # at the field that fixes it
    assert client.get(case.get_absolute_url()).status_code == 404
    assert all(client.get(url).status_code == 404 for url in image_urls(case))


def test_a_case_may_wait_published_for_its_treatment_page_but_stays_hidden_until_then(client):
    case = blocked_case(BLOCKED_TREATMENT_NOT_PUBLIC)
    case.full_clean()  # staff can still edit it while the page is a draft
    assert client.get(case.get_absolute_url()).status_code == 404
    case.treatment.is_published = True
    case.treatment.save()
    assert client.get(case.get_absolute_url()).status_code == 200


def test_a_case_whose_authorization_expires_is_public_through_its_last_day_and_gone_the_next(client, clock):
    case = CaseFactory(
        treatment=PageFactory(slug="botox"),
        authorization__signed_on=datetime.date(2027, 1, 1),
        authorization__expires_on=datetime.date(2027, 3, 1),
    )
    clock(datetime.date(2027, 3, 1))
    for url in public_urls(case):
        assert f'id="case-{case.pk}-title"' in client.get(url).content.decode(), url
    assert all(client.get(url).status_code == 200 for url in image_urls(case))
    assert f"http://testserver{case.get_absolute_url()}" in sitemap_urls(client)
    assert list(Case.objects.published()) == [case]

    clock(datetime.date(2027, 3, 2))
    for url in public_urls(case):
        response = client.get(url)
        assert f'id="case-{case.pk}-title"' not in response.content.decode(), url
    assert client.get(case.get_absolute_url()).status_code == 404
    assert all(client.get(url).status_code == 404 for url in image_urls(case))
    assert not {url for url in sitemap_urls(client) if "/gallery/" in url}
    assert not Case.objects.published().exists()
    assert Case.objects.get().publication_blockers() == [BLOCKED_AUTHORIZATION_EXPIRED]


def test_a_treatments_own_published_cases_are_only_its_own():
    botox, other = CaseFactory(treated_area="Forehead"), CaseFactory(treated_area="Jawline")
    hidden = CaseFactory(treatment=botox.treatment, authorization=None, is_published=False)
    Case.objects.filter(pk=hidden.pk).update(is_published=True)  # past clean(), as a raw edit would
    assert list(botox.treatment.cases.published()) == [botox]
    assert set(Case.objects.published()) == {botox, other}


def test_revoking_an_authorization_in_the_admin_hides_its_cases_on_the_next_request(admin_client, client):
    authorization = MarketingAuthorizationFactory(reference="CH-2001")
    cases = CaseFactory.create_batch(2, authorization=authorization)
    assert client.get(cases[0].get_absolute_url()).status_code == 200
    response = admin_client.post(
        "/admin/gallery/marketingauthorization/",
        {"action": "revoke", "_selected_action": [authorization.pk]},
        follow=True,
    )
    message = "Revoked “CH-2001” as of today. Its 2 case(s) are no longer shown on the website."
    assert message in response.content.decode()
    authorization.refresh_from_db()
    assert authorization.revoked_on == timezone.localdate()
    assert all(client.get(case.get_absolute_url()).status_code == 404 for case in cases)
    assert all(client.get(url).status_code == 404 for url in image_urls(cases[0]))


def test_an_identifiable_face_needs_an_authorization_that_covers_it():
    case = CaseFactory(shows_identifiable_face=True, authorization__covers_identifiable_face=True)
    case.full_clean()
    assert case in Case.objects.published()


def test_a_model_case_carries_the_model_notice_right_under_its_pair_of_images(client):
    model = CaseFactory(subject=Case.Subject.MODEL, treatment=PageFactory(slug="botox"))
    CaseFactory(treatment=model.treatment, subject=Case.Subject.PATIENT)
    for url in public_urls(model):
        html = client.get(url).content.decode()
        pair_then_notice = re.findall(r'</figure>\s*</div>\s*<p class="case__subject">(.*?)</p>', html)
        assert pair_then_notice == [MODEL_LABEL], url
    gallery = client.get("/gallery/").content.decode()
    assert gallery.count(MODEL_LABEL) == 1  # the patient's case has none


def test_an_illustration_says_so_and_is_not_called_a_model(client):
    case = CaseFactory(subject=Case.Subject.ILLUSTRATION)
    html = client.get(case.get_absolute_url()).content.decode()
    assert '<p class="case__subject">Illustration — not a photo of a patient</p>' in html
    assert MODEL_LABEL not in html


def test_every_rendering_of_a_case_states_the_procedure_performed(client):
    case = CaseFactory(procedure="Botox injections, 20 units")
    for url in public_urls(case):
        assert "<dt>Procedure</dt> <dd>Botox injections, 20 units</dd>" in client.get(url).content.decode(), url


def test_the_typical_results_note_is_shown_with_the_treatments_gallery(client):
    page = PageFactory(title="Botox", slug="botox", typical_results="Most patients see **softer lines** in 7–14 days.")
    case = CaseFactory(treatment=page)
    note = "<p>Most patients see <strong>softer lines</strong> in 7–14 days.</p>"
    for url in public_urls(case):
        html = client.get(url).content.decode()
        assert note in html, url
    assert "Typical results of Botox" in client.get("/gallery/").content.decode()


def test_a_page_without_a_typical_results_note_shows_no_empty_box(client):
    case = CaseFactory(treatment=PageFactory(typical_results=""))
    assert "typical-results" not in client.get(case.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"signed_on": datetime.date(2026, 5, 1), "expires_on": datetime.date(2026, 4, 1)}, "expires_on"),
        ({"signed_on": datetime.date.today() + datetime.timedelta(days=2)}, "signed_on"),
        ({"revoked_on": datetime.date.today() + datetime.timedelta(days=2)}, "revoked_on"),
    ],
)
def test_an_authorization_with_impossible_dates_is_refused(fields, field):
    authorization = MarketingAuthorizationFactory.build(**fields)
    with pytest.raises(ValidationError) as error:
        authorization.full_clean()
    assert list(error.value.message_dict) == [field]


def test_an_authorization_says_whether_it_is_valid_expired_or_revoked(clock):
    clock(datetime.date(2027, 6, 1))
    valid = MarketingAuthorizationFactory(signed_on=datetime.date(2027, 1, 1), expires_on=datetime.date(2027, 6, 1))
    expired = MarketingAuthorizationFactory(signed_on=datetime.date(2026, 1, 1), expires_on=datetime.date(2027, 5, 31))
    revoked = MarketingAuthorizationFactory(
        signed_on=datetime.date(2027, 1, 1), expires_on=datetime.date(2028, 1, 1), revoked_on=datetime.date(2027, 2, 1)
    )
    assert [a.status for a in (valid, expired, revoked)] == ["valid", "expired", "revoked"]
    assert list(MarketingAuthorization.objects.valid()) == [valid]
    assert list(MarketingAuthorization.objects.expired()) == [expired]
    assert list(MarketingAuthorization.objects.revoked()) == [revoked]
