"""A program in a pseudo-terminal, for the REPL tests: start it, send keys,
read until a text appears (bounded), wait for it to leave (bounded, and
never blocking on a read)."""
import os, pty, select, sys, time


class PtySession:
    def __init__(self, argv, env=None, unset=()):
        self.buf = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update(env or {})
            for name in unset:
                os.environ.pop(name, None)
            os.execvp(argv[0], argv)

    def send(self, text):
        os.write(self.fd, text.encode())

    def _drain(self, wait):
        r, _, _ = select.select([self.fd], [], [], wait)
        if r:
            try:
                return os.read(self.fd, 65536)
            except OSError:
                return None
        return b""

    def read_until(self, needle, timeout=15):
        """The output up to and including needle; fails the test if it does not come."""
        end = time.time() + timeout
        while time.time() < end:
            if needle.encode() in self.buf:
                i = self.buf.index(needle.encode()) + len(needle)
                seen, self.buf = self.buf[:i], self.buf[i:]
                return seen.decode(errors="replace")
            data = self._drain(0.2)
            if data is None:
                break
            self.buf += data
        self.kill()
        sys.exit(f"FAIL: did not see {needle!r}; got {self.buf[-800:]!r}")

    def wait_exit(self, seconds):
        """The exit status, or None if the program is still running after seconds."""
        end = time.time() + seconds
        while time.time() < end:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                return status
            self._drain(0.1)  # a blocking read here once hung the test
        return None

    def output_until_exit(self, seconds):
        """(exit status or None, everything printed) once the program leaves."""
        end = time.time() + seconds
        while time.time() < end:
            data = self._drain(0.1)
            if data:
                self.buf += data
                continue
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                while True:  # what is still in the terminal's buffer
                    data = self._drain(0.1)
                    if not data:
                        break
                    self.buf += data
                return status, self.buf.decode(errors="replace")
        return None, self.buf.decode(errors="replace")

    def ask(self, line, until="casus> "):
        """Sends line and Enter; what was printed up to until."""
        self.send(line + "\r")
        return self.read_until(until)

    def leave(self):
        """Ctrl-D at the prompt; the exit status (AssertionError if the
        program is still running 10 s later: it is killed)."""
        time.sleep(0.3)  # libedit's raw mode must be on before Ctrl-D
        self.send("\x04")
        status = self.wait_exit(10)
        if status is None:
            self.kill()
            raise AssertionError("casus did not leave on Ctrl-D")
        return status

    def kill(self):
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass
