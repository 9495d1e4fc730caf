//! A tiny fixed pseudo-random generator (splitmix64) written here rather than taken from a
//! crate: a library may change its stream between versions, and the committed sample files must
//! stay reproducible.

/// One step of splitmix64 (Steele, Lea & Flood 2014; the seeding generator of xoshiro).
pub fn splitmix64(state: u64) -> u64 {
    let mut z = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a, to turn a name into a seed.
fn fnv1a(text: &str) -> u64 {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01B3);
    }
    hash
}

/// The seed of the sample data set; changing it changes every random draw.
pub const SEED: u64 = 0x6D69_6772_6576_6965;

/// A draw in [−1, 1) named by what it is for. The same name always gives the same draw, so the
/// clean and the main variant share every draw a planted problem does not touch, and the order in
/// which the generator asks for draws does not matter.
pub fn draw(name: &str) -> f64 {
    let bits = splitmix64(fnv1a(name) ^ SEED) >> 11;
    (bits as f64) / ((1u64 << 53) as f64) * 2.0 - 1.0
}

/// A coin named by what it is for.
pub fn coin(name: &str) -> bool {
    draw(name) >= 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_stream() {
        // First outputs of the reference implementation seeded with 0 (state advanced each call).
        let mut state = 0u64;
        let mut next = || {
            let out = splitmix64(state);
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            out
        };
        assert_eq!(next(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(next(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(next(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn draws_are_stable_and_spread() {
        assert_eq!(draw("flow/KAZ/3/UZB/2015"), draw("flow/KAZ/3/UZB/2015"));
        assert_ne!(draw("flow/KAZ/3/UZB/2015"), draw("flow/KAZ/3/UZB/2016"));
        let draws: Vec<f64> = (0..2000).map(|i| draw(&format!("x{i}"))).collect();
        assert!(draws.iter().all(|d| (-1.0..1.0).contains(d)));
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        assert!(mean.abs() < 0.05, "mean {mean}");
        let below = draws.iter().filter(|d| **d < -0.5).count();
        assert!((400..600).contains(&below), "{below} of 2000 below −0.5");
    }
}
