"""One broken client, chosen by the first argument, against the daemon on PYRO_DAEMON_PORT; prints what Pyro4 raised.
pickle: serializes with pickle. wrong-hmac / no-hmac: signs with another key / not at all. unknown: asks for an
object that does not exist. random: sends bytes that are not Pyro. good: a correct call (the key in PYRO_TEST_KEY)."""
import os
import socket
import sys

import Pyro4
import Pyro4.errors

kind = sys.argv[1]
port = int(os.environ["PYRO_DAEMON_PORT"])
key = os.environ.get("PYRO_TEST_KEY", "").encode()

if kind == "random":
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(bytes(range(7, 207)))
        s.recv(4096)
    print("sent random bytes")
    sys.exit(0)

if kind == "pickle":
    Pyro4.config.SERIALIZERS_ACCEPTED.add("pickle")
    Pyro4.config.SERIALIZER = "pickle"
name = "KLEIN_ROCH" if kind == "unknown" else "agenda.contacts"
proxy = Pyro4.Proxy(f"PYRO:{name}@127.0.0.1:{port}")
proxy._pyroTimeout = 10
if kind == "wrong-hmac":
    proxy._pyroHmacKey = b"not-the-key"
elif kind != "no-hmac":
    proxy._pyroHmacKey = key
try:
    print("count", proxy.count())
except Pyro4.errors.PyroError as e:
    print(type(e).__name__, e)
