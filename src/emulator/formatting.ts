import type { MessageEntity, User } from "grammy/types";

/** Text after entity parsing, as Telegram stores it. Offsets and lengths are in UTF-16 code units. */
export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** Becomes `400 Bad Request: can't parse entities: <message>`. */
export class EntityParseError extends Error {}

function byteOffset(src: string, index: number): number {
  return Buffer.byteLength(src.slice(0, index), "utf8");
}

export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/**
 * Applies a parse_mode (or explicit entities) the way the Bot API does, then strips leading and
 * trailing whitespace as Telegram does, shifting entities accordingly.
 */
export function formatText(
  raw: string,
  parseMode: string | undefined,
  explicitEntities?: MessageEntity[],
): FormattedText {
  let parsed: FormattedText;
  if (explicitEntities !== undefined && explicitEntities.length > 0) {
    parsed = { text: raw, entities: explicitEntities.map((e) => ({ ...e })) };
  } else if (parseMode === undefined || parseMode === "") {
    parsed = { text: raw, entities: [] };
  } else {
    switch (parseMode.toLowerCase()) {
      case "html":
        parsed = parseHtml(raw);
        break;
      case "markdownv2":
        parsed = parseMarkdownV2(raw);
        break;
      case "markdown":
        parsed = parseMarkdown(raw);
        break;
      default:
        throw new UnsupportedParseModeError(parseMode);
    }
  }
  return trimFormatted(parsed);
}

export class UnsupportedParseModeError extends Error {}

function trimFormatted({ text, entities }: FormattedText): FormattedText {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (start === 0 && end === text.length) return { text, entities: sortEntities(entities) };
  if (end <= start) return { text: "", entities: [] };
  const out: MessageEntity[] = [];
  for (const e of entities) {
    const s = Math.max(e.offset, start);
    const t = Math.min(e.offset + e.length, end);
    if (t > s) out.push({ ...e, offset: s - start, length: t - s });
  }
  return { text: text.slice(start, end), entities: sortEntities(out) };
}

// ---------------------------------------------------------------------------------------------
// HTML

const NAMED_HTML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function decodeHtmlEntities(value: string): string {
  return value.replace(/&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return NAMED_HTML_ENTITIES[body] ?? whole;
  });
}

interface EntityStub {
  type: MessageEntity["type"];
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

interface HtmlOpen {
  tag: string;
  start: number;
  entity: EntityStub | undefined;
}

function parseAttributes(src: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of src.matchAll(re)) {
    const name = (m[1] ?? "").toLowerCase();
    attrs.set(name, decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attrs;
}

export function parseHtml(src: string): FormattedText {
  let out = "";
  const entities: MessageEntity[] = [];
  const stack: HtmlOpen[] = [];
  let i = 0;
  const special = /[<&]/g;
  while (i < src.length) {
    special.lastIndex = i;
    const found = special.exec(src);
    if (!found) {
      out += src.slice(i);
      break;
    }
    out += src.slice(i, found.index);
    i = found.index;
    if (src[i] === "&") {
      const m = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{1,8});/.exec(src.slice(i, i + 12));
      if (m) {
        out += decodeHtmlEntities(m[0]);
        i += m[0].length;
      } else {
        out += "&";
        i += 1;
      }
      continue;
    }
    const close = src.indexOf(">", i);
    if (close < 0) throw new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(src, i)}`);
    const inner = src.slice(i + 1, close);
    if (inner.startsWith("/")) {
      const name = inner.slice(1).trim().toLowerCase();
      const open = stack.pop();
      if (!open) {
        throw new EntityParseError(`Unexpected end tag at byte offset ${byteOffset(src, i)}`);
      }
      if (open.tag !== name) {
        throw new EntityParseError(
          `Unmatched end tag at byte offset ${byteOffset(src, i)}, expected "</${open.tag}>", found "</${name}>"`,
        );
      }
      const length = out.length - open.start;
      if (open.entity && length > 0) {
        entities.push({ ...open.entity, offset: open.start, length } as MessageEntity);
      }
    } else {
      const m = /^([a-zA-Z][a-zA-Z0-9-]*)(\s[\s\S]*)?$/.exec(inner);
      if (!m) {
        throw new EntityParseError(`Unsupported start tag "${inner}" at byte offset ${byteOffset(src, i)}`);
      }
      const tag = (m[1] ?? "").toLowerCase();
      const attrs = parseAttributes(m[2] ?? "");
      const top = stack[stack.length - 1];
      let entity: HtmlOpen["entity"];
      switch (tag) {
        case "b":
        case "strong":
          entity = { type: "bold" };
          break;
        case "i":
        case "em":
          entity = { type: "italic" };
          break;
        case "u":
        case "ins":
          entity = { type: "underline" };
          break;
        case "s":
        case "strike":
        case "del":
          entity = { type: "strikethrough" };
          break;
        case "tg-spoiler":
          entity = { type: "spoiler" };
          break;
        case "span":
          if (attrs.get("class") !== "tg-spoiler") {
            throw new EntityParseError(
              `Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(src, i)}`,
            );
          }
          entity = { type: "spoiler" };
          break;
        case "a": {
          const href = attrs.get("href") ?? "";
          entity = href === "" ? undefined : { type: "text_link", url: href };
          break;
        }
        case "code":
          if (top?.tag === "pre" && top.entity) {
            const lang = /^language-(.+)$/.exec(attrs.get("class") ?? "")?.[1];
            if (lang !== undefined) top.entity = { type: "pre", language: lang };
            entity = undefined;
          } else {
            entity = { type: "code" };
          }
          break;
        case "pre":
          entity = { type: "pre" };
          break;
        case "blockquote":
          entity = { type: attrs.has("expandable") ? "expandable_blockquote" : "blockquote" };
          break;
        case "tg-emoji":
          entity = { type: "custom_emoji", custom_emoji_id: attrs.get("emoji-id") ?? "" };
          break;
        default:
          throw new EntityParseError(`Unsupported start tag "${tag}" at byte offset ${byteOffset(src, i)}`);
      }
      stack.push({ tag, start: out.length, entity });
    }
    i = close + 1;
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) {
    throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  }
  return { text: out, entities: sortEntities(entities) };
}

// ---------------------------------------------------------------------------------------------
// MarkdownV2

const MDV2_RESERVED = new Set("_*[]()~`>#+-=|{}.!".split(""));

const ENTITY_NAMES: Record<string, string> = {
  bold: "Bold",
  italic: "Italic",
  underline: "Underline",
  strikethrough: "Strikethrough",
  spoiler: "Spoiler",
  text_link: "TextUrl",
  custom_emoji: "CustomEmoji",
  code: "Code",
  pre: "Pre",
};

interface MdOpen {
  type: string;
  start: number;
  srcIndex: number;
}

function isEscapable(ch: string | undefined): ch is string {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return code >= 1 && code <= 126;
}

/** Reads up to the first unescaped `terminator`, unescaping `\x`. Returns the content and the terminator index. */
function readUntil(
  src: string,
  from: number,
  terminator: string,
): { value: string; end: number } | undefined {
  let value = "";
  let j = from;
  while (j < src.length) {
    const ch = src[j];
    if (ch === "\\" && isEscapable(src[j + 1])) {
      value += src[j + 1];
      j += 2;
      continue;
    }
    if (src.startsWith(terminator, j)) return { value, end: j };
    value += ch;
    j += 1;
  }
  return undefined;
}

export function parseMarkdownV2(src: string): FormattedText {
  let out = "";
  const entities: MessageEntity[] = [];
  const stack: MdOpen[] = [];
  let quoteStart: number | undefined;
  const fail = (detail: string): never => {
    throw new EntityParseError(detail);
  };
  const closeEntity = (open: MdOpen, extra: Partial<MessageEntity> = {}) => {
    const length = out.length - open.start;
    if (length > 0) {
      entities.push({ type: open.type, offset: open.start, length, ...extra } as MessageEntity);
    }
  };
  const toggle = (type: string, index: number) => {
    const top = stack[stack.length - 1];
    if (top?.type === type) {
      stack.pop();
      closeEntity(top);
      return;
    }
    if (stack.some((o) => o.type === type) && top) {
      fail(
        `Can't find end of ${ENTITY_NAMES[top.type] ?? top.type} entity at byte offset ${byteOffset(src, top.srcIndex)}`,
      );
    }
    stack.push({ type, start: out.length, srcIndex: index });
  };

  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? "";
    const atLineStart = i === 0 || src[i - 1] === "\n";
    if (ch === "\n" && quoteStart !== undefined && src[i + 1] !== ">") {
      if (out.length > quoteStart)
        entities.push({ type: "blockquote", offset: quoteStart, length: out.length - quoteStart });
      quoteStart = undefined;
    }
    if (ch === "\\") {
      const next = src[i + 1];
      if (isEscapable(next)) {
        out += next;
        i += 2;
      } else {
        out += ch;
        i += 1;
      }
      continue;
    }
    if (ch === "`") {
      if (src.startsWith("```", i)) {
        const body = readUntil(src, i + 3, "```");
        if (!body) fail(`Can't find end of Pre entity at byte offset ${byteOffset(src, i)}`);
        const { value, end } = body as { value: string; end: number };
        const newline = value.indexOf("\n");
        let language: string | undefined;
        let content = value;
        if (newline >= 0 && !/\s/.test(value.slice(0, newline)) && newline > 0) {
          language = value.slice(0, newline);
          content = value.slice(newline + 1);
        } else if (newline === 0) {
          content = value.slice(1);
        }
        const start = out.length;
        out += content;
        if (content.length > 0) {
          entities.push(
            language === undefined
              ? { type: "pre", offset: start, length: content.length }
              : { type: "pre", offset: start, length: content.length, language },
          );
        }
        i = end + 3;
      } else {
        const body = readUntil(src, i + 1, "`");
        if (!body) fail(`Can't find end of Code entity at byte offset ${byteOffset(src, i)}`);
        const { value, end } = body as { value: string; end: number };
        const start = out.length;
        out += value;
        if (value.length > 0) entities.push({ type: "code", offset: start, length: value.length });
        i = end + 1;
      }
      continue;
    }
    if (ch === "*") {
      toggle("bold", i);
      i += 1;
      continue;
    }
    if (ch === "_") {
      if (src[i + 1] === "_") {
        toggle("underline", i);
        i += 2;
      } else {
        toggle("italic", i);
        i += 1;
      }
      continue;
    }
    if (ch === "~") {
      toggle("strikethrough", i);
      i += 1;
      continue;
    }
    if (ch === "|" && src[i + 1] === "|") {
      toggle("spoiler", i);
      i += 2;
      continue;
    }
    if (ch === "[") {
      stack.push({ type: "text_link", start: out.length, srcIndex: i });
      i += 1;
      continue;
    }
    if (ch === "!" && src[i + 1] === "[") {
      stack.push({ type: "custom_emoji", start: out.length, srcIndex: i });
      i += 2;
      continue;
    }
    if (ch === "]") {
      const top = stack[stack.length - 1];
      if (top && (top.type === "text_link" || top.type === "custom_emoji")) {
        if (src[i + 1] !== "(") {
          fail(`Character ']' is reserved and must be escaped with the preceding '\\'`);
        }
        const url = readUntil(src, i + 2, ")");
        if (!url) fail(`Can't find end of a URL at byte offset ${byteOffset(src, i + 1)}`);
        const { value, end } = url as { value: string; end: number };
        stack.pop();
        if (top.type === "custom_emoji") {
          const id = /[?&]id=(\d+)/.exec(value)?.[1] ?? "";
          closeEntity(top, { custom_emoji_id: id });
        } else {
          closeEntity(top, { url: value });
        }
        i = end + 1;
        continue;
      }
    }
    if (ch === ">" && atLineStart) {
      if (quoteStart === undefined) quoteStart = out.length;
      i += 1;
      continue;
    }
    if (MDV2_RESERVED.has(ch)) {
      fail(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);
    }
    out += ch;
    i += 1;
  }
  if (quoteStart !== undefined && out.length > quoteStart) {
    entities.push({ type: "blockquote", offset: quoteStart, length: out.length - quoteStart });
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) {
    fail(
      `Can't find end of ${ENTITY_NAMES[unclosed.type] ?? unclosed.type} entity at byte offset ${byteOffset(src, unclosed.srcIndex)}`,
    );
  }
  return { text: out, entities: sortEntities(entities) };
}

// ---------------------------------------------------------------------------------------------
// Legacy Markdown

export function parseMarkdown(src: string): FormattedText {
  let out = "";
  const entities: MessageEntity[] = [];
  let i = 0;
  const unclosed = (index: number): never => {
    throw new EntityParseError(
      `Can't find end of the entity starting at byte offset ${byteOffset(src, index)}`,
    );
  };
  while (i < src.length) {
    const ch = src[i] ?? "";
    if (ch === "\\" && "_*`[".includes(src[i + 1] ?? "x")) {
      out += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === "*" || ch === "_" || ch === "`") {
      const isPre = ch === "`" && src.startsWith("```", i);
      const marker = isPre ? "```" : ch;
      const end = src.indexOf(marker, i + marker.length);
      if (end < 0) unclosed(i);
      let content = src.slice(i + marker.length, end);
      let language: string | undefined;
      if (isPre) {
        const nl = content.indexOf("\n");
        if (nl > 0 && !/\s/.test(content.slice(0, nl))) {
          language = content.slice(0, nl);
          content = content.slice(nl + 1);
        }
      }
      const type = isPre ? "pre" : ch === "*" ? "bold" : ch === "_" ? "italic" : "code";
      const start = out.length;
      out += content;
      if (content.length > 0) {
        entities.push(
          language === undefined
            ? { type, offset: start, length: content.length }
            : { type: "pre", offset: start, length: content.length, language },
        );
      }
      i = end + marker.length;
      continue;
    }
    if (ch === "[") {
      const close = src.indexOf("](", i + 1);
      const end = close < 0 ? -1 : src.indexOf(")", close + 2);
      if (close < 0 || end < 0) unclosed(i);
      const label = src.slice(i + 1, close);
      const url = src.slice(close + 2, end);
      const start = out.length;
      out += label;
      if (label.length > 0) entities.push({ type: "text_link", offset: start, length: label.length, url });
      i = end + 1;
      continue;
    }
    out += ch;
    i += 1;
  }
  return { text: out, entities: sortEntities(entities) };
}

// ---------------------------------------------------------------------------------------------
// Entities Telegram detects by itself in what users type

export interface ExplicitMention {
  user: User;
  offset: number;
  length: number;
}

/** bot_command, mention and url entities, plus the caller's explicit mentions (text_mention or mention). */
export function detectEntities(text: string, mentions: ExplicitMention[] = []): MessageEntity[] {
  const found: MessageEntity[] = [];
  const commandRe = /(^|[\s(])(\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z][A-Za-z0-9_]{2,31})?)(?=$|[\s.,!?;:)])/g;
  for (const m of text.matchAll(commandRe)) {
    const offset = (m.index ?? 0) + (m[1] ?? "").length;
    found.push({ type: "bot_command", offset, length: (m[2] ?? "").length });
  }
  const mentionRe = /(^|[^\w@/])(@[A-Za-z][A-Za-z0-9_]{4,31})(?![\w@])/g;
  for (const m of text.matchAll(mentionRe)) {
    const offset = (m.index ?? 0) + (m[1] ?? "").length;
    found.push({ type: "mention", offset, length: (m[2] ?? "").length });
  }
  const urlRe = /(^|[\s(])(https?:\/\/[^\s<>"]+[^\s<>".,!?;:)'])/g;
  for (const m of text.matchAll(urlRe)) {
    const offset = (m.index ?? 0) + (m[1] ?? "").length;
    found.push({ type: "url", offset, length: (m[2] ?? "").length });
  }
  const explicit: MessageEntity[] = mentions.map((m) => {
    const slice = text.slice(m.offset, m.offset + m.length);
    return m.user.username !== undefined && slice.toLowerCase() === `@${m.user.username.toLowerCase()}`
      ? { type: "mention", offset: m.offset, length: m.length }
      : { type: "text_mention", offset: m.offset, length: m.length, user: m.user };
  });
  const overlaps = (a: MessageEntity, b: MessageEntity) =>
    a.offset < b.offset + b.length && b.offset < a.offset + a.length;
  const auto = found.filter((e) => !explicit.some((x) => overlaps(e, x)));
  return sortEntities([...auto, ...explicit]);
}
