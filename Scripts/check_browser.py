#!/usr/bin/env python3
"""Drives the entity page of `newsgraph serve` in headless Chromium (Debian's chromium).

Loads /entity/ID, checks that the DOM Chromium built holds the name of every neighbour the API
reports and an inline <svg> whose nodes link to entity pages, follows one node's link to the next
entity's page and checks that page the same way, and saves screenshots of both pages.

    check_browser.py CHROMIUM BASE_URL ENTITY_ID SCREENSHOT_FOLDER
"""
import html
import json
import re
import subprocess
import sys
import tempfile
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
    """The entity page's DOM, after checking it; returns the ids its drawing links to."""
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
    return [i for i in linked if i != entity]


def main():
    binary, base, entity, folder = sys.argv[1:5]
    with tempfile.TemporaryDirectory() as profile:
        linked = check_page(binary, profile, base, entity)
        chromium(binary, profile, "--window-size=1280,1100", f"--screenshot={folder}/serve-entity.png",
                 f"{base}/entity/{urllib.parse.quote(entity)}")
        # Follow a node of the drawing to the next entity's page, which must hold up the same way.
        following = linked[0]
        check_page(binary, profile, base, following)
        chromium(binary, profile, "--window-size=1280,1100", f"--screenshot={folder}/serve-followed.png",
                 f"{base}/entity/{urllib.parse.quote(following)}")
    print(f"check_browser: screenshots in {folder}/serve-entity.png and serve-followed.png")
    print("check_browser: 2 passed, 0 failed")


if __name__ == "__main__":
    main()
