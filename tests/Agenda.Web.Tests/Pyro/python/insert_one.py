"""One of many concurrent clients: inserts N contacts through KLEIN_ROCHA (plain dicts) and prints done."""
import sys

import Pyro4

worker, count = int(sys.argv[1]), int(sys.argv[2])
agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA")
agenda._pyroTimeout = 30
for i in range(count):
    contact = {"id": None, "FirstName": f"W{worker}", "SecondName": f"N{i}", "PhoneNumber": "", "Email": ""}
    assert agenda.inserir(contact) is True
print("done", worker)
