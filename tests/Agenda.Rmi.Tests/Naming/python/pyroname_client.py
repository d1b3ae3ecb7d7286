"""A plain Python Pyro4 client reaching an object only by name: PYRONAME: and PYROMETA: URIs resolved by the
name server given as argv[1] (host:port), plus Pyro4.resolve()."""
import sys
import Pyro4

ns_location = sys.argv[1]
echo = Pyro4.Proxy("PYRONAME:test.echo@" + ns_location)
print("echo:", echo.echo("hello through PYRONAME"))
print("whoami:", Pyro4.Proxy("PYROMETA:kind:echo,lang:python@" + ns_location).whoami())
print("resolved:", Pyro4.resolve("PYRONAME:test.echo@" + ns_location))
try:
    Pyro4.Proxy("PYRONAME:no.such.name@" + ns_location).echo(1)
except Pyro4.errors.NamingError as error:
    print("missing:", type(error).__name__, error)
