"""Bad calls to KLEIN_ROCHA and agenda.contacts raise the Python exception a Python user expects, with a
useful message, and store nothing. Run against an Agenda holding exactly one contact, id 0."""
import Pyro4
from expect import raises

agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA")
contacts = Pyro4.Proxy("PYRONAME:agenda.contacts")
before = contacts.list()
assert [c["id"] for c in before] == [0], before


good = {"FirstName": "Ana", "SecondName": "", "PhoneNumber": "", "Email": ""}
raises(KeyError, lambda: agenda.atualizar(dict(good)), "id")
raises(ValueError, lambda: agenda.inserir(dict(good, id=None, Email="not-an-email")), "Email")
raises(ValueError, lambda: agenda.inserir(dict(good, id=None, FirstName="", PhoneNumber="12")), "FirstName", "PhoneNumber")
raises(TypeError, lambda: agenda.inserir("Ana Silva"))
raises(TypeError, lambda: agenda.inserir(dict(good, id=None, FirstName=42)), "FirstName")
raises(TypeError, lambda: agenda.buscar("zero"))
raises(TypeError, lambda: agenda.excluir())
raises(TypeError, lambda: agenda.buscar(0, 1))
raises(ValueError, lambda: contacts.add({"first_name": "X", "email": "@"}), "email")
raises(TypeError, lambda: contacts.add({"first_name": "X", "nick": "x"}), "nick")
raises(KeyError, lambda: contacts.get(12345), "12345")

assert contacts.list() == before, contacts.list()
print("error client ok")
