//! `RandomState.shuffle(x)`: Fisher-Yates with masked draws (`random_interval`), for a 1-d
//! array, a list, or an N-d array along axis 0 alike: the swaps are the ones
//! `permutation(len(x))` makes, so `shuffle(x)` leaves `x` as `x[permutation(len(x))]` would be.
//!
//! Source: numpy `random/mtrand.pyx` (`shuffle`, `_shuffle_raw`, `permutation`).

use super::RandomState;

impl RandomState {
    /// `shuffle(x)` in place (for the caller's N-d arrays: shuffle the rows).
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        crate::numpy::shuffle::shuffle(&mut self.mt, x);
    }
}
