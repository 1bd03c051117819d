//! `PyInt`: a Python int of any size, as far as seeding needs one.
//!
//! Python seeds are ints of any size, and two libraries cut them into 32-bit words, least
//! significant first: CPython's `random.seed` (`_randommodule.c random_seed`, which takes the
//! absolute value: `_PyLong_AsByteArray(..., little_endian)`) and NumPy's `SeedSequence`
//! (`_int_to_uint32_array`, which refuses negative ints). Seeds can be arbitrarily large
//! (`random.seed(2**100)`, the 576-bit integer a str seed becomes, `default_rng(2**200)`), so this
//! is a sign and a magnitude of any length, with just the conversions seeding needs; each dialect
//! applies its own rules to it.

use core::fmt;
use core::str::FromStr;

mod arithmetic;

/// A Python int: sign and magnitude (little-endian 32-bit words, no high zero words; zero is the
/// empty magnitude and is never negative).
///
/// ```
/// use seedlab::py_int::PyInt;
///
/// // A Python int of any size: parsed, printed and compared as Python does.
/// let big: PyInt = "-123456789012345678901234567890".parse().unwrap();
/// assert!(big.is_negative());
/// assert_eq!(big.to_string(), "-123456789012345678901234567890");
/// assert_eq!(PyInt::from(255_i128).magnitude_words(), [255]);
/// assert_eq!(PyInt::from(1_u128 << 100).bit_length(), 101);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct PyInt {
    negative: bool,
    magnitude: Vec<u32>,
}

impl PyInt {
    /// The int with this sign and magnitude (words least significant first; high zero words are
    /// dropped, and a zero magnitude is zero whatever the sign).
    pub fn from_words(negative: bool, mut magnitude: Vec<u32>) -> Self {
        trim(&mut magnitude);
        PyInt {
            negative: negative && !magnitude.is_empty(),
            magnitude,
        }
    }

    /// The int with this big-endian byte string as its value (`int.from_bytes(b)`, whose default
    /// byte order is big since Python 3.11).
    pub fn from_be_bytes(bytes: &[u8]) -> Self {
        let magnitude = bytes
            .rchunks(4)
            .map(|chunk| {
                chunk
                    .iter()
                    .fold(0u32, |word, &byte| (word << 8) | u32::from(byte))
            })
            .collect();
        PyInt::from_words(false, magnitude)
    }

    /// Parses digits in `radix` (2 to 16) with an optional leading `-` or `+`, as JS
    /// `BigInt.prototype.toString(radix)` and Python `str(int)` write them; `None` for anything
    /// else (no underscores, no whitespace, no `0x` prefix).
    pub fn parse(text: &str, radix: u32) -> Option<Self> {
        let (negative, digits) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        if digits.is_empty() || !(2..=16).contains(&radix) {
            return None;
        }
        if radix == 16 {
            // Eight hex digits to a word, least significant first: linear in the length.
            let mut magnitude = Vec::with_capacity(digits.len() / 8 + 1);
            for chunk in digits.as_bytes().rchunks(8) {
                let mut word = 0u32;
                for &b in chunk {
                    word = (word << 4) | char::from(b).to_digit(16)?;
                }
                magnitude.push(word);
            }
            return Some(PyInt::from_words(negative, magnitude));
        }
        let mut magnitude: Vec<u32> = Vec::new();
        for c in digits.chars() {
            // magnitude = magnitude * radix + digit, word by word.
            let mut carry = u64::from(c.to_digit(radix)?);
            for word in &mut magnitude {
                let v = u64::from(*word) * u64::from(radix) + carry;
                *word = v as u32;
                carry = v >> 32;
            }
            if carry != 0 {
                magnitude.push(carry as u32);
            }
        }
        Some(PyInt::from_words(negative, magnitude))
    }

    /// `int(x)` for a float with an integral value (exact, any magnitude); `None` for NaN, the
    /// infinities and fractions.
    pub fn from_integral_f64(x: f64) -> Option<Self> {
        if !x.is_finite() || x.fract() != 0.0 {
            return None;
        }
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        if biased < 1023 {
            return Some(PyInt::default()); // 0.0 or -0.0
        }
        // |x| = (2**52 + fraction) * 2**(biased - 1075), an integer.
        let mantissa = u128::from((bits & ((1 << 52) - 1)) | (1 << 52));
        let shift = biased - 1075;
        let mut magnitude = PyInt::from(mantissa >> (-shift).max(0)).magnitude;
        if shift > 0 {
            shift_left(&mut magnitude, shift as u32);
        }
        Some(PyInt::from_words(x < 0.0, magnitude))
    }

    /// `abs(self)` as little-endian 32-bit words, without high zero words (empty for 0).
    pub fn magnitude_words(&self) -> &[u32] {
        &self.magnitude
    }

    /// `self < 0`.
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// `self.bit_length()`: bits of the magnitude, 0 for 0.
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

    /// The value clamped to the `i128` range: beyond it, `i128::MIN` or `i128::MAX`, which lie
    /// outside every range a dialect accepts as an integer argument.
    pub fn to_i128_saturating(&self) -> i128 {
        self.to_i128()
            .unwrap_or(if self.negative { i128::MIN } else { i128::MAX })
    }
}

impl From<u128> for PyInt {
    fn from(value: u128) -> Self {
        PyInt::from_words(false, (0..4).map(|i| (value >> (32 * i)) as u32).collect())
    }
}

impl From<i128> for PyInt {
    fn from(value: i128) -> Self {
        PyInt::from_words(value < 0, PyInt::from(value.unsigned_abs()).magnitude)
    }
}

macro_rules! py_int_from {
    ($($t:ty => $via:ty),*) => {$(
        impl From<$t> for PyInt {
            fn from(value: $t) -> Self {
                PyInt::from(<$via>::from(value))
            }
        }
    )*};
}

py_int_from!(u32 => u128, u64 => u128, i32 => i128, i64 => i128);

/// The error of [`PyInt`]'s [`FromStr`]: the text is not a decimal integer.
///
/// ```
/// use seedlab::py_int::{ParsePyIntError, PyInt};
///
/// assert_eq!("12a".parse::<PyInt>(), Err(ParsePyIntError));
/// assert_eq!("-17".parse::<PyInt>().unwrap().to_i128(), Some(-17));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsePyIntError;

impl fmt::Display for ParsePyIntError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a decimal integer")
    }
}

impl std::error::Error for ParsePyIntError {}

/// A decimal literal with an optional sign, as `int("...")` reads it (no underscores).
impl FromStr for PyInt {
    type Err = ParsePyIntError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        PyInt::parse(text, 10).ok_or(ParsePyIntError)
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
    fn parses_any_radix_up_to_16() {
        let big = PyInt::parse(
            "1606938044258990275541962092341162602522202993782792835301376",
            10,
        )
        .unwrap(); // 2**200
        assert_eq!(big.magnitude_words(), [0, 0, 0, 0, 0, 0, 256]);
        assert_eq!(PyInt::parse("-ff", 16), Some(PyInt::from(-255i32)));
        assert_eq!(PyInt::parse("12x", 10), None);
        assert_eq!(PyInt::parse("-", 10), None);
    }

    #[test]
    fn saturates_beyond_i128() {
        assert_eq!(PyInt::from(-5i32).to_i128_saturating(), -5);
        let huge = PyInt::from_integral_f64(1e300).unwrap();
        assert_eq!(huge.to_i128_saturating(), i128::MAX);
        let tiny = PyInt::from_integral_f64(-1e300).unwrap();
        assert_eq!(tiny.to_i128_saturating(), i128::MIN);
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
        // The same from the NumPy side (SeedSequence entropy).
        assert_eq!(int(17.0), PyInt::from(17u32));
        assert_eq!(int(-0.0), PyInt::from(0u32));
        assert_eq!(int(2f64.powi(64)), PyInt::from(1u128 << 64));
        assert_eq!(int(-(2f64.powi(53))), PyInt::from(-(1i128 << 53)));
        assert_eq!(
            Some(int(2f64.powi(200))),
            PyInt::parse(
                "1606938044258990275541962092341162602522202993782792835301376",
                10
            )
        );
        assert_eq!(PyInt::from_integral_f64(17.5), None);
    }

    #[test]
    fn from_be_bytes_matches_int_from_bytes() {
        // int.from_bytes(b'\x01\x02\x03\x04\x05') == 0x0102030405
        let int = PyInt::from_be_bytes(&[0, 1, 2, 3, 4, 5]);
        assert_eq!(int.magnitude_words(), [0x0203_0405, 0x01]);
        assert_eq!(int.to_i128(), Some(0x01_0203_0405));
    }
}
