"""A client of one instance's name server (argv[1], host:port) that reaches objects other processes registered: the
Python echo by PYRONAME, and agenda.contacts by PYROMETA:agenda 40 times, printing the daemon ports it was sent to."""
import sys

import Pyro4

ns = sys.argv[1]
print("echo:", Pyro4.Proxy("PYRONAME:test.echo@" + ns).echo("through the other instance"))
ports = set()
for _ in range(40):
    with Pyro4.Proxy("PYROMETA:agenda@" + ns) as contacts:
        contacts._pyroBind()  # resolves the PYROMETA URI to the PYRO URI of the object picked
        contacts.count()
        ports.add(contacts._pyroUri.port)
print("PYROMETA:agenda ports:", " ".join(str(port) for port in sorted(ports)))
