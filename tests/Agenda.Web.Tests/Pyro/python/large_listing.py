"""The original client's listar_todos over a large agenda: every contact arrives, in id order, each field as stored.

argv[1] is how many contacts the test seeded, with the fields below (LargeListingTests.Card writes the same)."""
import sys

import Pyro4
from Pyro4.util import SerializerBase

import objeto_agenda

SerializerBase.register_dict_to_class("objeto_agenda.Objeto", objeto_agenda.dict_to_class)


def expected(i):
    first = "Élodie😀%d" % i if i % 5 == 0 else "Pessoa%d" % i
    second = "D'Ávila \\ Ñ" if i % 7 == 0 else "Silva"
    return (i, first, second, "69 9%08d" % i, "p%d@example.com" % i)


count = int(sys.argv[1])
todos = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA").listar_todos()
assert len(todos) == count, len(todos)
for i, c in enumerate(todos):
    assert isinstance(c, objeto_agenda.Objeto), type(c)
    got = (c.id, c.FirstName, c.SecondName, c.PhoneNumber, c.Email)
    assert got == expected(i), (got, expected(i))
print("large listing ok", len(todos))
