// newsgraph serve: suggestions under the search box as you type, from /api/search. Plain
// JavaScript, served by the server itself (the pages allow no other script). Names are put in
// the page with textContent, never as HTML.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("search");
  const list = document.getElementById("suggestions");
  if (!input || !list) return;
  let timer = null;
  let latest = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = input.value.trim();
      const asked = ++latest;
      if (text === "") { list.replaceChildren(); return; }
      try {
        const answer = await fetch("/api/search?q=" + encodeURIComponent(text));
        if (!answer.ok || asked !== latest) return;
        const { results } = await answer.json();
        list.replaceChildren(...results.slice(0, 10).map((entity) => {
          const item = document.createElement("li");
          const link = document.createElement("a");
          link.href = "/entity/" + encodeURIComponent(entity.id);
          link.textContent = entity.name + " (" + entity.type + ", " + entity.mentions + ")";
          item.append(link);
          return item;
        }));
      } catch (error) {
        list.replaceChildren();
      }
    }, 120);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") list.replaceChildren();
  });
});
