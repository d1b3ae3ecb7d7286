"""Equality stricter than Python's, for "unchanged" checks: types must match (1 is not 1.0 or True, a list is
not a tuple), floats compare by repr (so -0.0 differs from 0.0 and nan equals nan), dicts compare in order."""


def same(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return repr(a) == repr(b)
    if isinstance(a, complex):
        return same(a.real, b.real) and same(a.imag, b.imag)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return len(a) == len(b) and all(same(ka, kb) and same(va, vb)
                                        for (ka, va), (kb, vb) in zip(a.items(), b.items()))
    if isinstance(a, (set, frozenset)):
        return len(a) == len(b) and sorted(map(_key, a)) == sorted(map(_key, b))
    return a == b


def _key(member):
    return type(member).__name__, repr(member)
