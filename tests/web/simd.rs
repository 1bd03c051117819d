//! The SIMD128 paths against their scalar twins, in the same build (included from tests/web.rs).
//!
//! `seedlab::simd::set_scalar_only(true)` makes the SIMD build take its scalar paths; each test
//! runs the same calls both ways, on many seeds, sizes and call sequences, and compares every
//! output bit and the generator state afterwards. In the scalar build (`RUSTFLAGS="-C
//! target-feature=-simd128"`) there is nothing to compare: the tests say so and pass, and the
//! fixtures (tests/web.rs) check that build against the libraries.

use seedlab::engines::Mt19937;
use seedlab::numpy::RandomState;
use wasm_bindgen_test::*;

/// A tiny reproducible source of seeds and inputs (SplitMix64).
struct Inputs(u64);

impl Inputs {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> usize {
        (self.next() % n) as usize
    }
}

/// Runs `f` on the scalar paths, then on the SIMD paths, and returns both results. `None` in a
/// build without SIMD.
fn scalar_and_simd<T>(mut f: impl FnMut() -> T) -> Option<(T, T)> {
    if !seedlab::simd::COMPILED {
        return None;
    }
    seedlab::simd::set_scalar_only(true);
    let scalar = f();
    seedlab::simd::set_scalar_only(false);
    let simd = f();
    Some((scalar, simd))
}

fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

/// Says which build this is, so the test log shows that the comparison ran.
fn announce(what: &str, compared: usize) {
    if seedlab::simd::COMPILED {
        console_log!("SIMD vs scalar, {what}: {compared} values bit-identical");
    } else {
        console_log!("scalar build (no simd128): no SIMD paths to compare for {what}");
    }
}

/// Every this-many-th input of the torch normal kernel is compared (a debug build is slow).
const KERNEL_STRIDE: u32 = 16;

/// Sizes around the block (624 words), the vector widths and the look-ahead limits.
const SIZES: [usize; 24] = [
    0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 31, 32, 33, 155, 156, 157, 311, 312, 313, 623, 624, 625,
    5000,
];

#[wasm_bindgen_test]
fn mt19937_words() {
    let mut inputs = Inputs(1);
    let mut compared = 0;
    for _ in 0..60 {
        let seed = inputs.next() as u32;
        // Several fills from odd positions, crossing twists.
        let lengths: Vec<usize> = (0..8).map(|_| SIZES[inputs.below(24)]).collect();
        let Some((scalar, simd)) = scalar_and_simd(|| {
            let mut mt = Mt19937::new(seed);
            let mut words = Vec::new();
            for &n in &lengths {
                let mut chunk = vec![0; n];
                mt.fill_u32(&mut chunk);
                words.extend(chunk);
                words.push(mt.next_u32());
            }
            (words, mt)
        }) else {
            return announce("MT19937", 0);
        };
        assert_eq!(scalar.0, simd.0, "seed {seed}, lengths {lengths:?}");
        assert!(scalar.1 == simd.1, "engine state after seed {seed}");
        compared += scalar.0.len();
    }
    announce("MT19937 twist and tempering (words)", compared);
}

#[wasm_bindgen_test]
fn numpy_legacy_rand_randn() {
    let mut inputs = Inputs(2);
    let mut compared = 0;
    for round in 0..80 {
        let seed = inputs.next() as u32;
        let calls: Vec<(bool, usize)> = (0..6)
            .map(|_| (inputs.below(3) > 0, SIZES[inputs.below(24)]))
            .collect();
        let Some((scalar, simd)) = scalar_and_simd(|| {
            let mut rs = if round % 2 == 0 {
                RandomState::from_u32(seed)
            } else {
                let key = [seed, seed ^ 0x5555, 17];
                RandomState::new(Some(&seedlab::numpy::Seed::Array(
                    key.iter().map(|&w| i128::from(w)).collect(),
                )))
                .unwrap()
            };
            let mut values = Vec::new();
            for &(normal, n) in &calls {
                let got = if normal {
                    rs.randn(n).unwrap()
                } else {
                    rs.rand(n).unwrap()
                };
                values.extend(bits(&got));
            }
            let (state, index) = rs.engine().state();
            (
                values,
                state.to_vec(),
                index,
                rs.cached_gauss().map(f64::to_bits),
            )
        }) else {
            return announce("numpy legacy", 0);
        };
        assert_eq!(scalar.0, simd.0, "seed {seed}, calls {calls:?}");
        assert_eq!(
            scalar.1, simd.1,
            "state words, seed {seed}, calls {calls:?}"
        );
        assert_eq!(scalar.2, simd.2, "position, seed {seed}, calls {calls:?}");
        assert_eq!(
            scalar.3, simd.3,
            "cached gaussian, seed {seed}, calls {calls:?}"
        );
        compared += scalar.0.len();
    }
    // One long run: 20,001 normals and uniforms.
    if let Some((scalar, simd)) = scalar_and_simd(|| {
        let mut rs = RandomState::from_u32(17);
        let mut v = bits(&rs.randn(20_001).unwrap());
        v.extend(bits(&rs.rand(20_001).unwrap()));
        v
    }) {
        assert_eq!(scalar, simd);
        compared += scalar.len();
    }
    announce("numpy legacy rand / randn (values, state, cache)", compared);
}

#[wasm_bindgen_test]
fn torch_rand_randn() {
    let mut inputs = Inputs(4);
    let mut compared = 0;
    for _ in 0..60 {
        let seed = inputs.next();
        let calls: Vec<(bool, usize)> = (0..5)
            .map(|_| (inputs.below(3) > 0, SIZES[inputs.below(24)]))
            .collect();
        let Some((scalar, simd)) = scalar_and_simd(|| {
            let mut g = seedlab::torch::Generator::new(seed);
            let mut values = Vec::new();
            for &(normal, n) in &calls {
                let got = if normal {
                    g.randn(n).unwrap()
                } else {
                    g.rand(n).unwrap()
                };
                values.extend(got.iter().map(|v| v.to_bits()));
            }
            let (state, index) = g.engine().state();
            (
                values,
                state.to_vec(),
                index,
                g.cached_normal().map(f64::to_bits),
            )
        }) else {
            return announce("torch", 0);
        };
        assert_eq!(scalar.0, simd.0, "seed {seed}, calls {calls:?}");
        assert_eq!(
            scalar.1, simd.1,
            "state words, seed {seed}, calls {calls:?}"
        );
        assert_eq!(scalar.2, simd.2, "position, seed {seed}, calls {calls:?}");
        assert_eq!(
            scalar.3, simd.3,
            "cached normal, seed {seed}, calls {calls:?}"
        );
        compared += scalar.0.len();
    }
    // The normal kernel on a spread of its inputs, u = k * 2^-24: every KERNEL_STRIDE-th k
    // (a permutation of them, so that each block mixes far-apart values), with mean 0 and std 1
    // and with others.
    for (mean, std) in [(0.0, 1.0), (2.5, 0.1)] {
        if let Some((scalar, simd)) = scalar_and_simd(|| {
            let mut values = Vec::new();
            let mut block = [0.0f32; 16];
            let mut k = 0u32;
            for _ in 0..(1 << 24) / KERNEL_STRIDE / 16 {
                for slot in &mut block {
                    let spread = k.wrapping_mul(2_654_435_761) >> 8;
                    *slot = spread as f32 * (1.0 / 16_777_216.0);
                    k += KERNEL_STRIDE;
                }
                seedlab::torch::normal_fill_16(&mut block, mean, std);
                values.extend(block.iter().map(|v| v.to_bits()));
            }
            values
        }) {
            assert_eq!(scalar, simd, "normal kernel, mean {mean}, std {std}");
            compared += scalar.len();
        }
    }
    announce(
        "torch rand / randn (values, state, cache; the normal kernel on every 16th input)",
        compared,
    );
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[wasm_bindgen_test]
fn log_two_lanes() {
    use core::arch::wasm32::{f64x2, f64x2_extract_lane};
    use seedlab::math::{log, simd::log_f64x2};
    let mut inputs = Inputs(3);
    let mut compared = 0;
    let mut check = |a: f64, b: f64| {
        let v = log_f64x2(f64x2(a, b));
        let got = [f64x2_extract_lane::<0>(v), f64x2_extract_lane::<1>(v)];
        for (x, y) in [a, b].into_iter().zip(got) {
            let want = log(x);
            assert!(
                want.to_bits() == y.to_bits() || (want.is_nan() && y.is_nan()),
                "log({x:e}): scalar {want:e}, SIMD {y:e}"
            );
        }
        compared += 2;
    };
    let specials = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::MIN_POSITIVE,
        5e-324,
        f64::MAX,
        0.9375,
        1.0 + f64::EPSILON,
        1.0 - f64::EPSILON / 2.0,
        1.064,
        1.0647,
    ];
    for &a in &specials {
        for &b in &specials {
            check(a, b);
        }
    }
    for _ in 0..40_000 {
        // Any bits; the unit interval (where the polar method's r2 lies); near 1, and very near.
        let a = f64::from_bits(inputs.next());
        let b = (inputs.next() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0);
        let c = 1.0 + ((inputs.next() >> 11) as f64 / 9_007_199_254_740_992.0 - 0.5) / 4.0;
        let d = 1.0 + (b - 0.5) * 2f64.powi(-(inputs.below(60) as i32));
        check(a, b);
        check(c, d);
    }
    announce("log (f64x2)", compared);
}
