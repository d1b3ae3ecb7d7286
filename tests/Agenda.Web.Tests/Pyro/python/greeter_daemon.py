"""The README's Python daemon for "Calling Pyro objects from .NET": registers example.greeter in the name server
given by PYRO_NS_HOST/PYRO_NS_PORT, prints 'ready', serves until stdin closes, then removes its registration."""
import Pyro4

from serve_until_stdin_closes import serve_until_stdin_closes


@Pyro4.expose
class Greeter(object):
    def greet(self, name):
        return "hello, " + name


daemon = Pyro4.Daemon(host="127.0.0.1")
ns = Pyro4.locateNS()
ns.register("example.greeter", daemon.register(Greeter()))
print("ready", flush=True)

serve_until_stdin_closes(daemon)
ns.remove("example.greeter")
daemon.close()
