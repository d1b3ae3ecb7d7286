"""The original agenda client's two moves, for the cross-door browser test.

  cross_door.py insert FIRST SECOND PHONE EMAIL   -> inserts through KLEIN_ROCHA, prints the new id
  cross_door.py get ID                            -> prints buscar(ID) as JSON
Contacts travel as objeto_agenda.Objeto, with the converters registered as the original clients do."""
import json
import sys

import Pyro4
from Pyro4.util import SerializerBase

import objeto_agenda

SerializerBase.register_dict_to_class("objeto_agenda.Objeto", objeto_agenda.dict_to_class)
SerializerBase.register_class_to_dict(objeto_agenda.Objeto, objeto_agenda.class_to_dict)

agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA")
if sys.argv[1] == "insert":
    print(agenda.inserir(objeto_agenda.Objeto(*sys.argv[2:6])))
else:
    print(json.dumps(vars(agenda.buscar(int(sys.argv[2])))))
