//! The tensor element types the fill functions write, and their values.
//!
//! A fill's stream depends only on the number of elements and their type (all of seedlab's
//! tensors are contiguous), so a filled tensor is a flat vector; the caller keeps the shape.

use crate::error::{Error, Result};

/// A tensor dtype: `torch.float32` (the default), `torch.float64`, `torch.int64`.
///
/// ```
/// use seedlab::torch::Dtype;
///
/// assert_eq!(Dtype::from_name("float64").unwrap(), Dtype::Float64);
/// assert_eq!(Dtype::Float32.item_size(), 4);
/// assert!(!Dtype::Int64.is_floating_point());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dtype {
    /// `torch.float32`.
    Float32,
    /// `torch.float64`.
    Float64,
    /// `torch.int64`.
    Int64,
}

impl Dtype {
    /// The dtype a JS caller names: `"float32"`, `"float64"` or `"int64"` (torch's
    /// `torch.float32` etc. without the module).
    pub fn from_name(name: &str) -> Result<Dtype> {
        match name {
            "float32" => Ok(Dtype::Float32),
            "float64" => Ok(Dtype::Float64),
            "int64" => Ok(Dtype::Int64),
            other => Err(Error::type_error(format!(
                "dtype must be 'float32', 'float64' or 'int64', got '{other}'"
            ))),
        }
    }

    /// `toString(ScalarType)`, as kernels name a dtype they do not implement: `"Float"`.
    pub fn scalar_type_name(self) -> &'static str {
        match self {
            Dtype::Float32 => "Float",
            Dtype::Float64 => "Double",
            Dtype::Int64 => "Long",
        }
    }

    /// The C++ type name a `caffe2::TypeMeta` prints: `"float"`.
    pub fn type_meta_name(self) -> &'static str {
        match self {
            Dtype::Float32 => "float",
            Dtype::Float64 => "double",
            Dtype::Int64 => "long int",
        }
    }

    /// Bytes per element.
    pub fn item_size(self) -> usize {
        match self {
            Dtype::Float32 => 4,
            Dtype::Float64 | Dtype::Int64 => 8,
        }
    }

    /// `dtype.is_floating_point`.
    pub fn is_floating_point(self) -> bool {
        self != Dtype::Int64
    }
}

/// The values of a filled tensor, in element order.
///
/// ```
/// use seedlab::torch::{Dtype, Generator};
///
/// // torch.manual_seed(17); torch.empty(3).normal_() is torch.randn(3)
/// let values = Generator::new(17).normal_(Dtype::Float32, 3, 0.0, 1.0).unwrap();
/// assert_eq!(values.dtype(), Dtype::Float32);
/// assert_eq!(values.as_f32().unwrap()[0], -1.41351318359375);
/// assert_eq!(values.as_f32(), Some(&Generator::new(17).randn(3).unwrap()[..]));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum TensorValues {
    /// A float32 tensor's values.
    Float32(Vec<f32>),
    /// A float64 tensor's values.
    Float64(Vec<f64>),
    /// An int64 tensor's values.
    Int64(Vec<i64>),
}

impl TensorValues {
    /// A tensor of no elements.
    pub fn empty(dtype: Dtype) -> TensorValues {
        match dtype {
            Dtype::Float32 => TensorValues::Float32(Vec::new()),
            Dtype::Float64 => TensorValues::Float64(Vec::new()),
            Dtype::Int64 => TensorValues::Int64(Vec::new()),
        }
    }

    /// The dtype of the values.
    pub fn dtype(&self) -> Dtype {
        match self {
            TensorValues::Float32(_) => Dtype::Float32,
            TensorValues::Float64(_) => Dtype::Float64,
            TensorValues::Int64(_) => Dtype::Int64,
        }
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        match self {
            TensorValues::Float32(v) => v.len(),
            TensorValues::Float64(v) => v.len(),
            TensorValues::Int64(v) => v.len(),
        }
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The float32 values, if that is the dtype.
    pub fn as_f32(&self) -> Option<&[f32]> {
        match self {
            TensorValues::Float32(v) => Some(v),
            _ => None,
        }
    }

    /// The float64 values, if that is the dtype.
    pub fn as_f64(&self) -> Option<&[f64]> {
        match self {
            TensorValues::Float64(v) => Some(v),
            _ => None,
        }
    }

    /// The int64 values, if that is the dtype.
    pub fn as_i64(&self) -> Option<&[i64]> {
        match self {
            TensorValues::Int64(v) => Some(v),
            _ => None,
        }
    }
}
