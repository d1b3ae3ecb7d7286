"""Prints how many contacts agenda.contacts holds and the ids listar_todos returns (one line each)."""
import Pyro4

print(Pyro4.Proxy("PYRONAME:agenda.contacts").count())
agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA")
print(" ".join(str(c["id"]) for c in agenda.listar_todos()))
