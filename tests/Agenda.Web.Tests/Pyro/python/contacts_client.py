"""A stock Pyro4 client (no converters, no __class__) using agenda.contacts, found by name and by metadata.
Run against an empty Agenda. Exits non-zero on the first wrong result."""
from datetime import datetime

import Pyro4

ns = Pyro4.locateNS()
uri, metadata = ns.lookup("agenda.contacts", return_metadata=True)
assert "agenda" in metadata, metadata

contacts = Pyro4.Proxy("PYROMETA:agenda")  # any registration tagged 'agenda'
contacts._pyroTimeout = 10
assert contacts.count() == 0

ana = contacts.add({"first_name": "Ana", "second_name": "Silva", "phone_number": "69 984059615", "email": "ana@example.com"})
assert {"id", "first_name", "second_name", "phone_number", "email", "version", "created_at", "updated_at"} <= set(ana), ana
assert ana["phones"] == [{"label": "mobile", "number": "69 984059615", "primary": True}], ana["phones"]
assert (ana["id"], ana["version"], ana["first_name"]) == (0, 1, "Ana"), ana
assert datetime.fromisoformat(ana["created_at"]).tzinfo is not None, ana["created_at"]

bia = contacts.add({"first_name": "Bia"})
assert bia["id"] == 1 and bia["email"] == "", bia
assert contacts.get(0) == ana

# update merges the given fields; with the version the caller saw, a stale version is refused.
updated = contacts.update(0, {"email": "ana.silva@example.com"}, version=1)
assert (updated["version"], updated["email"], updated["phone_number"]) == (2, "ana.silva@example.com", "69 984059615"), updated
try:
    contacts.update(0, {"email": "stale@example.com"}, version=1)
    raise AssertionError("stale version accepted")
except ValueError as e:
    assert "version" in str(e), str(e)
assert contacts.get(0)["email"] == "ana.silva@example.com"

assert [c["id"] for c in contacts.list()] == [0, 1]
assert [c["id"] for c in contacts.list(after=0, limit=10)] == [1]
assert [c["id"] for c in contacts.search("9840")] == [0]
assert [c["id"] for c in contacts.search("BIA")] == [1]
assert contacts.count("silva") == 1

contacts.delete(1)
try:
    contacts.get(1)
    raise AssertionError("deleted contact still there")
except KeyError as e:
    assert "1" in str(e), str(e)
assert contacts.count() == 1
print("contacts client ok")
