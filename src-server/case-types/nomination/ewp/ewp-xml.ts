import { XMLParser } from 'fast-xml-parser';

/**
 * Reads an EWP XML document into plain objects for a zod schema to check: namespace prefixes
 * dropped (a get response's namespaces were checked against the XSD before), every value kept as text
 * (an ISCED code such as 0613 must not become a number), attributes as `@name`, and the elements
 * at `repeated` paths (dot-joined element names) always arrays.
 */
export function readEwpXml(xml: string, repeated: ReadonlySet<string>): unknown {
  const parser = new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (_name, jpath) => repeated.has(String(jpath)),
  });
  return parser.parse(xml);
}
