// Prints the N-Quads of a JSON-LD file (the dealgraph export), sorted, one
// quad a line. Usage: node to_nquads.js FILE.jsonld
// The context is inline, so no document loader (and no network) is needed;
// any remote @context would be refused.
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node to_nquads.js FILE.jsonld');
    process.exit(2);
  }
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const refuse = async (url) => {
    throw new Error('remote context not allowed: ' + url);
  };
  const nquads = await jsonld.toRDF(doc, {
    format: 'application/n-quads',
    documentLoader: refuse,
    safe: true, // fail on anything that would be dropped (undefined terms, bad IRIs)
  });
  process.stdout.write(nquads.split('\n').filter(Boolean).sort().join('\n') + '\n');
}

main().catch((e) => {
  console.error(e && e.message ? e.message : e);
  if (e && e.details) console.error(JSON.stringify(e.details).slice(0, 2000));
  process.exit(1);
});
