"""The README's Python daemon for "Calling Pyro objects from .NET": registers example.greeter in the name server
given by PYRO_NS_HOST/PYRO_NS_PORT, prints 'ready', serves until stdin closes, then removes its registration."""
import sys
import threading

import Pyro4


@Pyro4.expose
class Greeter(object):
    def greet(self, name):
        return "hello, " + name


daemon = Pyro4.Daemon(host="127.0.0.1")
ns = Pyro4.locateNS()
ns.register("example.greeter", daemon.register(Greeter()))
print("ready", flush=True)

running = [True]


def wait_for_stdin_close():
    sys.stdin.read()
    running[0] = False


threading.Thread(target=wait_for_stdin_close, daemon=True).start()
daemon.requestLoop(loopCondition=lambda: running[0])
ns.remove("example.greeter")
daemon.close()
