"""A stock Pyro4 client using agenda.contacts with whole cards: a rich dict round trip through add/get/update/list,
the group and favorite keyword filters, groups(), and the errors a Python user expects (ValueError naming
phones[1].number, TypeError naming the path of a wrong type). Then the original agenda's client changes the same contact
through KLEIN_ROCHA and sees only its five keys, while everything else on the card stays.
Run against an empty Agenda. Exits non-zero on the first wrong result."""
import Pyro4
from Pyro4.util import SerializerBase

import objeto_agenda
from expect import raises

contacts = Pyro4.Proxy("PYRONAME:agenda.contacts")
contacts._pyroTimeout = 10

rich = {
    "first_name": "Ana", "second_name": "Silva", "middle_name": "Maria", "prefix": "Dr.", "suffix": "",
    "nickname": "Aninha", "organization": "Example Lda.", "job_title": "Engineer",
    "phones": [{"label": "mobile", "number": "600 111 222"}, {"label": "work", "number": "910 000 111", "primary": True}],
    "emails": ({"label": "home", "address": "ana@example.com"},),   # a tuple is a list too
    "addresses": [{"label": "home", "street": "Rua das Flores 12", "city": "Lisboa", "postal_code": "1200-195", "country": "Portugal"}],
    "urls": [{"label": "blog", "url": "https://ana.example.com"}],
    "birthday": "--05-17", "anniversary": "2015-09-12", "notes": "Met at the conference. 🎉",
    "groups": ["Family", "Book club"], "favorite": True,
}
ana = contacts.add(rich)
assert (ana["id"], ana["version"], ana["phone_number"], ana["email"]) == (0, 1, "910 000 111", "ana@example.com"), ana
assert ana["phones"] == [{"label": "mobile", "number": "600 111 222", "primary": False},
                         {"label": "work", "number": "910 000 111", "primary": True}], ana["phones"]
assert ana["addresses"][0] == {"label": "home", "street": "Rua das Flores 12", "city": "Lisboa", "region": "",
                               "postal_code": "1200-195", "country": "Portugal"}, ana["addresses"]
assert (ana["birthday"], ana["notes"], ana["groups"], ana["favorite"]) == ("--05-17", rich["notes"], ["Family", "Book club"], True), ana
assert ana["vcard_extras"] == [] and ana["uid"], ana
assert contacts.get(0) == ana

# update merges: a list given replaces the stored one whole, None clears, absent keys stay.
updated = contacts.update(0, {"emails": [{"address": "ana.silva@example.com"}], "birthday": None}, version=1)
assert (updated["version"], updated["email"], updated["birthday"], updated["job_title"]) == (2, "ana.silva@example.com", None, "Engineer"), updated
assert updated["emails"] == [{"label": "other", "address": "ana.silva@example.com", "primary": True}], updated["emails"]
assert contacts.list() == [updated]

bia = contacts.add({"first_name": "Bia", "groups": ["family"], "phone_number": "699 999 999"})
assert [c["id"] for c in contacts.list(group="FAMILY")] == [0, 1]
assert [c["id"] for c in contacts.list(favorite=False)] == [bia["id"]]
assert [c["id"] for c in contacts.search("silva", group="Book club", favorite=True)] == [0]
assert contacts.count(favorite=True) == 1 and contacts.count("bia", group="family") == 1
assert contacts.groups() == [{"name": "Book club", "count": 1}, {"name": "Family", "count": 2}], contacts.groups()


bad_phone = [{"number": "600 111 222"}, {"number": "call me"}]
raises(ValueError, lambda: contacts.add(dict(rich, phones=bad_phone)), "phones[1].number: Phone number may contain only")
raises(ValueError, lambda: contacts.update(0, {"phones": bad_phone}), "phones[1].number")
raises(ValueError, lambda: contacts.update(0, {"phone_number": "12"}), "phone_number: Phone number must contain at least 3 digits")
raises(ValueError, lambda: contacts.add({"first_name": "X", "birthday": "17/05"}), "birthday")
raises(TypeError, lambda: contacts.add({"first_name": "X", "phones": [{"number": "600 111 222"}, "610"]}), "phones[1] must be a dict, not str")
raises(TypeError, lambda: contacts.add({"first_name": "X", "phones": [{"number": 600111222}]}), "phones[0].number must be a str")
raises(TypeError, lambda: contacts.add({"first_name": "X", "favorite": 1}), "favorite must be a bool")
raises(TypeError, lambda: contacts.add({"first_name": "X", "phone_number": "600 111 222", "phones": []}), "phone_number", "phones")
raises(TypeError, lambda: contacts.add({"first_name": "X", "vcard_extras": ["X-A:b"]}), "vcard_extras", "read-only")
raises(TypeError, lambda: contacts.list(favorite="yes"), "favorite")
assert contacts.count() == 2 and contacts.get(0) == updated

# The original client: its converter sees exactly the five keys (and the class), and atualizar changes only those.
seen = []


def to_objeto(classname, d):
    seen.append(set(d))
    return objeto_agenda.dict_to_class(classname, d)


SerializerBase.register_dict_to_class("objeto_agenda.Objeto", to_objeto)
SerializerBase.register_class_to_dict(objeto_agenda.Objeto, objeto_agenda.class_to_dict)
agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA")
first = agenda.buscar(0)
assert (first.FirstName, first.PhoneNumber, first.Email) == ("Ana", "910 000 111", "ana.silva@example.com"), vars(first)
first.FirstName, first.PhoneNumber = "Ana Maria", "910 222 333"
assert agenda.atualizar(first) is True
assert [c.id for c in agenda.listar_todos()] == [0, 1]
five = {"__class__", "id", "FirstName", "SecondName", "PhoneNumber", "Email"}
assert seen and all(keys == five for keys in seen), seen

after = contacts.get(0)
assert (after["first_name"], after["phone_number"], after["version"]) == ("Ana Maria", "910 222 333", 3), after
assert after["phones"] == [{"label": "mobile", "number": "600 111 222", "primary": False},
                           {"label": "work", "number": "910 222 333", "primary": True}], after["phones"]
for key in ("middle_name", "organization", "addresses", "urls", "anniversary", "notes", "groups", "favorite", "uid"):
    assert after[key] == updated[key], (key, after[key], updated[key])
print("rich contacts client ok")
