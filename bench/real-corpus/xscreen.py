"""A private X server (Xvfb) for screenshotting real desktop programs, driven with xdotool.

Each session has its own display, its own HOME (so the program starts from the settings the recipe writes, not the
user's), a fixed clock (faketime, so "today" in the program is the same on every run) and a fixed screen size.
Screenshots are the whole screen (`import -window root`). Standard library only; needs xvfb, xdotool, imagemagick,
faketime.
"""
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path


class ScreenError(Exception):
    pass


class XScreen:
    def __init__(self, width, height, fake_time="2024-07-02 10:00:00", settle=1.0):
        self.width, self.height, self.fake_time, self.settle = width, height, fake_time, settle
        self.procs = []
        self.home = Path(tempfile.mkdtemp(prefix="xscreen-home-"))
        (self.home / ".config").mkdir()
        (self.home / "run").mkdir(mode=0o700)
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
                                      "-nolisten", "tcp", "-nocursor"], pass_fds=(write,),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            self.close()
            raise ScreenError("Xvfb did not start (is the xvfb package installed?)")
        self.display = f":{number}"
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.home),
                    "XDG_RUNTIME_DIR": str(self.home / "run"), "DISPLAY": self.display, "LANG": "C.UTF-8",
                    "LC_ALL": "C.UTF-8", "TZ": "UTC", "QT_QPA_PLATFORM": "xcb", "NO_AT_BRIDGE": "1",
                    "XDG_CONFIG_HOME": str(self.home / ".config")}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self, cmd, cwd=None, extra_env=None, log=None):
        """Start a program on this display with the session's fixed clock ('@' = the clock runs from there)."""
        env = dict(self.env, **(extra_env or {}))
        full = ["faketime", "-f", "@" + self.fake_time, *cmd] if self.fake_time else list(cmd)
        p = subprocess.Popen(full, cwd=cwd, env=env, stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT,
                             start_new_session=True)
        self.procs.append(p)
        return p

    def xdo(self, *args, check=True):
        r = subprocess.run(["xdotool", *map(str, args)], env=self.env, capture_output=True, text=True)
        if check and r.returncode != 0:
            raise ScreenError(f"xdotool {' '.join(map(str, args))}: {r.stderr.strip()}")
        return r.stdout

    def wait_window(self, name, timeout=90):
        """Wait until a visible window whose title matches `name` (a Python regex) exists; returns its id.
        (Matched here, not by xdotool: its regex does not cope with the em dash in KDE titles.)"""
        end = time.time() + timeout
        while time.time() < end:
            for wid in self.windows():
                if re.search(name, self.window_name(wid)):
                    return wid
            time.sleep(1)
        raise ScreenError(f"no window named {name!r} appeared within {timeout} s on {self.display}")

    def windows(self, name=""):
        return self.xdo("search", "--onlyvisible", "--name", name, check=False).split()

    def window_name(self, wid):
        return self.xdo("getwindowname", wid, check=False).strip()

    def key(self, *keys, wait=None):
        for k in keys:
            self.xdo("key", "--clearmodifiers", k)
            time.sleep(0.15)
        time.sleep(self.settle if wait is None else wait)

    def type(self, text, wait=None):
        self.xdo("type", "--delay", "40", text)
        time.sleep(self.settle if wait is None else wait)

    def click(self, x, y, button=1, double=False, wait=None):
        self.xdo("mousemove", x, y)
        self.xdo("click", *(["--repeat", "2", "--delay", "120"] if double else []), button)
        time.sleep(self.settle if wait is None else wait)

    def park_mouse(self):
        """Move the pointer off the windows so no hover highlight or tooltip is captured."""
        self.xdo("mousemove", self.width - 1, self.height - 1)

    def shot(self, path, crop=None):
        """Screenshot of the whole screen (or a crop WxH+X+Y) as PNG."""
        path = Path(path)
        tmp = path.with_suffix(".part.png")
        cmd = ["import", "-window", "root"]
        if crop:
            cmd += ["-crop", crop, "+repage"]
        # no time chunks, so the same pixels give the same bytes
        cmd += ["-define", "png:exclude-chunk=date,time,tIME", "-strip"]
        subprocess.run(cmd + [f"png24:{tmp}"], env=self.env, check=True, capture_output=True)
        os.replace(tmp, path)
        return path

    def close(self):
        for p in self.procs:
            if p.poll() is None:
                try:
                    os.killpg(p.pid, 15)
                except ProcessLookupError:
                    pass
        for p in self.procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, 9)
        if getattr(self, "xvfb", None) and self.xvfb.poll() is None:
            self.xvfb.terminate()
            self.xvfb.wait(timeout=10)
        shutil.rmtree(self.home, ignore_errors=True)
