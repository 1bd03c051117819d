//! NumPy's out-of-memory message: `Unable to allocate 7.28 TiB for an array with shape
//! (1000000000000,) and data type float64` (`numpy/_core/_exceptions.py`, `_ArrayMemoryError`).

use crate::error::{Error, ErrorKind, Result};

/// Allocates room for `n` elements or fails with NumPy's `MemoryError`.
pub(crate) fn alloc<T>(n: usize, dtype: &str) -> Result<Vec<T>> {
    crate::error::try_vec(n).ok_or_else(|| cannot_allocate(n as f64, dtype))
}

/// Bytes per element of a NumPy dtype name (`"float64"` → 8, `"int16"` → 2, `"bool"` → 1).
pub(crate) fn item_size(dtype: &str) -> u128 {
    if dtype.ends_with("64") {
        8
    } else if dtype.ends_with("32") {
        4
    } else if dtype.ends_with("16") {
        2
    } else {
        1
    }
}

pub(crate) fn cannot_allocate(n: f64, dtype: &str) -> Error {
    let bytes = (n as u128).saturating_mul(item_size(dtype));
    Error::new(
        ErrorKind::MemoryError,
        format!(
            "Unable to allocate {} for an array with shape ({},) and data type {dtype}",
            size_to_string(bytes),
            n as u128
        ),
    )
}

/// A byte count in binary units as NumPy words it (`_ArrayMemoryError._size_to_string`):
/// three significant figures with a trailing point kept (`100. MiB`), whole bytes below 1 KiB.
pub fn size_to_string(num_bytes: u128) -> String {
    const UNITS: [&str; 7] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let bit_length = 128 - num_bytes.leading_zeros() as usize;
    let mut unit = bit_length.saturating_sub(1).max(1) / 10;
    let mut n_units = num_bytes as f64 / (1u128 << (unit * 10)) as f64;
    if n_units.round() == 1024.0 {
        unit += 1;
        n_units /= 1024.0;
    }
    if unit >= UNITS.len() {
        n_units *= (1u128 << ((unit - (UNITS.len() - 1)) * 10)) as f64;
        unit = UNITS.len() - 1;
    }
    let name = UNITS[unit];
    if unit == 0 {
        format!("{n_units:.0} {name}")
    } else if n_units.round() < 1000.0 {
        // Python's '{:#.3g}': three significant figures, trailing zeros and point kept.
        let decimals = 2 - (format!("{n_units:.2e}")[5..].parse::<i32>().unwrap_or(0)).clamp(0, 2);
        let text = format!("{n_units:.*}", decimals as usize);
        if decimals == 0 {
            format!("{text}. {name}")
        } else {
            format!("{text} {name}")
        }
    } else {
        format!("{n_units:.0}. {name}")
    }
}

#[cfg(test)]
mod tests {
    use super::size_to_string;

    /// Expected strings printed by numpy 2.4.6's `_ArrayMemoryError._size_to_string`.
    #[test]
    fn binary_units_as_numpy_prints_them() {
        assert_eq!(size_to_string(8), "8 bytes");
        assert_eq!(size_to_string(8_000_000_000_000), "7.28 TiB");
        assert_eq!(size_to_string(80), "80 bytes");
        assert_eq!(size_to_string(1023), "1023 bytes");
        assert_eq!(size_to_string(1024), "1.00 KiB");
        assert_eq!(size_to_string(100 << 20), "100. MiB");
        assert_eq!(size_to_string(10 << 30), "10.0 GiB");
        assert_eq!(size_to_string(1_048_575), "1.00 MiB");
        assert_eq!(size_to_string(u128::from(u64::MAX)), "16.0 EiB");
        assert_eq!(size_to_string(10_239), "10.0 KiB");
        assert_eq!(size_to_string(10_216), "9.98 KiB");
        assert_eq!(size_to_string(1 << 70), "1024. EiB");
    }
}
