"""One of many concurrent clients: inserts N contacts through KLEIN_ROCHA (plain dicts) and prints each new id."""
import sys

import Pyro4

worker, count = int(sys.argv[1]), int(sys.argv[2])
agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA")
agenda._pyroTimeout = 30
for i in range(count):
    contact = {"id": None, "FirstName": f"W{worker}", "SecondName": f"N{i}", "PhoneNumber": "", "Email": ""}
    new_id = agenda.inserir(contact)
    assert isinstance(new_id, int) and new_id >= 0, new_id
    print(new_id)

