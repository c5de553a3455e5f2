"""The command lines' argument parser: every usage error in one line.

Its own module so that cli.py (which dispatches to trace.py) and trace.py (which builds
its parser with it) both import it, and neither imports the other at import time.
"""

import argparse


class Parser(argparse.ArgumentParser):
    """argparse, with every usage error in one line on standard error and exit status 2.

    argparse prints the usage block before its message; a person (and a script reading
    stderr) needs only the message and where to look. ``--help`` prints in full as ever.
    """

    root_prog = ""  # the prog of the top parser, set on each sub-parser, for the message

    def error(self, message: str) -> "None":
        prog = self.root_prog or self.prog
        message = " ".join(message.split())  # argparse's messages are one line; make sure
        self.exit(2, f"{prog}: error: {message}. See: {self.prog} --help\n")
