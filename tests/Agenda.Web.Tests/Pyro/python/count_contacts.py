"""Prints how many contacts agenda.contacts holds and the ids listar_todos returns (one line each).

listar_todos answers objeto_agenda.Objeto class dicts, so like the original client this registers the converter."""
import Pyro4
from Pyro4.util import SerializerBase

import objeto_agenda

SerializerBase.register_dict_to_class("objeto_agenda.Objeto", objeto_agenda.dict_to_class)

print(Pyro4.Proxy("PYRONAME:agenda.contacts").count())
agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA")
print(" ".join(str(c.id) for c in agenda.listar_todos()))
