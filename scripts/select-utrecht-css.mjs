// Writes the part of the NL Design System Utrecht component CSS that this site uses (docs/performance.md,
// "Light pages"). Called by scripts/build-assets.sh; plain Node.js, no packages of its own.
//
//   node scripts/select-utrecht-css.mjs <bundle.css> <source folder> <out.css>
//
// 1. The classes used: every `utrecht-…` word in the templates, Python and JavaScript under the
//    source folder (the vendor folder left out). A word cut off by a template tag
//    (`utrecht-heading-{{ level }}`) counts as a prefix: every class that starts with it is used.
// 2. The bundle (@utrecht/component-library-css dist/index.css, every component in the order the
//    Utrecht project ships them) is split into its rules, at-rules (@media, @supports,
//    @container) with the rules inside them. A rule is kept when one of its selectors can match:
//    every `.utrecht-…` class in it, outside :not(), :is(), :where() and :has() (whose classes
//    need not be present), is used. Selectors without such a class, @keyframes and @charset are
//    kept. Order and declarations stay exactly as shipped, so the cascade is the bundle's.
// Fails (exit 1) when the bundle cannot be read as CSS or when the result would be empty.
import fs from "node:fs";
import path from "node:path";

const [bundlePath, sourceDir, outPath] = process.argv.slice(2);
if (!bundlePath || !sourceDir || !outPath) {
  console.error("usage: node select-utrecht-css.mjs <bundle.css> <source folder> <out.css>");
  process.exit(2);
}

// --- 1. Classes the site uses ---
const SOURCE_EXT = new Set([".html", ".txt", ".py", ".js"]);
const exact = new Set();
const prefixes = new Set();
function scan(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!["vendor", "node_modules", "__pycache__", "tests", "migrations"].includes(entry.name)) {
        scan(full);
      }
    } else if (SOURCE_EXT.has(path.extname(entry.name))) {
      const text = fs.readFileSync(full, "utf8");
      for (const match of text.matchAll(/utrecht-[a-z0-9_-]*[a-z0-9_-]/g)) {
        const word = match[0];
        const after = text.slice(match.index + word.length, match.index + word.length + 2);
        if (after === "{{" || after === "${" || /[-_]$/.test(word)) {
          prefixes.add(word);
        } else {
          exact.add(word);
        }
      }
    }
  }
}
scan(sourceDir);
const isUsed = (cls) => exact.has(cls) || [...prefixes].some((p) => cls.startsWith(p));

// --- 2. The bundle's rules ---
const css = fs.readFileSync(bundlePath, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

// Splits CSS text into top-level items: {prelude, body} for blocks, {statement} for `@x …;`.
function parse(text) {
  const items = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    const semi = text.indexOf(";", i);
    if (open < 0 && semi < 0) {
      if (text.slice(i).trim()) throw new Error(`unexpected text: ${text.slice(i, i + 80)}`);
      break;
    }
    if (semi >= 0 && (open < 0 || semi < open) && text.slice(i, semi).trim().startsWith("@")) {
      items.push({ statement: text.slice(i, semi + 1).trim() });
      i = semi + 1;
      continue;
    }
    if (open < 0) throw new Error(`unexpected text: ${text.slice(i, i + 80)}`);
    let depth = 1;
    let j = open + 1;
    let quote = null;
    for (; j < text.length && depth > 0; j++) {
      const c = text[j];
      if (quote) {
        if (c === "\\") j++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === "{") depth++;
      else if (c === "}") depth--;
    }
    if (depth !== 0) throw new Error("unbalanced braces in the bundle");
    items.push({ prelude: text.slice(i, open).trim(), body: text.slice(open + 1, j - 1) });
    i = j;
  }
  return items;
}

// The selector without the contents of :not(), :is(), :where() and :has().
function requiredPart(selector) {
  let out = "";
  let i = 0;
  while (i < selector.length) {
    const m = /^:(not|is|where|has)\(/.exec(selector.slice(i));
    if (m) {
      let depth = 1;
      let j = i + m[0].length;
      for (; j < selector.length && depth > 0; j++) {
        if (selector[j] === "(") depth++;
        else if (selector[j] === ")") depth--;
      }
      out += " ";
      i = j;
    } else {
      out += selector[i];
      i++;
    }
  }
  return out;
}

// Splits a selector list on its top-level commas.
function selectors(prelude) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const c = prelude[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      parts.push(prelude.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(prelude.slice(start));
  return parts;
}

function selectorMayMatch(selector) {
  const classes = requiredPart(selector).match(/\.utrecht-[a-z0-9_-]+/g) || [];
  return classes.every((cls) => isUsed(cls.slice(1)));
}
const selectorUsesClass = (selector) => /\.utrecht-/.test(requiredPart(selector));

const tidy = (text) => text.replace(/\s+/g, " ").replace(/\s*([{};])\s*/g, "$1").trim();

let kept = 0;
let dropped = 0;
let keptForClass = 0;
function select(items) {
  let out = "";
  for (const item of items) {
    if (item.statement !== undefined) {
      out += `${item.statement}\n`;
    } else if (/^@(media|supports|container|layer)\b/.test(item.prelude)) {
      const inner = select(parse(item.body));
      if (inner) out += `${tidy(item.prelude)}{\n${inner}}\n`;
    } else if (item.prelude.startsWith("@")) {
      out += `${tidy(item.prelude)}{${tidy(item.body)}}\n`; // @keyframes, @font-face, @property
    } else if (selectors(item.prelude).some(selectorMayMatch)) {
      out += `${tidy(item.prelude)}{${tidy(item.body)}}\n`;
      kept++;
      if (selectors(item.prelude).some((s) => selectorMayMatch(s) && selectorUsesClass(s))) {
        keptForClass++;
      }
    } else {
      dropped++;
    }
  }
  return out;
}

const selected = select(parse(css));
if (!keptForClass) {
  console.error("select-utrecht-css: no rule of the bundle matches a class of the site");
  process.exit(1);
}
const pkg = JSON.parse(
  fs.readFileSync(path.join(path.dirname(bundlePath), "..", "package.json"), "utf8"),
);
const header =
  `/*! ${pkg.name} ${pkg.version}, ${pkg.license} (LICENSE.md beside this file): the rules for the ` +
  `classes this site uses, selected by scripts/select-utrecht-css.mjs (${kept} of ${kept + dropped} rules). */\n`;
fs.writeFileSync(outPath, header + selected);
console.log(
  `select-utrecht-css: ${kept} of ${kept + dropped} rules, ${exact.size} classes and ` +
    `${prefixes.size} prefixes used, ${fs.statSync(outPath).size} bytes`,
);
