"""A Python Pyro4 daemon in its own process that registers its object in the name server under test
(located by PYRO_NS_HOST/PYRO_NS_PORT), prints its URI and 'ready', and serves until stdin closes."""
import sys
import threading
import Pyro4


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

running = [True]


def wait_for_stdin_close():
    sys.stdin.read()
    running[0] = False


threading.Thread(target=wait_for_stdin_close, daemon=True).start()
daemon.requestLoop(loopCondition=lambda: running[0])
ns.remove("test.echo")
daemon.close()
