/** Minimal XML writing: escaped text, elements in a fixed order, two-space indentation. */
export type XmlNode = { name: string; attributes?: Record<string, string>; children: XmlNode[] | string };

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] ?? char);
}

export const el = (name: string, children: XmlNode[] | string | number, attributes?: Record<string, string>): XmlNode => ({
  name,
  attributes,
  children: typeof children === 'number' ? String(children) : children,
});

/** Leaves out absent optional elements: `...opt('beskrivelse', value)`. */
export const opt = (name: string, value: string | undefined): XmlNode[] => (value ? [el(name, value)] : []);

export function renderXml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}\n`;
}

function render(node: XmlNode, indent: string): string {
  const attributes = Object.entries(node.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if (typeof node.children === 'string') return `${indent}<${node.name}${attributes}>${escapeXml(node.children)}</${node.name}>`;
  const inner = node.children.map((child) => render(child, `${indent}  `)).join('\n');
  return `${indent}<${node.name}${attributes}>\n${inner}\n${indent}</${node.name}>`;
}
