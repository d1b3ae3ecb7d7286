"""agenda.contacts' transfers against an Agenda whose Rmi:MaxMessageBytes is small and whose book is larger: the whole
export raises ValueError pointing at the REST export, a filtered one fits, and an import larger than a message never
arrives (the daemon drops the connection) and stores nothing. Exits non-zero on the first wrong result."""
import Pyro4
import Pyro4.errors

contacts = Pyro4.Proxy("PYRONAME:agenda.contacts")
contacts._pyroTimeout = 30
before = contacts.count()

try:
    contacts.export_vcard()
    raise AssertionError("export_vcard did not raise")
except ValueError as e:
    assert "Rmi:MaxMessageBytes" in str(e) and "GET /api/contacts/export" in str(e), e

small = contacts.export_vcard(group="small")
assert small.count("BEGIN:VCARD") == 1, small

huge = "".join(f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Person {i}\r\nEND:VCARD\r\n" for i in range(2000))
try:
    contacts.import_vcard(huge)
    raise AssertionError("import_vcard of a text larger than a message did not fail")
except Pyro4.errors.ConnectionClosedError:
    pass
contacts._pyroRelease()
assert contacts.count() == before, contacts.count()
print("transfer bounds ok")
