//! PCG's 128-bit LCG with the XSL-RR output (O'Neill's `pcg_setseq_128_xsl_rr_64`): the engine
//! of NumPy's `PCG64` and of `rand_pcg::Lcg128Xsl64` (`rand_pcg::Pcg64`).
//!
//! The state steps as `state * MULTIPLIER + increment` (mod 2^128) before each output; the output
//! is the xor of the state's halves rotated right by its top six bits. WebAssembly has no
//! 64 x 64 -> 128-bit multiply, and Rust lowers a `u128` product there to a call of
//! `__multi3`; this module multiplies by the constant in 32-bit pieces instead, the same
//! product, inline.

/// The LCG multiplier 0x2360ED051FC65DA44385DF649FCCF645 (PCG's default for 128 bits).
const MULTIPLIER: u128 = 0x2360_ed05_1fc6_5da4_4385_df64_9fcc_f645;

/// The LCG state and its (odd) increment.
///
/// ```
/// use seedlab::engines::Lcg128Xsl64;
///
/// // The same stream as rand_pcg's Lcg128Xsl64 (NumPy's PCG64 engine).
/// let mut ours = Lcg128Xsl64::new(1, 2);
/// let mut theirs = Lcg128Xsl64::new(1, 2);
/// assert_eq!(ours.next_u64(), theirs.next_u64());
/// assert_eq!(ours.state(), theirs.state());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Lcg128Xsl64 {
    state: u128,
    increment: u128,
}

impl core::fmt::Debug for Lcg128Xsl64 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Lcg128Xsl64").finish_non_exhaustive()
    }
}

impl Lcg128Xsl64 {
    /// `pcg_setseq_128_srandom_r(initstate, initseq)`, as `rand_pcg::Lcg128Xsl64::new(state,
    /// stream)` does it: increment `(initseq << 1) | 1`, state `initstate + increment`, one step.
    pub fn new(initstate: u128, initseq: u128) -> Self {
        let increment = (initseq << 1) | 1;
        let mut lcg = Lcg128Xsl64 {
            state: initstate.wrapping_add(increment),
            increment,
        };
        lcg.step();
        lcg
    }

    /// An LCG at a given state and increment, as they are (no step, the increment not forced
    /// odd): what restoring a saved state does.
    pub fn from_parts(state: u128, increment: u128) -> Self {
        Lcg128Xsl64 { state, increment }
    }

    /// The 128-bit state.
    pub fn state(&self) -> u128 {
        self.state
    }

    /// The odd increment.
    pub fn increment(&self) -> u128 {
        self.increment
    }

    #[inline(always)]
    fn step(&mut self) {
        self.state = step(self.state, self.increment);
    }

    /// Steps, then outputs XSL-RR of the new state.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.step();
        output(self.state)
    }

    /// Fills `out` with the next `out.len()` outputs.
    pub fn fill_u64(&mut self, out: &mut [u64]) {
        self.fill_map(out, |draw| draw);
    }

    /// Fills `out` with `f` of each of the next `out.len()` outputs, in order.
    ///
    /// Two chains run side by side: the even and the odd states, each stepping two states at a
    /// time (`state * MULTIPLIER^2 + increment * (MULTIPLIER + 1)`), so that the second chain's
    /// multiplications overlap the first's instead of waiting for them.
    #[inline]
    pub fn fill_map<T>(&mut self, out: &mut [T], mut f: impl FnMut(u64) -> T) {
        let increment = self.increment;
        let mut pairs = out.chunks_exact_mut(2);
        if pairs.len() > 0 {
            let increment2 = increment.wrapping_mul(MULTIPLIER.wrapping_add(1));
            let mut even = step(self.state, increment);
            let mut odd = step(even, increment);
            for (i, pair) in pairs.by_ref().enumerate() {
                if i > 0 {
                    even = mul(even, MULTIPLIER_2).wrapping_add(increment2);
                    odd = mul(odd, MULTIPLIER_2).wrapping_add(increment2);
                }
                pair[0] = f(output(even));
                pair[1] = f(output(odd));
            }
            self.state = odd;
        }
        if let [last] = pairs.into_remainder() {
            self.step();
            *last = f(output(self.state));
        }
    }
}

/// MULTIPLIER^2 mod 2^128.
const MULTIPLIER_2: u128 = MULTIPLIER.wrapping_mul(MULTIPLIER);

/// `state * MULTIPLIER + increment` mod 2^128.
#[inline(always)]
fn step(state: u128, increment: u128) -> u128 {
    mul(state, MULTIPLIER).wrapping_add(increment)
}

/// `state * m` mod 2^128 for a constant `m`: the low halves' full product plus the two cross
/// products' low halves (the high halves' product only reaches past 2^128).
#[inline(always)]
fn mul(state: u128, m: u128) -> u128 {
    let (hi, lo) = ((state >> 64) as u64, state as u64);
    let (m_hi, m_lo) = ((m >> 64) as u64, m as u64);
    let (carry, low) = mul_wide(lo, m_lo);
    let high = carry
        .wrapping_add(lo.wrapping_mul(m_hi))
        .wrapping_add(hi.wrapping_mul(m_lo));
    (u128::from(high) << 64) | u128::from(low)
}

/// `a * b` as (high, low) 64-bit halves, from four 32 x 32-bit products (with a constant `b`
/// its halves fold away).
#[inline(always)]
fn mul_wide(a: u64, b: u64) -> (u64, u64) {
    const LOW32: u64 = 0xffff_ffff;
    let (a0, a1) = (a & LOW32, a >> 32);
    let (b0, b1) = (b & LOW32, b >> 32);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    // Each term is below 2^32, so the middle sum cannot overflow.
    let middle = (p00 >> 32) + (p01 & LOW32) + (p10 & LOW32);
    let high = p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32);
    (high, (middle << 32) | (p00 & LOW32))
}

/// XSL-RR: the halves xored, rotated right by the state's top six bits.
#[inline(always)]
fn output(state: u128) -> u64 {
    let rot = (state >> 122) as u32;
    (((state >> 64) as u64) ^ (state as u64)).rotate_right(rot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::Rng;

    #[test]
    fn same_stream_as_rand_pcg() {
        let mut x = 0x1234_5678_9abc_def0_u128;
        for _ in 0..200 {
            x = x.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835) ^ (x >> 67);
            let (initstate, initseq) = (x, x.rotate_left(41) ^ 0xdead_beef);
            let mut reference = rand_pcg::Lcg128Xsl64::new(initstate, initseq);
            let mut ours = Lcg128Xsl64::new(initstate, initseq);
            assert_eq!(ours.state(), reference.state());
            for _ in 0..100 {
                assert_eq!(ours.next_u64(), reference.next_u64());
            }
            for n in [0, 1, 2, 3, 333, 1000] {
                let mut bulk = vec![0; n];
                ours.fill_u64(&mut bulk);
                for value in bulk {
                    assert_eq!(value, reference.next_u64());
                }
                assert_eq!(ours.state(), reference.state());
            }
        }
    }

    #[test]
    fn wide_product_is_the_u128_product() {
        let values = [
            0,
            1,
            u64::MAX,
            0xffff_ffff,
            1 << 32,
            0x8000_0000_0000_0001,
            12345,
        ];
        for a in values {
            for b in values.into_iter().chain([MULTIPLIER as u64]) {
                let want = u128::from(a) * u128::from(b);
                assert_eq!(
                    mul_wide(a, b),
                    ((want >> 64) as u64, want as u64),
                    "{a} {b}"
                );
            }
        }
    }
}
