// The renderers the running service registers, by delivery kind. Features add their kinds here.
import type { Translator } from "../i18n.ts";
import { createTextRenderer } from "./text-renderer.ts";
import type { Renderer } from "./types.ts";

export interface DeliveryRendererDeps {
  translate: Translator;
  defaultLocale: string;
}

export function createDeliveryRenderers(deps: DeliveryRendererDeps): Record<string, Renderer> {
  return {
    text: createTextRenderer({ translate: deps.translate, defaultLocale: deps.defaultLocale }),
  };
}
