"""The read-your-own-writes cookie holds from the very next request, however soon it comes."""

import time_machine
from django.http import HttpResponse
from django.test import RequestFactory

from core.db_routing import READ_PRIMARY_COOKIE, ReplicaReadMiddleware, _recently_wrote

# A moment whose end of window (+5 s) rounds *up* at three decimals: the window's written end
# must still not lie past the longest window.
MOMENT = 1_800_000_000.0006


def test_the_request_right_after_a_write_reads_the_primary(settings):
    settings.DATABASE_REPLICAS = ["replica_0"]
    settings.REPLICA_READ_YOUR_WRITES_SECONDS = 5
    middleware = ReplicaReadMiddleware(lambda request: HttpResponse("saved"))
    factory = RequestFactory()

    with time_machine.travel(MOMENT, tick=False):
        written = middleware(factory.post("/accounts/profile/"))
        cookie = written.cookies[READ_PRIMARY_COOKIE].value
        following = factory.get("/accounts/profile/")
        following.COOKIES[READ_PRIMARY_COOKIE] = cookie

        assert _recently_wrote(following)

    with time_machine.travel(MOMENT + 5.01, tick=False):
        assert not _recently_wrote(following)
