//! The arithmetic of Python ints that `random.randrange` and its error messages need: `+`, `-`,
//! `*`, floor division `//`, comparison, `str()` and `float()`. Schoolbook algorithms on the
//! 32-bit words: the ints involved are a few words long.

use super::{trim, PyInt};
use core::cmp::Ordering;
use core::fmt;

impl PyInt {
    /// `self == 0`.
    pub fn is_zero(&self) -> bool {
        self.magnitude.is_empty()
    }

    /// `self + other`.
    pub fn add(&self, other: &PyInt) -> PyInt {
        if self.negative == other.negative {
            return PyInt::from_words(
                self.negative,
                add_magnitudes(&self.magnitude, &other.magnitude),
            );
        }
        // Opposite signs: the difference of the magnitudes, with the larger one's sign.
        match cmp_magnitudes(&self.magnitude, &other.magnitude) {
            Ordering::Less => PyInt::from_words(
                other.negative,
                sub_magnitudes(&other.magnitude, &self.magnitude),
            ),
            _ => PyInt::from_words(
                self.negative,
                sub_magnitudes(&self.magnitude, &other.magnitude),
            ),
        }
    }

    /// `-self`.
    pub fn neg(&self) -> PyInt {
        PyInt::from_words(!self.negative, self.magnitude.clone())
    }

    /// `self - other`.
    pub fn sub(&self, other: &PyInt) -> PyInt {
        self.add(&other.neg())
    }

    /// `self * other`.
    pub fn mul(&self, other: &PyInt) -> PyInt {
        let (a, b) = (&self.magnitude, &other.magnitude);
        let mut out = vec![0u32; a.len() + b.len()];
        for (i, &x) in a.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &y) in b.iter().enumerate() {
                let t = u64::from(out[i + j]) + u64::from(x) * u64::from(y) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            out[i + b.len()] = carry as u32;
        }
        PyInt::from_words(self.negative != other.negative, out)
    }

    /// `self // other`, rounding toward minus infinity as Python does; `None` for a zero
    /// divisor.
    pub fn div_floor(&self, other: &PyInt) -> Option<PyInt> {
        if other.is_zero() {
            return None;
        }
        let (quotient, remainder) = divmod_magnitudes(&self.magnitude, &other.magnitude);
        let negative = self.negative != other.negative;
        let quotient = PyInt::from_words(negative, quotient);
        Some(if negative && !remainder.is_empty() {
            quotient.sub(&PyInt::from(1u32))
        } else {
            quotient
        })
    }

    /// `float(self)`: correctly rounded (ties to even); `None` where Python raises
    /// `OverflowError: int too large to convert to float`.
    pub fn to_f64(&self) -> Option<f64> {
        let bits = self.bit_length();
        let magnitude = if bits <= 64 {
            self.magnitude
                .iter()
                .rev()
                .fold(0u64, |acc, &w| (acc << 32) | u64::from(w)) as f64
        } else {
            // The top 64 bits, with a sticky last bit for anything below them: enough for
            // a correctly rounded 53-bit significand.
            let shift = bits - 64;
            let mut top = 0u64;
            for i in (0..64).rev() {
                top = (top << 1) | u64::from(self.bit(shift + i));
            }
            let below = (0..shift).any(|i| self.bit(i));
            let top = (top | u64::from(below)) as f64;
            if shift > 1023 {
                return None;
            }
            top * f64::from_bits(((1023 + shift) as u64) << 52)
        };
        if magnitude.is_infinite() {
            return None;
        }
        Some(if self.negative { -magnitude } else { magnitude })
    }

    /// Bit `i` of the magnitude.
    fn bit(&self, i: u32) -> bool {
        self.magnitude
            .get((i / 32) as usize)
            .is_some_and(|w| (w >> (i % 32)) & 1 == 1)
    }
}

impl Ord for PyInt {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => cmp_magnitudes(&self.magnitude, &other.magnitude),
            (true, true) => cmp_magnitudes(&other.magnitude, &self.magnitude),
        }
    }
}

impl PartialOrd for PyInt {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// `str(self)`: decimal digits with a leading `-` for negatives.
impl fmt::Display for PyInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_zero() {
            return f.write_str("0");
        }
        // Nine decimal digits at a time, least significant first.
        let mut chunks = Vec::new();
        let mut rest = self.magnitude.clone();
        while !rest.is_empty() {
            let mut remainder = 0u64;
            for word in rest.iter_mut().rev() {
                let v = (remainder << 32) | u64::from(*word);
                *word = (v / 1_000_000_000) as u32;
                remainder = v % 1_000_000_000;
            }
            trim(&mut rest);
            chunks.push(remainder);
        }
        let mut text = String::new();
        if self.negative {
            text.push('-');
        }
        text += &chunks.pop().unwrap_or(0).to_string();
        for chunk in chunks.iter().rev() {
            text += &format!("{chunk:09}");
        }
        f.write_str(&text)
    }
}

fn cmp_magnitudes(a: &[u32], b: &[u32]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

fn add_magnitudes(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(long.len() + 1);
    let mut carry = 0u64;
    for (i, &x) in long.iter().enumerate() {
        let t = u64::from(x) + u64::from(short.get(i).copied().unwrap_or(0)) + carry;
        out.push(t as u32);
        carry = t >> 32;
    }
    out.push(carry as u32);
    out
}

/// `a - b` for `a >= b`.
fn sub_magnitudes(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for (i, &x) in a.iter().enumerate() {
        let mut t = i64::from(x) - i64::from(b.get(i).copied().unwrap_or(0)) - borrow;
        borrow = i64::from(t < 0);
        if t < 0 {
            t += 1 << 32;
        }
        out.push(t as u32);
    }
    out
}

/// Quotient and remainder of the magnitudes (`b` nonzero), bit by bit.
fn divmod_magnitudes(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let mut quotient = vec![0u32; a.len()];
    let mut remainder: Vec<u32> = Vec::new();
    for i in (0..32 * a.len()).rev() {
        // remainder = remainder * 2 + bit i of a
        let mut carry = (a[i / 32] >> (i % 32)) & 1;
        for word in remainder.iter_mut() {
            let next = *word >> 31;
            *word = (*word << 1) | carry;
            carry = next;
        }
        if carry != 0 {
            remainder.push(carry);
        }
        if cmp_magnitudes(&remainder, b) != Ordering::Less {
            remainder = sub_magnitudes(&remainder, b);
            trim(&mut remainder);
            quotient[i / 32] |= 1 << (i % 32);
        }
    }
    trim(&mut quotient);
    (quotient, remainder)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str) -> PyInt {
        s.parse().unwrap()
    }

    #[test]
    fn arithmetic_matches_python() {
        let a = int("123456789012345678901234567890");
        let b = int("-987654321098765432109876543210");
        assert_eq!(a.add(&b).to_string(), "-864197532086419753208641975320");
        assert_eq!(a.sub(&b).to_string(), "1111111110111111111011111111100");
        assert_eq!(
            a.mul(&b).to_string(),
            "-121932631137021795226185032733622923332237463801111263526900"
        );
        // Python: 123456789012345678901234567890 // -987654321
        assert_eq!(
            a.div_floor(&int("-987654321")).unwrap().to_string(),
            "-124999998873437499902"
        );
        assert_eq!(int("7").div_floor(&int("-2")).unwrap().to_string(), "-4");
        assert_eq!(int("-7").div_floor(&int("2")).unwrap().to_string(), "-4");
        assert_eq!(int("-8").div_floor(&int("2")).unwrap().to_string(), "-4");
        assert_eq!(int("7").div_floor(&int("0")), None);
        assert!(int("-5") < int("3") && int("-5") < int("-4") && int("10") > int("9"));
        assert_eq!(int("0").to_string(), "0");
        assert_eq!(int("-1000000000").to_string(), "-1000000000");
    }

    #[test]
    fn float_conversion_rounds_to_nearest_even() {
        assert_eq!(int("9007199254740993").to_f64(), Some(9007199254740992.0));
        assert_eq!(int("9007199254740995").to_f64(), Some(9007199254740996.0));
        // 2**64 + 2**11 + 1: above the midpoint, rounds up.
        assert_eq!(
            int("18446744073709553665").to_f64(),
            Some(1.8446744073709556e19)
        );
        assert_eq!(int("-5").to_f64(), Some(-5.0));
        let big = PyInt::from_integral_f64(f64::MAX).unwrap();
        assert_eq!(big.to_f64(), Some(f64::MAX));
        assert_eq!(big.add(&big).to_f64(), None);
    }
}
