# The production image: gunicorn serving the portal, whitenoise serving the collected static files.
# The same image runs the Celery worker and beat (see docker-compose.yml).
FROM python:3.11-slim

# PYTHONPATH: manage.py, gunicorn and celery import the project from /app, next to templates/ and
# static/, rather than the copy `pip install .` puts in site-packages.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

WORKDIR /app

RUN groupadd --system portal && useradd --system --gid portal --home-dir /app portal

COPY . .
RUN pip install .

# collectstatic only needs settings to load: a throwaway key, never used at run time. Production
# storage writes the hashed manifest that whitenoise serves.
RUN mkdir -p var/media \
    && DJANGO_ENV=production DEBUG=false \
       SECRET_KEY=collectstatic-only-not-a-real-secret-key-0123456789abcdefghij \
       DATABASE_URL=sqlite:////tmp/collectstatic.sqlite3 \
       python manage.py collectstatic --noinput \
    && rm -f /tmp/collectstatic.sqlite3 \
    && chown -R portal:portal var

USER portal

EXPOSE 8000

CMD ["sh", "-c", "gunicorn config.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-2} --access-logfile -"]
