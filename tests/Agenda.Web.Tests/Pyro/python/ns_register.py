"""Registers a name in the name server at argv[1] (port PYRO_NS_PORT, key PYRO_TEST_KEY if set) and prints
"registered", or the Pyro error's class and message."""
import os
import sys

import Pyro4
import Pyro4.errors

key = os.environ.get("PYRO_TEST_KEY", "").encode() or None
ns = Pyro4.Proxy("PYRO:Pyro.NameServer@%s:%s" % (sys.argv[1], os.environ["PYRO_NS_PORT"]))
ns._pyroHmacKey = key
ns._pyroTimeout = 10
try:
    ns.register("example.intruder", "PYRO:intruder@203.0.113.1:9999")
    print("registered")
except Pyro4.errors.PyroError as e:
    print(type(e).__name__, e)
