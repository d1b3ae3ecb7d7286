"""Finds the name server the way a Pyro user does: Pyro4.locateNS() with no host, i.e. by broadcast
(the test sets PYRO_BROADCAST_ADDRS=127.0.0.1 and PYRO_NS_BCPORT). Prints the URI it was given.
With 'ping', also calls the located name server and prints its count."""
import sys
import Pyro4

ns = Pyro4.locateNS()
print(ns._pyroUri)
if "ping" in sys.argv[1:]:
    ns.ping()
    print("count", ns.count())
