"""Tries to connect to URI with the environment's Pyro4 config; prints 'refused <Class>: <message>' or 'connected'.
Usage: connect_refused.py URI [HMAC_KEY]"""
import sys
import Pyro4

p = Pyro4.Proxy(sys.argv[1])
p._pyroTimeout = 10
if len(sys.argv) > 2:
    p._pyroHmacKey = sys.argv[2].encode()
try:
    p._pyroBind()
    print("connected", p.echo("still served"))
except Exception as e:
    print("refused %s.%s: %s" % (type(e).__module__, type(e).__name__, e))
