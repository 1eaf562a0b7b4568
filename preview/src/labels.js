// Reads the package's custom labels from force-app, so the preview shows the same text the org does.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

/** fullName → value of every label in a CustomLabels.labels-meta.xml file. */
export function readCustomLabels(file) {
  const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false });
  const doc = parser.parse(readFileSync(file, 'utf8'));
  const labels = new Map();
  for (const label of doc.CustomLabels?.labels ?? []) {
    if (typeof label.fullName !== 'string' || label.value === undefined) {
      throw new Error(`${file}: a label without fullName or value`);
    }
    labels.set(label.fullName, String(label.value));
  }
  return labels;
}
