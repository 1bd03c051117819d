// Repairs table exports after Debian 12's wasm-opt (binaryen 108).
//
// binaryen before version 110 writes index 0 for every exported table
// (https://github.com/WebAssembly/binaryen/issues/4711, fixed by PR #4736). wasm-bindgen exports
// its externref table (__wbindgen_externrefs), which is table 1 after the funcref table, so the
// optimised module exports the wrong table and the JS glue fails at init with
// "WebAssembly.Table.set(): Argument 1 is invalid for table".
//
//   node scripts/fix-table-exports.mjs BEFORE.wasm AFTER.wasm
//
// For each table export of BEFORE, finds the one table of the same element type in AFTER and
// rewrites the export's index in place. Exits 1 (changing nothing) if that is ambiguous or the
// binary uses encodings this small parser does not know; build.sh then keeps BEFORE.
import fs from 'node:fs';

class Unsupported extends Error {}

function parse(bytes) {
  let p = 8;
  const u8 = () => bytes[p++];
  const leb = () => {
    let result = 0;
    let shift = 0;
    let b;
    do {
      b = u8();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return result;
  };
  const skipBytes = () => {
    const n = leb();
    const s = Buffer.from(bytes.subarray(p, p + n)).toString('utf8');
    p += n;
    return s;
  };
  const reftype = () => {
    const t = u8();
    if (t !== 0x70 && t !== 0x6f) throw new Unsupported(`table element type 0x${t.toString(16)}`);
    return t;
  };
  const limits = () => {
    const flags = u8();
    if (flags > 1) throw new Unsupported(`limits flags ${flags}`);
    leb();
    if (flags & 1) leb();
  };

  const tables = []; // element type of each table, imported ones first
  const exports = []; // { name, kind, index, indexPos, indexLen }
  while (p < bytes.length) {
    const id = u8();
    const size = leb();
    const end = p + size;
    if (id === 2) {
      // import section
      for (let n = leb(); n > 0; n--) {
        skipBytes();
        skipBytes();
        const kind = u8();
        if (kind === 0) leb();
        else if (kind === 1) {
          tables.push(reftype());
          limits();
        } else if (kind === 2) limits();
        else if (kind === 3) p += 2; // valtype (numeric), mutability
        else throw new Unsupported(`import kind ${kind}`);
      }
    } else if (id === 4) {
      // table section
      for (let n = leb(); n > 0; n--) {
        tables.push(reftype());
        limits();
      }
    } else if (id === 7) {
      // export section
      for (let n = leb(); n > 0; n--) {
        const name = skipBytes();
        const kind = u8();
        const indexPos = p;
        const index = leb();
        exports.push({ name, kind, index, indexPos, indexLen: p - indexPos });
      }
    }
    p = end;
  }
  return { tables, exports };
}

const [beforePath, afterPath] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  console.error('usage: node scripts/fix-table-exports.mjs BEFORE.wasm AFTER.wasm');
  process.exit(2);
}
try {
  const before = parse(fs.readFileSync(beforePath));
  const afterBytes = fs.readFileSync(afterPath);
  const after = parse(afterBytes);
  let fixed = 0;
  for (const ex of before.exports.filter((e) => e.kind === 1)) {
    const type = before.tables[ex.index];
    const candidates = after.tables.flatMap((t, i) => (t === type ? [i] : []));
    const out = after.exports.find((e) => e.kind === 1 && e.name === ex.name);
    if (!out) throw new Unsupported(`export ${ex.name} disappeared`);
    if (candidates.length !== 1) throw new Unsupported(`${candidates.length} tables could be ${ex.name}`);
    const want = candidates[0];
    if (out.index === want) continue;
    if (want > 0x7f || out.indexLen !== 1) throw new Unsupported('multi-byte table index');
    afterBytes[out.indexPos] = want;
    fixed++;
    console.error(`[fix-table-exports] ${ex.name}: table ${out.index} -> ${want}`);
  }
  if (fixed) fs.writeFileSync(afterPath, afterBytes);
} catch (e) {
  if (!(e instanceof Unsupported)) throw e;
  console.error(`[fix-table-exports] cannot repair: ${e.message}`);
  process.exit(1);
}
