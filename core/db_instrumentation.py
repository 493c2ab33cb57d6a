"""Warn about slow SQL: every query a request runs is timed through an execute wrapper."""

import logging
import time
from contextlib import ExitStack

from django.conf import settings
from django.db import connections

logger = logging.getLogger("portal.db")

# Enough of the statement to recognise it; parameters are left out (they may be personal data).
SQL_PREVIEW_CHARS = 300


class SlowQueryLogger:
    def __init__(self, threshold_ms: int, alias: str):
        self.threshold_ms = threshold_ms
        self.alias = alias

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            if elapsed_ms >= self.threshold_ms:
                logger.warning(
                    "Slow query: %.0f ms: %s",
                    elapsed_ms,
                    sql[:SQL_PREVIEW_CHARS],
                    extra={"duration_ms": round(elapsed_ms), "database": self.alias},
                )


class SlowQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        threshold = settings.SLOW_QUERY_MS
        if not threshold:
            return self.get_response(request)
        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(
                    connections[alias].execute_wrapper(SlowQueryLogger(threshold, alias))
                )
            return self.get_response(request)
