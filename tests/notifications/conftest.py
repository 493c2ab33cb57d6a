import pytest

from config.celery import app as celery_app


@pytest.fixture(autouse=True)
def eager_celery(request):
    """Unit tests run tasks in-process, whatever REDIS_URL says; integration tests opt out."""
    if request.node.get_closest_marker("redis"):
        yield
        return
    saved = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = saved
