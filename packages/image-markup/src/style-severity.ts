import type { Config, ImageOptions, SeverityLabel } from '@llm-notes/core';

export type ImageStyle = ImageOptions['style'];

/** Default severity of a style's rule: on (`warn`) when the config chose that style, else off. */
export function severityForStyle(style: ImageStyle): (config: Config) => SeverityLabel {
  return (config) => (config.images.style === style ? 'warn' : 'off');
}
