//! `RandomState.get_state()` and `set_state(state)` with the legacy tuple
//! `('MT19937', key, pos, has_gauss, cached_gaussian)`.
//!
//! NumPy's quirks, reproduced: `set_state` stores `has_gauss` and `cached_gaussian` before it
//! writes the key, and writes the key word by word, so a bad key leaves the gaussian set and the
//! words before the bad one written; `has_gauss` is a C int reported back as given (7 stays 7
//! until the next normal is drawn) and `cached_gaussian` is kept even when `has_gauss` is 0.
//! Floats given for the integers are truncated toward zero, as Cython converts them.
//!
//! Source: numpy `random/mtrand.pyx` (`get_state`, `set_state`), `random/_mt19937.pyx` (the
//! `state` property's setter).

use super::RandomState;
use crate::engines::Mt19937;
use crate::error::{Error, ErrorKind, Result};

/// `get_state()`'s tuple after its first element `'MT19937'`.
///
/// ```
/// use seedlab::numpy::RandomState;
///
/// // np.random.seed(17); np.random.get_state(): position 624, no cached gaussian
/// let state = RandomState::from_u32(17).get_state();
/// assert_eq!((state.pos, state.has_gauss, state.cached_gaussian), (624, 0, 0.0));
/// assert_eq!(state.key.len(), 624);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LegacyState {
    /// The 624 state words (`state[1]`, a uint32 array).
    pub key: [u32; Mt19937::STATE_WORDS],
    /// The position of the next word, 0 to 624 (624: the words are used up).
    pub pos: usize,
    /// 1 when a gaussian is cached (or the int `set_state` was given, until the next normal).
    pub has_gauss: i32,
    /// The cached gaussian (0.0 when none, unless `set_state` gave another value).
    pub cached_gaussian: f64,
}

/// A number `set_state` converts to a C integer: a Python int (`i128`, saturated beyond) or a
/// float (truncated toward zero; NaN and the infinities are errors).
///
/// ```
/// use seedlab::numpy::{CNumber, KeySequence, LegacyStateArgs, RandomState};
///
/// // A float position is truncated as Cython does; NaN is refused.
/// let mut rs = RandomState::from_u32(17);
/// let key: Vec<CNumber> = rs.get_state().key.iter().map(|&w| CNumber::Int(w.into())).collect();
/// let args = |pos| LegacyStateArgs {
///     name: "MT19937",
///     key: &key,
///     key_sequence: KeySequence::List,
///     pos,
///     gauss: None,
/// };
/// assert!(rs.set_state(&args(CNumber::Float(3.7))).is_ok());
/// assert_eq!(rs.get_state().pos, 3);
/// assert!(rs.set_state(&args(CNumber::Float(f64::NAN))).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CNumber {
    /// A Python int.
    Int(i128),
    /// A Python float.
    Float(f64),
}

/// What kind of Python sequence holds the key, which words the error for a short key.
///
/// ```
/// use seedlab::numpy::{CNumber, KeySequence, LegacyStateArgs, RandomState};
///
/// // A short key: the error is worded as the sequence type words it.
/// let key = [CNumber::Int(1), CNumber::Int(2)];
/// let short = |key_sequence| {
///     RandomState::from_u32(17)
///         .set_state(&LegacyStateArgs {
///             name: "MT19937",
///             key: &key,
///             key_sequence,
///             pos: CNumber::Int(0),
///             gauss: None,
///         })
///         .unwrap_err()
///         .to_string()
/// };
/// assert_eq!(short(KeySequence::List), "IndexError: list index out of range");
/// assert_eq!(short(KeySequence::Tuple), "IndexError: tuple index out of range");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeySequence {
    /// A NumPy array (what `get_state` returns): `index 600 is out of bounds for axis 0 with
    /// size 600`.
    Array,
    /// A list: `list index out of range`.
    List,
    /// A tuple: `tuple index out of range`.
    Tuple,
}

/// `set_state`'s argument: the legacy tuple's elements.
///
/// ```
/// use seedlab::numpy::{CNumber, KeySequence, LegacyStateArgs, RandomState};
///
/// // state = rs.get_state(); first = rs.randn(2); rs.set_state(state); rs.randn(2) == first
/// let mut rs = RandomState::from_u32(17);
/// let state = rs.get_state();
/// let first = rs.randn(2).unwrap();
/// let key: Vec<CNumber> = state.key.iter().map(|&w| CNumber::Int(w.into())).collect();
/// rs.set_state(&LegacyStateArgs {
///     name: "MT19937",
///     key: &key,
///     key_sequence: KeySequence::Array,
///     pos: CNumber::Int(state.pos as i128),
///     gauss: Some((CNumber::Int(state.has_gauss.into()), state.cached_gaussian)),
/// })
/// .unwrap();
/// assert_eq!(rs.randn(2).unwrap(), first);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LegacyStateArgs<'a> {
    /// `state[0]`, which must be `'MT19937'`.
    pub name: &'a str,
    /// `state[1]`: 624 words (more are ignored).
    pub key: &'a [CNumber],
    /// The sequence `key` came in.
    pub key_sequence: KeySequence,
    /// `state[2]`.
    pub pos: CNumber,
    /// `state[3]` and `state[4]` of a 5-tuple; `None` for the 3-tuple form, which clears the
    /// cached gaussian.
    pub gauss: Option<(CNumber, f64)>,
}

impl RandomState {
    /// `get_state()`: the legacy tuple's contents.
    pub fn get_state(&self) -> LegacyState {
        let (key, pos) = self.mt.state();
        let (has_gauss, cached_gaussian) = match (self.set_gauss, self.cached_gauss) {
            (Some(pair), _) => pair,
            (None, Some(gauss)) => (1, gauss),
            (None, None) => (0, 0.0),
        };
        LegacyState {
            key: *key,
            pos,
            has_gauss,
            cached_gaussian,
        }
    }

    /// `set_state(state)` with the legacy tuple (or list), checked and stored in NumPy's order:
    /// the name; `has_gauss` as a C int; then (already stored) the gaussian; the key words one
    /// by one (each a uint32); `pos` as a C int. Deliberate difference: a `pos` outside
    /// [0, 624] is refused (NumPy accepts it and then reads outside the state).
    pub fn set_state(&mut self, state: &LegacyStateArgs<'_>) -> Result<()> {
        if state.name != "MT19937" {
            return Err(Error::value(
                "set_state can only be used with legacy MT19937 state instances.",
            ));
        }
        let (has_gauss, gauss) = match state.gauss {
            Some((has_gauss, gauss)) => (c_int(has_gauss)?, gauss),
            None => (0, 0.0),
        };
        self.cached_gauss = (has_gauss != 0).then_some(gauss);
        let canonical = has_gauss == 1 || (has_gauss == 0 && gauss.to_bits() == 0);
        self.set_gauss = (!canonical).then_some((has_gauss, gauss));

        let (words, pos) = self.mt.state();
        let (mut words, pos) = (*words, pos);
        let written = write_key(&mut words, state.key, state.key_sequence);
        self.mt = Mt19937::from_state(words, pos);
        written?;
        let pos = c_int(state.pos)?;
        let pos = usize::try_from(pos)
            .ok()
            .filter(|&p| p <= Mt19937::STATE_WORDS)
            .ok_or_else(|| {
                Error::value(format!(
                    "pos must be in [0, 624], got {pos} (NumPy would read outside the state)"
                ))
            })?;
        self.mt = Mt19937::from_state(words, pos);
        Ok(())
    }

    /// Forgets the `has_gauss` / `cached_gaussian` pair `set_state` stored as given, once a
    /// normal is drawn (NumPy then reports its own 0/1 and value again).
    pub(super) fn forget_set_gauss(&mut self) {
        self.set_gauss = None;
    }
}

/// The key loop of MT19937's state setter: `key[i]` converted to uint32 and written, for
/// `i = 0..624`, stopping at the first error (the words before it stay written).
fn write_key(
    words: &mut [u32; Mt19937::STATE_WORDS],
    key: &[CNumber],
    sequence: KeySequence,
) -> Result<()> {
    for (i, word) in words.iter_mut().enumerate() {
        let Some(&value) = key.get(i) else {
            return Err(Error::new(
                ErrorKind::IndexError,
                match sequence {
                    KeySequence::Array => format!(
                        "index {i} is out of bounds for axis 0 with size {}",
                        key.len()
                    ),
                    KeySequence::List => "list index out of range".to_owned(),
                    KeySequence::Tuple => "tuple index out of range".to_owned(),
                },
            ));
        };
        *word = uint32(value)?;
    }
    Ok(())
}

/// A Python float as Cython's integer conversions take it: truncated toward zero; NaN and the
/// infinities raise `int()`'s errors.
fn truncate(value: CNumber) -> Result<i128> {
    match value {
        CNumber::Int(i) => Ok(i),
        CNumber::Float(x) if x.is_nan() => Err(Error::value("cannot convert float NaN to integer")),
        CNumber::Float(x) if x.is_infinite() => Err(Error::new(
            ErrorKind::OverflowError,
            "cannot convert float infinity to integer",
        )),
        // Saturates beyond i128, which stays out of every range below.
        CNumber::Float(x) => Ok(x.trunc() as i128),
    }
}

/// Cython's conversion to a C `int`.
fn c_int(value: CNumber) -> Result<i32> {
    i32::try_from(truncate(value)?).map_err(|_| {
        Error::new(
            ErrorKind::OverflowError,
            "value too large to convert to int",
        )
    })
}

/// Cython's conversion to `uint32_t` (through C `unsigned long` for ints of 2**64 or more).
fn uint32(value: CNumber) -> Result<u32> {
    let v = truncate(value)?;
    let overflow = |message: &str| Error::new(ErrorKind::OverflowError, message);
    if v < 0 {
        return Err(overflow("can't convert negative value to uint32_t"));
    }
    if matches!(value, CNumber::Int(_)) && v > i128::from(u64::MAX) {
        return Err(overflow(
            "Python int too large to convert to C unsigned long",
        ));
    }
    u32::try_from(v).map_err(|_| overflow("value too large to convert to uint32_t"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(rs: &RandomState) -> Vec<CNumber> {
        let state = rs.get_state();
        state.key.iter().map(|&w| CNumber::Int(w.into())).collect()
    }

    fn args<'a>(key: &'a [CNumber], pos: i128, gauss: Option<(i128, f64)>) -> LegacyStateArgs<'a> {
        LegacyStateArgs {
            name: "MT19937",
            key,
            key_sequence: KeySequence::Array,
            pos: CNumber::Int(pos),
            gauss: gauss.map(|(h, g)| (CNumber::Int(h), g)),
        }
    }

    #[test]
    fn round_trip_restores_the_stream_and_the_cache() {
        let mut rs = RandomState::from_u32(3);
        rs.randn(1).unwrap();
        let state = rs.get_state();
        assert_eq!((state.pos, state.has_gauss), (4, 1));
        let expected = rs.clone().randn(5).unwrap();
        let key = key_of(&rs);
        let mut other = RandomState::from_u32(99);
        other
            .set_state(&args(
                &key,
                state.pos as i128,
                Some((1, state.cached_gaussian)),
            ))
            .unwrap();
        assert_eq!(other.get_state(), state);
        assert_eq!(other.randn(5).unwrap(), expected);
    }

    /// numpy 2.4.6: `set_state(('MT19937', key, 5, 7, 2.5))` reports `(5, 7, 2.5)` until a
    /// normal is drawn; a short key leaves the gaussian set and the first words written.
    #[test]
    fn numpy_quirks() {
        let mut rs = RandomState::from_u32(17);
        let key = key_of(&rs);
        rs.set_state(&args(&key, 5, Some((7, 2.5)))).unwrap();
        assert_eq!(rs.get_state().has_gauss, 7);
        assert_eq!(rs.randn(1).unwrap(), [2.5]);
        assert_eq!(
            (rs.get_state().has_gauss, rs.get_state().cached_gaussian),
            (0, 0.0)
        );
        rs.set_state(&args(&key, 5, Some((0, 2.5)))).unwrap();
        assert_eq!(rs.get_state().cached_gaussian, 2.5);
        rs.rand(3).unwrap();
        assert_eq!(rs.get_state().cached_gaussian, 2.5);

        let mut rs = RandomState::from_u32(17);
        let shifted: Vec<CNumber> = key
            .iter()
            .take(600)
            .map(|&k| match k {
                CNumber::Int(w) => CNumber::Int((w + 1) % (1 << 32)),
                other => other,
            })
            .collect();
        let err = rs
            .set_state(&args(&shifted, 5, Some((1, 3.5))))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "IndexError: index 600 is out of bounds for axis 0 with size 600"
        );
        let state = rs.get_state();
        assert_eq!(
            (state.pos, state.has_gauss, state.cached_gaussian),
            (624, 1, 3.5)
        );
        assert_eq!(CNumber::Int(state.key[599].into()), shifted[599]);
        assert_eq!(CNumber::Int(state.key[600].into()), key[600]);
    }

    #[test]
    fn conversion_errors_in_numpys_words() {
        let mut rs = RandomState::from_u32(17);
        let key = key_of(&rs);
        let msg = |rs: &mut RandomState, a: LegacyStateArgs<'_>| {
            rs.set_state(&a).unwrap_err().to_string()
        };
        let mut bad = key.clone();
        bad[0] = CNumber::Int(-1);
        assert_eq!(
            msg(&mut rs, args(&bad, 5, None)),
            "OverflowError: can't convert negative value to uint32_t"
        );
        bad[0] = CNumber::Int(1 << 32);
        assert_eq!(
            msg(&mut rs, args(&bad, 5, None)),
            "OverflowError: value too large to convert to uint32_t"
        );
        bad[0] = CNumber::Int(1 << 64);
        assert_eq!(
            msg(&mut rs, args(&bad, 5, None)),
            "OverflowError: Python int too large to convert to C unsigned long"
        );
        assert_eq!(
            msg(&mut rs, args(&key, 1 << 40, None)),
            "OverflowError: value too large to convert to int"
        );
        assert_eq!(
            msg(&mut rs, args(&key, 5, Some((1 << 31, 0.0)))),
            "OverflowError: value too large to convert to int"
        );
        let mut named = args(&key, 5, None);
        named.name = "PCG64";
        assert_eq!(
            msg(&mut rs, named),
            "ValueError: set_state can only be used with legacy MT19937 state instances."
        );
        let mut floats = args(&key, 5, None);
        floats.pos = CNumber::Float(f64::NAN);
        assert_eq!(
            msg(&mut rs, floats),
            "ValueError: cannot convert float NaN to integer"
        );
    }
}
