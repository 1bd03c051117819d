//! The in-place random fills of a CPU tensor (`Tensor.uniform_`, `normal_`, `random_`,
//! `bernoulli_`, `exponential_`) and the factory functions built on them, as PyTorch 2.15's
//! x86-64 wheel computes them (its AVX2 kernels, which AVX-512 CPUs run too).
//!
//! | torch call | here |
//! |---|---|
//! | `torch.rand(n, dtype=d)`, `t.uniform_(a, b)` | `uniform_(d, n, 0, 1)`, `uniform_(d, n, a, b)` |
//! | `torch.randn(n, dtype=d)`, `t.normal_(m, s)`, `torch.normal(m, s, (n,))` | `normal_(d, n, m, s)` |
//! | `torch.randint(lo, hi, (n,), dtype=d)`, `t.random_(lo, hi)`, `t.random_(hi)` | `random_from_to_(d, n, lo, Some(hi))` (`lo` = 0 for `random_(hi)`) |
//! | `t.random_(lo, None)` | `random_from_to_(d, n, lo, None)` |
//! | `t.random_()` | `random_(d, n)` |
//! | `t.bernoulli_(p)`, `torch.bernoulli(t, p)` | `bernoulli_(d, n, p)` |
//! | `torch.bernoulli(probs)`, `t.bernoulli_(probs)` | `bernoulli_probs(d, probs)` (probs already broadcast to `t`) |
//! | `t.exponential_(lambd)` | `exponential_(d, n, lambd)` |
//!
//! Sources (torch 2.15.0 wheel headers): `native/DistributionTemplates.h` (argument checks),
//! `native/cpu/DistributionTemplates.h` (kernels), `core/DistributionsHelper.h` and
//! `core/TransformationHelper.h` (per-element transformations).
//!
//! Scalar-`p` Bernoulli: the 2.15.0 wheel draws it with the serial MT19937 kernel below on every
//! CPU. (Some earlier releases sent it, on Intel CPUs only, through MKL's VSL MCG31 stream; the
//! 2.15.0 binary contains no VSL random-number code: its `bernoulli_scalar_kernel` calls the
//! default template directly, and an emulated Intel CPU gives the same values.)

use super::cpp_format::cpp_double;
use super::dtype::{Dtype, TensorValues};
use super::fma::{fma_f32, fma_f64};
use super::generator::{int64_arg, NORMAL_FILL_THRESHOLD};
use super::{alloc, Generator};
use crate::error::{Error, ErrorKind, Result};
use crate::math;

/// A `TORCH_CHECK` failure: a `RuntimeError` with torch's message.
pub(crate) fn runtime_error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::RuntimeError, message)
}

/// `AT_DISPATCH_*`'s error for a dtype the kernel does not handle.
pub(crate) fn not_implemented(kernel: &str, dtype: Dtype) -> Error {
    Error::new(
        ErrorKind::NotImplementedError,
        format!(
            "\"{kernel}\" not implemented for '{}'",
            dtype.scalar_type_name()
        ),
    )
}

fn fill<T>(n: usize, mut value: impl FnMut() -> T) -> Result<Vec<T>> {
    let mut out = alloc(n)?;
    out.extend((0..n).map(|_| value()));
    Ok(out)
}

/// Converts per-element values computed in double (the serial kernels' `static_cast<scalar_t>`).
fn cast_doubles(dtype: Dtype, n: usize, mut value: impl FnMut() -> f64) -> Result<TensorValues> {
    Ok(match dtype {
        Dtype::Float32 => TensorValues::Float32(fill(n, || value() as f32)?),
        Dtype::Float64 => TensorValues::Float64(fill(n, value)?),
        Dtype::Int64 => TensorValues::Int64(fill(n, || value() as i64)?),
    })
}

/// `CHECK_OUT_OF_BOUNDS`: `from is out of bounds for float`.
fn check_in_bounds(value: f64, name: &str, dtype: Dtype) -> Result<()> {
    let (lowest, max) = match dtype {
        Dtype::Float32 => (f64::from(f32::MIN), f64::from(f32::MAX)),
        _ => (f64::MIN, f64::MAX),
    };
    if value >= lowest && value <= max {
        Ok(())
    } else {
        Err(runtime_error(format!(
            "{name} is out of bounds for {}",
            dtype.type_meta_name()
        )))
    }
}

/// `static_cast<int64_t>` of a float as x86-64 computes it (`cvttsd2si`): truncation, and
/// `INT64_MIN` for anything out of range.
fn x86_to_i64(x: f64) -> i64 {
    let two_63 = -(i64::MIN as f64);
    if x.is_nan() || !(-two_63..two_63).contains(&x) {
        i64::MIN
    } else {
        x as i64
    }
}

/// `static_cast<scalar_t>` of an int64, for the float dtypes (round to nearest).
fn int_to_dtype(x: i64, dtype: Dtype) -> f64 {
    match dtype {
        Dtype::Float32 => f64::from(x as f32),
        _ => x as f64,
    }
}

/// Mantissa digits of a float dtype (`std::numeric_limits<scalar_t>::digits`).
fn digits(dtype: Dtype) -> u32 {
    match dtype {
        Dtype::Float32 => 24,
        _ => 53,
    }
}

/// `update_from<scalar_t>`: moves `from` right to the next value that stays >= `from` once cast.
fn update_from(from: i64, dtype: Dtype) -> i64 {
    let from_plus_1 = x86_to_i64(int_to_dtype(from.wrapping_add(1), dtype));
    if from_plus_1 < from {
        let magnitude = from.wrapping_add(1).unsigned_abs();
        let n = 63 - magnitude.leading_zeros() as i32; // floor(log2), 0 for 0 and 1
        from_plus_1.wrapping_add(1i64.wrapping_shl((n - digits(dtype) as i32 + 1) as u32))
    } else {
        from
    }
}

/// `update_to<scalar_t>`: moves `to` left to the previous value that stays < `to` once cast.
fn update_to(to: i64, dtype: Dtype) -> i64 {
    let to_minus_1 = x86_to_i64(int_to_dtype(to.wrapping_sub(1), dtype));
    if to_minus_1 >= to {
        let magnitude = to.wrapping_sub(1).unsigned_abs();
        let n = 63 - magnitude.leading_zeros() as i32;
        to_minus_1.wrapping_sub(1i64.wrapping_shl((n - digits(dtype) as i32 + 1) as u32))
    } else {
        to
    }
}

impl Generator {
    /// `Tensor.uniform_(from, to)` on `n` elements (`torch.rand` is `uniform_(0, 1)`).
    ///
    /// Each element is one word (float32) or two (float64): `x = (bits & mask) * 2**-digits`,
    /// then `x * (to - from) + from`, which the AVX2 build fuses into one FMA, with `from` and
    /// `to` first cast to the dtype; a value that rounds up to `to` is replaced by `from`.
    pub fn uniform_(&mut self, dtype: Dtype, n: usize, from: f64, to: f64) -> Result<TensorValues> {
        if dtype == Dtype::Int64 {
            return Err(not_implemented("check_uniform_bounds", dtype));
        }
        check_in_bounds(from, "from", dtype)?;
        check_in_bounds(to, "to", dtype)?;
        if from.is_nan() || to.is_nan() || from > to {
            return Err(runtime_error(format!(
                "uniform_ expects to return a [from, to) range, but found from={} > to={}",
                cpp_double(from),
                cpp_double(to)
            )));
        }
        let max = if dtype == Dtype::Float32 {
            f64::from(f32::MAX)
        } else {
            f64::MAX
        };
        let span = to - from;
        if span.is_nan() || span > max {
            return Err(runtime_error(format!(
                "uniform_ expects to-from <= std::numeric_limits<{}>::max(), but found to={} and from={} which result in to-from to exceed the limit",
                dtype.scalar_type_name(),
                cpp_double(to),
                cpp_double(from)
            )));
        }
        Ok(match dtype {
            Dtype::Float32 => {
                let (from, to) = (from as f32, to as f32);
                let range = to - from;
                TensorValues::Float32(fill(n, || {
                    let value = fma_f32(self.uniform_f32(), range, from);
                    // Clamp if the cast rounded up to the upper bound.
                    if value == to {
                        from
                    } else {
                        value
                    }
                })?)
            }
            _ => {
                let range = to - from;
                TensorValues::Float64(fill(n, || {
                    let value = fma_f64(self.uniform_f64(), range, from);
                    if value == to {
                        from
                    } else {
                        value
                    }
                })?)
            }
        })
    }

    /// `Tensor.normal_(mean, std)` on `n` elements (`torch.randn` is `normal_(0, 1)`, and
    /// `torch.normal(mean, std, size)` is this too).
    ///
    /// Below 16 elements: per element the double Box-Muller of [`Generator::normal_f64`] (with its
    /// cached value), `fma(z, std, mean)` in double, cast to the dtype. From 16 on, `normal_fill`:
    /// float32 by the AVX2 kernel in float arithmetic; float64 by the scalar template with glibc's
    /// `log`, `cos` and `sin` and `fma(radius * cos, std, mean)`.
    pub fn normal_(&mut self, dtype: Dtype, n: usize, mean: f64, std: f64) -> Result<TensorValues> {
        if std.is_nan() || std < 0.0 {
            return Err(runtime_error(format!(
                "normal expects std >= 0.0, but found std {}",
                cpp_double(std)
            )));
        }
        if n == 0 {
            return Ok(TensorValues::empty(dtype));
        }
        if dtype == Dtype::Int64 {
            return Err(not_implemented("normal_kernel_cpu", dtype));
        }
        if n < NORMAL_FILL_THRESHOLD {
            return cast_doubles(dtype, n, || fma_f64(self.normal_f64(), std, mean));
        }
        Ok(match dtype {
            Dtype::Float32 => {
                let mut out = fill(n, || 0.0)?;
                self.fill_normal_f32(&mut out, mean as f32, std as f32);
                TensorValues::Float32(out)
            }
            _ => {
                let mut out = fill(n, || self.uniform_f64())?;
                normal_fill_f64(&mut out, mean, std, || self.uniform_f64());
                TensorValues::Float64(out)
            }
        })
    }

    /// `Tensor.random_()`: int64 `random64() % 2**63`; float32 `random() % (2**24 + 1)`;
    /// float64 `random64() % (2**53 + 1)`.
    pub fn random_(&mut self, dtype: Dtype, n: usize) -> Result<TensorValues> {
        Ok(match dtype {
            Dtype::Int64 => {
                TensorValues::Int64(fill(n, || (self.random64() & (u64::MAX >> 1)) as i64)?)
            }
            Dtype::Float32 => TensorValues::Float32(fill(n, || {
                (u64::from(self.random()) % ((1 << 24) + 1)) as f32
            })?),
            Dtype::Float64 => {
                TensorValues::Float64(fill(n, || (self.random64() % ((1 << 53) + 1)) as f64)?)
            }
        })
    }

    /// `Tensor.random_(from, to)`: `[from, to)`; with `to` None, `[from, max]` where max is
    /// int64's maximum, or 2**24 / 2**53 for float32 / float64 (and the whole int64 range from
    /// its minimum). `torch.randint(low, high, size, dtype=d)` is `random_from_to_(d, n, low,
    /// Some(high))`. Each value is `from + v % range` with `v` one word, or two once the range
    /// reaches 2**28, cast to the dtype (float bounds are first moved inside what the dtype
    /// represents, as torch's `update_from` / `update_to` do).
    pub fn random_from_to_(
        &mut self,
        dtype: Dtype,
        n: usize,
        from: i128,
        to: Option<i128>,
    ) -> Result<TensorValues> {
        let mut from = int64_arg(from)?;
        let range = match to {
            Some(to) => {
                let mut to = int64_arg(to)?;
                if from >= to {
                    return Err(runtime_error(format!(
                        "random_ expects 'from' to be less than 'to', but got from={from} >= to={to}"
                    )));
                }
                if dtype.is_floating_point() {
                    from = update_from(from, dtype);
                    to = update_to(to, dtype);
                    if from >= to {
                        return Err(runtime_error(format!(
                            "random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from={from} >= to={to}"
                        )));
                    }
                }
                Some((to as u64).wrapping_sub(from as u64))
            }
            None if from != i64::MIN => {
                let to_inc = match dtype {
                    Dtype::Int64 => i64::MAX,
                    _ => {
                        let to_inc = 1i64 << digits(dtype);
                        from = update_from(from, dtype);
                        if from >= to_inc {
                            return Err(runtime_error(format!(
                                "random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, but got from={from} > to_inc={to_inc}"
                            )));
                        }
                        to_inc
                    }
                };
                Some((to_inc as u64).wrapping_sub(from as u64).wrapping_add(1))
            }
            // [int64 min, int64 max]: one 64-bit draw, reinterpreted.
            None => None,
        };
        let mut draw = || match range {
            Some(range) if range >= super::generator::RANDINT_64BIT_THRESHOLD => {
                (self.random64() % range).wrapping_add(from as u64) as i64
            }
            Some(range) => (u64::from(self.random()) % range).wrapping_add(from as u64) as i64,
            None => self.random64() as i64,
        };
        Ok(match dtype {
            Dtype::Int64 => TensorValues::Int64(fill(n, draw)?),
            Dtype::Float32 => TensorValues::Float32(fill(n, || draw() as f32)?),
            Dtype::Float64 => TensorValues::Float64(fill(n, || draw() as f64)?),
        })
    }

    /// `Tensor.bernoulli_(p)` for a scalar `p` in [0, 1]: per element one double uniform (two
    /// words), 1 where it is below `p`, else 0.
    pub fn bernoulli_(&mut self, dtype: Dtype, n: usize, p: f64) -> Result<TensorValues> {
        if !(0.0..=1.0).contains(&p) {
            return Err(runtime_error(format!(
                "bernoulli_ expects p to be in [0, 1], but got p={}",
                cpp_double(p)
            )));
        }
        cast_doubles(dtype, n, || f64::from(u8::from(self.uniform_f64() < p)))
    }

    /// `torch.bernoulli(probs)` (output of `dtype` = probs' dtype) and `Tensor.bernoulli_(probs)`
    /// (output of the tensor's dtype): one draw per element against its probability, in element
    /// order, with `probs` already broadcast to the output. float32 probabilities draw one float
    /// uniform (one word) each, float64 ones one double uniform (two words). A probability
    /// outside [0, 1] stops the fill there with torch's error, after the draws before it.
    pub fn bernoulli_probs(&mut self, dtype: Dtype, probs: &TensorValues) -> Result<TensorValues> {
        let n = probs.len();
        let mut bits: Vec<u8> = alloc(n)?;
        match probs {
            TensorValues::Float32(p) => {
                for &p in p {
                    check_probability((0.0..=1.0).contains(&p))?;
                    bits.push(u8::from(self.uniform_f32() < p));
                }
            }
            TensorValues::Float64(p) => {
                for &p in p {
                    check_probability((0.0..=1.0).contains(&p))?;
                    bits.push(u8::from(self.uniform_f64() < p));
                }
            }
            TensorValues::Int64(_) => {
                return Err(not_implemented("bernoulli_tensor_cpu_p_", Dtype::Int64))
            }
        }
        let mut bits = bits.into_iter();
        cast_doubles(dtype, n, || f64::from(bits.next().unwrap_or(0)))
    }

    /// `Tensor.exponential_(lambd)`: per element one double uniform `u`, then
    /// `-1 / lambd * log1p(-u)` in double (glibc's `log1p`), cast to the dtype.
    pub fn exponential_(&mut self, dtype: Dtype, n: usize, lambd: f64) -> Result<TensorValues> {
        if lambd.is_nan() || lambd <= 0.0 {
            return Err(runtime_error(format!(
                "exponential_ expects lambda > 0.0, but found lambda={}",
                cpp_double(lambd)
            )));
        }
        if n == 0 {
            return Ok(TensorValues::empty(dtype));
        }
        if dtype == Dtype::Int64 {
            return Err(runtime_error(
                "Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified Long",
            ));
        }
        cast_doubles(dtype, n, || -1.0 / lambd * math::log1p(-self.uniform_f64()))
    }
}

/// `bernoulli_distribution`'s constructor check, which has no message of its own.
fn check_probability(valid: bool) -> Result<()> {
    if valid {
        Ok(())
    } else {
        Err(runtime_error(
            "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)",
        ))
    }
}

/// `NormalFill16<double>` (the scalar template): 8 Box-Muller pairs `(data[j], data[j + 8])`.
fn normal_fill_16_f64(data: &mut [f64], mean: f64, std: f64) {
    for j in 0..8 {
        let u1 = 1.0 - data[j];
        let u2 = data[j + 8];
        let radius = (-2.0 * math::log(u1)).sqrt();
        // `2.0f * c10::pi<double> * u2`: 2*pi in double first.
        let theta = 2.0 * core::f64::consts::PI * u2;
        data[j] = fma_f64(radius * math::cos(theta), std, mean);
        data[j + 8] = fma_f64(radius * math::sin(theta), std, mean);
    }
}

/// `normal_fill<double>`: whole blocks of 16 in order, then (if `n % 16 != 0`) the last 16 slots
/// refilled with fresh uniforms and transformed again.
fn normal_fill_f64(data: &mut [f64], mean: f64, std: f64, mut fresh_uniform: impl FnMut() -> f64) {
    let n = data.len();
    for block in data.chunks_exact_mut(16) {
        normal_fill_16_f64(block, mean, std);
    }
    if n % 16 != 0 {
        let tail = &mut data[n - 16..];
        for slot in tail.iter_mut() {
            *slot = fresh_uniform();
        }
        normal_fill_16_f64(tail, mean, std);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_bounds_move_inside_the_dtype() {
        // Floats are 4 apart above 2**25: from + 1 = 2**25 + 2 rounds down (to even), so from
        // moves up to 2**25 + 4; to - 1 = 2**25 + 3 rounds up to `to`, so to moves down to 2**25.
        assert_eq!(update_from((1 << 25) + 1, Dtype::Float32), (1 << 25) + 4);
        assert_eq!(update_to((1 << 25) + 4, Dtype::Float32), 1 << 25);
        assert_eq!(update_from((1 << 24) + 1, Dtype::Float32), (1 << 24) + 1);
        assert_eq!(update_from(5, Dtype::Float32), 5);
        assert_eq!(update_to(5, Dtype::Float64), 5);
    }

    #[test]
    fn random_int64_is_the_word_modulo_2_pow_63() {
        let mut a = Generator::new(3);
        let mut b = Generator::new(3);
        let v = a.random_(Dtype::Int64, 5).unwrap();
        let want: Vec<i64> = (0..5).map(|_| (b.random64() % (1 << 63)) as i64).collect();
        assert_eq!(v, TensorValues::Int64(want));
    }
}
