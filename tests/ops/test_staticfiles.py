"""ops/staticfiles.py: WhiteNoise's hashed static files, each URL worked out once per process."""

import json

import pytest

from ops.staticfiles import StaticFilesStorage


@pytest.fixture
def storage(tmp_path, settings):
    settings.DEBUG = False
    paths = {"css/site.css": "css/site.0123456789ab.css", "img/favicon.png": "img/favicon.ba9876543210.png"}
    (tmp_path / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1", "hash": "x"}))
    return StaticFilesStorage(location=tmp_path, base_url="/static/")


def test_each_name_gets_its_own_hashed_url_every_time(storage):
    for _ in range(2):  # worked out, then remembered
        assert storage.url("css/site.css") == "/static/css/site.0123456789ab.css"
        assert storage.url("img/favicon.png") == "/static/img/favicon.ba9876543210.png"


def test_a_file_missing_from_the_manifest_is_still_an_error_each_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
