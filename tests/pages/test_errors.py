import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_the_branded_404_page(client):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "We couldn’t find that page" in html
    assert '<header class="site-header">' in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_500_page_is_branded_and_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html
    assert '<header class="site-header">' in html
