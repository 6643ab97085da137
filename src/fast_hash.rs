//! A fast hasher for the build's tables of names and ids (FxHash's multiply-and-rotate, as
//! rustc uses). SipHash, the standard default, resists crafted collisions but took about a
//! tenth of the time of building the tagger; gazetteers come from their user, so speed wins.

use std::hash::{BuildHasherDefault, Hasher};

/// The `BuildHasher` of [`FastHasher`].
pub(crate) type FastHash = BuildHasherDefault<FastHasher>;

/// FxHash: one multiply and rotate per 8 bytes.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn tells_keys_apart() {
        let mut map: HashMap<String, usize, FastHash> = HashMap::default();
        for i in 0..10_000 {
            map.insert(format!("name {i}"), i);
        }
        assert_eq!(map.len(), 10_000);
        assert!((0..10_000).all(|i| map[&format!("name {i}")] == i));
    }
}
