#!/usr/bin/env python3
"""pgproxy.py: a TCP proxy between jzz and a PostgreSQL server that the
e2e tests steer, to make a slow or stalled network on the loopback.

    pgproxy.py UPSTREAM_HOST UPSTREAM_PORT

It listens on 127.0.0.1 at a port the system picks and prints "port N".
Then it reads commands on stdin, one a line, and answers each with "ok"
once it is in force:

    delay MS       every chunk waits MS milliseconds before it is passed on
    stall          nothing is passed on, either way, on any connection (the
                   bytes wait in the kernel's buffers: the TCP link stays
                   up, as behind a stuck firewall or proxy)
    stall-commit   traffic flows until a client sends the COMMIT statement;
                   the COMMIT is passed to the server, and from then on
                   nothing is passed on (its answer never reaches jzz)
    go             everything flows again
    commits        answers "commits N": how many COMMITs were passed on

The client must not use TLS (sslmode=disable), so that the protocol's
messages can be read: a COMMIT is a simple query "COMMIT" or a Bind of a
statement prepared (Parse) with the text "COMMIT".
"""
import socket
import struct
import sys
import threading
import time

lock = threading.Condition()
state = {"delay": 0.0, "stall": False, "stall_commit": False, "commits": 0}


def wait_flow():
    with lock:
        while state["stall"]:
            lock.wait()
        return state["delay"]


class ClientParser:
    """Follows the client's messages to see the COMMIT go by."""

    def __init__(self):
        self.buf = b""
        self.started = False
        self.commit_names = set()

    def feed(self, data):
        """True when data holds a COMMIT."""
        self.buf += data
        found = False
        while True:
            if not self.started:
                if len(self.buf) < 8:
                    break
                n, code = struct.unpack("!II", self.buf[:8])
                if len(self.buf) < n:
                    break
                self.buf = self.buf[n:]
                # SSLRequest and GSSENCRequest are followed by the startup
                # message; anything else is the startup message itself
                if code not in (80877103, 80877104):
                    self.started = True
                continue
            if len(self.buf) < 5:
                break
            kind = self.buf[:1]
            (n,) = struct.unpack("!I", self.buf[1:5])
            if len(self.buf) < 1 + n:
                break
            body = self.buf[5:1 + n]
            self.buf = self.buf[1 + n:]
            if kind == b"Q" and body.rstrip(b"\0").strip().upper() == b"COMMIT":
                found = True
            elif kind == b"P":
                name, rest = body.split(b"\0", 1)
                query = rest.split(b"\0", 1)[0]
                if query.strip().upper() == b"COMMIT":
                    self.commit_names.add(name)
            elif kind == b"B":
                parts = body.split(b"\0", 2)
                if len(parts) >= 2 and parts[1] in self.commit_names:
                    found = True
        return found


def pump(src, dst, parser):
    try:
        while True:
            wait_flow()
            data = src.recv(65536)
            if not data:
                break
            delay = wait_flow()
            if delay > 0:
                time.sleep(delay)
            if parser is not None and parser.feed(data):
                with lock:
                    state["commits"] += 1
                    if state["stall_commit"]:
                        # the COMMIT reaches the server; its answer does not
                        # come back, nor anything after it
                        state["stall"] = True
                        state["stall_commit"] = False
            dst.sendall(data)
    except OSError:
        pass
    for s in (src, dst):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def serve(listener, host, port):
    while True:
        client, _ = listener.accept()
        try:
            upstream = socket.create_connection((host, port))
        except OSError:
            client.close()
            continue
        threading.Thread(target=pump, args=(client, upstream, ClientParser()),
                         daemon=True).start()
        threading.Thread(target=pump, args=(upstream, client, None), daemon=True).start()


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    threading.Thread(target=serve, args=(listener, host, port), daemon=True).start()
    print("port %d" % listener.getsockname()[1], flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        with lock:
            if words[0] == "delay":
                state["delay"] = int(words[1]) / 1000.0
            elif words[0] == "stall":
                state["stall"] = True
            elif words[0] == "stall-commit":
                state["stall_commit"] = True
            elif words[0] == "go":
                state["stall"] = False
                state["stall_commit"] = False
            elif words[0] == "commits":
                print("commits %d" % state["commits"], flush=True)
                continue
            lock.notify_all()
        print("ok", flush=True)


if __name__ == "__main__":
    main()
