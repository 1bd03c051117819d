//! `numpy.random.RandomState`: MT19937 with NumPy's legacy seeding and conversions.
//!
//! Sources: numpy `random/_mt19937.pyx` (`_legacy_seeding`), `random/mtrand.pyx`,
//! `random/src/mt19937/mt19937.h` (`mt19937_next_double`), `random/src/legacy/legacy-distributions.c`
//! (`legacy_gauss`, `legacy_normal`), `random/src/distributions/distributions.c` (bounded integers).

use super::bit_generator::{fill_doubles, BitGenerator};
use super::bounded::BoundedDraw;
use super::int64_bounds::closed_range;
use super::legacy_gauss;
use super::memory::alloc;
use crate::engines::Mt19937;
use crate::entropy;
use crate::error::{Error, Result};

mod choice;
mod distributions;
pub(crate) use distributions::{check_binomial, check_geometric, check_poisson};
mod integers;
mod shuffle;
mod state;

pub use state::{CNumber, KeySequence, LegacyState, LegacyStateArgs};

/// A seed as `np.random.seed` / `RandomState(seed)` accepts it.
///
/// ```
/// use seedlab::numpy::{RandomState, Seed};
///
/// // np.random.RandomState(17) and RandomState([1, 2, 3]) (init_by_array)
/// let mut by_int = RandomState::new(Some(&Seed::from(17_u32))).unwrap();
/// assert_eq!(by_int.randn(1).unwrap()[0], 0.27626589002131874);
/// let by_array = RandomState::new(Some(&Seed::Array(vec![1, 2, 3]))).unwrap();
/// assert_ne!(by_array.get_state().key, RandomState::from_u32(1).get_state().key);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seed {
    /// A Python int: must lie in `[0, 2**32 - 1]`; seeds with `init_genrand`.
    Int(i128),
    /// A 1-d sequence of ints, each in `[0, 2**32 - 1]`: seeds with `init_by_array`.
    /// (`np.array([17])` is squeezed to an int by NumPy; pass `Int` for that.)
    Array(Vec<i128>),
}

impl From<u32> for Seed {
    fn from(seed: u32) -> Self {
        Seed::Int(seed.into())
    }
}

const SEED_RANGE_MESSAGE: &str = "Seed must be between 0 and 2**32 - 1";

fn seed_word(value: i128) -> Result<u32> {
    u32::try_from(value).map_err(|_| Error::value(SEED_RANGE_MESSAGE))
}

impl Seed {
    /// NumPy's error for a seed that is a non-integral float (`seed(17.5)`, `seed([1.5])`): the
    /// safe cast to int64 fails.
    pub fn float_error(in_array: bool) -> Error {
        let what = if in_array { "array data" } else { "scalar" };
        Error::type_error(format!(
            "Cannot cast {what} from dtype('float64') to dtype('int64') according to the rule 'safe'"
        ))
    }

    /// The engine NumPy builds for this seed, or NumPy's error for an invalid one.
    fn engine(&self) -> Result<Mt19937> {
        match self {
            Seed::Int(value) => Ok(Mt19937::new(seed_word(*value)?)),
            Seed::Array(values) => {
                if values.is_empty() {
                    return Err(Error::value("Seed must be non-empty"));
                }
                let key = values
                    .iter()
                    .map(|&v| seed_word(v))
                    .collect::<Result<Vec<u32>>>()?;
                Ok(Mt19937::from_key(&key))
            }
        }
    }
}

/// NumPy's legacy generator: an MT19937 plus the cached second value of the polar method.
///
/// ```
/// use seedlab::numpy::RandomState;
///
/// // np.random.seed(17); np.random.randn(3)
/// let mut rs = RandomState::from_u32(17);
/// assert_eq!(
///     rs.randn(3).unwrap(),
///     [0.27626589002131874, -1.854628078806505, 0.6239011113263563]
/// );
/// // then np.random.randint(0, 10, 5), continuing the same stream
/// assert_eq!(rs.randint(0, Some(10), 5).unwrap(), [4, 7, 1, 1, 9]);
/// ```
#[derive(Clone, Debug)]
pub struct RandomState {
    mt: Mt19937,
    /// `has_gauss` / `gauss` of NumPy's `aug_bitgen_t`: survives across calls until reseeded.
    cached_gauss: Option<f64>,
    /// `has_gauss` / `gauss` exactly as `set_state` was given them when they are not what
    /// `cached_gauss` reports (`has_gauss` other than 0 and 1, or a value with `has_gauss` 0),
    /// until the next normal is drawn.
    set_gauss: Option<(i32, f64)>,
}

impl RandomState {
    /// `RandomState(seed)`; `None` seeds from OS entropy, as `RandomState()` does.
    pub fn new(seed: Option<&Seed>) -> Result<Self> {
        let mt = match seed {
            Some(seed) => seed.engine()?,
            // NumPy quirk: `MT19937()` leaves `pos` at its fill loop's last index, 623, so the
            // first word drawn is the last state word, before any twist.
            None => entropy_engine(Mt19937::STATE_WORDS - 1)?,
        };
        Ok(RandomState {
            mt,
            cached_gauss: None,
            set_gauss: None,
        })
    }

    /// `RandomState(seed)` for a seed that is always valid.
    pub fn from_u32(seed: u32) -> Self {
        RandomState {
            mt: Mt19937::new(seed),
            cached_gauss: None,
            set_gauss: None,
        }
    }

    /// `seed(seed)`: reseeds in place and clears the cached gaussian. On error the state is left
    /// unchanged, as in NumPy.
    pub fn seed(&mut self, seed: Option<&Seed>) -> Result<()> {
        *self = match seed {
            Some(_) => RandomState::new(seed)?,
            // NumPy quirk: `_legacy_seeding(None)` writes new words but leaves `pos` as it was.
            None => RandomState {
                mt: entropy_engine(self.mt.state().1)?,
                cached_gauss: None,
                set_gauss: None,
            },
        };
        Ok(())
    }

    /// The underlying engine (for `get_state`-style inspection).
    pub fn engine(&self) -> &Mt19937 {
        &self.mt
    }

    /// The cached gaussian, if `randn` left one (`get_state()[3:]`).
    pub fn cached_gauss(&self) -> Option<f64> {
        self.cached_gauss
    }

    /// One uniform double in [0, 1) with 53 random bits (`mt19937_next_double`): the first word
    /// gives the high 27 bits, the second the low 26.
    #[inline]
    pub fn next_double(&mut self) -> f64 {
        BitGenerator::next_double(&mut self.mt)
    }

    /// One standard normal by the Marsaglia polar method (`legacy_gauss`). Each accepted pair
    /// yields two values: `f*x2` is returned and `f*x1` is cached for the next call.
    pub fn legacy_gauss(&mut self) -> f64 {
        self.forget_set_gauss();
        legacy_gauss::legacy_gauss(&mut self.mt, &mut self.cached_gauss)
    }

    /// `rand(n)` / `random_sample(n)`: uniform doubles in [0, 1).
    pub fn rand(&mut self, n: usize) -> Result<Vec<f64>> {
        let mut out = zeros(n)?;
        self.fill_rand(&mut out);
        Ok(out)
    }

    /// `rand` into `out`: the same values and state as `rand(out.len())`, without allocating.
    pub fn fill_rand(&mut self, out: &mut [f64]) {
        fill_doubles(&mut self.mt, out);
    }

    /// `randn(n)` / `standard_normal(n)`.
    pub fn randn(&mut self, n: usize) -> Result<Vec<f64>> {
        let mut out = zeros(n)?;
        self.fill_randn(&mut out);
        Ok(out)
    }

    /// `randn` into `out`: the same values and state (cached gaussian included) as
    /// `randn(out.len())`, without allocating.
    pub fn fill_randn(&mut self, out: &mut [f64]) {
        self.forget_set_gauss();
        legacy_gauss::fill(&mut self.mt, &mut self.cached_gauss, out);
    }

    /// `normal(loc, scale, n)` = `loc + scale * legacy_gauss()`. `scale` must not be negative;
    /// like NumPy, `-0.0` counts as negative (it tests the sign bit) and NaN passes.
    pub fn normal(&mut self, loc: f64, scale: f64, n: usize) -> Result<Vec<f64>> {
        Self::check_normal(scale)?;
        let mut out = self.randn(n)?;
        for value in &mut out {
            *value = loc + scale * *value;
        }
        Ok(out)
    }

    /// `normal`'s parameter check, which NumPy makes before it looks at the size.
    fn check_normal(scale: f64) -> Result<()> {
        if !scale.is_nan() && scale.is_sign_negative() {
            return Err(Error::value("scale < 0"));
        }
        Ok(())
    }

    /// `uniform(low, high, n)` = `low + (high - low) * next_double()`. `high < low` is allowed, as
    /// in NumPy; a non-finite range is NumPy's `OverflowError`.
    pub fn uniform(&mut self, low: f64, high: f64, n: usize) -> Result<Vec<f64>> {
        let range = Self::check_uniform(low, high)?;
        let mut out = self.rand(n)?;
        for value in &mut out {
            *value = low + range * *value;
        }
        Ok(out)
    }

    /// `uniform`'s parameter check (made before the size is looked at): the range `high - low`.
    fn check_uniform(low: f64, high: f64) -> Result<f64> {
        let range = high - low;
        if !range.is_finite() {
            return Err(Error::new(
                crate::error::ErrorKind::OverflowError,
                "Range exceeds valid bounds",
            ));
        }
        Ok(range)
    }

    /// `randint(low, high, n)` with NumPy's default dtype (int64 on 64-bit Linux): integers in
    /// `[low, high)`; `high = None` means `[0, low)`. Draws by masked rejection, with 32-bit words
    /// when the range fits in 32 bits and 64-bit draws otherwise.
    ///
    /// Quirk of NumPy's `_rand_int64`: an empty size returns an empty array before the bounds are
    /// checked, so `randint(5, 5, 0)` is `[]`, not an error.
    pub fn randint(&mut self, low: i128, high: Option<i128>, n: usize) -> Result<Vec<i64>> {
        if n == 0 {
            return Ok(Vec::new());
        }
        let (offset, range) = Self::check_randint(low, high)?;
        let draw = BoundedDraw::new(range);
        let mut out = alloc(n, "int64")?;
        out.extend((0..n).map(|_| offset.wrapping_add(draw.draw(&mut self.mt)) as i64));
        Ok(out)
    }

    /// `randint`'s bounds check (made before a non-empty size is looked at): the offset `low` and
    /// the inclusive range `high - 1 - low` the generator draws from. `high = None` means
    /// `[0, low)`.
    fn check_randint(low: i128, high: Option<i128>) -> Result<(u64, u64)> {
        match high {
            Some(high) => closed_range(low, high),
            None => closed_range(0, low),
        }
    }

    /// `permutation(n)` for an int `n`: `arange(n)` shuffled by masked draws in `[0, i]`
    /// (`random_interval`). A negative `n` gives an empty array, as `np.arange(n)` does.
    pub fn permutation(&mut self, n: i128) -> Result<Vec<i64>> {
        super::shuffle::permutation(&mut self.mt, n)
    }

    fn fill_f64(&mut self, n: usize, mut next: impl FnMut(&mut Self) -> f64) -> Result<Vec<f64>> {
        let mut out = alloc(n, "float64")?;
        out.extend((0..n).map(|_| next(self)));
        Ok(out)
    }
}

/// `n` zeros, or NumPy's `MemoryError` for a float64 array of that size.
fn zeros(n: usize) -> Result<Vec<f64>> {
    let mut out = alloc(n, "float64")?;
    out.resize(n, 0.0);
    Ok(out)
}

/// The calls with their size as a dynamic caller (JavaScript) passes it: a float that NumPy's rules
/// may reject (fractional, negative, too large), or `None` when the caller left it out, which is
/// [`Error::missing_count`]. Each makes NumPy's checks in NumPy's order, so the first error is the
/// one NumPy raises.
impl RandomState {
    /// `rand(size)`: uniform doubles in [0, 1).
    pub fn rand_sized(&mut self, size: Option<f64>) -> Result<Vec<f64>> {
        let n = dimension(size, "float64")?;
        self.rand(n)
    }

    /// `randn(size)`: standard normals (polar method, with the cached value).
    pub fn randn_sized(&mut self, size: Option<f64>) -> Result<Vec<f64>> {
        let n = dimension(size, "float64")?;
        self.randn(n)
    }

    /// `randint(low, high, size)`. NumPy's order: an empty size returns at once, then the bounds,
    /// then the size.
    pub fn randint_sized(
        &mut self,
        low: i128,
        high: Option<i128>,
        size: Option<f64>,
    ) -> Result<Vec<i64>> {
        if size == Some(0.0) {
            return Ok(Vec::new());
        }
        Self::check_randint(low, high)?;
        let n = shape(size, "int64")?;
        self.randint(low, high, n)
    }

    /// `uniform(low, high, size)`: the parameters are checked before the size.
    pub fn uniform_sized(&mut self, low: f64, high: f64, size: Option<f64>) -> Result<Vec<f64>> {
        Self::check_uniform(low, high)?;
        let n = dimension(size, "float64")?;
        self.uniform(low, high, n)
    }

    /// `normal(loc, scale, size)`: the parameters are checked before the size.
    pub fn normal_sized(&mut self, loc: f64, scale: f64, size: Option<f64>) -> Result<Vec<f64>> {
        Self::check_normal(scale)?;
        let n = dimension(size, "float64")?;
        self.normal(loc, scale, n)
    }
}

/// A legacy dimension (`rand(n)`, `randint(.., size)`) as NumPy converts it, with the missing
/// count refused first.
fn dimension(size: Option<f64>, dtype: &str) -> Result<usize> {
    super::size_from_f64(size.ok_or_else(Error::missing_count)?, dtype)
}

/// A `size=` as `np.empty(size)` converts it (`randint`, `choice`), with the missing count refused
/// first.
fn shape(size: Option<f64>, dtype: &str) -> Result<usize> {
    super::size::size_argument(size.ok_or_else(Error::missing_count)?, dtype)
}

/// OS entropy as `MT19937()` and `_legacy_seeding(None)` use it: 624 words with the first forced
/// to 0x80000000 so the state is never all zero, at position `pos`.
fn entropy_engine(pos: usize) -> Result<Mt19937> {
    let mut key = [0u32; Mt19937::STATE_WORDS];
    entropy::fill_words(&mut key)?;
    key[0] = 0x8000_0000;
    Ok(Mt19937::from_state(key, pos))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Values printed by numpy 2.4.6 (see ../shared reference, section 7).
    #[test]
    fn seed_17_randn_rand_randint() {
        let mut rs = RandomState::from_u32(17);
        let randn = rs.randn(5).unwrap();
        assert_eq!(
            randn,
            [
                0.27626589002131874,
                -1.854628078806505,
                0.6239011113263563,
                1.1453112895720903,
                1.0371904682278827
            ]
        );
        let mut rs = RandomState::from_u32(17);
        assert_eq!(
            rs.rand(3).unwrap(),
            [0.2946650026871097, 0.5305867556052941, 0.19152078694749486]
        );
        let mut rs = RandomState::from_u32(17);
        assert_eq!(rs.randint(0, Some(100), 5).unwrap(), [15, 6, 22, 57, 45]);
    }

    /// numpy 2.4.6: `RandomState().get_state()[2:]` is `(623, 0, 0.0)`; after `rand(3)` and
    /// `seed()` it is `(5, 0, 0.0)`: reseeding from entropy keeps the position and drops the
    /// cached Gaussian.
    #[test]
    fn unseeded_positions_are_numpys() {
        let mut rs = RandomState::new(None).unwrap();
        assert_eq!(rs.get_state().pos, 623);
        assert_eq!(rs.get_state().key[0], 0x8000_0000);
        rs.rand(3).unwrap();
        assert_eq!(rs.get_state().pos, 5);
        // The polar method's rejections make the position after randn depend on the draws.
        rs.randn(1).unwrap();
        let before = rs.get_state();
        assert_eq!(before.has_gauss, 1);
        rs.seed(None).unwrap();
        let state = rs.get_state();
        assert_eq!((state.pos, state.has_gauss), (before.pos, 0));
    }

    #[test]
    fn fills_in_pieces_continue_one_stream() {
        let mut whole = RandomState::from_u32(3);
        let mut pieces = whole.clone();
        let (normals, uniforms) = (whole.randn(1001).unwrap(), whole.rand(999).unwrap());
        let mut got = vec![0.0; 2000];
        for range in [0..1, 1..2, 2..5, 5..700, 700..1001] {
            pieces.fill_randn(&mut got[range]);
        }
        for range in [1001..1002, 1002..1700, 1700..2000] {
            pieces.fill_rand(&mut got[range]);
        }
        assert_eq!(got[..1001], normals[..]);
        assert_eq!(got[1001..], uniforms[..]);
        assert!(whole.engine() == pieces.engine());
        assert_eq!(whole.cached_gauss(), pieces.cached_gauss());
    }

    #[test]
    fn one_randn_leaves_the_first_product_cached() {
        let mut rs = RandomState::from_u32(17);
        rs.randn(1).unwrap();
        assert_eq!(rs.cached_gauss(), Some(-1.854628078806505));
        assert_eq!(rs.engine().state().1, 4);
        rs.seed(Some(&Seed::Int(17))).unwrap();
        assert_eq!(rs.cached_gauss(), None);
    }

    #[test]
    fn bad_seeds_use_numpy_messages_and_keep_state() {
        let mut rs = RandomState::from_u32(17);
        let before = rs.clone().rand(4).unwrap();
        for bad in [
            Seed::Int(-1),
            Seed::Int(1 << 32),
            Seed::Array(vec![]),
            Seed::Array(vec![1, -1]),
        ] {
            let err = rs.seed(Some(&bad)).unwrap_err();
            assert_eq!(err.kind().name(), "ValueError", "{bad:?}");
        }
        assert_eq!(
            rs.seed(Some(&Seed::Array(vec![]))).unwrap_err().message(),
            "Seed must be non-empty"
        );
        assert_eq!(rs.rand(4).unwrap(), before);
    }

    #[test]
    fn randint_bounds_errors() {
        let mut rs = RandomState::from_u32(1);
        let msg = |r: Result<Vec<i64>>| r.unwrap_err().message().to_owned();
        assert_eq!(msg(rs.randint(5, Some(5), 1)), "low >= high");
        assert_eq!(rs.randint(5, Some(5), 0).unwrap(), Vec::<i64>::new());
        assert_eq!(msg(rs.randint(0, None, 1)), "high <= 0");
        assert_eq!(msg(rs.randint(0, Some(-3), 1)), "high <= 0");
        assert_eq!(
            msg(rs.randint(-(1 << 63) - 1, Some(0), 1)),
            "low is out of bounds for int64"
        );
        assert_eq!(
            msg(rs.randint(0, Some((1 << 63) + 1), 1)),
            "high is out of bounds for int64"
        );
        assert_eq!(rs.randint(-(1 << 63), Some(1 << 63), 2).unwrap().len(), 2);
    }

    #[test]
    fn sized_calls_check_in_numpys_order() {
        let mut rs = RandomState::from_u32(1);
        let msg = |r: Result<Vec<i64>>| r.unwrap_err().to_string();
        let msg_f = |r: Result<Vec<f64>>| r.unwrap_err().to_string();
        // randint: an empty size returns at once, then the bounds, then the size.
        assert!(rs.randint_sized(5, Some(5), Some(0.0)).unwrap().is_empty());
        assert_eq!(
            msg(rs.randint_sized(5, Some(5), Some(-1.0))),
            "ValueError: low >= high"
        );
        assert_eq!(
            msg(rs.randint_sized(5, Some(5), None)),
            "ValueError: low >= high"
        );
        assert_eq!(
            msg(rs.randint_sized(0, Some(5), Some(-1.0))),
            "ValueError: negative dimensions are not allowed"
        );
        assert_eq!(
            msg(rs.randint_sized(0, Some(5), Some(2.5))),
            "TypeError: expected a sequence of integers or a single integer, got '2.5'"
        );
        // uniform and normal: the parameters before the size.
        assert_eq!(
            msg_f(rs.uniform_sized(0.0, f64::INFINITY, Some(-1.0))),
            "OverflowError: Range exceeds valid bounds"
        );
        assert_eq!(
            msg_f(rs.normal_sized(0.0, -1.0, Some(2.5))),
            "ValueError: scale < 0"
        );
        assert_eq!(
            msg_f(rs.rand_sized(None)),
            "TypeError: missing the count n (how many values to draw)"
        );
        // choice: a fractional size meets NumPy's checks on the truncated size first.
        assert_eq!(
            msg(rs.choice_sized(5, Some(6.5), false)),
            "ValueError: Cannot take a larger sample than population when 'replace=False'"
        );
        assert_eq!(rs.choice_sized(5, Some(3.0), true).unwrap().len(), 3);
    }
}
