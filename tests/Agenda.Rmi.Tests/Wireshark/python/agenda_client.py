"""The original agenda client's flow: find the name server, look KLEIN_ROCHA up, insert one contact, print its id.
With --uri the name server is skipped. The contact's Notes field can be made long (--notes N) so that
PYRO_COMPRESSION=true has something to compress.
Usage: agenda_client.py (--ns HOST:PORT | --uri URI) [--hmac KEY] [--notes N]"""
import argparse

import Pyro4

parser = argparse.ArgumentParser()
parser.add_argument("--ns")
parser.add_argument("--uri")
parser.add_argument("--hmac")
parser.add_argument("--notes", type=int, default=0)
options = parser.parse_args()

if options.ns:
    host, port = options.ns.split(":")
    ns = Pyro4.locateNS(host, int(port))
    uri = ns.lookup("KLEIN_ROCHA")
else:
    uri = options.uri

agenda = Pyro4.Proxy(uri)
agenda._pyroTimeout = 10
if options.hmac:
    agenda._pyroHmacKey = options.hmac.encode()
contato = {"id": None, "FirstName": "Klein", "SecondName": "Rocha", "PhoneNumber": "69 984059615",
           "Email": "klein@example.com"}
if options.notes:
    contato["Notes"] = "anotacao " * options.notes
print(agenda.inserir(contato))
