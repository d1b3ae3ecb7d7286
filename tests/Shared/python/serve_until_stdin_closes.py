"""Serving a Pyro4 daemon for as long as the test that started it holds its stdin open: the test closes stdin to stop
it, so the daemon can remove its name-server registration on the way out (a killed process would leave it behind)."""
import sys
import threading


def serve_until_stdin_closes(daemon):
    running = [True]

    def wait_for_stdin_close():
        sys.stdin.read()
        running[0] = False

    threading.Thread(target=wait_for_stdin_close, daemon=True).start()
    daemon.requestLoop(loopCondition=lambda: running[0])
