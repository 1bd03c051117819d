//! `PyInt`: a Python int of any size, as far as seeding needs one.
//!
//! CPython seeds from the absolute value of an int, cut into 32-bit words, least significant
//! first (`_randommodule.c random_seed`: `_PyLong_AsByteArray(..., little_endian)`). Seeds can be
//! arbitrarily large (`random.seed(2**100)`, or the 576-bit integer a str seed becomes), so this
//! is a sign and a magnitude of any length, with just the conversions seeding needs.

use core::fmt;
use core::str::FromStr;

/// A Python int: sign and magnitude (little-endian 32-bit words, no high zero words).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PyInt {
    negative: bool,
    magnitude: Vec<u32>,
}

impl PyInt {
    /// The int with this big-endian byte string as its value (`int.from_bytes(b)`, whose default
    /// byte order is big since Python 3.11).
    pub fn from_be_bytes(bytes: &[u8]) -> Self {
        let mut magnitude: Vec<u32> = bytes
            .rchunks(4)
            .map(|chunk| {
                chunk
                    .iter()
                    .fold(0u32, |word, &byte| (word << 8) | u32::from(byte))
            })
            .collect();
        trim(&mut magnitude);
        PyInt {
            negative: false,
            magnitude,
        }
    }

    /// `int(x)` for a float with an integral value (exact, any magnitude); `None` for NaN, the
    /// infinities and fractions.
    pub fn from_integral_f64(x: f64) -> Option<Self> {
        if !x.is_finite() || x.fract() != 0.0 {
            return None;
        }
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as u32;
        if biased < 1023 {
            return Some(PyInt::default()); // 0.0 or -0.0
        }
        // |x| = (2**52 + fraction) * 2**(biased - 1075), an integer.
        let mantissa = u128::from((bits & ((1 << 52) - 1)) | (1 << 52));
        let mut magnitude = PyInt::from(mantissa).magnitude;
        let shift = biased as i32 - 1075;
        if shift < 0 {
            magnitude = PyInt::from(mantissa >> -shift).magnitude;
        } else {
            shift_left(&mut magnitude, shift as u32);
        }
        Some(PyInt {
            negative: x < 0.0,
            magnitude,
        })
    }

    /// `abs(self)` as little-endian 32-bit words, without high zero words (empty for 0).
    pub fn magnitude_words(&self) -> &[u32] {
        &self.magnitude
    }

    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// `self.bit_length()`.
    pub fn bit_length(&self) -> u32 {
        bit_length(&self.magnitude)
    }

    /// The value, if it fits in an `i128`.
    pub fn to_i128(&self) -> Option<i128> {
        if self.magnitude.len() > 4 {
            return None;
        }
        let m = self
            .magnitude
            .iter()
            .rev()
            .fold(0u128, |acc, &w| (acc << 32) | u128::from(w));
        if self.negative {
            0i128.checked_sub_unsigned(m)
        } else {
            i128::try_from(m).ok()
        }
    }
}

impl From<u128> for PyInt {
    fn from(value: u128) -> Self {
        let mut magnitude: Vec<u32> = (0..4).map(|i| (value >> (32 * i)) as u32).collect();
        trim(&mut magnitude);
        PyInt {
            negative: false,
            magnitude,
        }
    }
}

impl From<i128> for PyInt {
    fn from(value: i128) -> Self {
        let mut int = PyInt::from(value.unsigned_abs());
        int.negative = value < 0;
        int
    }
}

impl From<u64> for PyInt {
    fn from(value: u64) -> Self {
        PyInt::from(u128::from(value))
    }
}

impl From<i64> for PyInt {
    fn from(value: i64) -> Self {
        PyInt::from(i128::from(value))
    }
}

/// A decimal literal with an optional sign, as `int("...")` reads it (no underscores).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsePyIntError;

impl fmt::Display for ParsePyIntError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a decimal integer")
    }
}

impl std::error::Error for ParsePyIntError {}

impl FromStr for PyInt {
    type Err = ParsePyIntError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (negative, digits) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParsePyIntError);
        }
        let mut magnitude: Vec<u32> = Vec::new();
        for digit in digits.bytes() {
            // magnitude = magnitude * 10 + digit, word by word.
            let mut carry = u64::from(digit - b'0');
            for word in &mut magnitude {
                let product = u64::from(*word) * 10 + carry;
                *word = product as u32;
                carry = product >> 32;
            }
            if carry != 0 {
                magnitude.push(carry as u32);
            }
        }
        trim(&mut magnitude);
        Ok(PyInt {
            negative: negative && !magnitude.is_empty(),
            magnitude,
        })
    }
}

/// `words <<= shift` for a little-endian magnitude.
fn shift_left(words: &mut Vec<u32>, shift: u32) {
    let (whole, bits) = ((shift / 32) as usize, shift % 32);
    if bits > 0 {
        let mut carry = 0;
        for w in words.iter_mut() {
            let next = *w >> (32 - bits);
            *w = (*w << bits) | carry;
            carry = next;
        }
        words.push(carry);
    }
    words.splice(0..0, core::iter::repeat_n(0, whole));
    trim(words);
}

fn trim(words: &mut Vec<u32>) {
    while words.last() == Some(&0) {
        words.pop();
    }
}

/// Bit length of a little-endian magnitude without high zero words.
pub(crate) fn bit_length(words: &[u32]) -> u32 {
    match words.last() {
        None => 0,
        Some(&top) => 32 * (words.len() as u32 - 1) + (32 - top.leading_zeros()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_little_endian_magnitude() {
        assert_eq!(PyInt::from(-17i128).magnitude_words(), [17]);
        assert_eq!(PyInt::from((1i128 << 32) + 5).magnitude_words(), [5, 1]);
        assert!(PyInt::from(0i128).magnitude_words().is_empty());
        let big: PyInt = "1267650600228229401496703205376".parse().unwrap(); // 2**100
        assert_eq!(big.magnitude_words(), [0, 0, 0, 16]);
        assert_eq!(big.bit_length(), 101);
        let neg: PyInt = "-1180591620717411303424".parse().unwrap(); // -(2**70)
        assert_eq!(neg.magnitude_words(), [0, 0, 64]);
        assert!(neg.is_negative());
        assert_eq!(neg.to_i128(), Some(-(1i128 << 70)));
        assert_eq!("-0".parse::<PyInt>().unwrap(), PyInt::default());
        assert!("12a".parse::<PyInt>().is_err());
        assert!("".parse::<PyInt>().is_err());
    }

    #[test]
    fn integral_floats_convert_exactly() {
        let int = |x: f64| PyInt::from_integral_f64(x).unwrap();
        assert_eq!(int(17.0), PyInt::from(17i128));
        assert_eq!(int(-17.0), PyInt::from(-17i128));
        assert_eq!(int(-0.0), PyInt::default());
        assert_eq!(int(2f64.powi(70)), PyInt::from(1i128 << 70));
        assert_eq!(int(9007199254740993.0), PyInt::from(9007199254740992i128));
        // int(1e300) = m * 2**944 with a 53-bit m: 997 bits, the low 944 zero.
        let big = int(1e300);
        assert_eq!(big.bit_length(), 997);
        assert!(big.magnitude_words()[..29].iter().all(|&w| w == 0));
        assert_eq!(PyInt::from_integral_f64(0.5), None);
        assert_eq!(PyInt::from_integral_f64(f64::INFINITY), None);
    }

    #[test]
    fn from_be_bytes_matches_int_from_bytes() {
        // int.from_bytes(b'\x01\x02\x03\x04\x05') == 0x0102030405
        let int = PyInt::from_be_bytes(&[0, 1, 2, 3, 4, 5]);
        assert_eq!(int.magnitude_words(), [0x0203_0405, 0x01]);
        assert_eq!(int.to_i128(), Some(0x01_0203_0405));
    }
}
