//! `RandomState`'s sampling methods for JavaScript: `permutation`, `choice`, `shuffle`. Not in
//! the page's first-screen module (see mod.rs): the page moves a generator to the full module,
//! state and all, when code first calls one of these.

use super::{as_f64s, describe, float_array, int_or, JsRandomState};
use crate::error::{Error, ErrorKind};
use crate::numpy::Population;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_class = RandomState)]
impl JsRandomState {
    /// `permutation(n)`: 0..n-1 shuffled; a negative `n` gives an empty array, as in NumPy.
    pub fn permutation(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] n: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let n = int_or(&n, "n", |_| {
            Error::new(
                ErrorKind::IndexError,
                "x must be an integer or at least 1-dimensional",
            )
        })?;
        Ok(as_f64s(self.inner.permutation(n)?))
    }

    /// `choice(popSize, size, replace = true, p = null)`: `size` values of 0..popSize-1 (`a` given
    /// as an int). Without `p`: with replacement `randint(0, popSize, size)`, without it
    /// `permutation(popSize)[:size]`. With `p` (probabilities, one per value): NumPy's
    /// cumulative search, with and without replacement.
    pub fn choice(
        &mut self,
        #[wasm_bindgen(js_name = popSize, unchecked_param_type = "number | bigint")]
        pop_size: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] size: Option<f64>,
        replace: Option<bool>,
        #[wasm_bindgen(unchecked_optional_param_type = "FloatArray | null")] p: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let pop_size = int_or(&pop_size, "popSize", |_| {
            Error::value("a must be 1-dimensional or an integer")
        })?;
        let p = float_array(&p, "p")?;
        let replace = replace.unwrap_or(true);
        Ok(as_f64s(self.inner.choice_from_sized(
            Population::Int(pop_size),
            size,
            replace,
            p.as_deref(),
        )?))
    }

    /// `choice(a, size, replace = true, p = null)` for an array `a` of `length` elements: the
    /// indices chosen (`a[i]`; for an N-d `a`, rows along axis 0). The same draws as `choice`;
    /// an empty `a` has its own message.
    #[wasm_bindgen(js_name = choiceIndices)]
    pub fn choice_indices(
        &mut self,
        length: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] size: Option<f64>,
        replace: Option<bool>,
        #[wasm_bindgen(unchecked_optional_param_type = "FloatArray | null")] p: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let length = array_length(length)?;
        let p = float_array(&p, "p")?;
        let replace = replace.unwrap_or(true);
        Ok(as_f64s(self.inner.choice_from_sized(
            Population::Array(length),
            size,
            replace,
            p.as_deref(),
        )?))
    }

    /// `shuffle(x)`: shuffles a JS Array or typed array in place, in NumPy's order (for an N-d
    /// array along axis 0, shuffle its rows: the order is `permutation(len)`'s).
    pub fn shuffle(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "unknown[] | TypedArray")] array: JsValue,
    ) -> Result<(), JsValue> {
        shuffle_in_place(&array, |items| self.inner.shuffle(items))
    }
}

/// An array's length as `choiceIndices` takes it: a whole number up to 2**53.
pub(crate) fn array_length(length: f64) -> Result<u64, Error> {
    if !(0.0..=9_007_199_254_740_992.0).contains(&length) || length.fract() != 0.0 {
        return Err(Error::type_error(format!(
            "length must be a whole number of elements in [0, 2**53], got {length}"
        )));
    }
    Ok(length as u64)
}

/// Shuffles the elements of a JS Array or typed array in place with `shuffle`.
pub(crate) fn shuffle_in_place(
    array: &JsValue,
    shuffle: impl FnOnce(&mut [JsValue]),
) -> Result<(), JsValue> {
    if !js_sys::Array::is_array(array) && !js_sys::ArrayBuffer::is_view(array) {
        return Err(Error::type_error(format!(
            "shuffle needs an Array or a typed array, got a {}",
            describe(array)
        ))
        .into());
    }
    let mut items: Vec<JsValue> = js_sys::Array::from(array).iter().collect();
    shuffle(&mut items);
    for (i, item) in items.iter().enumerate() {
        js_sys::Reflect::set_u32(array, i as u32, item)?;
    }
    Ok(())
}
