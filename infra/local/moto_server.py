"""moto server with DynamoDB requests serialized.

moto's DynamoDB backend does not lock: two TransactWriteItems (or conditional writes) that race on the same
item can both pass their condition checks. Real DynamoDB never allows that, and Rabta's optimistic locking and
exactly-once escalation depend on it. Serializing DynamoDB calls (each one is short) restores the guarantee;
every other service (SQS long polls in particular) keeps moto's threaded server.

Usage: python3 infra/local/moto_server.py [-H host] [-p port]
"""

import argparse
import signal
import sys
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
import werkzeug.serving as serving
from werkzeug.serving import run_simple

_dynamodb_lock = threading.Lock()


def serialize_dynamodb(app):
    def wrapped(environ, start_response):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if target.startswith("DynamoDB_"):
            with _dynamodb_lock:
                # Consume the whole response inside the lock: the write happens while it is produced.
                return list(app(environ, start_response))
        return app(environ, start_response)

    return wrapped


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=5000)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # Load tests open many connections at once; werkzeug's default backlog (128) drops some.
    serving.LISTEN_QUEUE = 1024
    serving.BaseWSGIServer.request_queue_size = 1024
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(args.host, args.port, serialize_dynamodb(app), threaded=True)


if __name__ == "__main__":
    main()
