#!/usr/bin/env python3
"""Time the reader's answer to a resize in a real pseudo-terminal.

ptyprobe.py has no resize, so this starts the reader at 120x40, waits for its
first frame and for the analysis to land, then changes the window size ten
times (100x30, 120x40, 80x24, 160x50, ...) and takes, for each, the time from
the size change to the last byte of the frame it causes (the output going
quiet for 0.3 s). Usage: .ci/resizeprobe.py CMD [ARGS...]
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

cmd = sys.argv[1:]
if not cmd:
    sys.exit(__doc__)
env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8")
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(cmd[0], cmd, env)


def setsize(rows, cols):
    # on the master side the kernel sends SIGWINCH to the reader itself
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def pump(seconds, stop=lambda data: False):
    """Read for up to seconds; answer terminal queries; return the time of the last byte."""
    last, seen, end = None, b"", time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.005)
        if not ready:
            continue
        data = os.read(fd, 1 << 20)
        if b"\x1b[6n" in data:
            os.write(fd, b"\x1b[1;1R")
        if b"\x1b]11;?" in data:
            os.write(fd, b"\x1b]11;rgb:0000/0000/0000\x1b\\")
        last, seen = time.perf_counter(), seen + data
        if stop(seen):
            break
    return last


setsize(40, 120)
if pump(10, lambda seen: b"help" in seen) is None:
    sys.exit("resizeprobe: no first frame")
pump(1.5)  # the analysis lands and the panels fill
times = []
for rows, cols in [(30, 100), (40, 120), (24, 80), (50, 160), (40, 120)] * 2:
    start = time.perf_counter()
    setsize(rows, cols)
    last = pump(0.3)
    times.append((last - start) * 1000 if last else float("inf"))
os.write(fd, b"q")
times.sort()
print(f"resize to last byte: median {times[len(times) // 2]:.1f} ms, max {times[-1]:.1f} ms over {len(times)}")
