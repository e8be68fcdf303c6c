#!/usr/bin/env python3
"""Time the first frame of a terminal program on a terminal that answers the
background (OSC 11) and cursor-position queries late or never.

  probe.py [--answer-after MS] [--bg rgb:ffff/ffff/ffff] [--expect REGEX] -- CMD ARGS...

--answer-after -1 (the default) never answers. Prints JSON: first_frame_ms
(launch until the screen text matches --expect), query_ms (launch until the
program asked), and with an answer, recolour_ms (launch until a frame after
the answer carries --recolour, an SGR fragment) and whether the reply leaked
as typed text (--leak, a regex over the screen text after the answer).
"""
import argparse, fcntl, json, os, pty, re, select, signal, struct, termios, time


def strip(b):
    s = b.decode("utf-8", errors="replace")
    return re.sub(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[PX^_].*?\x1b\\|\x1b[@-Z\\-_]", "", s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="120x40")
    ap.add_argument("--expect", default=r"¶ 1/")
    ap.add_argument("--answer-after", type=float, default=-1)
    ap.add_argument("--bg", default="rgb:ffff/ffff/ffff")
    ap.add_argument("--recolour", default="38;5;127")
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    cols, rows = map(int, a.size.split("x"))
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    env.pop("COLORFGBG", None)
    for kv in a.env:
        k, v = kv.split("=", 1)
        env[k] = v
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(cmd[0], cmd, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    buf = bytearray()
    res = {"cmd": " ".join(cmd), "answer_after_ms": a.answer_after}
    asked_at = answer_at = None
    answered = False
    answer_mark = 0
    deadline = t0 + a.timeout
    asks = []  # when each query came; every one is answered, as a terminal would
    seen = 0
    while time.perf_counter() < deadline:
        now = time.perf_counter()
        while asks and a.answer_after >= 0 and now >= asks[0] + a.answer_after / 1000:
            asks.pop(0)
            os.write(fd, ("\x1b]11;" + a.bg + "\x1b\\\x1b[?2026;2$y\x1b[1;1R").encode())
            if not answered:
                answered, answer_at, answer_mark = True, now, len(buf)
        r, _, _ = select.select([fd], [], [], 0.002)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            buf.extend(chunk)
            while buf.count(b"\x1b]11;?") > seen:
                seen += 1
                asks.append(time.perf_counter())
                if asked_at is None:
                    asked_at = asks[0]
                    res["query_ms"] = round((asked_at - t0) * 1000, 1)
            res["queries"] = seen
        if "first_frame_ms" not in res and re.search(a.expect, strip(buf)):
            res["first_frame_ms"] = round((time.perf_counter() - t0) * 1000, 1)
            res["first_frame_colour"] = "light" if a.recolour.encode() in buf else "dark"
            if a.answer_after < 0:
                break
        if answered and "recolour_ms" not in res and a.recolour.encode() in buf[answer_mark:]:
            res["recolour_ms"] = round((time.perf_counter() - t0) * 1000, 1)
            res["sync_frames"] = b"\x1b[?2026h" in buf[answer_mark:]
        if "first_frame_ms" in res and (a.answer_after < 0 or "recolour_ms" in res):
            break
    if answered:
        time.sleep(0.2)
        try:
            while select.select([fd], [], [], 0.05)[0]:
                buf.extend(os.read(fd, 65536))
        except OSError:
            pass
        res["reply_leaked"] = bool(re.search(r"rgb|11;|2026|searching|/1;1", strip(buf[answer_mark:])))
    os.write(fd, b"q")
    end = time.perf_counter() + 3
    status = None
    while time.perf_counter() < end:
        try:
            if select.select([fd], [], [], 0.05)[0]:
                os.read(fd, 65536)
        except OSError:
            pass
        wpid, st, _ = os.wait4(pid, os.WNOHANG)
        if wpid:
            status = os.waitstatus_to_exitcode(st)
            break
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.wait4(pid, 0)
        res["killed"] = True
    res["exit"] = status
    print(json.dumps(res))


if __name__ == "__main__":
    main()
