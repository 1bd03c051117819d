//! The Generator's float64 standard normal: Marsaglia and Tsang's ziggurat with 256 layers, as
//! NumPy writes it.
//!
//! One 64-bit draw gives the layer (low 8 bits), the sign (next bit) and a 52-bit magnitude; about
//! 99.3 % of draws return at once. The rest take the wedge test (one more uniform and an `exp`)
//! or, in the base layer, the tail (pairs of uniforms through `log1p`), and otherwise start over.
//!
//! Source: numpy `random/src/distributions/distributions.c` (`random_standard_normal`), tables
//! from `ziggurat_constants.h` ([`super::ziggurat_tables`]). `exp` and `log1p` are the platform
//! libm in NumPy; here they are [`crate::math`]'s. Not reproduced: the float32 variant
//! (`random_standard_normal_f`, a different stream).

use super::pcg64::{DrawnAhead, Pcg64};
use super::ziggurat_tables::{FI_DOUBLE, KI_DOUBLE, WI_DOUBLE, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R};
use crate::math;
use crate::numpy::bit_generator::BitGenerator;

/// `random_standard_normal`: one value, as NumPy's loop draws it (the reference [`fill`] is
/// tested against).
#[cfg(test)]
pub(crate) fn standard_normal<B: BitGenerator>(bitgen: &mut B) -> f64 {
    loop {
        let draw = bitgen.next_uint64();
        if let Some(x) = from_draw(draw, bitgen) {
            return x;
        }
    }
}

/// Draws taken ahead at a time by [`fill`].
const AHEAD: usize = 256;

/// `standard_normal` for every slot of `out`: the same values and generator state as
/// `out.len()` calls. The 64-bit draws are taken ahead in bulk, as many as outputs remain (at
/// most [`AHEAD`]); since every output takes at least one draw, all of them get used: none is
/// taken that the one-call-per-value loop would not take.
pub(crate) fn fill(pcg: &mut Pcg64, out: &mut [f64]) {
    let mut draws = [0u64; AHEAD];
    let mut i = 0;
    while i < out.len() {
        let count = (out.len() - i).min(AHEAD);
        pcg.fill_u64(&mut draws[..count]);
        let mut next = 0;
        while next < count {
            let draw = draws[next];
            next += 1;
            let (idx, rabs, x) = layer_point(draw);
            if rabs < KI_DOUBLE[idx] {
                out[i] = x;
                i += 1;
                continue;
            }
            let mut rest = DrawnAhead {
                pcg: &mut *pcg,
                ahead: &draws[next..count],
                used: 0,
            };
            let value = outside_layer(idx, rabs, x, &mut rest);
            next += rest.used;
            if let Some(x) = value {
                out[i] = x;
                i += 1;
            }
        }
    }
}

/// One pass of the loop in `random_standard_normal` on the 64-bit `draw`: the normal, or `None`
/// if the sampler starts over with a new draw. Further draws (wedge, tail) come from `bitgen`.
#[cfg(test)]
fn from_draw<B: BitGenerator>(draw: u64, bitgen: &mut B) -> Option<f64> {
    let (idx, rabs, x) = layer_point(draw);
    if rabs < KI_DOUBLE[idx] {
        return Some(x);
    }
    outside_layer(idx, rabs, x, bitgen)
}

/// The layer (low 8 bits), the 52-bit magnitude and the candidate `x` (its sign from bit 8).
#[inline(always)]
fn layer_point(draw: u64) -> (usize, u64, f64) {
    let idx = (draw & 0xff) as usize;
    let r = draw >> 8;
    let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
    // (52 bits, converted as a signed integer: one instruction in wasm.)
    let x = (rabs as i64) as f64 * WI_DOUBLE[idx];
    // `if (r & 1) x = -x;` as a sign flip without a branch (the bit is a coin toss).
    (idx, rabs, f64::from_bits(x.to_bits() ^ (r << 63)))
}

/// The rare rest of a pass (about 0.7 % of draws): the tail for the base layer, else the wedge.
#[cold]
#[inline(never)]
fn outside_layer<B: BitGenerator>(idx: usize, rabs: u64, x: f64, bitgen: &mut B) -> Option<f64> {
    if idx == 0 {
        // The tail beyond R. `log1p(-u)` rather than `log(u)` avoids log(0) (numpy GH 13361).
        loop {
            let xx = -ZIGGURAT_NOR_INV_R * math::log1p(-bitgen.next_double());
            let yy = -math::log1p(-bitgen.next_double());
            if yy + yy > xx * xx {
                // NumPy quirk: the tail's sign is bit 8 of the magnitude, not the sign bit
                // drawn above.
                return Some(if (rabs >> 8) & 1 == 1 {
                    -(ZIGGURAT_NOR_R + xx)
                } else {
                    ZIGGURAT_NOR_R + xx
                });
            }
        }
    }
    // The wedge: accept if a uniform point under layer idx lies under the density.
    let y = (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bitgen.next_double() + FI_DOUBLE[idx];
    (y < math::exp(-0.5 * x * x)).then_some(x)
}

/// The tables, for comparing them with the ones compiled into NumPy.
pub fn tables() -> (
    &'static [u64; 256],
    &'static [f64; 256],
    &'static [f64; 256],
) {
    (&KI_DOUBLE, &WI_DOUBLE, &FI_DOUBLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numpy::generator::{Entropy, SeedSequence};

    /// The bulk fill gives the values and leaves the generator where one call per value would,
    /// across refills and slow paths (seed 5's 40,000 values take the tail and the wedge).
    #[test]
    fn fill_is_one_call_per_value() {
        for seed in 0..6u32 {
            let pcg = Pcg64::new(&SeedSequence::new(&Entropy::from(seed)).unwrap());
            let (mut one, mut bulk) = (pcg.clone(), pcg);
            for n in [0, 1, 2, 255, 256, 257, 1000, 40_000] {
                let want: Vec<u64> = (0..n)
                    .map(|_| standard_normal(&mut one).to_bits())
                    .collect();
                let mut got = vec![0.0; n];
                fill(&mut bulk, &mut got);
                assert_eq!(got.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), want);
                assert_eq!(one, bulk, "seed {seed}, n {n}");
            }
        }
    }
}
