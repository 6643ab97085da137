//! Tests on eight bytes at once, for the loops that run over every byte of the text
//! (normalisation, the scan, counting offsets): the bytes are read as a little-endian `u64`, so
//! byte k + 1 is eight bits above byte k, and a test's answer for a byte is its high bit.

/// A one in each byte.
pub(crate) const ONES: u64 = u64::from_le_bytes([1; 8]);
/// The high bit of each byte.
pub(crate) const HIGH: u64 = ONES * 0x80;

/// The eight bytes of `bytes` from `at`, if there are eight.
#[inline]
pub(crate) fn chunk_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes
        .get(at..at + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
        .map(u64::from_le_bytes)
}

/// The high bit of each byte of `x` that is zero, exactly (no borrow between bytes).
#[inline]
pub(crate) fn zero_bytes(x: u64) -> u64 {
    !(((x & !HIGH) + !HIGH) | x | !HIGH)
}

/// The high bit of each byte of `x` whose low seven bits are at least `bound` (at most 0x80):
/// adding `0x80 - bound` to them carries into the high bit exactly from `bound` on, and never
/// into the next byte.
#[inline]
pub(crate) fn at_least(x: u64, bound: u8) -> u64 {
    ((x & !HIGH) + ONES * u64::from(0x80 - bound)) & HIGH
}
