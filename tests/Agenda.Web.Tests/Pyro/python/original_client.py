"""Drives KLEIN_ROCHA the way the original agenda client does: converters registered with SerializerBase,
the name server found through Pyro4's configuration (PYRO_NS_HOST / PYRO_NS_PORT), PYRONAME:KLEIN_ROCHA.
Run against an empty Agenda. Exits non-zero with a message on the first wrong result."""
import Pyro4
from Pyro4.util import SerializerBase

import objeto_agenda

SerializerBase.register_dict_to_class("objeto_agenda.Objeto", objeto_agenda.dict_to_class)
SerializerBase.register_class_to_dict(objeto_agenda.Objeto, objeto_agenda.class_to_dict)

ns = Pyro4.locateNS()
assert "KLEIN_ROCHA" in ns.list(), ns.list()

agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA")
agenda._pyroTimeout = 10

# inserir answers the new id; ids start at 0 as in the original agenda.
assert agenda.inserir(objeto_agenda.Objeto("Klein", "Rocha", "69 984059615", "klein@example.com")) == 0
assert agenda.inserir(objeto_agenda.Objeto("Ana", "Silva", "123-456", "")) == 1

first = agenda.buscar(0)
assert isinstance(first, objeto_agenda.Objeto), type(first)
assert (first.id, first.FirstName, first.SecondName, first.PhoneNumber, first.Email) == \
    (0, "Klein", "Rocha", "69 984059615", "klein@example.com"), vars(first)

todos = agenda.listar_todos()
assert [c.id for c in todos] == [0, 1], [vars(c) for c in todos]
assert all(isinstance(c, objeto_agenda.Objeto) for c in todos)

first.Email = "klein.rocha@example.com"
assert agenda.atualizar(first) is True
assert agenda.buscar(0).Email == "klein.rocha@example.com"

assert agenda.excluir(1) is True
for call in (lambda: agenda.buscar(1), lambda: agenda.excluir(1),
             lambda: agenda.atualizar(objeto_agenda.Objeto("X", "", "", "", 99))):
    try:
        call()
        raise AssertionError("unknown id accepted")
    except KeyError as e:
        assert "no contact with id" in str(e), str(e)
assert [c.id for c in agenda.listar_todos()] == [0]

# A plain dict without __class__ works too, and ids continue after the deleted one.
assert agenda.inserir({"id": None, "FirstName": "Plain", "SecondName": "Dict", "PhoneNumber": "", "Email": ""}) == 2
assert [c.id for c in agenda.listar_todos()] == [0, 2]
print("original client ok")
