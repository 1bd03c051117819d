//! `Generator.shuffle(x)`: Fisher-Yates with masked draws (`random_interval`), for a 1-d array,
//! a list, or an N-d array along an axis alike: the swaps are the ones `permutation(len(x))`
//! makes, so `shuffle(x)` leaves `x` as `x[permutation(len(x))]` would be.
//!
//! Source: numpy `random/_generator.pyx` (`shuffle`, `_shuffle_raw`, `permutation`).

use super::Generator;

impl Generator {
    /// `shuffle(x)` in place (along axis 0 for the caller's N-d arrays: shuffle the rows).
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        crate::numpy::shuffle::shuffle(&mut self.bit_generator, x);
    }
}
