"""Property round trips with the C# codec, one process per batch.
  echo            each stdin line "name<TAB>base64(serpent)" is loaded and dumped again by serpent 1.41
  gen SEED N      prints N random nested values, each dumped by serpent
  check SEED N    regenerates the same N values and compares them (strictly) with the values read from stdin
                  through Pyro's serpent serializer, as a Pyro client reads them
Values avoid what serpent itself cannot round-trip: empty sets (written as ()), frozensets, bytes, complex
parts of -0.0 or NaN, NaN keys, and adjacent surrogate code points (a .NET string pairs them)."""
import base64, math, random, sys
import serpent
import Pyro4.util
from strict import same

CHARS = [range(0x20, 0x7f), range(0, 0x20), range(0x7f, 0x100), range(0x100, 0xd800), range(0xdc00, 0xe000),
         range(0xe000, 0x10000), range(0x10000, 0x110000)]
FLOATS = [0.0, -0.0, math.inf, -math.inf, math.nan, 1e16, 5e-324, 1.7976931348623157e308, 0.1, 1e22]


def text(rng):
    return "".join(chr(rng.choice(rng.choice(CHARS))) for _ in range(rng.randrange(12)))


def number(rng, key=False):
    kind = rng.randrange(6)
    if kind == 0:
        return rng.randrange(-1000, 1000)
    if kind == 1:
        return rng.randrange(-2**63, 2**63)
    if kind == 2:
        return rng.randrange(-2**200, 2**200)
    if kind == 3:
        value = rng.choice(FLOATS) if rng.random() < 0.3 else rng.uniform(-1e6, 1e6) * 10.0 ** rng.randrange(-300, 300)
        return 1.5 if key and math.isnan(value) else value
    if kind == 4:
        return complex(rng.choice([1.5, -2.0, 1e300, math.inf, 3.25]), rng.choice([1.5, -2.0, 0.0, 7e-9, -math.inf]))
    return rng.random() < 0.5


def key(rng, depth):
    if depth < 3 and rng.random() < 0.15:
        return tuple(key(rng, depth + 1) for _ in range(rng.randrange(4)))
    return text(rng) if rng.random() < 0.5 else number(rng, key=True)


def value(rng, depth=0):
    kind = rng.randrange(8 if depth < 4 else 4)
    if kind == 0:
        return None
    if kind in (1, 2):
        return number(rng)
    if kind == 3:
        return text(rng)
    size = rng.randrange(5)
    if kind == 4:
        return [value(rng, depth + 1) for _ in range(size)]
    if kind == 5:
        return tuple(value(rng, depth + 1) for _ in range(size))
    if kind == 6:
        return {key(rng, depth): value(rng, depth + 1) for _ in range(size)}
    return {key(rng, depth) for _ in range(size + 1)}


def lines():
    for line in sys.stdin:
        name, b64 = line.rstrip("\n").split("\t")
        yield name, base64.b64decode(b64)


def main(mode, seed=0, count=0):
    out = sys.stdout
    if mode == "echo":
        for name, data in lines():
            out.write(name + "\t" + base64.b64encode(serpent.dumps(serpent.loads(data))).decode() + "\n")
        return
    rng = random.Random(int(seed))
    values = [value(rng) for _ in range(int(count))]
    if mode == "gen":
        for i, v in enumerate(values):
            out.write(str(i) + "\t" + base64.b64encode(serpent.dumps(v)).decode() + "\n")
        return
    # Pyro's serpent serializer is what a Python client uses; unlike bare serpent it turns the NaN dict into nan.
    pyro_serpent = Pyro4.util.get_serializer("serpent")
    seen = 0
    for name, data in lines():
        seen += 1
        original, back = values[int(name)], pyro_serpent.loads(data)
        if not same(original, back):
            out.write("FAIL %s: sent %r got back %r\n" % (name, original, back))
    out.write("checked %d\n" % seen)


main(*sys.argv[1:])
