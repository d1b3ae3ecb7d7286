"""Prints the Python -> C# corpus: one line per case, "name<TAB>base64 of serpent.dumps(value)".
The C# test (SerpentPythonCorpusTests) holds the structure each case must parse to."""
import base64, collections, datetime, decimal, enum, sys, uuid
import serpent
import Pyro4.core, Pyro4.util


class Color(enum.Enum):
    GREEN = 2


def cases():
    yield "none", None
    yield "true", True
    yield "false", False
    yield "int_small", 42
    yield "int_negative", -7
    yield "int_max", 2**63 - 1
    yield "int_min", -2**63
    yield "int_big", 2**100
    yield "int_big_negative", -2**64
    yield "float", 1.5
    yield "float_integral", 2.0
    yield "float_tenth", 0.1
    yield "float_tiny", 1e-20
    yield "float_huge", 1e22
    yield "float_small_exp", 1.5e-7
    yield "float_1e16", 1e16
    yield "float_denormal", 5e-324
    yield "float_max", 1.7976931348623157e308
    yield "float_negative_zero", -0.0
    yield "float_inf", float("inf")
    yield "float_negative_inf", float("-inf")
    yield "float_nan", float("nan")
    yield "complex", 1 + 2j
    yield "complex_negative_imag", 1 - 2j
    yield "complex_pure_imag", 1j
    yield "complex_negative", -1.5 - 2.5j
    yield "complex_inf", complex(float("inf"), 1)
    yield "str", "hello"
    yield "str_empty", ""
    yield "str_single_quote", "it's"
    yield "str_both_quotes", "it's \"q\""
    yield "str_escapes", "a\nb\tc\\d\x00e\x7f\r"
    yield "str_unicode", "héllo € 😀 \u200b"
    yield "str_latin1_controls", "\x85\xa0\xad"
    yield "str_lone_surrogate", "\udc80"
    yield "str_every_bmp_char", "".join(chr(i) for i in range(0x10000))
    yield "str_astral", "".join(chr(i) for i in range(0x1F600, 0x1F650)) + "\U0010FFFF"
    yield "bytes", b"\x00\x01hello"
    yield "bytes_empty", b""
    yield "bytearray", bytearray(b"\xff\xfe")
    yield "tuple", (1, 2)
    yield "tuple_one", (1,)
    yield "tuple_empty", ()
    yield "list", [1, "a"]
    yield "list_empty", []
    yield "dict", {"a": 1, 2: "b"}
    yield "dict_empty", {}
    yield "dict_odd_keys", {(1, "x"): 1.5, 2.5: None, True: [], -3: (None,), 1j: "c"}
    yield "set", {1, 2}
    yield "frozenset", frozenset([3])
    yield "set_empty", set()
    yield "set_tuples", {(1, 2), ("a",)}
    yield "decimal", decimal.Decimal("3.14159265358979323846")
    yield "datetime", datetime.datetime(2024, 1, 2, 3, 4, 5, 6789)
    yield "datetime_aware", datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    yield "date", datetime.date(2024, 1, 2)
    yield "time", datetime.time(3, 4, 5, 600)
    yield "timedelta", datetime.timedelta(days=1, seconds=3, microseconds=5)
    yield "uuid", uuid.UUID("12345678-1234-5678-1234-567812345678")
    yield "deque", collections.deque([1, 2])
    yield "ordered_dict", collections.OrderedDict([("x", 1)])
    yield "enum", Color.GREEN
    yield "exception", ValueError("bad", 3)
    yield "nested", {"contacts": [{"id": 0, "FirstName": "Ana", "tags": {"x"}, "pos": (1.0, -2)}], "n": None}
    yield "deep", [[[[[[[[[[["x"]]]]]]]]]]]


def main():
    out = sys.stdout
    for name, value in cases():
        out.write(name + "\t" + base64.b64encode(serpent.dumps(value, module_in_classname=True)).decode() + "\n")
    # The same nested value with indent=True, and a Pyro URI through Pyro's own serpent serializer.
    indented = serpent.dumps({"b": [1, (2,), {3}], "a": {"k": ()}}, indent=True)
    out.write("indented\t" + base64.b64encode(indented).decode() + "\n")
    uri = Pyro4.util.get_serializer("serpent").dumps(Pyro4.core.URI("PYRO:obj@localhost:5555"))
    out.write("pyro_uri\t" + base64.b64encode(uri).decode() + "\n")


main()
