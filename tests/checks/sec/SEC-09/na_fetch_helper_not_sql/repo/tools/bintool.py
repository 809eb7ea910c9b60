"""Fetches build tools: fetch() downloads, it does not query a database."""
import urllib.request

FETCH_ANY, FETCH_BIN, FETCH_BUILD = range(3)


class Bintool:
    def __init__(self, name):
        self.name = name

    def fetch(self, method):
        url = f"https://downloads.example.org/{self.name}/{method}"
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read()

    def fetch_tool(self, method):
        def try_fetch(meth):
            try:
                return self.fetch(meth)
            except OSError:
                return None

        if method == FETCH_ANY:
            for meth in (FETCH_BIN, FETCH_BUILD):
                res = try_fetch(meth)
                if res:
                    return res
            return None
        return try_fetch(method)
