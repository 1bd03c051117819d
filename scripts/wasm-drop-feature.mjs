// Rewrites a .wasm file's `target_features` custom section without one feature, leaving every
// other byte as it was. scripts/build.sh uses it for the compatibility module: Rust's precompiled
// std says `+reference-types`, so wasm-bindgen would otherwise give the module an externref table
// even when seedlab itself was compiled with `-C target-feature=-reference-types`.
//
//   node scripts/wasm-drop-feature.mjs IN.wasm OUT.wasm FEATURE
//
// Exits 2 if the module has no target_features section or does not list FEATURE.
import fs from 'node:fs';

const [input, output, feature] = process.argv.slice(2);
if (!input || !output || !feature) {
  console.error('usage: node scripts/wasm-drop-feature.mjs IN.wasm OUT.wasm FEATURE');
  process.exit(2);
}
const bytes = fs.readFileSync(input);

/** Reads an unsigned LEB128 at pos: [value, next position]. */
function leb(buffer, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buffer[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, pos];
  }
}

/** Encodes an unsigned LEB128. */
function encodeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const name = (buffer, pos) => {
  const [length, start] = leb(buffer, pos);
  return [buffer.subarray(start, start + length).toString('utf8'), start + length];
};

const parts = [bytes.subarray(0, 8)]; // magic and version
let pos = 8;
let dropped = false;
while (pos < bytes.length) {
  const id = bytes[pos];
  const [size, body] = leb(bytes, pos + 1);
  const end = body + size;
  const [sectionName, payload] = id === 0 ? name(bytes, body) : ['', body];
  if (id === 0 && sectionName === 'target_features') {
    const [count, first] = leb(bytes, payload);
    const kept = [];
    let p = first;
    for (let i = 0; i < count; i++) {
      const [featureName, next] = name(bytes, p + 1);
      if (featureName === feature) dropped = true;
      else kept.push(bytes.subarray(p, next));
      p = next;
    }
    const nameBytes = Buffer.from(sectionName, 'utf8');
    const content = Buffer.concat([
      encodeLeb(nameBytes.length),
      nameBytes,
      encodeLeb(kept.length),
      ...kept,
    ]);
    parts.push(Buffer.from([0]), encodeLeb(content.length), content);
  } else {
    parts.push(bytes.subarray(pos, end));
  }
  pos = end;
}
if (!dropped) {
  console.error(`${input}: no "${feature}" in a target_features section`);
  process.exit(2);
}
fs.writeFileSync(output, Buffer.concat(parts));
