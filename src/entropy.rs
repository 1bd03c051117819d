//! OS entropy for the unseeded generators (`np.random.RandomState()`, torch's default generator).
//!
//! In the browser this is `crypto.getRandomValues` (getrandom's `wasm_js` backend); natively the
//! operating system's source. Unseeded streams are unrepeatable by design: that is the lesson.

use crate::error::{Error, ErrorKind, Result};

/// Fills `words` from the operating system's entropy source.
pub fn fill_words(words: &mut [u32]) -> Result<()> {
    let mut bytes = vec![0u8; words.len() * 4];
    getrandom::fill(&mut bytes).map_err(unavailable)?;
    for (w, b) in words.iter_mut().zip(bytes.chunks_exact(4)) {
        *w = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    }
    Ok(())
}

/// One 64-bit word of OS entropy.
pub fn u64() -> Result<u64> {
    getrandom::u64().map_err(unavailable)
}

fn unavailable(e: getrandom::Error) -> Error {
    Error::new(
        ErrorKind::RuntimeError,
        format!("no OS entropy source for an unseeded generator: {e}"),
    )
}
