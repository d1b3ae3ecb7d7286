"""Assertions the Python test clients share: DebianPython puts tests/Shared/python on PYTHONPATH."""


def raises(kind, call, *words):
    """Calls call() and checks it raises kind with each of words in its message (the client's own view of an error)."""
    try:
        call()
    except kind as e:
        for word in words:
            assert word in str(e), f"{word!r} not in {e!r}"
        return
    raise AssertionError(f"{kind.__name__} not raised")
