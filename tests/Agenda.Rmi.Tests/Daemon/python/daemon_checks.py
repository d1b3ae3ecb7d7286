"""Drives the C# Pyro daemon with stock Pyro4 4.82. Usage: daemon_checks.py URI [HMAC_KEY]
Serializer from PYRO_SERIALIZER. Prints 'ok <check>' per check, 'FAIL <check>: ...' on failure; exit 1 if any failed."""
import math, sys, time, traceback, uuid
import Pyro4, Pyro4.errors, Pyro4.message, Pyro4.util

uri = sys.argv[1]
hmac_key = sys.argv[2].encode() if len(sys.argv) > 2 else None
failures = []


def proxy(target=uri):
    p = Pyro4.Proxy(target)
    p._pyroTimeout = 10
    if hmac_key:
        p._pyroHmacKey = hmac_key
    return p


def check(name):
    def run(fn):
        try:
            fn()
            print("ok", name)
        except Exception:
            failures.append(name)
            print("FAIL", name + ":", traceback.format_exc())
        return fn
    return run


def raises(kind, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except kind as e:
        return e
    raise AssertionError("expected %s" % kind.__name__)


p = proxy()


@check("metadata")
def _():
    p._pyroBind()
    assert {"echo", "add", "fail", "record", "recorded", "text"} <= p._pyroMethods, p._pyroMethods
    assert "_secret" not in p._pyroMethods
    assert p._pyroOneway == {"record"}, p._pyroOneway
    assert p._pyroAttrs == {"counter", "label"}, p._pyroAttrs


@check("echo values")
def _():
    for value in [0, -7, 2 ** 70, 1.5, "héllo ✓", "", None, True, False, [1, "a", [2.5]], {"k": [1, {"n": None}]}]:
        assert p.echo(value) == value, (value, p.echo(value))
    assert math.isnan(p.echo(float("nan")))
    assert p.echo(float("inf")) == float("inf") and p.echo(float("-inf")) == float("-inf")
    assert isinstance(p.echo(2.0), float)


@check("argument binding")
def _():
    assert p.add(1) == 11
    assert p.add(1, 2) == 3
    assert p.add(a=1, b=5) == 6
    assert p.add(2, b=3) == 5
    assert str(raises(TypeError, p.add)) == "TestObject.add() missing 1 required positional argument: 'a'"
    assert str(raises(TypeError, p.add, 1, 2, 3)) == "TestObject.add() takes from 2 to 3 positional arguments but 4 were given"
    assert str(raises(TypeError, p.add, 1, c=2)) == "TestObject.add() got an unexpected keyword argument 'c'"
    assert str(raises(TypeError, p.add, "x")) == "a must be an int, not str"


@check("exceptions re-raised with their type")
def _():
    expected = {
        "key": (KeyError, "no such key: 42"),
        "value": (ValueError, "bad value"),
        "naming": (Pyro4.errors.NamingError, "unknown name: nope"),
        "runtime": (RuntimeError, "wrong state"),
        "notimpl": (NotImplementedError, "later"),
        "other": (Exception, "System.DivideByZeroException: oops"),
        "bogus": (TypeError, "unknown failure kind 'bogus'"),
    }
    for kind, (cls, message) in expected.items():
        e = raises(cls, p.fail, kind)
        assert type(e) is cls, (kind, type(e))
        assert e.args[0] == message, (kind, e.args)
        remote = "".join(Pyro4.util.getPyroTraceback(type(e), e, e.__traceback__))
        assert "Remote traceback" in remote and message in remote, remote


@check("unknown and private names")
def _():
    e = raises(AttributeError, p._pyroInvoke, "nosuch", (), {})
    assert str(e) == "'TestObject' object has no attribute 'nosuch'", e
    e = raises(AttributeError, p._pyroInvoke, "_secret", (), {})
    assert str(e) == "attempt to access private attribute '_secret'", e
    e = raises(Pyro4.errors.DaemonError, p._pyroInvoke, "echo", (1,), {}, objectId="nope")
    assert str(e) == "unknown object", e


@check("unknown object refused at connect")
def _():
    host = uri.split("@")[1]
    e = raises(Pyro4.errors.CommunicationError, proxy("PYRO:nope@" + host)._pyroBind)
    assert "rejected: unknown object" in str(e), e


@check("remote attributes")
def _():
    q = proxy()
    assert q.label == "test object"
    q.counter = 5
    assert q.counter == 5
    raises(AttributeError, setattr, q, "label", "x")


@check("oneway")
def _():
    marker = str(uuid.uuid4())
    start = time.time()
    assert p.record(marker) is None
    for _ in range(100):
        if marker in p.recorded():
            break
        time.sleep(0.02)
    assert marker in p.recorded()
    assert time.time() - start < 5


@check("batch")
def _():
    b = Pyro4.batch(p)
    b.echo(1)
    b.add(2)
    b.fail("value")
    b.echo(3)
    results = b()
    assert next(results) == 1
    assert next(results) == 12
    raises(ValueError, next, results)
    marker = str(uuid.uuid4())
    b = Pyro4.batch(p)
    b.record(marker)
    b.echo("ignored")
    assert b(oneway=True) is None
    for _ in range(100):
        if marker in p.recorded():
            break
        time.sleep(0.02)
    assert marker in p.recorded()


@check("compression both ways")
def _():
    Pyro4.config.COMPRESSION = True
    try:
        q = proxy()
        big = "pyro " * 5000
        assert q.echo(big) == big
        assert q.text(100000) == "x" * 100000
    finally:
        Pyro4.config.COMPRESSION = False


@check("Pyro.Daemon object")
def _():
    d = proxy(uri.replace("test.object", "Pyro.Daemon"))
    assert d.ping() is None
    assert "test.object" in d.registered() and "Pyro.Daemon" in d.registered()
    meta = d.get_metadata("test.object")
    assert set(meta["methods"]) >= {"echo", "add"} and set(meta["oneway"]) == {"record"}, meta
    assert "bound on" in d.info()
    assert str(raises(Pyro4.errors.PyroError, d.get_next_stream_item, "x")) == "item stream terminated"
    assert str(raises(Pyro4.errors.DaemonError, d.get_metadata, "nope")) == "unknown object"


@check("ping message and correlation id")
def _():
    q = proxy()
    q._pyroBind()
    # Message.ping() cannot verify a signed reply (it reads it without the key), so ping by hand.
    ping = Pyro4.message.Message(Pyro4.message.MSG_PING, b"ping", 42, 0, 0, hmac_key=hmac_key)
    q._pyroConnection.send(ping.to_bytes())
    pong = Pyro4.message.Message.recv(q._pyroConnection, [Pyro4.message.MSG_PING], hmac_key=hmac_key)
    assert pong.data == b"pong" and pong.serializer_id == 42, pong
    corr = uuid.uuid4()
    Pyro4.current_context.correlation_id = corr
    try:
        assert q.echo(1) == 1
        assert Pyro4.current_context.response_annotations["CORR"] == corr.bytes
    finally:
        Pyro4.current_context.correlation_id = None


@check("reconnect after release")
def _():
    q = proxy()
    assert q.echo("a") == "a"
    q._pyroRelease()
    assert q.echo("b") == "b"


print("%d checks failed" % len(failures) if failures else "all checks passed")
sys.exit(1 if failures else 0)
