"""Pyro4 clients of two Agenda instances. Each object is reached at its own instance's daemon (PYRO:name@host:port),
never through a name server, which may hand out either instance.

  instances_client.py inserir URI FIRST SECOND PHONE EMAIL  KLEIN_ROCHA's inserir with an objeto_agenda.Objeto; prints the id
  instances_client.py stale URI ID VERSION                  agenda.contacts update naming VERSION, which must be stale;
                                                            prints the ValueError's message
  instances_client.py serve URI_A URI_B                     prints 'ready', then answers one JSON line per request line:
      {"on": "a" | "b", "call": "update" | "get", "args": [...]}  ->  {"result": ...} | {"error": "ValueError", "message": "..."}
"""
import json
import sys

import Pyro4
from Pyro4.util import SerializerBase

import objeto_agenda

SerializerBase.register_dict_to_class("objeto_agenda.Objeto", objeto_agenda.dict_to_class)
SerializerBase.register_class_to_dict(objeto_agenda.Objeto, objeto_agenda.class_to_dict)

command = sys.argv[1]
if command == "inserir":
    with Pyro4.Proxy(sys.argv[2]) as agenda:
        print(agenda.inserir(objeto_agenda.Objeto(*sys.argv[3:7])))
elif command == "stale":
    with Pyro4.Proxy(sys.argv[2]) as contacts:
        try:
            contacts.update(int(sys.argv[3]), {"email": "stale@example.com"}, version=int(sys.argv[4]))
            raise AssertionError("a stale version was accepted")
        except ValueError as e:
            print(e)
elif command == "serve":
    proxies = {"a": Pyro4.Proxy(sys.argv[2]), "b": Pyro4.Proxy(sys.argv[3])}
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            answer = {"result": getattr(proxies[request["on"]], request["call"])(*request["args"])}
        except Exception as e:
            answer = {"error": type(e).__name__, "message": str(e)}
        print(json.dumps(answer, default=str), flush=True)
else:
    raise SystemExit(f"unknown command {command}")
