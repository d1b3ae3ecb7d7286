"""One of many concurrent writers: COUNT contacts, alternately through KLEIN_ROCHA's inserir and agenda.contacts' add,
and one invalid add that must raise ValueError; prints 'ID FIRST SECOND' for each acknowledged contact."""
import sys

import Pyro4

worker, count = sys.argv[1], int(sys.argv[2])
agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA")
contacts = Pyro4.Proxy("PYRONAME:agenda.contacts")
for proxy in (agenda, contacts):
    proxy._pyroTimeout = 60
for i in range(count):
    first, second = f"Py{worker}", f"N{i}"
    if i % 2 == 0:
        new_id = agenda.inserir({"id": None, "FirstName": first, "SecondName": second, "PhoneNumber": "", "Email": ""})
    else:
        new_id = contacts.add({"first_name": first, "second_name": second})["id"]
    print(new_id, first, second, flush=True)
    if i == count // 2:
        try:
            contacts.add({"first_name": "", "email": "not-an-email"})
            raise SystemExit("an invalid contact was accepted")
        except ValueError:
            pass
