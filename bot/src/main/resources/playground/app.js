// The playground page: sends what you type to the bot through the server, polls the feed and draws Block Kit.
// Everything from the bot is drawn with textContent / DOM nodes, never innerHTML, so no content can inject markup.
(function () {
  "use strict";

  const visitor = (function () {
    let v = sessionStorage.getItem("paperbot.visitor");
    if (!v || !/^[a-z0-9]{4,24}$/.test(v)) {
      v = Array.from(crypto.getRandomValues(new Uint8Array(8)), b => (b % 36).toString(36)).join("");
      sessionStorage.setItem("paperbot.visitor", v);
    }
    return v;
  })();

  let version = -1;

  function post(path, body) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.assign({ visitor: visitor }, body))
    });
  }

  // ---- mrkdwn -> DOM ------------------------------------------------------------------------------------------

  function decodeEntities(s) {
    return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  // Inline formatting inside one line of text (links already split out): *bold*, _italic_, ~strike~, `code`.
  function appendInline(parent, text) {
    const re = /(^|[^\w*])\*(\S(?:[^*]*\S)?)\*(?=$|[^\w*])|(^|[^\w_])_(\S(?:[^_]*\S)?)_(?=$|[^\w_])|(^|[^\w~])~(\S(?:[^~]*\S)?)~(?=$|[^\w~])|`([^`]+)`/;
    let rest = text;
    while (rest.length > 0) {
      const m = re.exec(rest);
      if (!m) { parent.appendChild(document.createTextNode(decodeEntities(rest))); return; }
      const lead = m[1] || m[3] || m[5] || "";
      parent.appendChild(document.createTextNode(decodeEntities(rest.slice(0, m.index) + lead)));
      let el;
      if (m[2] !== undefined) { el = document.createElement("b"); appendInline(el, m[2]); }
      else if (m[4] !== undefined) { el = document.createElement("i"); appendInline(el, m[4]); }
      else if (m[6] !== undefined) { el = document.createElement("s"); appendInline(el, m[6]); }
      else { el = document.createElement("code"); el.textContent = decodeEntities(m[7]); }
      parent.appendChild(el);
      rest = rest.slice(m.index + m[0].length);
    }
  }

  // Links and mentions: <https://x|label>, <https://x>, <@U123>, <!here>; everything else is inline text.
  function appendLine(parent, line) {
    const re = /<([^<>|]+)(?:\|([^<>]*))?>/g;
    let last = 0, m;
    const chunks = [];
    while ((m = re.exec(line)) !== null) {
      chunks.push({ text: line.slice(last, m.index) });
      chunks.push({ target: m[1], label: m[2] });
      last = m.index + m[0].length;
    }
    chunks.push({ text: line.slice(last) });
    // Formatting may wrap a link (*<url|title>*): handle the common case of a bold link.
    for (let i = 0; i < chunks.length; i++) {
      const c = chunks[i];
      if (c.text !== undefined) {
        const boldOpen = i + 2 < chunks.length && /\*$/.test(c.text) && /^\*/.test(chunks[i + 2].text || "");
        if (boldOpen) {
          appendInline(parent, c.text.slice(0, -1));
          const b = document.createElement("b");
          appendTarget(b, chunks[i + 1]);
          parent.appendChild(b);
          chunks[i + 2].text = chunks[i + 2].text.slice(1);
          i++;
        } else {
          appendInline(parent, c.text);
        }
      } else {
        appendTarget(parent, c);
      }
    }
  }

  function appendTarget(parent, c) {
    if (/^https?:\/\//i.test(c.target)) {
      const a = document.createElement("a");
      a.href = c.target.replace(/&amp;/g, "&");
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      appendInline(a, c.label !== undefined ? c.label : c.target);
      parent.appendChild(a);
    } else if (c.target.startsWith("@")) {
      const s = document.createElement("b");
      s.textContent = "@" + (c.label || c.target.slice(1));
      parent.appendChild(s);
    } else {
      parent.appendChild(document.createTextNode(decodeEntities(c.label || c.target)));
    }
  }

  function mrkdwn(text) {
    const root = document.createElement("div");
    let quote = null;
    text.split("\n").forEach((line, i, lines) => {
      const isQuote = line.startsWith("&gt; ") || line.startsWith("> ");
      const target = isQuote ? (quote = quote || root.appendChild(document.createElement("blockquote"))) : root;
      if (!isQuote) quote = null;
      appendLine(target, isQuote ? line.replace(/^(&gt;|>) /, "") : line);
      if (i < lines.length - 1 && !isQuote) target.appendChild(document.createElement("br"));
    });
    return root;
  }

  function textObject(t) {
    if (!t) return document.createElement("span");
    if (t.type === "mrkdwn") return mrkdwn(t.text || "");
    const span = document.createElement("span");
    span.textContent = t.text || "";
    return span;
  }

  // ---- Block Kit -> DOM ---------------------------------------------------------------------------------------

  function renderBlocks(blocks, messageId) {
    const root = document.createElement("div");
    (blocks || []).forEach(block => {
      let el;
      switch (block.type) {
        case "section":
          el = document.createElement("div");
          el.className = "block-section";
          if (block.text) el.appendChild(textObject(block.text));
          (block.fields || []).forEach(f => el.appendChild(textObject(f)));
          if (block.accessory && block.accessory.type === "button") {
            const row = document.createElement("div");
            row.className = "block-actions";
            row.appendChild(button(block.accessory, block.block_id, messageId));
            el.appendChild(row);
          }
          break;
        case "context":
          el = document.createElement("div");
          el.className = "block-context";
          (block.elements || []).forEach(e => { if (e.type !== "image") el.appendChild(textObject(e)); });
          break;
        case "header":
          el = document.createElement("div");
          el.className = "block-header";
          el.textContent = block.text ? block.text.text : "";
          break;
        case "divider":
          el = document.createElement("hr");
          el.className = "block-divider";
          break;
        case "actions":
          el = document.createElement("div");
          el.className = "block-actions";
          (block.elements || []).forEach(e => { if (e.type === "button") el.appendChild(button(e, block.block_id, messageId)); });
          break;
        default:
          el = document.createElement("div");
          el.className = "block-context";
          el.textContent = "[" + block.type + " block]";
      }
      if (block.block_id) el.dataset.blockId = block.block_id;
      root.appendChild(el);
    });
    return root;
  }

  function button(element, blockId, messageId) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = element.text ? element.text.text : "";
    if (element.style) b.classList.add(element.style);
    b.dataset.actionId = element.action_id || "";
    b.addEventListener("click", () => {
      b.disabled = true;
      post("/playground/action", {
        message: messageId, action_id: element.action_id, block_id: blockId || "",
        value: element.value || "", label: b.textContent
      }).finally(() => { b.disabled = false; refresh(); });
    });
    return b;
  }

  // ---- the feed -----------------------------------------------------------------------------------------------

  function renderFeed(feed) {
    const box = document.getElementById("messages");
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    box.textContent = "";
    if (feed.messages.length === 0) {
      const empty = document.createElement("div");
      empty.className = "empty";
      empty.textContent = "Try /papers quantization, /papers trending, /papers help or /papers digest time 09:00 Europe/Berlin.";
      box.appendChild(empty);
    }
    feed.messages.forEach(m => {
      const div = document.createElement("div");
      div.className = "message kind-" + m.kind;
      div.dataset.messageId = m.id;
      const who = document.createElement("span");
      who.className = "who";
      who.textContent = m.kind === "command" ? "you" : "paperbot";
      div.appendChild(who);
      if (m.kind === "ephemeral") {
        const badge = document.createElement("span");
        badge.className = "badge";
        badge.textContent = "Only visible to you";
        div.appendChild(badge);
      }
      const body = document.createElement("div");
      body.className = "body";
      if (m.blocks && m.blocks.length > 0) body.appendChild(renderBlocks(m.blocks, m.id));
      else if (m.kind === "command") body.textContent = m.text;
      else body.appendChild(mrkdwn(m.text || ""));
      div.appendChild(body);
      box.appendChild(div);
    });
    if (atBottom || feed.messages.length > 0) box.scrollTop = box.scrollHeight;
    const home = document.getElementById("home-view");
    if (feed.home) {
      home.textContent = "";
      home.appendChild(renderBlocks(feed.home.blocks, "home"));
    }
  }

  function refresh() {
    return fetch("/playground/feed?visitor=" + visitor)
      .then(r => r.json())
      .then(feed => { if (feed.version !== version) { version = feed.version; renderFeed(feed); } })
      .catch(() => {});
  }

  document.getElementById("composer").addEventListener("submit", event => {
    event.preventDefault();
    const input = document.getElementById("command");
    const text = input.value.trim();
    if (text === "") return;
    input.value = "/papers ";
    post("/playground/command", { text: text }).finally(refresh);
  });

  document.querySelectorAll(".tab").forEach(tab => tab.addEventListener("click", () => {
    document.querySelectorAll(".tab").forEach(t => t.classList.toggle("active", t === tab));
    document.querySelectorAll(".pane").forEach(p => p.classList.toggle("active", p.id === tab.dataset.tab));
    if (tab.dataset.tab === "home") {
      post("/playground/home", {}).finally(refresh);
    }
  }));

  setInterval(refresh, 400);
  refresh();
})();
