"""Fixtures that start real servers for the scale tests: an S3 API server, a streaming replica of
the local PostgreSQL and gunicorn web nodes (tests/scale/servers.py). Each is torn down by its
fixture, whatever the test did."""

import pytest
from django.core.cache import cache

from core.media_storage_config import bucket_config, storages_for
from tests.scale.servers import MotoS3


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    server = MotoS3(tmp_path_factory.mktemp("moto")).start()
    yield server
    server.stop()


@pytest.fixture
def object_storage(s3_server, settings, monkeypatch):
    """Uploads go to a fresh bucket of the S3 server, as they do with MEDIA_STORAGE_URL set."""
    for name, value in s3_server.credentials_environment().items():
        monkeypatch.setenv(name, value)
    config = bucket_config(
        {
            "MEDIA_STORAGE_URL": (
                f"s3://{s3_server.new_bucket()}"
                f"?endpoint_url={s3_server.endpoint_url}&region_name=us-east-1"
            )
        }
    )
    settings.MEDIA_BUCKET = config
    settings.STORAGES = {
        **settings.STORAGES,
        **storages_for(config, private_url_seconds=settings.MEDIA_PRIVATE_URL_SECONDS),
    }
    return config


@pytest.fixture
def fresh_cache():
    # Rate-limit counters live in the cache; these tests start from zero.
    cache.clear()
    yield
    cache.clear()
