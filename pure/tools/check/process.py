"""The parent's side of the worker: start it, send requests, enforce the time limit."""

import json
import os
import queue
import subprocess
import sys
import threading
from typing import Any, Dict, Optional

TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the folder holding check/
IMPORT_TIMEOUT = 60.0  # seconds for importing the learner's file, at least

# The worker imports this package (so its compiled form is cached, unlike a script's), then
# takes its folder off sys.path again.
WORKER = ("import sys; sys.path.insert(0, sys.argv[1]); from check import worker; "
          "del sys.path[0]; worker.serve(sys.argv[2])")


class Timeout(Exception):
    pass


class WorkerDied(Exception):
    pass


class LearnerProcess:
    """The parent side: starts the worker, sends requests, enforces the time limit."""

    def __init__(self, path: str, timeout: float) -> None:
        self.path = os.path.abspath(path)
        self.timeout = timeout
        self.process: Optional[subprocess.Popen] = None
        self.thread: Optional[threading.Thread] = None
        self.lines: "queue.Queue[Optional[str]]" = queue.Queue()
        self.arrays = False
        self.loaded: Optional[Dict[str, Any]] = None

    def start(self) -> Dict[str, Any]:
        """Start the worker and import the file; the reply of the import."""
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER, TOOLS, self.path],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            universal_newlines=True, encoding="utf-8", cwd=os.path.dirname(self.path),
            env=dict(os.environ, MPLBACKEND="Agg"))  # a plt.show() in the file: no window
        self.lines = queue.Queue()
        self.thread = threading.Thread(target=_read_lines, daemon=True,
                                       args=(self.process.stdout, self.lines))
        self.thread.start()
        # Importing may take a while (NumPy on a busy machine): its own, longer limit.
        self.loaded = self._send({"op": "load"}, max(self.timeout, IMPORT_TIMEOUT))
        return self.loaded

    def request(self, message: Dict[str, Any]) -> Dict[str, Any]:
        if self.process is None:
            loaded = self.start()
            if not loaded.get("ok"):
                raise WorkerDied("importing the file raised " + loaded.get("error", "?"))
        message["arrays"] = self.arrays
        return self._send(message)

    def _send(self, message: Dict[str, Any], timeout: Optional[float] = None
              ) -> Dict[str, Any]:
        assert self.process is not None and self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
            line = self.lines.get(timeout=timeout or self.timeout)
        except queue.Empty:
            self.stop(kill=True)
            raise Timeout() from None
        except (BrokenPipeError, OSError):
            line = None
        if line is None:
            status = self.stop(kill=True)
            raise WorkerDied(f"the process running the file ended (exit status {status})")
        reply = json.loads(line)
        if "internal" in reply:
            raise RuntimeError("the checker failed:\n" + reply["internal"])
        return reply

    def stop(self, kill: bool = False) -> Optional[int]:
        process, self.process = self.process, None
        if process is None:
            return None
        try:
            if kill:
                process.kill()
            else:
                assert process.stdin is not None
                process.stdin.close()
            try:
                status = process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                status = process.wait()
        finally:
            for stream in (process.stdin, process.stdout):
                try:
                    if stream is not None:
                        stream.close()
                except OSError:
                    pass
            if self.thread is not None:
                self.thread.join(timeout=5)
        return status


def _read_lines(stream: Any, lines: "queue.Queue[Optional[str]]") -> None:
    try:
        for line in stream:
            lines.put(line)
    except (OSError, ValueError):
        pass
    lines.put(None)
