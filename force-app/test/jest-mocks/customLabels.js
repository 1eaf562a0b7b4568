// Reads force-app's CustomLabels.labels-meta.xml into { fullName: value } for the jest setup.
const fs = require('fs');
const path = require('path');

const LABELS_FILE = path.join(
  __dirname,
  '..',
  '..',
  'main',
  'default',
  'labels',
  'CustomLabels.labels-meta.xml',
);

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

function unescapeXml(text) {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => ENTITIES[entity]);
}

function readCustomLabels(file = LABELS_FILE) {
  const xml = fs.readFileSync(file, 'utf8');
  const labels = {};
  const blocks = xml.match(/<labels>[\s\S]*?<\/labels>/g) || [];
  blocks.forEach((block) => {
    const name = /<fullName>([^<]+)<\/fullName>/.exec(block);
    const value = /<value>([\s\S]*?)<\/value>/.exec(block);
    if (name && value) {
      labels[name[1].trim()] = unescapeXml(value[1]);
    }
  });
  return labels;
}

module.exports = { readCustomLabels };
