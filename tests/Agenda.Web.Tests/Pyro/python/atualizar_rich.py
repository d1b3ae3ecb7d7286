"""The original agenda's client flow on one contact (its id in argv[1]) that another door made rich: buscar, change the
first name and the email, atualizar. Fails unless every contact dict KLEIN_ROCHA sends (buscar and listar_todos) has
exactly the original five keys and the class."""
import sys

import Pyro4
from Pyro4.util import SerializerBase

import objeto_agenda

seen = []


def to_objeto(classname, d):
    seen.append(sorted(d))
    return objeto_agenda.dict_to_class(classname, d)


SerializerBase.register_dict_to_class("objeto_agenda.Objeto", to_objeto)
SerializerBase.register_class_to_dict(objeto_agenda.Objeto, objeto_agenda.class_to_dict)

agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA")
agenda._pyroTimeout = 10
contact = agenda.buscar(int(sys.argv[1]))
contact.FirstName = contact.FirstName + " Maria"
contact.Email = "ana.maria@example.com"
assert agenda.atualizar(contact) is True
assert len(agenda.listar_todos()) >= 1
five = ["Email", "FirstName", "PhoneNumber", "SecondName", "__class__", "id"]
assert seen and all(keys == five for keys in seen), seen
print("atualizar ok", contact.PhoneNumber)
