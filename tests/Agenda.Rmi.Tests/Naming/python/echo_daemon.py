"""A Python Pyro4 daemon in its own process that registers its object in the name server under test
(located by PYRO_NS_HOST/PYRO_NS_PORT), prints its URI and 'ready', and serves until stdin closes."""
import Pyro4

from serve_until_stdin_closes import serve_until_stdin_closes


@Pyro4.expose
class Echo(object):
    def echo(self, value):
        return value

    def whoami(self):
        return "python echo"


daemon = Pyro4.Daemon(host="127.0.0.1")
uri = daemon.register(Echo(), "python.echo")
ns = Pyro4.locateNS(broadcast=False)
ns.register("test.echo", uri, safe=True, metadata={"kind:echo", "lang:python"})
print(uri, flush=True)
print("ready", flush=True)

serve_until_stdin_closes(daemon)
ns.remove("test.echo")
daemon.close()
