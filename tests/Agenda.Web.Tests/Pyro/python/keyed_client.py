"""The original client's flow against an Agenda that requires Rmi:HmacKey (the key in PYRO_TEST_KEY): Pyro4 4.82
has no global HMAC setting, so the key goes to locateNS and to each proxy, as the README shows. Run against an empty
Agenda. Exits non-zero with a message on the first wrong result."""
import os

import Pyro4
from Pyro4.util import SerializerBase

import objeto_agenda

SerializerBase.register_dict_to_class("objeto_agenda.Objeto", objeto_agenda.dict_to_class)
SerializerBase.register_class_to_dict(objeto_agenda.Objeto, objeto_agenda.class_to_dict)
key = os.environ["PYRO_TEST_KEY"].encode()

ns = Pyro4.locateNS(hmac_key=key)                  # host and port from PYRO_NS_HOST / PYRO_NS_PORT
assert "KLEIN_ROCHA" in ns.list(), ns.list()

agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA")
agenda._pyroHmacKey = key                           # also used for the PYRONAME lookup
agenda._pyroTimeout = 10
assert agenda.inserir(objeto_agenda.Objeto("Klein", "Rocha", "69 984059615", "klein@example.com")) == 0
first = agenda.buscar(0)
assert (first.FirstName, first.Email) == ("Klein", "klein@example.com"), vars(first)
first.Email = "klein.rocha@example.com"
assert agenda.atualizar(first) is True
assert [c.Email for c in agenda.listar_todos()] == ["klein.rocha@example.com"]
assert agenda.excluir(0) is True
assert agenda.listar_todos() == []
print("keyed client ok")
