import { createElement, type ReactNode } from "react";
import { AWS_ICONS } from "./aws-icons.generated.ts";
import type { IconKey, IconNode } from "./icon-files.ts";

// The AWS Architecture Icons, drawn once per SVG as <symbol>s and placed with <use>: a diagram of 2,000 cards
// carries each icon's paths once. Element trees, not markup strings: nothing is parsed at run time.

const camel = (k: string) => k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function render(nodes: readonly IconNode[], key = "n"): ReactNode[] {
  return nodes.map(([tag, attrs, children], i) => {
    const props: Record<string, string> = { key: `${key}${i}` };
    for (const [k, v] of Object.entries(attrs)) props[camel(k)] = v;
    return createElement(tag, props, ...render(children, `${key}${i}.`));
  });
}

export const iconId = (key: IconKey) => `asb-ic-${key}`;

/** The symbols of the icons used, for the SVG's <defs>. */
export function IconSymbols({ keys }: { keys: Iterable<IconKey> }) {
  return (
    <>
      {[...new Set(keys)].sort().map((k) => {
        const icon = AWS_ICONS[k];
        if (!icon) return null;
        return (
          <symbol key={k} id={iconId(k)} viewBox={icon.viewBox}>
            {render(icon.nodes)}
          </symbol>
        );
      })}
    </>
  );
}

export function Icon({ icon, x, y, size }: { icon: IconKey; x: number; y: number; size: number }) {
  return <use href={`#${iconId(icon)}`} x={x} y={y} width={size} height={size} className="icon" />;
}

/** A standalone icon (legend, inspector): its own small SVG with the symbol inside. */
export function IconSvg({ icon, size, label }: { icon: IconKey; size: number; label: string }) {
  return (
    <svg width={size} height={size} role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`}>
      <defs>
        <IconSymbols keys={[icon]} />
      </defs>
      <Icon icon={icon} x={0} y={0} size={size} />
    </svg>
  );
}
