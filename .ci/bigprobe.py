#!/usr/bin/env python3
"""Open a long article in the reader, in a 120x40 pseudo-terminal, and time
the first frame (launch until "¶ 1/" is on the screen) and the panels
(launch until the analysis is in: the review progress "✓0 ✗0 of N"
replaces "analysing…"), then read the process's peak resident memory.

  bigprobe.py COPYDESK FILE

Prints JSON: first_frame_ms, panels_ms, peak_rss_mb. The review store is a
file in a temporary folder.
"""
import fcntl, json, os, pty, select, struct, sys, tempfile, termios, time


def main():
    binary, path = sys.argv[1], sys.argv[2]
    db = os.path.join(tempfile.mkdtemp(), "review.db")
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, "--db", db, path], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    buf = bytearray()
    first = panels = None
    while time.perf_counter() - t0 < 60 and panels is None:
        r, _, _ = select.select([fd], [], [], 0.005)
        if not r:
            continue
        try:
            d = os.read(fd, 1 << 16)
        except OSError:
            break
        buf += d
        now = time.perf_counter() - t0
        if first is None and "¶ 1/".encode() in buf:
            first = now
        if first is not None and "✓0 ✗0 of".encode() in buf:
            panels = now
    peak = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    os.write(fd, b"q")
    end = time.time() + 5
    while time.time() < end:
        p, _ = os.waitpid(pid, os.WNOHANG)
        if p:
            break
        try:
            select.select([fd], [], [], 0.05) and os.read(fd, 1 << 16)
        except OSError:
            pass
    else:
        os.kill(pid, 9)
    ms = lambda t: None if t is None else round(t * 1000, 1)
    print(json.dumps({"first_frame_ms": ms(first), "panels_ms": ms(panels), "peak_rss_mb": round(peak, 1)}))


main()
