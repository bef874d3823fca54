#!/usr/bin/env python3
"""tui_probe.py: time a full-screen program to its first frame in a pseudo-terminal,
and its resident memory once the frame is drawn (issue 6, bench/run.sh).

    tui_probe.py [--cols 120 --rows 40] -- COMMAND [ARGS...]

Prints one line: first_byte_ms, frame_ms (output quiet for 200 ms after the
first byte; the quiet time is not counted), rss_kb and hwm_kb (VmRSS/VmHWM of
the process), then ends it with SIGTERM. Why a pty: the terminal decides
nothing until it has a terminal; a pipe would measure another program.
"""
import fcntl, os, pty, select, signal, struct, sys, termios, time

def main():
    cols, rows = 120, 40
    args = sys.argv[1:]
    while args and args[0] != '--':
        if args[0] == '--cols': cols = int(args[1]); args = args[2:]
        elif args[0] == '--rows': rows = int(args[1]); args = args[2:]
        else: break
    if args and args[0] == '--': args = args[1:]
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.setdefault('TERM', 'xterm-256color')
        os.execvp(args[0], args)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    first = last = None
    total = 0
    while True:
        r, _, _ = select.select([fd], [], [], 0.2 if first else 10.0)
        if not r:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        now = time.monotonic()
        if first is None: first = now
        last = now
        total += len(data)
    rss = hwm = 0
    try:
        for line in open('/proc/%d/status' % pid):
            if line.startswith('VmRSS:'): rss = int(line.split()[1])
            if line.startswith('VmHWM:'): hwm = int(line.split()[1])
    except OSError:
        pass
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        try:
            if os.waitpid(pid, os.WNOHANG)[0]: break
        except ChildProcessError:
            break
        try:
            select.select([fd], [], [], 0.05); os.read(fd, 65536)
        except OSError:
            pass
    else:
        os.kill(pid, signal.SIGKILL); os.waitpid(pid, 0)
    if first is None:
        print('no output'); return 1
    print('first_byte_ms %.1f frame_ms %.1f bytes %d rss_kb %d hwm_kb %d' % (
        (first - t0) * 1e3, (last - t0) * 1e3, total, rss, hwm))
    return 0

sys.exit(main())
