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
        # DynamoDB_20120810.* and DynamoDBStreams_20120810.*: a stream read never sees a transaction half done.
        if target.startswith("DynamoDB"):
            with _dynamodb_lock:
                # Consume the whole response inside the lock: the write happens while it is produced.
                return list(app(environ, start_response))
        return app(environ, start_response)

    return wrapped


def stop_tracking_model_instances() -> None:
    """moto keeps every model object it ever creates, for its dashboard only, including the copy of the whole
    table it takes before each TransactWriteItems: under load its memory grew by gigabytes a minute and every
    transaction got slower. Nothing here uses the dashboard."""
    from moto.core.common_models import BaseModel

    BaseModel.__new__ = staticmethod(lambda cls, *args, **kwargs: object.__new__(cls))


# Table name -> keys the running TransactWriteItems writes; safe as a global because DynamoDB calls are serialized.
_transaction_keys: dict = {}


def back_up_only_what_a_transaction_writes() -> None:
    """Before each TransactWriteItems moto deep-copies every table it touches, to restore on failure: each
    transaction cost grew with the table (and its stream). Only the items the transaction writes can change
    while it runs (DynamoDB calls are serialized above), so the backup deep-copies those, shares every other
    item, and keeps its own dicts, so a rollback still drops whatever the failed transaction added. The stream
    shard is shared too, and a rollback removes the cancelled writes' records from it: moto's own rollback swaps
    in a copy of the shard, so stream readers kept reading records of writes that never happened."""
    import copy

    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.dynamo_type import DynamoType
    from moto.dynamodb.models.table import Table

    def backup_items(table, keys):
        if table.range_key_attr is None:
            items = type(table.items)(table.items.default_factory) if hasattr(table.items, "default_factory") else {}
            items.update(table.items)
            for hash_value, _ in keys:
                if hash_value in table.items:
                    items[hash_value] = copy.deepcopy(table.items[hash_value])
            return items
        items = type(table.items)(dict)
        for hash_value, by_range in table.items.items():
            items[hash_value] = dict(by_range)
        for hash_value, range_value in keys:
            current = table.items.get(hash_value, {}).get(range_value)
            if current is not None:
                items[hash_value][range_value] = copy.deepcopy(current)
        return items

    def table_deepcopy(self, memo):
        # The stream shard is shared, not copied: stream readers hold iterators on this very object, so a
        # rollback must take the failed transaction's records out of it (below) rather than swap it.
        shard = getattr(self, "stream_shard", None)
        if shard is not None:
            memo[id(shard)] = shard
        keys = _transaction_keys.get(self.name)
        if keys is not None:
            memo[id(self.items)] = backup_items(self, keys)
        clone = object.__new__(type(self))
        memo[id(self)] = clone
        for name, value in self.__dict__.items():
            setattr(clone, name, copy.deepcopy(value, memo))
        return clone

    Table.__deepcopy__ = table_deepcopy

    original = DynamoDBBackend.transact_write_items

    def transact_write_items(self, transact_items):
        for entry in transact_items:
            for op in entry.values():
                table = self.tables.get(op.get("TableName")) if isinstance(op, dict) else None
                if table is None:
                    continue
                key = op.get("Key") or op.get("Item") or {}
                hash_attr, range_attr = key.get(table.hash_key_attr), key.get(table.range_key_attr or "")
                _transaction_keys.setdefault(table.name, set()).add(
                    (
                        DynamoType(hash_attr) if hash_attr else None,
                        DynamoType(range_attr) if range_attr else None,
                    )
                )
        streams = {
            name: (table.stream_shard, len(table.stream_shard.items))
            for name, table in self.tables.items()
            if name in _transaction_keys and getattr(table, "stream_shard", None) is not None
        }
        try:
            return original(self, transact_items)
        except Exception:
            # moto restored its backup tables; drop the records the cancelled writes left in the stream.
            for name, (shard, length) in streams.items():
                del shard.items[length:]
                if name in self.tables:
                    shard.table = self.tables[name]
            raise
        finally:
            _transaction_keys.clear()

    DynamoDBBackend.transact_write_items = transact_write_items


def redeliver_fifo_groups_in_order() -> None:
    """After a failed FIFO batch, moto handed out the group's LAST message first: a message whose visibility
    timeout had run out still counted as in flight ("pending") until a receive reached it, so the group's first
    message, reached first, was skipped as "group busy" while its successors were still in that list, and the
    last one, reached last, found the group free. Real SQS locks a group only while one of its messages is
    invisible. Counting only invisible messages as in flight restores that: the group's messages come back
    oldest first."""
    from moto.sqs.models import Queue

    Queue.pending_message_groups = property(
        lambda self: {m.group_id for m in self._pending_messages if m.group_id is not None and not m.visible}
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=5000)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # Load tests open many connections at once; werkzeug's default backlog (128) drops some.
    serving.LISTEN_QUEUE = 1024
    serving.BaseWSGIServer.request_queue_size = 1024
    stop_tracking_model_instances()
    back_up_only_what_a_transaction_writes()
    redeliver_fifo_groups_in_order()
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(args.host, args.port, serialize_dynamodb(app), threaded=True)


if __name__ == "__main__":
    main()
