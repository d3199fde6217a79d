"""moto server with DynamoDB requests serialized.

moto's DynamoDB backend does not lock: two TransactWriteItems (or conditional writes) that race on the same
item can both pass their condition checks. Real DynamoDB never allows that, and Rabta's optimistic locking and
exactly-once escalation depend on it. Serializing DynamoDB calls (each one is short) restores the guarantee;
every other service (SQS long polls in particular) keeps moto's threaded server. The other fixes below (connections
kept open, transaction backups, FIFO order, long polls, queue counts, service lookup, queries, event paths,
answers) are each explained where they are made and in docs/local-runtime.md, "The emulator process".

Usage: python3 infra/local/moto_server.py [-H host] [-p port]
"""

import argparse
import copy
import functools
import io
import json
import logging
import signal
import sys
import threading
import time

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
import werkzeug.serving as serving
from werkzeug.serving import run_simple
from werkzeug.wsgi import LimitedStream

_dynamodb_lock = threading.Lock()


def serialize_dynamodb(app):
    def wrapped(environ, start_response):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        body = _whole_body(environ)
        try:
            # DynamoDB_20120810.* and DynamoDBStreams_20120810.*: a stream read never sees a transaction half done.
            if target.startswith("DynamoDB"):
                with _dynamodb_lock:
                    # Consume the whole response inside the lock: the write happens while it is produced.
                    return list(app(environ, start_response))
            # Whole here too: the body is read to its end below, so moto must have read what it wants first.
            return list(app(environ, start_response))
        finally:
            # The connection stays open for the next request (keep_connections_alive): whatever of this request's
            # body the service did not read must not be taken for the next request line.
            body.read()

    return wrapped


def _whole_body(environ):
    """The request body as a stream that ends where the body ends, handed to moto in place of the socket: with
    Content-Length, exactly that many bytes; chunked, werkzeug's own reader (it stops at the last chunk); with
    neither, HTTP/1.1 says there is no body."""
    if environ.get("wsgi.input_terminated"):
        return environ["wsgi.input"]
    length = environ.get("CONTENT_LENGTH", "")
    body = LimitedStream(environ["wsgi.input"], int(length)) if length.isdigit() else io.BytesIO()
    environ["wsgi.input"] = body
    environ["wsgi.input_terminated"] = True
    return body


class _NoLeftoverCheck:
    """Stands in for the selector werkzeug uses, after each response, to read and discard whatever the client
    sent beyond the request: on a kept-alive connection that would swallow the client's next request."""

    def __init__(self, *_args, **_kwargs) -> None:
        pass

    def register(self, *_args, **_kwargs) -> None:
        pass

    def select(self, *_args, **_kwargs) -> list:
        return []

    def close(self) -> None:
        pass


def keep_connections_alive() -> type[serving.WSGIRequestHandler]:
    """werkzeug's development server answers every request with `Connection: close`, so every SDK call opened a
    connection and a thread of its own: under the crowd 9,666 requests took 9,666 connections, and moto's threads
    were found accepting, closing and checking connections about as often as running the services' code. A
    connection now stays open while its client keeps it (the SDK's agents do) and carries one request after another;
    the body of each is read to its end (serialize_dynamodb), which is what werkzeug's leftover check was for.

    werkzeug also wrote an answer's head and body in two writes. On a kept-alive connection the
    second waited (Nagle's algorithm) for the client to acknowledge the first, and the client delays that
    acknowledgement by up to 40 ms: one call after another on one connection took 45 ms each instead of 2.5. The
    answer is now buffered and sent in one write, and TCP_NODELAY covers answers larger than the buffer."""

    class KeepAliveHandler(serving.WSGIRequestHandler):
        # Each answer goes out in one write, and nothing waits for the client's acknowledgement of the last write.
        wbufsize = -1
        disable_nagle_algorithm = True

        def send_header(self, keyword: str, value: str) -> None:
            if keyword.lower() == "connection" and value.lower() == "close":
                return
            super().send_header(keyword, value)

        def run_wsgi(self) -> None:
            # The client waits for this before it sends the body: it must not sit in the write buffer.
            if self.headers.get("Expect", "").lower().strip() == "100-continue":
                self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
                self.wfile.flush()
                del self.headers["Expect"]
            super().run_wsgi()

        def handle_one_request(self) -> None:
            try:
                super().handle_one_request()
            finally:
                # Error answers (a malformed request line) return before http.server's own flush.
                if not self.wfile.closed:
                    self.wfile.flush()

    serving.selectors = type("selectors", (), {"DefaultSelector": _NoLeftoverCheck, "EVENT_READ": 1})
    return KeepAliveHandler


def read_the_clock_cheaply() -> None:
    """moto reads the time as a datetime difference (4 µs a call) and reads it twice for every message each time a
    queue is scanned (is it visible? delayed?): with 900 messages waiting in 100 busy FIFO groups, a ReceiveMessage
    that found nothing took 10.7 ms of the emulator's only CPU, and every change to the queue wakes each long-polling
    reader for another scan. The same clock read as a float is 25 times cheaper (0.4 ms a scan). It must run before
    moto's services are imported: they bind these functions by name."""
    from moto.core import utils

    original_unix_time = utils.unix_time

    def unix_time(dt=None) -> float:
        return time.time() if dt is None else original_unix_time(dt)

    def unix_time_millis(dt=None) -> float:
        return unix_time(dt) * 1000.0

    utils.unix_time = unix_time
    utils.unix_time_millis = unix_time_millis


def remember_answers(function, maxsize: int):
    """`function` with its answers cached by argument, for functions whose answer depends only on their
    arguments; an unhashable argument is answered by `function` itself, as before."""
    cached = functools.lru_cache(maxsize=maxsize)(function)

    def answer(*args, **kwargs):
        try:
            return cached(*args, **kwargs)
        except TypeError:  # an unhashable argument
            return function(*args, **kwargs)

    return answer


def look_up_names_once() -> None:
    """On every call moto converts the action's name to snake case and lists the response class's methods
    (`inspect.getmembers`, ~0.2 ms) to find the handler, and a queue's attributes convert the same fifteen names,
    a character at a time, each time they are read: six times per SendMessage, half of what a send cost (1.7-1.8
    ms in process). Both answers depend only on their argument: each is now worked out once (0.6-0.7 ms). Like
    the clock, it must run before moto's services are imported; moto.core.responses is already loaded, so it is
    rebound there too."""
    from moto.core import responses, utils

    convert = remember_answers(utils.camelcase_to_underscores, maxsize=4096)
    utils.camelcase_to_underscores = convert
    responses.camelcase_to_underscores = convert
    # Response classes are defined once, and their methods are patched (below) before the server starts.
    responses.method_names_from_class = functools.cache(lambda clazz: frozenset(utils.method_names_from_class(clazz)))


def parse_each_event_path_once() -> None:
    """For every event and every target of every matching rule, moto's PutEvents fills the target's input
    template from about ten JSONPath expressions ("$.detail", "$.source", ...), and jsonpath_ng's `parse`
    builds a new LALR parser, tables and all, for each one. That was ~0.3 s of CPU per PutEvents in the test
    suite, the emulator's costliest call by far. A parsed path is read-only when applied (`find`), so each
    string is parsed once; moto imports `parse` inside the call, so rebinding the module's name is enough."""
    import jsonpath_ng.ext

    jsonpath_ng.ext.parse = remember_answers(jsonpath_ng.ext.parse, maxsize=1024)


def stop_tracking_model_instances() -> None:
    """moto keeps every model object it ever creates, for its dashboard only, including the copy of the whole
    table it takes before each TransactWriteItems: under load its memory grew by gigabytes a minute and every
    transaction got slower. Nothing here uses the dashboard."""
    from moto.core.common_models import BaseModel

    BaseModel.__new__ = staticmethod(lambda cls, *args, **kwargs: object.__new__(cls))


# Table name -> keys the running TransactWriteItems writes; safe as a global because DynamoDB calls are serialized.
_transaction_keys: dict = {}
# Table name -> (the live items, and for each written key what it held before), for a rollback in place.
_transaction_backups: dict = {}
_ABSENT = object()


def back_up_only_what_a_transaction_writes() -> None:
    """Before each TransactWriteItems moto deep-copies every table it touches, and on failure puts the copy in the
    table's place: each transaction cost grew with the table (and its stream). Only the items the transaction
    writes can change while it runs (DynamoDB calls are serialized above), so the "copy" shares the live items and
    keeps a deep copy of just those items, or notes that they were absent; a rollback writes them back into the
    live items in place, dropping whatever the failed transaction added. (An earlier version rebuilt the table's
    partition dicts for each transaction: 26 ms a transaction at 5,000 items, 134 ms at 20,000; now 1.4 ms.) The
    stream shard is shared too, and a rollback removes the cancelled writes' records from it: moto's own rollback
    swaps in a copy of the shard, so stream readers kept reading records of writes that never happened."""
    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.dynamo_type import DynamoType
    from moto.dynamodb.models.table import Table

    def saved_state(table, keys):
        saved = []
        for hash_value, range_value in keys:
            if table.range_key_attr is None:
                current = table.items.get(hash_value, _ABSENT)
            else:
                current = table.items.get(hash_value, {}).get(range_value, _ABSENT)
            saved.append((hash_value, range_value, current if current is _ABSENT else copy.deepcopy(current)))
        return saved

    def restore(table_items, has_range_key, saved):
        for hash_value, range_value, before in saved:
            if not has_range_key:
                if before is _ABSENT:
                    table_items.pop(hash_value, None)
                else:
                    table_items[hash_value] = before
                continue
            partition = table_items.get(hash_value)
            if before is not _ABSENT:
                if partition is None:
                    partition = table_items[hash_value] = {}
                partition[range_value] = before
            elif partition is not None:
                partition.pop(range_value, None)
                if not partition:
                    del table_items[hash_value]

    def table_deepcopy(self, memo):
        # The stream shard is shared, not copied: stream readers hold iterators on this very object, so a
        # rollback must take the failed transaction's records out of it (below) rather than swap it.
        shard = getattr(self, "stream_shard", None)
        if shard is not None:
            memo[id(shard)] = shard
        keys = _transaction_keys.get(self.name)
        if keys is not None:
            memo[id(self.items)] = self.items
            _transaction_backups[self.name] = (self.items, self.range_key_attr is not None, saved_state(self, keys))
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
            # moto put its "copies" in the tables' place; they share the live items, which get their old values
            # back here, and the stream loses the records the cancelled writes left in it.
            for table_items, has_range_key, saved in _transaction_backups.values():
                restore(table_items, has_range_key, saved)
            for name, (shard, length) in streams.items():
                del shard.items[length:]
                if name in self.tables:
                    shard.table = self.tables[name]
            raise
        finally:
            _transaction_keys.clear()
            _transaction_backups.clear()

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


def count_messages_only_when_asked() -> None:
    """A queue's attributes include three message counts, each a pass over every message with two clock reads
    per message, and moto read the attributes (all of them, three times) on every SendMessage, to learn whether
    the queue deduplicates by content, and for every message ReceiveMessage handed out, to learn the retention
    period: each call cost grew with the queue, and under a crowd the webhook's SendMessage took seconds. The
    counts are now computed only for a GetQueueAttributes request, the one place they are read."""
    from moto.core.utils import camelcase_to_underscores
    from moto.sqs.models import Queue
    from moto.sqs.responses import SQSResponse

    counts = {
        "ApproximateNumberOfMessages",
        "ApproximateNumberOfMessagesDelayed",
        "ApproximateNumberOfMessagesNotVisible",
    }
    answering = threading.local()
    def attributes(self) -> dict:
        # moto's property, with the counts left out unless a GetQueueAttributes request is being answered
        with_counts = getattr(answering, "active", False)
        result = {}
        for attribute in self.BASE_ATTRIBUTES:
            if with_counts or attribute not in counts:
                result[attribute] = getattr(self, camelcase_to_underscores(attribute))
        if self.fifo_queue:
            for attribute in self.FIFO_ATTRIBUTES:
                result[attribute] = getattr(self, camelcase_to_underscores(attribute))
        if self.kms_master_key_id:
            for attribute in self.KMS_ATTRIBUTES:
                result[attribute] = getattr(self, camelcase_to_underscores(attribute))
        if self.policy:
            result["Policy"] = self.policy
        if self.redrive_policy:
            result["RedrivePolicy"] = json.dumps(self.redrive_policy)
        return {key: str(value).lower() if isinstance(value, bool) else value for key, value in result.items()}

    original_get_queue_attributes = SQSResponse.get_queue_attributes

    def get_queue_attributes(self):
        answering.active = True
        try:
            return original_get_queue_attributes(self)
        finally:
            answering.active = False

    Queue.attributes = property(attributes)
    SQSResponse.get_queue_attributes = get_queue_attributes


def resolve_each_host_once() -> None:
    """moto finds the service of every request under one global lock, and finding it listed moto's package
    directory (an isdir per service, ~150) and then tried every service's URL pattern: each call to the emulator
    waited for all others' lookups, which took most of the emulator's time under a crowd. The answer for a host
    never changes, so it is remembered."""
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication

    original = DomainDispatcherApplication.get_backend_for_host
    known: dict = {}

    def get_backend_for_host(self, host):
        if host not in known:
            known[host] = original(self, host)
        return known[host]

    DomainDispatcherApplication.get_backend_for_host = get_backend_for_host


def wake_long_polls_only_on_change() -> None:
    """Two faults of moto's long-polling ReceiveMessage on a FIFO queue. It spun: when nothing could be handed out
    because every visible message's group was in flight, it "waited" for any visible message, found those very
    messages at once and scanned again, thousands of times a second per poller; under a crowd of citizens (one
    group each) the spinning pollers took the emulator's CPU and every other call waited seconds. And it decided
    which groups were in flight once, when the poll began: a group freed during the wait stayed "busy" until the
    poll ended, so a citizen's next message waited out a whole long poll. Now a long poll is a series of single
    scans, each with the groups in flight at that moment, and between scans it sleeps until the queue changes (a
    message sent, deleted or made visible again) or a second passes (a visibility time-out ends without a call)."""
    from moto.sqs.models import Queue, SQSBackend

    def changes(queue) -> int:
        return getattr(queue, "rabta_changes", 0)

    def changed(queue) -> None:
        with queue._messages_lock:
            queue.rabta_changes = changes(queue) + 1
            queue._messages_lock.notify_all()

    original_add = Queue.add_message
    original_delete = Queue.delete_message
    original_visibility = SQSBackend.change_message_visibility
    original_receive = SQSBackend.receive_message

    def add_message(self, message) -> None:
        original_add(self, message)
        changed(self)

    def delete_message(self, receipt_handle) -> None:
        original_delete(self, receipt_handle)
        changed(self)

    def change_message_visibility(self, queue_name, receipt_handle, visibility_timeout) -> None:
        original_visibility(self, queue_name, receipt_handle, visibility_timeout)
        changed(self.get_queue(queue_name))

    def receive_message(self, queue_name, count, wait_seconds_timeout, visibility_timeout,
                        message_attribute_names=None):
        queue = self.get_queue(queue_name)
        deadline = time.monotonic() + (wait_seconds_timeout or 0)
        while True:
            # Read before the scan: a change during the scan then ends the wait below at once.
            seen = changes(queue)
            result = original_receive(self, queue_name, count, 0, visibility_timeout, message_attribute_names)
            remaining = deadline - time.monotonic()
            if result or remaining <= 0:
                return result
            with queue._messages_lock:
                queue._messages_lock.wait_for(lambda: changes(queue) != seen, timeout=min(remaining, 1.0))

    Queue.add_message = add_message
    Queue.delete_message = delete_message
    SQSBackend.change_message_visibility = change_message_visibility
    SQSBackend.receive_message = receive_message


def copy_no_item_for_update_item() -> None:
    """moto's UpdateItem answer deep-copied the stored item and at once turned the copy into JSON, to compare
    attributes before and after (ReturnValues UPDATED_*). The JSON is a new structure already, so the copy was
    pure cost, and UpdateItem is the emulator's busiest call under a crowd (deep copies were a third of its
    time). The module's only deep copy is that one; if a moto upgrade adds another, the copy is left alone."""
    import inspect
    import re

    from moto.dynamodb import responses

    if re.findall(r"\bcopy\.\w+\(", inspect.getsource(responses)) != ["copy.deepcopy("]:
        return
    responses.copy = type("copy", (), {"deepcopy": staticmethod(lambda value, memo=None: value)})


def query_one_partition() -> None:
    """moto answered a Query on the table's own key by listing every item of the table, sorting the list and
    keeping the partition's items: each Query cost grew with the whole table (1.5 s for one district's counters
    with 10,000 complaints in it, a minute for the province's 41 districts). A Query on the table's key now lists
    only its partition.

    A Query on an index (a GSI has no partition map in moto) still reads every item, but it no longer sorts them
    all first, comparing keys through moto's typed values: that sort was ~80 % of an index Query (69 ms with
    3,000 items). The index path sorts its own matches by the index's keys and then the table's, an order that
    ties no two items, so the order it is handed does not matter. Items whose index partition key differs from
    the one asked for are left out as they are listed; moto checks every condition again itself."""
    from moto.dynamodb.models.table import Table

    original_query = Table.query
    original_all_items = Table.all_items

    def same(stored, wanted) -> bool:
        if stored is None:
            return False
        if stored.type == wanted.type and stored.value == wanted.value:
            return True
        # Numbers are equal by value ("1" and "1.0"): moto's own comparison decides.
        return stored.type == "N" and wanted.type == "N" and stored == wanted

    def query(self, hash_key, *args, **kwargs):
        index_name = args[6] if len(args) > 6 else kwargs.get("index_name")
        # Safe as flags on the table: DynamoDB calls are serialized (serialize_dynamodb).
        if index_name:
            self.rabta_index_keys = list(kwargs.get("hash_key_conditions") or [])
            try:
                return original_query(self, hash_key, *args, **kwargs)
            finally:
                self.rabta_index_keys = None
        if not self.range_key_attr or hash_key is None:
            return original_query(self, hash_key, *args, **kwargs)
        self.rabta_partition = hash_key
        try:
            return original_query(self, hash_key, *args, **kwargs)
        finally:
            self.rabta_partition = None

    def all_items(self):
        index_keys = getattr(self, "rabta_index_keys", None)
        if index_keys is not None:
            listed = (
                (item for partition in self.items.values() for item in partition.values())
                if self.range_key_attr
                else iter(self.items.values())
            )
            return [item for item in listed if all(same(item.attrs.get(name), value) for name, value in index_keys)]
        partition = getattr(self, "rabta_partition", None)
        if partition is None:
            return original_all_items(self)
        return sorted(self.items.get(partition, {}).values(), key=lambda item: item.range_key)

    Table.query = query
    Table.all_items = all_items


def check_update_expressions_cheaply() -> None:
    """An UpdateItem cost moto ~10 ms of CPU, more than any other call the chat makes (52 of the ~73 CPU seconds
    counted per operation during a crowd). moto parses the update expression twice per call (once to check the
    names and values it uses, once to apply it), and checks it with ten tree walks, twice for a new item; at every
    node of every walk it built the walk's table of node kinds anew to ask whether the node is one it handles. The
    kinds a walk handles are fixed by its class, so the answer is worked out once per walk and node class; a parsed
    expression is only read (each check works on its own deep copy), so each expression string is parsed once. Two of the checks
    (at most one clause of each kind; no path updated twice) ran at every one of the tree's ~33 clause and action
    nodes, each listing the clauses below it: the whole expression's list holds every smaller one's, so they run
    once, at the root. An expression with one fault is refused as before; one with two faults may be refused for
    the other one."""
    from moto.dynamodb.parsing.ast_nodes import DepthFirstTraverser, Node
    from moto.dynamodb.parsing.expressions import UpdateExpressionParser
    from moto.dynamodb.parsing.validators import ActionCountValidator, OverlappingPathsValidator

    def at_the_root_only(check):
        def root_only(self, node):
            return check(self, node) if node.parent is None else node

        return root_only

    ActionCountValidator.verify_action_counts = at_the_root_only(ActionCountValidator.verify_action_counts)
    OverlappingPathsValidator.check_for_overlapping_paths = at_the_root_only(
        OverlappingPathsValidator.check_for_overlapping_paths
    )

    # moto's walk, with its two class tests per node (the second building the walk's table of kinds first, each
    # through ABCMeta) answered once per pair of classes.
    is_node: dict[type, bool] = {}
    handles: dict[tuple[type, type], bool] = {}

    def traverse_node_recursively(self, node, child_id=-1):
        kind = type(node)
        node_kind = is_node.get(kind)
        if node_kind is None:
            node_kind = is_node[kind] = isinstance(node, Node)
        if not node_kind:
            return node
        parent_node = node.parent
        if node.children is not None:
            for i, child_node in enumerate(node.children):
                self.pre_processing_of_child(node, i)
                self.traverse_node_recursively(child_node, i)
        pair = (type(self), kind)
        handled = handles.get(pair)
        if handled is None:
            handled = handles[pair] = isinstance(node, self.nodes_to_be_processed())
        if handled:
            node = self.process(node)
            node.parent = parent_node
            if parent_node:
                parent_node.children[child_id] = node
        return node

    DepthFirstTraverser.traverse_node_recursively = traverse_node_recursively

    # Each check deep-copies the parsed tree; Python's generic copy took a quarter of an UpdateItem. A node holds
    # its kind's name, its children (nodes, or names and numbers) and its parent: copied here as the generic copy
    # would (a new instance, the memo kept, everything else deep-copied), without its per-object dispatch.
    def copy_node(self, memo):
        clone = object.__new__(type(self))
        memo[id(self)] = clone
        for name, value in self.__dict__.items():
            if name == "children" and value is not None:
                value = [child if type(child) in (str, int) else copy.deepcopy(child, memo) for child in value]
            elif type(value) not in (str, int, type(None)):
                value = copy.deepcopy(value, memo)
            clone.__dict__[name] = value
        return clone

    Node.__deepcopy__ = copy_node
    UpdateExpressionParser.make = staticmethod(remember_answers(UpdateExpressionParser.make, 1024))


class NotPlain(Exception):
    """A value the direct copies below leave to moto's walk."""


_PLAIN_SCALARS = frozenset({"S", "N", "BOOL", "NULL"})
_PLAIN_SETS = frozenset({"SS", "NS"})


def plain_attribute_value(value):
    """An attribute value as moto's walk would write it, when it is already the wire form ({"S": "..."},
    {"M": {...}}): strings, numbers (as strings), booleans and null as they are, sets as lists, lists and maps
    member by member. Binary data (B, BS; moto holds raw bytes the walk encodes as base64) or anything
    unexpected raises NotPlain."""
    if not isinstance(value, dict):
        raise NotPlain
    copied = {}
    for kind, member in value.items():
        if member is None:
            continue  # moto's walk leaves out a member that is None
        if kind in _PLAIN_SCALARS:
            if not isinstance(member, (str, bool)):
                raise NotPlain
            copied[kind] = member
        elif kind in _PLAIN_SETS:
            if not all(isinstance(element, str) for element in member):
                raise NotPlain
            copied[kind] = list(member)
        elif kind == "M":
            copied[kind] = {name: plain_attribute_value(inner) for name, inner in member.items()}
        elif kind == "L":
            copied[kind] = [plain_attribute_value(inner) for inner in member]
        else:
            raise NotPlain
    return copied


def copy_structures_directly(applies, copy) -> None:
    """Has moto write each structure for which applies(serializer, shape) holds as copy(value), in place of its
    walk over the output shape; a value copy refuses (NotPlain) is still walked."""
    from moto.core.serialize import BaseJSONSerializer

    original = BaseJSONSerializer._serialize_type_structure

    def serialize_structure(self, serialized, value, shape, key):
        if key and applies(self, shape):
            try:
                copied = copy(value)
            except NotPlain:
                pass
            else:
                self._default_serialize(serialized, copied, shape, key)
                return
        original(self, serialized, value, shape, key)

    BaseJSONSerializer._serialize_type_structure = serialize_structure


def serialize_attribute_values_directly() -> None:
    """moto turns every answer into JSON by walking the operation's output shape, and for each attribute value
    of each item it asks its attribute picker, member by member, for all ten kinds a value may be (S, N, B, SS,
    ...). That walk was three quarters of an index Query that hands back 25 items. An attribute value is
    already the wire form here, so it is copied as it is (plain_attribute_value); a value with binary data or
    with anything unexpected is left to moto's walk."""
    copy_structures_directly(lambda _, shape: shape.name == "AttributeValue", plain_attribute_value)


def serialize_stream_records_directly() -> None:
    """A stream read (GetRecords) cost moto ~11 ms a call in a crowd, three quarters of it the same walk over
    each record's members and images. moto builds a record as the wire form already (a dict of strings, a
    creation time, a size and three attribute maps), so it is copied as the walk would write it: members that
    are None left out, the creation time in epoch seconds truncated to milliseconds (moto's own conversion),
    the size as an integer, each image's values by plain_attribute_value. A record with any other member, or a
    value that is not plain, is left to the walk. Apply after serialize_attribute_values_directly."""
    from datetime import datetime

    from moto.core.serialize import TimestampSerializer

    top_strings = ("eventID", "eventName", "eventVersion", "eventSource", "awsRegion")
    top_members = frozenset({*top_strings, "dynamodb"})
    record_strings = ("SequenceNumber", "StreamViewType")
    images = ("Keys", "NewImage", "OldImage")
    record_members = frozenset({*record_strings, *images, "ApproximateCreationDateTime", "SizeBytes"})

    def string(value):
        if not isinstance(value, str):
            raise NotPlain
        return value

    def stream_record(value):
        if not isinstance(value, dict) or not top_members.issuperset(value):
            raise NotPlain
        copied = {name: string(value[name]) for name in top_strings if value.get(name) is not None}
        record = value.get("dynamodb")
        if record is None:
            return copied
        if not isinstance(record, dict) or not record_members.issuperset(record):
            raise NotPlain
        inner = {name: string(record[name]) for name in record_strings if record.get(name) is not None}
        created = record.get("ApproximateCreationDateTime")
        if created is not None:
            if not isinstance(created, datetime):
                raise NotPlain
            inner["ApproximateCreationDateTime"] = TimestampSerializer._timestamp_unixtimestamp(created)
        size = record.get("SizeBytes")
        if size is not None:
            if isinstance(size, bool) or not isinstance(size, int):
                raise NotPlain
            inner["SizeBytes"] = size
        for name in images:
            image = record.get(name)
            if image is None:
                continue
            if not isinstance(image, dict):
                raise NotPlain
            inner[name] = {
                attribute: plain_attribute_value(member)
                for attribute, member in image.items()
                if member is not None
            }
        copied["dynamodb"] = inner
        return copied

    def is_stream_record(serializer, shape):
        return shape.name == "Record" and serializer.operation_model.service_model.service_name == "dynamodbstreams"

    copy_structures_directly(is_stream_record, stream_record)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=5000)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # Load tests open many connections at once; werkzeug's default backlog (128) drops some.
    serving.LISTEN_QUEUE = 1024
    serving.BaseWSGIServer.request_queue_size = 1024
    # HTTP/1.1, and connections kept open between calls (the SDK's agents keep them alive).
    serving.WSGIRequestHandler.protocol_version = "HTTP/1.1"
    read_the_clock_cheaply()
    look_up_names_once()
    parse_each_event_path_once()
    handler = keep_connections_alive()
    stop_tracking_model_instances()
    back_up_only_what_a_transaction_writes()
    redeliver_fifo_groups_in_order()
    wake_long_polls_only_on_change()
    resolve_each_host_once()
    count_messages_only_when_asked()
    query_one_partition()
    copy_no_item_for_update_item()
    check_update_expressions_cheaply()
    serialize_attribute_values_directly()
    serialize_stream_records_directly()
    # One log line per request, formatted and written under load, for nobody (the runtime discards moto's output).
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(args.host, args.port, serialize_dynamodb(app), threaded=True, request_handler=handler)


if __name__ == "__main__":
    main()
