"""gunicorn settings for the ``web`` process (Procfile: ``--config python:pydotorg.gunicorn``).

Threads per worker keep slow clients and cache misses from holding a whole process; the listen
backlog is bounded so that, past capacity, new connections are refused at once (the proxy answers
503) instead of queueing for longer than any client waits. Every value can be set from the
environment.
"""

import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
backlog = int(os.environ.get("GUNICORN_BACKLOG", 256))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))  # recycle workers: bounded memory growth
max_requests_jitter = 200
