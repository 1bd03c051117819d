//! `mathExp`, `mathPow`, ...: the reference platform's libm (glibc's functions, x86-64 FMA
//! build) for JavaScript, one value at a time or over a whole `Float64Array` per call; and the
//! two float64 loops where NumPy's bits are its own: `numpyPower` (`np.power` with a scalar
//! exponent) and `numpyTanh`.
//!
//! The scalar functions take and return Numbers; the `...Array` ones take a `Float64Array` and
//! return a new one of the same length. None of them throws for a Number argument: like the C
//! functions, they return NaN or an infinity (`mathLog(-1)` is NaN, `mathExp(1000)` Infinity).
//! Python's and NumPy's errors and warnings for those values are the caller's to raise.

use super::{describe, floats_arg};
use crate::error::Error;
use crate::{math, numpy};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A scalar binding and its `Float64Array` binding for each one-argument function, with their
/// doc comments (literals, which wasm-bindgen copies into the .d.ts).
macro_rules! unary {
    ($($scalar:ident, $array:ident, $js:literal, $js_array:literal, $f:path,
       $doc:literal, $doc_array:literal;)*) => {$(
        #[doc = $doc]
        #[wasm_bindgen(js_name = $js)]
        pub fn $scalar(x: f64) -> f64 {
            $f(x)
        }

        #[doc = $doc_array]
        #[wasm_bindgen(js_name = $js_array)]
        pub fn $array(
            #[wasm_bindgen(unchecked_param_type = "Float64Array")] xs: JsValue,
        ) -> Result<Vec<f64>, JsValue> {
            Ok(floats_arg(&xs, "xs")?.into_iter().map($f).collect())
        }
    )*};
}

unary! {
    math_exp, math_exp_array, "mathExp", "mathExpArray", math::exp,
        "`exp(x)`, bit-identical to glibc's (x86-64 FMA build).",
        "`exp(x)` of every element, glibc's values: a new `Float64Array`.";
    math_log, math_log_array, "mathLog", "mathLogArray", math::log,
        "`log(x)` (natural), bit-identical to glibc's (x86-64 FMA build).",
        "`log(x)` of every element, glibc's values: a new `Float64Array`.";
    math_log1p, math_log1p_array, "mathLog1p", "mathLog1pArray", math::log1p,
        "`log1p(x)` = log(1 + x), bit-identical to glibc's (x86-64 FMA build).",
        "`log1p(x)` of every element, glibc's values: a new `Float64Array`.";
    math_sin, math_sin_array, "mathSin", "mathSinArray", math::sin,
        "`sin(x)`, correctly rounded: glibc's value except where glibc misrounds (~0.13 %).",
        "`sin(x)` of every element (see `mathSin`): a new `Float64Array`.";
    math_cos, math_cos_array, "mathCos", "mathCosArray", math::cos,
        "`cos(x)`, correctly rounded: glibc's value except where glibc misrounds (~0.13 %).",
        "`cos(x)` of every element (see `mathCos`): a new `Float64Array`.";
    math_log2, math_log2_array, "mathLog2", "mathLog2Array", math::log2,
        "`log2(x)`, bit-identical to glibc's (x86-64 FMA build).",
        "`log2(x)` of every element, glibc's values: a new `Float64Array`.";
    math_log10, math_log10_array, "mathLog10", "mathLog10Array", math::log10,
        "`log10(x)`, bit-identical to glibc's (x86-64).",
        "`log10(x)` of every element, glibc's values: a new `Float64Array`.";
    math_exp2, math_exp2_array, "mathExp2", "mathExp2Array", math::exp2,
        "`exp2(x)` = 2^x, bit-identical to glibc's (x86-64).",
        "`exp2(x)` of every element, glibc's values: a new `Float64Array`.";
    math_expm1, math_expm1_array, "mathExpm1", "mathExpm1Array", math::expm1,
        "`expm1(x)` = exp(x) - 1, bit-identical to glibc's (x86-64 FMA build).",
        "`expm1(x)` of every element, glibc's values: a new `Float64Array`.";
    math_tanh, math_tanh_array, "mathTanh", "mathTanhArray", math::tanh,
        "`tanh(x)`, bit-identical to glibc's (x86-64).",
        "`tanh(x)` of every element, glibc's values: a new `Float64Array`.";
    math_erf, math_erf_array, "mathErf", "mathErfArray", math::erf,
        "`erf(x)`, bit-identical to glibc's (x86-64).",
        "`erf(x)` of every element, glibc's values: a new `Float64Array`.";
    math_erfc, math_erfc_array, "mathErfc", "mathErfcArray", math::erfc,
        "`erfc(x)` = 1 - erf(x), bit-identical to glibc's (x86-64).",
        "`erfc(x)` of every element, glibc's values: a new `Float64Array`.";
}

/// `pow(x, y)`, bit-identical to glibc's (x86-64 FMA build), with C99's special cases
/// (`mathPow(NaN, 0)` is 1, `mathPow(-8, 1/3)` NaN, `mathPow(0, -1)` Infinity).
#[wasm_bindgen(js_name = mathPow)]
pub fn math_pow(x: f64, y: f64) -> f64 {
    math::pow(x, y)
}

/// An exponent operand: one Number for every element, or a `Float64Array` of the same length.
enum Exponents {
    Scalar(f64),
    Each(Vec<f64>),
}

fn exponents(ys: &JsValue, len: usize, what: &str) -> Result<Exponents, Error> {
    if let Some(y) = ys.as_f64() {
        return Ok(Exponents::Scalar(y));
    }
    let Some(array) = ys.dyn_ref::<js_sys::Float64Array>() else {
        return Err(Error::type_error(format!(
            "{what}: the exponents must be a Number or a Float64Array, got a {}",
            describe(ys)
        )));
    };
    let ys = array.to_vec();
    if ys.len() != len {
        return Err(Error::value(format!(
            "{what}: {} bases but {} exponents; give as many, or one Number",
            len,
            ys.len()
        )));
    }
    Ok(Exponents::Each(ys))
}

/// `pow(xs[i], ys[i])` for every element (or `pow(xs[i], ys)` for a Number `ys`): a new
/// `Float64Array`, glibc's values.
#[wasm_bindgen(js_name = mathPowArray)]
pub fn math_pow_array(
    #[wasm_bindgen(unchecked_param_type = "Float64Array")] xs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number")] ys: JsValue,
) -> Result<Vec<f64>, JsValue> {
    let xs = floats_arg(&xs, "xs")?;
    Ok(match exponents(&ys, xs.len(), "mathPowArray")? {
        Exponents::Scalar(y) => xs.iter().map(|&x| math::pow(x, y)).collect(),
        Exponents::Each(ys) => xs.iter().zip(ys).map(|(&x, y)| math::pow(x, y)).collect(),
    })
}

/// NumPy 2.4.6's `np.power(xs, y)` for a float64 array and a scalar exponent (a Python or
/// NumPy scalar, or a 0-d array): `y` = -1, 0, 0.5, 1, 2 take NumPy's shortcuts (`1/x`, `1`,
/// `sqrt(x)`, `x`, `x*x`), any other `y` glibc's `pow`. Exponent arrays walked element by
/// element go to `pow`: use `mathPowArray`.
#[wasm_bindgen(js_name = numpyPower)]
pub fn numpy_power(
    #[wasm_bindgen(unchecked_param_type = "Float64Array")] xs: JsValue,
    y: f64,
) -> Result<Vec<f64>, JsValue> {
    Ok(numpy::power_scalar_exponent(&floats_arg(&xs, "xs")?, y))
}

/// NumPy 2.4.6's `np.tanh` of every element of a float64 array (or a scalar: a 1-element
/// array), on the reference platform's AVX2 dispatch: NumPy's own SIMD polynomial, which
/// differs from glibc's `tanh` (`mathTanh`, what Python's `math.tanh` gives) for about a quarter
/// of inputs.
#[wasm_bindgen(js_name = numpyTanh)]
pub fn numpy_tanh(
    #[wasm_bindgen(unchecked_param_type = "Float64Array")] xs: JsValue,
) -> Result<Vec<f64>, JsValue> {
    Ok(numpy::tanh_array(&floats_arg(&xs, "xs")?))
}
