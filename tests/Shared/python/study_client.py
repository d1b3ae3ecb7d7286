"""The original study's client flow: find KLEIN_ROCHA through the name server, insert one contact, print its id.
Used by the Wire page e2e test and the wire-over-Pyro tests."""
import Pyro4
from Pyro4.util import SerializerBase

import objeto_agenda

SerializerBase.register_dict_to_class("objeto_agenda.Objeto", objeto_agenda.dict_to_class)
SerializerBase.register_class_to_dict(objeto_agenda.Objeto, objeto_agenda.class_to_dict)

ns = Pyro4.locateNS()
uri = ns.lookup("KLEIN_ROCHA")
ns._pyroRelease()
with Pyro4.Proxy(uri) as agenda:
    print(agenda.inserir(objeto_agenda.Objeto("Klein", "Rocha", "69 984059615", "klein@example.com")))
