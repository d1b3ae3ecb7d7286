"""Sends hand-built Pyro4 messages to a Python daemon in shapes a normal client never produces, so the dissector
meets them on the wire. Messages are built with Pyro4's own Message class; only their segmentation (or checksum) is odd.
Prints the sizes of the messages it sent. Usage: raw_client.py PORT MODE
  bytewise   a valid CONNECT written one byte per TCP segment
  pipelined  CONNECT, then two INVOKEs of inserir in a single send
  badsum     a CONNECT whose header checksum is off by one (the daemon answers CONNECTFAIL and closes)"""
import fcntl
import socket
import struct
import sys
import termios
import time

from Pyro4.message import Message, MSG_CONNECT, MSG_INVOKE, FLAGS_META_ON_CONNECT
from Pyro4.util import get_serializer

serializer = get_serializer("serpent")


def connect_message():
    data = serializer.dumps({"handshake": "hello", "object": "KLEIN_ROCHA"})
    return Message(MSG_CONNECT, data, serializer.serializer_id, FLAGS_META_ON_CONNECT, 0).to_bytes()


def invoke_message(seq, name):
    data, _ = serializer.serializeCall("KLEIN_ROCHA", "inserir", ({"FirstName": name},), {})
    return Message(MSG_INVOKE, data, serializer.serializer_id, 0, seq).to_bytes()


def receive_message(sock):
    """Reads one whole reply (header, annotations, data) so the next request goes out after it."""
    header = receive_exactly(sock, Message.header_size)
    _, _, _, _, _, data_size, _, annotations_size, _, _ = struct.unpack(Message.header_format, header)
    return header + receive_exactly(sock, annotations_size + data_size)


def receive_exactly(sock, count):
    chunks = b""
    while len(chunks) < count:
        chunk = sock.recv(count - len(chunks))
        if not chunk:
            raise EOFError("connection closed after %d of %d bytes" % (len(chunks), count))
        chunks += chunk
    return chunks


def wait_until_sent(sock):
    """Linux may merge small writes even with TCP_NODELAY (autocorking) while earlier ones are still queued;
    waiting until the send queue is empty (SIOCOUTQ, i.e. everything acknowledged) keeps one byte per segment."""
    deadline = time.monotonic() + 5
    while struct.unpack("i", fcntl.ioctl(sock, termios.TIOCOUTQ, b"\0\0\0\0"))[0] > 0:
        if time.monotonic() > deadline:
            raise TimeoutError("send queue did not drain")


port, mode = int(sys.argv[1]), sys.argv[2]
with socket.create_connection(("127.0.0.1", port)) as sock:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if mode == "bytewise":
        connect = connect_message()
        for byte in connect:
            sock.send(bytes([byte]))
            wait_until_sent(sock)
        receive_message(sock)
        print(len(connect))
    elif mode == "pipelined":
        sock.sendall(connect_message())
        receive_message(sock)
        first, second = invoke_message(1, "Ana"), invoke_message(2, "Bia")
        sock.sendall(first + second)
        receive_message(sock)
        receive_message(sock)
        print(len(first), len(second))
    elif mode == "badsum":
        message = bytearray(connect_message())
        message[23] ^= 1
        sock.sendall(message)
        receive_message(sock)
        print(len(message))
    else:
        raise SystemExit("unknown mode " + mode)
