"""A Python Pyro4 daemon serving a KLEIN_ROCHA-like agenda (inserir returns the new id), the peer whose traffic the
dissector tests capture. Prints 'ready' once it listens (and is registered); closing stdin stops it.
Usage: klein_rocha_daemon.py PORT [--ns HOST:PORT] [--hmac KEY]"""
import argparse
import sys
import threading

import Pyro4


@Pyro4.expose
@Pyro4.behavior(instance_mode="single")
class Agenda(object):
    def __init__(self):
        self.contatos = []

    def inserir(self, contato):
        self.contatos.append(contato)
        return len(self.contatos) - 1


parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("--ns")
parser.add_argument("--hmac")
options = parser.parse_args()

daemon = Pyro4.Daemon(host="127.0.0.1", port=options.port)
if options.hmac:
    daemon._pyroHmacKey = options.hmac.encode()
uri = daemon.register(Agenda(), "KLEIN_ROCHA")
if options.ns:
    host, port = options.ns.split(":")
    with Pyro4.locateNS(host, int(port)) as ns:
        ns.register("KLEIN_ROCHA", uri)

threading.Thread(target=daemon.requestLoop, daemon=True).start()
print("ready", flush=True)
sys.stdin.read()
daemon.shutdown()
