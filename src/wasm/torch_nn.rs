//! `torch.nn` for JavaScript: `nn.init` (gains, fans and the initialisers, which draw from a
//! `TorchGenerator`), the default initialisation of `nn.Linear` / `nn.Conv1d` / `nn.Conv2d`, and
//! dropout.
//!
//! Shapes are Arrays of Numbers (`number[]`); a layer's sizes are ints (Number or BigInt).

use super::torch::{dtype, tensor_from_js, tensor_to_js, JsTorchGenerator};
use super::{
    describe, floats_arg, given, int_arg, numeric, optional_string_arg, string_arg, JsNumeric,
};
use crate::error::Error;
use crate::torch::init::{self, PyNumber};
use crate::torch::layers::{self, LayerParameters};
use crate::torch::{self, dropout, Dtype};
use wasm_bindgen::prelude::*;

/// A Python number from JS: a BigInt is an int, a Number a float.
fn py_number(value: &JsValue, name: &str) -> Result<PyNumber, Error> {
    match numeric(value) {
        Some(JsNumeric::Number(x)) => Ok(PyNumber::Float(x)),
        Some(JsNumeric::BigInt(int)) => PyNumber::int(int.to_i128_saturating()),
        None => Err(Error::type_error(format!(
            "{name} must be a Number or BigInt, got a {}",
            describe(value)
        ))),
    }
}

/// A Python number as JS gets it back: an int as a BigInt, a float as a Number.
fn py_number_to_js(value: PyNumber) -> JsValue {
    match value {
        PyNumber::Int(i) => JsValue::from(i),
        PyNumber::Float(x) => JsValue::from_f64(x),
    }
}

/// A JS shape as the tensor's (`torch.empty(shape, dtype=dtype)`'s checks).
fn shape(values: &JsValue, dtype: Dtype) -> Result<Vec<u64>, Error> {
    torch::empty_shape(&floats_arg(values, "shape")?, dtype)
}

/// `nn.init.calculate_gain(nonlinearity, param)`: a BigInt where torch returns an int (`1` for
/// linear layers and `sigmoid`), else a Number. `param` is the leaky ReLU's negative slope
/// (a Number is a Python float, a BigInt a Python int; none: 0.01).
#[wasm_bindgen(js_name = calculateGain, unchecked_return_type = "number | bigint")]
pub fn calculate_gain(
    #[wasm_bindgen(unchecked_param_type = "string")] nonlinearity: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | null")] param: JsValue,
) -> Result<JsValue, JsValue> {
    let param = given(&param).map(|p| py_number(p, "param")).transpose()?;
    let nonlinearity = string_arg(&nonlinearity, "nonlinearity")?;
    Ok(py_number_to_js(init::calculate_gain(&nonlinearity, param)?))
}

/// `nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))`: `[fanIn, fanOut]` as BigInts.
#[wasm_bindgen(js_name = fanInAndFanOut, unchecked_return_type = "[bigint, bigint]")]
pub fn fan_in_and_fan_out(
    #[wasm_bindgen(unchecked_param_type = "readonly number[]")] shape: JsValue,
) -> Result<JsValue, JsValue> {
    let shape = self::shape(&shape, Dtype::Float32)?;
    let (fan_in, fan_out) = init::fan_in_and_fan_out(&shape)?;
    Ok(js_sys::Array::of2(&JsValue::from(fan_in), &JsValue::from(fan_out)).into())
}

/// `nn.init.constant_(torch.empty(n, dtype=dtype), value)` (`zeros_`: 0, `ones_`: 1): draws
/// nothing; torch's error for a value the dtype cannot hold.
#[wasm_bindgen(js_name = initConstant, unchecked_return_type = "TorchArray")]
pub fn init_constant(
    #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    value: f64,
) -> Result<JsValue, JsValue> {
    let dtype = self::dtype(&dtype)?;
    let n = torch::empty_len(n, dtype)?;
    Ok(tensor_to_js(init::constant_(dtype, n, value)?))
}

/// The parameters `named_parameters()` yields, in torch's order of draws: `weight`, then `bias`.
fn parameters(params: LayerParameters) -> Result<JsValue, JsValue> {
    let list = js_sys::Array::new();
    let bias_len = params.bias.as_ref().map(|b| b.len() as f64);
    let weight_shape: js_sys::Array = params
        .weight_shape
        .iter()
        .map(|&s| JsValue::from_f64(s as f64))
        .collect();
    list.push(&parameter("weight", weight_shape.into(), params.weight)?);
    if let (Some(bias), Some(len)) = (params.bias, bias_len) {
        let shape = js_sys::Array::of1(&JsValue::from_f64(len));
        list.push(&parameter("bias", shape.into(), bias)?);
    }
    Ok(list.into())
}

/// `{ name, shape, values }`.
fn parameter(name: &str, shape: JsValue, values: torch::TensorValues) -> Result<JsValue, JsValue> {
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &"name".into(), &name.into())?;
    js_sys::Reflect::set(&object, &"shape".into(), &shape)?;
    js_sys::Reflect::set(&object, &"values".into(), &tensor_to_js(values))?;
    Ok(object.into())
}

/// Integers from an Array of Numbers, with a `TypeError` naming the first that is not one.
fn ints(values: &[f64], name: &str) -> Result<Vec<i128>, Error> {
    values
        .iter()
        .enumerate()
        .map(|(i, &x)| int_arg(&JsValue::from_f64(x), &format!("{name}[{i}]")))
        .collect()
}

#[wasm_bindgen(js_class = TorchGenerator)]
impl JsTorchGenerator {
    /// `nn.init.kaiming_uniform_(torch.empty(shape, dtype=dtype), a, mode, nonlinearity)` with
    /// torch's defaults `a = 0` (an int; a BigInt is an int, a Number a float), `mode =
    /// 'fan_in'`, `nonlinearity = 'leaky_relu'`. A shape with a zero dimension draws nothing and
    /// gives no values.
    #[wasm_bindgen(js_name = kaimingUniform, unchecked_return_type = "TorchArray")]
    pub fn kaiming_uniform(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "readonly number[]")] shape: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | null")] a: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] mode: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] nonlinearity: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (dtype, shape, a) = kaiming_args(&dtype, &shape, &a)?;
        let values = init::kaiming_uniform_(
            &mut self.inner,
            dtype,
            &shape,
            a,
            optional_string_arg(&mode, "mode")?
                .as_deref()
                .unwrap_or("fan_in"),
            optional_string_arg(&nonlinearity, "nonlinearity")?
                .as_deref()
                .unwrap_or("leaky_relu"),
        )?;
        Ok(tensor_to_js(values))
    }

    /// `nn.init.kaiming_normal_(torch.empty(shape, dtype=dtype), a, mode, nonlinearity)`, with
    /// the defaults of `kaimingUniform`.
    #[wasm_bindgen(js_name = kaimingNormal, unchecked_return_type = "TorchArray")]
    pub fn kaiming_normal(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "readonly number[]")] shape: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | null")] a: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] mode: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] nonlinearity: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (dtype, shape, a) = kaiming_args(&dtype, &shape, &a)?;
        let values = init::kaiming_normal_(
            &mut self.inner,
            dtype,
            &shape,
            a,
            optional_string_arg(&mode, "mode")?
                .as_deref()
                .unwrap_or("fan_in"),
            optional_string_arg(&nonlinearity, "nonlinearity")?
                .as_deref()
                .unwrap_or("leaky_relu"),
        )?;
        Ok(tensor_to_js(values))
    }

    /// `nn.init.xavier_uniform_(torch.empty(shape, dtype=dtype), gain)` (gain defaults to 1).
    #[wasm_bindgen(js_name = xavierUniform, unchecked_return_type = "TorchArray")]
    pub fn xavier_uniform(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "readonly number[]")] shape: JsValue,
        gain: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let dtype = self::dtype(&dtype)?;
        let shape = self::shape(&shape, dtype)?;
        let values = init::xavier_uniform_(&mut self.inner, dtype, &shape, gain.unwrap_or(1.0))?;
        Ok(tensor_to_js(values))
    }

    /// `nn.init.xavier_normal_(torch.empty(shape, dtype=dtype), gain)` (gain defaults to 1).
    #[wasm_bindgen(js_name = xavierNormal, unchecked_return_type = "TorchArray")]
    pub fn xavier_normal(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "readonly number[]")] shape: JsValue,
        gain: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let dtype = self::dtype(&dtype)?;
        let shape = self::shape(&shape, dtype)?;
        let values = init::xavier_normal_(&mut self.inner, dtype, &shape, gain.unwrap_or(1.0))?;
        Ok(tensor_to_js(values))
    }

    /// `nn.init.trunc_normal_(torch.empty(n, dtype=dtype), mean, std, a, b)` with torch's
    /// defaults 0, 1, -2, 2. Windows of probability <= 0.3, which torch samples through its
    /// vectorised `log`, throw a `ValueError` saying so.
    #[wasm_bindgen(js_name = truncNormal, unchecked_return_type = "TorchArray")]
    pub fn trunc_normal(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
        mean: Option<f64>,
        std: Option<f64>,
        a: Option<f64>,
        b: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let dtype = self::dtype(&dtype)?;
        let n = torch::empty_len(n, dtype)?;
        let values = init::trunc_normal_(
            &mut self.inner,
            dtype,
            n,
            mean.unwrap_or(0.0),
            std.unwrap_or(1.0),
            a.unwrap_or(-2.0),
            b.unwrap_or(2.0),
        )?;
        Ok(tensor_to_js(values))
    }

    /// `nn.Linear(inFeatures, outFeatures, bias, dtype=dtype)` (bias defaults to true, dtype to
    /// float32): its parameters as `named_parameters()` yields them, in the order they are
    /// drawn: `weight` (`[outFeatures, inFeatures]`), then `bias`.
    #[wasm_bindgen(unchecked_return_type = "TorchParameter[]")]
    pub fn linear(
        &mut self,
        #[wasm_bindgen(js_name = inFeatures, unchecked_param_type = "number | bigint")]
        in_features: JsValue,
        #[wasm_bindgen(js_name = outFeatures, unchecked_param_type = "number | bigint")]
        out_features: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean | null")] bias: Option<bool>,
        #[wasm_bindgen(unchecked_optional_param_type = "TorchDtype | null")] dtype: JsValue,
    ) -> Result<JsValue, JsValue> {
        let in_features = int_arg(&in_features, "inFeatures")?;
        let out_features = int_arg(&out_features, "outFeatures")?;
        let dtype = match given(&dtype) {
            Some(name) => self::dtype(name)?,
            None => Dtype::Float32,
        };
        parameters(layers::linear(
            &mut self.inner,
            in_features,
            out_features,
            bias.unwrap_or(true),
            dtype,
        )?)
    }

    /// `nn.Conv1d` / `nn.Conv2d` / `nn.Conv3d(inChannels, outChannels, kernelSize, groups=groups,
    /// bias=bias, dtype=dtype)` with `kernelSize` one size per spatial dimension (`[3, 3]` for
    /// `Conv2d(..., 3)`); groups defaults to 1, bias to true, dtype to float32. Its parameters in
    /// the order they are drawn: `weight` (`[outChannels, inChannels / groups, ...kernelSize]`),
    /// then `bias`.
    #[wasm_bindgen(unchecked_return_type = "TorchParameter[]")]
    pub fn conv(
        &mut self,
        #[wasm_bindgen(js_name = inChannels, unchecked_param_type = "number | bigint")]
        in_channels: JsValue,
        #[wasm_bindgen(js_name = outChannels, unchecked_param_type = "number | bigint")]
        out_channels: JsValue,
        #[wasm_bindgen(js_name = kernelSize, unchecked_param_type = "readonly number[]")]
        kernel_size: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | null")] groups: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean | null")] bias: Option<bool>,
        #[wasm_bindgen(unchecked_optional_param_type = "TorchDtype | null")] dtype: JsValue,
    ) -> Result<JsValue, JsValue> {
        let in_channels = int_arg(&in_channels, "inChannels")?;
        let out_channels = int_arg(&out_channels, "outChannels")?;
        let kernel_size = ints(&floats_arg(&kernel_size, "kernelSize")?, "kernelSize")?;
        let groups = given(&groups)
            .map(|g| int_arg(g, "groups"))
            .transpose()?
            .unwrap_or(1);
        let dtype = match given(&dtype) {
            Some(name) => self::dtype(name)?,
            None => Dtype::Float32,
        };
        parameters(layers::conv(
            &mut self.inner,
            in_channels,
            out_channels,
            &kernel_size,
            groups,
            bias.unwrap_or(true),
            dtype,
        )?)
    }

    /// `F.dropout(input, p, training)` / `nn.Dropout(p)(input)` (p defaults to 0.5, training to
    /// true; `eval()` mode is `training = false`), drawing from this generator (torch's default
    /// one, as dropout takes no generator). `input`'s typed array is its dtype; the result has
    /// the same.
    #[wasm_bindgen(unchecked_return_type = "TorchArray")]
    pub fn dropout(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchArray")] input: JsValue,
        p: Option<f64>,
        training: Option<bool>,
    ) -> Result<JsValue, JsValue> {
        let input = tensor_from_js(&input, "input")?;
        let values = dropout::dropout(
            &mut self.inner,
            &input,
            p.unwrap_or(0.5),
            training.unwrap_or(true),
        )?;
        Ok(tensor_to_js(values))
    }
}

/// The dtype, the tensor's shape and `a` (default the int 0) of the Kaiming initialisers.
fn kaiming_args(
    dtype_name: &JsValue,
    shape: &JsValue,
    a: &JsValue,
) -> Result<(Dtype, Vec<u64>, PyNumber), Error> {
    let dtype = dtype(dtype_name)?;
    let shape = self::shape(shape, dtype)?;
    let a = given(a)
        .map(|a| py_number(a, "a"))
        .transpose()?
        .unwrap_or(PyNumber::Int(0));
    Ok((dtype, shape, a))
}
