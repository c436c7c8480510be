import type { MessageEntity } from "grammy/types";
import { describe, expect, it } from "vitest";
import { detectEntities, formatText } from "../../src/emulator/index.ts";

describe("parse_mode", () => {
  const ok: [string, string, string, MessageEntity[]][] = [
    [
      "HTML",
      "<b>Họp</b> <i>chi bộ</i>",
      "Họp chi bộ",
      [
        { type: "bold", offset: 0, length: 3 },
        { type: "italic", offset: 4, length: 6 },
      ],
    ],
    ["HTML", "a &lt;b&gt; &amp; &#272;", "a <b> & Đ", []],
    [
      "HTML",
      '<a href="https://t.me/x">link</a>',
      "link",
      [{ type: "text_link", offset: 0, length: 4, url: "https://t.me/x" }],
    ],
    [
      "HTML",
      '<pre><code class="language-ts">x</code></pre>',
      "x",
      [{ type: "pre", offset: 0, length: 1, language: "ts" }],
    ],
    ["HTML", "  <b>trim</b>  ", "trim", [{ type: "bold", offset: 0, length: 4 }]],
    ["HTML", "😀<u>x</u>", "😀x", [{ type: "underline", offset: 2, length: 1 }]],
    [
      "MarkdownV2",
      "*đậm* _nghiêng_ __gạch__ ~xóa~ ||ẩn||",
      "đậm nghiêng gạch xóa ẩn",
      [
        { type: "bold", offset: 0, length: 3 },
        { type: "italic", offset: 4, length: 7 },
        { type: "underline", offset: 12, length: 4 },
        { type: "strikethrough", offset: 17, length: 3 },
        { type: "spoiler", offset: 21, length: 2 },
      ],
    ],
    [
      "MarkdownV2",
      "Lúc 9\\.30 \\- [xem](https://t.me/a\\)b)",
      "Lúc 9.30 - xem",
      [{ type: "text_link", offset: 11, length: 3, url: "https://t.me/a)b" }],
    ],
    [
      "MarkdownV2",
      "`a.b` ```js\nx()```",
      "a.b x()",
      [
        { type: "code", offset: 0, length: 3 },
        { type: "pre", offset: 4, length: 3, language: "js" },
      ],
    ],
    [
      "Markdown",
      "*bold* _it_ [l](http://x.y) 1.5",
      "bold it l 1.5",
      [
        { type: "bold", offset: 0, length: 4 },
        { type: "italic", offset: 5, length: 2 },
        { type: "text_link", offset: 8, length: 1, url: "http://x.y" },
      ],
    ],
  ];
  it.each(ok)("%s %j", (mode, input, text, entities) => {
    expect(formatText(input, mode)).toEqual({ text, entities });
  });

  const bad: [string, string, RegExp][] = [
    ["HTML", "<b>open", /Can't find end tag corresponding to start tag "b"/],
    ["HTML", "<b>x</i>", /Unmatched end tag at byte offset 4, expected "<\/b>", found "<\/i>"/],
    ["HTML", "1 < 2", /Unclosed start tag at byte offset 2/],
    ["HTML", "1 < 2 > 0", /Unsupported start tag " 2 " at byte offset 2/],
    ["HTML", "<div>x</div>", /Unsupported start tag "div"/],
    ["MarkdownV2", "*open", /Can't find end of Bold entity at byte offset 0/],
    ["MarkdownV2", "a-b", /Character '-' is reserved/],
    ["Markdown", "*open", /Can't find end of the entity starting at byte offset 0/],
  ];
  it.each(bad)("%s rejects %j", (mode, input, message) => {
    expect(() => formatText(input, mode)).toThrow(message);
  });
});

describe("detectEntities", () => {
  it("finds commands, mentions and links as Telegram does", () => {
    expect(detectEntities("/họp no; /meeting@chibo_bot hi @someone_x https://t.me/x.")).toEqual([
      { type: "bot_command", offset: 9, length: 18 },
      { type: "mention", offset: 31, length: 10 },
      { type: "url", offset: 42, length: 14 },
    ]);
  });
});
