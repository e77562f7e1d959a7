#!/usr/bin/env python3
"""Drives the pages of `newsgraph serve` in headless Chromium (Debian's chromium).

Loads /entity/ID (--dump-dom), checks that the DOM Chromium built holds the name of every neighbour
the API reports and an inline <svg> whose nodes all link to entity pages, and saves a screenshot.
Then, through the DevTools protocol on a pipe (no library needed), it types part of the entity's
name into the home page's search box and waits for the suggestion linking to it, and clicks a node
of the entity page's drawing; the page that click opens is checked like the first one, and
screenshot too.

    check_browser.py CHROMIUM BASE_URL ENTITY_ID SCREENSHOT_FOLDER
"""
import fcntl
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request


def chromium(binary, profile, *arguments):
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
               "--hide-scrollbars", f"--user-data-dir={profile}", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        sys.exit(f"check_browser: chromium failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    return result.stdout


def neighbour_names(base, entity):
    with urllib.request.urlopen(f"{base}/api/entities/{urllib.parse.quote(entity)}/neighbors") as answer:
        graph = json.load(answer)
    return [e["name"] for e in graph["entities"] if e["id"] != entity], graph


def check_page(binary, profile, base, entity):
    """Checks the entity page's DOM as Chromium built it."""
    dom = chromium(binary, profile, "--dump-dom", f"{base}/entity/{urllib.parse.quote(entity)}")
    names, graph = neighbour_names(base, entity)
    origin = next(e for e in graph["entities"] if e["id"] == entity)
    text = html.unescape(re.sub(r"<[^>]+>", " ", dom))
    heading = re.search(r"<h1>(.*?)</h1>", dom, re.S)
    if not heading or origin["name"] not in html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))):
        sys.exit(f"check_browser: /entity/{entity} has no heading naming {origin['name']}")
    missing = [name for name in names if name not in text]
    if not names or missing:
        sys.exit(f"check_browser: /entity/{entity} lacks neighbours {missing or '(none reported)'}")
    drawing = re.search(r'<figure class="drawing">\s*<svg\b.*?</svg>', dom, re.S)
    if not drawing:
        sys.exit(f"check_browser: /entity/{entity} has no inline <svg> drawing")
    linked = re.findall(r'xlink:href="/entity/([^"]+)"', drawing.group(0)) + re.findall(r'<a href="/entity/([^"]+)"[^>]*>\s*<g', drawing.group(0))
    linked = [urllib.parse.unquote(html.unescape(i)) for i in linked]
    if set(linked) != {e["id"] for e in graph["entities"]}:
        sys.exit(f"check_browser: the drawing of /entity/{entity} links {sorted(set(linked))}, not every drawn entity")
    print(f"check_browser: /entity/{entity}: heading, {len(names)} neighbours' names and a linked SVG of {len(set(linked))} nodes")


class DevTools:
    """One headless Chromium driven through --remote-debugging-pipe: JSON messages ended by a NUL
    byte, written to its file descriptor 3 and read from its 4."""

    def __init__(self, binary, profile):
        to_chromium, self._commands = os.pipe()
        self._answers, from_chromium = os.pipe()

        def descriptors():
            # Moved out of the way first: os.pipe may have returned 3 or 4 itself.
            commands = fcntl.fcntl(to_chromium, fcntl.F_DUPFD, 10)
            answers = fcntl.fcntl(from_chromium, fcntl.F_DUPFD, 10)
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
             f"--user-data-dir={profile}", "about:blank"],
            preexec_fn=descriptors, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chromium)
        os.close(from_chromium)
        self._pending = b""
        self._next = 0
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def send(self, method, params=None, session=None):
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._pending:
                chunk = os.read(self._answers, 1 << 16)
                if not chunk:
                    sys.exit("check_browser: chromium closed its DevTools pipe")
                self._pending += chunk
            raw, self._pending = self._pending.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self._next:
                if "error" in answer:
                    sys.exit(f"check_browser: {method}: {answer['error']}")
                return answer["result"]

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page (awaited when a promise)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True}, self.session)
        if "exceptionDetails" in result:
            return None
        return result["result"].get("value")

    def open(self, url):
        self.send("Page.navigate", {"url": url}, self.session)
        self.wait_for(f"location.href === {json.dumps(url)} && document.readyState === 'complete'")

    def wait_for(self, condition, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.evaluate(f"Boolean({condition})"):
                return
            time.sleep(0.1)
        sys.exit(f"check_browser: waited {seconds} s for {condition}")

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def suggestions(devtools, base, entity, name):
    """Types part of the name into the home page's search box, as a person would, and waits for
    a suggestion that links to the entity."""
    devtools.open(base + "/")
    typed = max(name.split(), key=len)[:5].lower()
    devtools.evaluate(f"""(() => {{ const box = document.getElementById('search'); box.focus();
        box.value = {json.dumps(typed)}; box.dispatchEvent(new Event('input', {{bubbles: true}})); }})()""")
    devtools.wait_for(f"document.querySelector('#suggestions a[href=\"/entity/{entity}\"]')")
    shown = devtools.evaluate("Array.from(document.querySelectorAll('#suggestions a'), a => a.textContent)")
    print(f"check_browser: typing '{typed}' in the search box suggests {shown}")


def click_node(devtools, base, entity):
    """Clicks a node of the entity page's drawing other than the entity's own; the id of the page
    that opens."""
    page = f"{base}/entity/{urllib.parse.quote(entity)}"
    devtools.open(page)
    clicked = devtools.evaluate(f"""(() => {{
        const link = Array.from(document.querySelectorAll('figure.drawing svg a'))
            .find(a => a.getAttribute('xlink:href') !== '/entity/{entity}');
        if (!link) return null;
        link.dispatchEvent(new MouseEvent('click', {{bubbles: true, cancelable: true, view: window}}));
        return link.getAttribute('xlink:href'); }})()""")
    if not clicked:
        sys.exit(f"check_browser: /entity/{entity} has no node link to click")
    devtools.wait_for(f"location.pathname === {json.dumps(clicked)} && document.readyState === 'complete'")
    print(f"check_browser: clicking a node of /entity/{entity} opened {clicked}")
    return urllib.parse.unquote(clicked.removeprefix("/entity/"))


def main():
    binary, base, entity, folder = sys.argv[1:5]
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as driven:
        check_page(binary, profile, base, entity)
        chromium(binary, profile, "--window-size=1280,1100", f"--screenshot={folder}/serve-entity.png",
                 f"{base}/entity/{urllib.parse.quote(entity)}")
        devtools = DevTools(binary, driven)
        try:
            name = next(e["name"] for e in neighbour_names(base, entity)[1]["entities"] if e["id"] == entity)
            suggestions(devtools, base, entity, name)
            following = click_node(devtools, base, entity)
        finally:
            devtools.close()
        # The page the click opened holds up the same way.
        check_page(binary, profile, base, following)
        chromium(binary, profile, "--window-size=1280,1100", f"--screenshot={folder}/serve-followed.png",
                 f"{base}/entity/{urllib.parse.quote(following)}")
    print(f"check_browser: screenshots in {folder}/serve-entity.png and serve-followed.png")
    print("check_browser: 4 passed, 0 failed")


if __name__ == "__main__":
    main()
