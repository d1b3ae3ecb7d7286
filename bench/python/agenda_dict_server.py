"""The original Python agenda's design as a Pyro4 4.82 daemon: contacts in memory behind
inserir/atualizar/buscar/listar_todos/excluir. The benchmark's Python baseline.

Usage: agenda_dict_server.py PORT [threaded|multiplex]; prints READY when it serves PYRO:KLEIN_ROCHA@127.0.0.1:PORT."""
import signal
import sys
import threading

import Pyro4
from Pyro4.util import SerializerBase


class Objeto:
    """The original agenda's contact class; it travels as an objeto_agenda.Objeto class dict."""

    def __init__(self, d):
        self.__dict__.update({k: d.get(k) for k in ("id", "FirstName", "SecondName", "PhoneNumber", "Email")})


def objeto_to_dict(obj):
    return dict(obj.__dict__, __class__="objeto_agenda.Objeto")


SerializerBase.register_dict_to_class("objeto_agenda.Objeto", lambda _, d: Objeto(d))
SerializerBase.register_class_to_dict(Objeto, objeto_to_dict)


@Pyro4.expose
@Pyro4.behavior(instance_mode="single")
class AgendaServidor:
    def __init__(self):
        self._lock = threading.Lock()
        self._next_id = 0
        self._contacts = {}

    def inserir(self, contato):
        with self._lock:
            contato.id = self._next_id
            self._contacts[self._next_id] = contato
            self._next_id += 1
        return True

    def atualizar(self, contato):
        with self._lock:
            if contato.id not in self._contacts:
                return False
            self._contacts[contato.id] = contato
        return True

    def buscar(self, id):
        return self._contacts.get(id)

    def listar_todos(self):
        return [self._contacts[k] for k in sorted(self._contacts)]

    def excluir(self, id):
        with self._lock:
            return self._contacts.pop(id, None) is not None


def main():
    port = int(sys.argv[1])
    Pyro4.config.SERVERTYPE = sys.argv[2] if len(sys.argv) > 2 else "thread"
    Pyro4.config.THREADPOOL_SIZE = 100  # the writes case runs 64 connections
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    daemon = Pyro4.Daemon(host="127.0.0.1", port=port)
    daemon.register(AgendaServidor, "KLEIN_ROCHA")
    print("READY", flush=True)
    daemon.requestLoop()


if __name__ == "__main__":
    main()
