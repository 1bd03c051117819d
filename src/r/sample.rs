//! `sample()`'s integer draws: R's default "Rejection" sampler (R >= 3.6.0).
//!
//! Behaviour reproduced (R 4.2.2, checked against it value for value; described in the project's
//! reference note, section 6.4): `R_unif_index(dn)` draws `bits = ceil(log2(dn))` random bits,
//! 16 at a time from `floor(65536 * unif_rand())` with the first chunk most significant, keeps
//! the low `bits` and rejects values `>= dn`.

use super::random::Random;

/// `(int) ceil(log2(dn))` as R computes it with glibc's `log2`, for `dn >= 1`.
///
/// Exactly `k + 1` for `2**k < dn < 2**(k+1)`, except where the double nearest to `log2(dn)` is
/// `k` itself: above 2**49, `log2(2**49 + 1)` rounds down to 49, so R draws 49 bits and can never
/// return the largest value. Decided here without a libm, from the correctly rounded result,
/// which is what glibc returns on every such `dn` R accepts (checked against it, n <= 4.5e15).
pub(super) fn index_bits(dn: f64) -> u32 {
    if dn <= 1.0 {
        return 0;
    }
    let k = floor_log2(dn);
    let power = 2f64.powi(k as i32);
    if dn == power {
        return k;
    }
    if k >= 1 {
        // log2(dn) = k + log2(1 + x), x = (dn - 2**k) / 2**k; it rounds to k when that excess is
        // below half an ulp of k, 2**(e - 53) with e = floor(log2(k)), i.e. when
        // x < ln(2) * 2**(e - 53) (to first order; x is tiny there).
        let e = 31 - k.leading_zeros();
        let excess = (dn - power) / power;
        if excess < core::f64::consts::LN_2 * 2f64.powi(e as i32 - 53) {
            return k;
        }
    }
    k + 1
}

/// `floor(log2(x))` for a finite `x >= 1`, from the exponent bits.
fn floor_log2(x: f64) -> u32 {
    ((x.to_bits() >> 52) & 0x7ff) as u32 - 1023
}

impl Random {
    /// `rbits(bits)`: `bits / 16 + 1` chunks of 16 bits, first chunk most significant, masked to
    /// the low `bits` (so 16 bits take two uniforms, and 0 bits one).
    fn rbits(&mut self, bits: u32) -> u64 {
        let mut v: u64 = 0;
        for _ in 0..=bits / 16 {
            let chunk = (self.unif_rand() * 65536.0).floor() as u64;
            // R's int_least64_t may overflow past 64 bits; only the masked low bits matter.
            v = v.wrapping_mul(65536).wrapping_add(chunk);
        }
        v & ((1u64 << bits) - 1)
    }

    /// `R_unif_index(dn)`: a uniform integer in `[0, dn)` by rejection (0 when `dn <= 0`).
    pub(super) fn unif_index(&mut self, dn: f64) -> f64 {
        if dn <= 0.0 {
            return 0.0;
        }
        let bits = index_bits(dn);
        loop {
            let dv = self.rbits(bits) as f64;
            if dv < dn {
                return dv;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::index_bits;

    /// `ceil(log2(n))` with glibc 2.36's `log2` (Python's `math.log2`), including the values
    /// where it rounds down: 2**49 + 1; 2**50 + 1, 2; 2**51 + 1..5.
    #[test]
    fn index_bits_match_glibc() {
        for (n, bits) in [
            (1.0, 0),
            (2.0, 1),
            (3.0, 2),
            (1024.0, 10),
            (1025.0, 11),
            (2f64.powi(31) + 0.5, 32),
            (2f64.powi(48) + 1.0, 49),
            (2f64.powi(49) + 1.0, 49),
            (2f64.powi(49) + 2.0, 50),
            (2f64.powi(50) + 2.0, 50),
            (2f64.powi(50) + 3.0, 51),
            (2f64.powi(51) + 5.0, 51),
            (2f64.powi(51) + 6.0, 52),
            (4.5e15, 52),
        ] {
            assert_eq!(index_bits(n), bits, "n = {n}");
        }
    }

    /// Natively `f64::log2` is the platform's (glibc on the reference platform): compare around
    /// every power of two R can reach.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn index_bits_match_the_platform_log2_near_powers_of_two() {
        for k in 0..=52 {
            let power = 2f64.powi(k);
            for j in -40..=40 {
                for frac in [0.0, 0.25, 0.5] {
                    let n = power + f64::from(j) + frac;
                    if (1.0..=4.5e15).contains(&n) {
                        assert_eq!(index_bits(n), crate::math::log2(n).ceil() as u32, "n = {n}");
                    }
                }
            }
        }
    }
}
