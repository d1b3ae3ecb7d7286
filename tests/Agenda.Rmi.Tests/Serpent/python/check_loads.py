"""C# -> Python: reads "name<TAB>base64(serpent written by C#)" lines, loads each with serpent.loads and compares
with EXPECTED[name] using strict equality. Prints "name<TAB>ok" or "name<TAB>FAIL ..." per line."""
import base64, math, sys
import serpent
import Pyro4.util
from strict import same

EXPECTED = {
    "none": None, "true": True, "false": False,
    "int": 42, "int_negative": -7, "byte": 200, "ulong_max": 2**64 - 1, "long_min": -2**63, "big": -3**90,
    "float": 1.5, "float_integral": 2.0, "float_tenth": 0.1, "float_tiny": 1e-20, "float_huge": 1e22,
    "float_1e16": 1e16, "float_denormal": 5e-324, "float_max": 1.7976931348623157e308, "single": 0.10000000149011612,
    "negative_zero": -0.0, "inf": math.inf, "negative_inf": -math.inf,
    "complex": 1 + 2j, "complex_negative": -1.5 - 2.5j, "complex_inf_imag": complex(1, math.inf),
    "str": "hello", "str_quotes": "it's \"q\" \\", "str_controls": "".join(chr(i) for i in range(0x20)) + "\x7f\x85\u2028\u2029",
    "str_unicode": "héllo € 😀 \u200b\ufeff", "str_lone_surrogates": "a\udc80b\ud800",
    "str_every_bmp_char": "".join(chr(i) for i in range(0xD800)) + "".join(chr(i) for i in range(0xE000, 0x10000)),
    "str_astral": "\U0001F600\U0010FFFF",
    "char": "x", "decimal": "3.14159265358979323846", "guid": "12345678-1234-5678-1234-567812345678",
    "datetime": "2024-01-02T03:04:05.006789", "datetime_utc": "2024-01-02T03:04:05+00:00",
    "datetimeoffset": "2024-01-02T03:04:05-05:30", "date": "2024-01-02", "time": "03:04:05.000600",
    "timespan": 86403.000005, "enum": 2,
    "tuple": (1, "a"), "tuple_one": (1,), "tuple_empty": (), "list": [1, [2, 3], []], "array": [1, 2, 3],
    "dict": {"a": 1, 2: "b", (1, "k"): True, 2.5: None}, "dict_empty": {}, "dict_typed": {"x": 1, "y": 2},
    "set": {1, 2}, "set_strings": {"a", "b"}, "set_empty": (),
    "dto": {"Id": 7, "FirstName": "Ana", "Email": None},
    "exception_dict": {"__class__": "builtins.ValueError", "__exception__": True, "args": ("bad", 12),
                       "attributes": {"_pyroTraceback": ["line 1\n", "line 2\n"]}},
    "deep": [[[[[[[[[[["x"]]]]]]]]]]],
}
# 200 nested lists is the most Python can read.
DEEPEST = None
for _ in range(200):
    DEEPEST = [DEEPEST]
EXPECTED["deepest"] = DEEPEST


def check(name, data):
    if name == "bytes":
        value = serpent.tobytes(serpent.loads(data))
        return value == b"\x00\x01hello\xff", repr(value)
    if name == "nan":
        # serpent leaves serpent's NaN dict as a dict; Pyro's serpent serializer turns it into a float.
        raw = serpent.loads(data)
        value = Pyro4.util.get_serializer("serpent").loads(data)
        return raw == {"__class__": "float", "value": "nan"} and same(math.nan, value), repr(value)
    value = serpent.loads(data)
    if name not in EXPECTED:
        return False, "unknown case"
    return same(EXPECTED[name], value), repr(value)[:300]


for line in sys.stdin:
    name, b64 = line.rstrip("\n").split("\t")
    try:
        ok, shown = check(name, base64.b64decode(b64))
    except Exception as e:
        ok, shown = False, "%s: %s" % (type(e).__name__, e)
    print(name + "\t" + ("ok" if ok else "FAIL " + shown))
