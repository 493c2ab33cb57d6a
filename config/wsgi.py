import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# Everything loaded so far (Django, the apps, their modules: some 300,000 objects) lives as long
# as the process. Left to the cyclic garbage collector, it is walked again at every full
# collection: about 100 ms, paid by whichever request triggers one (one of the first few after
# each start, then now and then). Frozen, only what requests create is walked.
gc.collect()
gc.freeze()
