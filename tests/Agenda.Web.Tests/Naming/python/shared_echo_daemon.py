"""A Python Pyro4 daemon that registers its object as test.echo through the name server PYRO_NS_HOST/PYRO_NS_PORT name,
prints 'ready', and serves until stdin closes; then it removes the name, if that name server still answers."""
import Pyro4

from serve_until_stdin_closes import serve_until_stdin_closes


@Pyro4.expose
class Echo(object):
    def echo(self, value):
        return value


daemon = Pyro4.Daemon(host="127.0.0.1")
uri = daemon.register(Echo(), "python.echo")
Pyro4.locateNS(broadcast=False).register("test.echo", uri, safe=True, metadata={"kind:echo"})
print("ready", flush=True)

serve_until_stdin_closes(daemon)
try:
    Pyro4.locateNS(broadcast=False).remove("test.echo")
except Pyro4.errors.NamingError:
    pass  # that instance is gone; the name stays in the shared name server, as any client's registration does
daemon.close()
