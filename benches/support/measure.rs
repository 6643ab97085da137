//! What the benches and `examples/adversarial.rs` share: the text they tag and a probe of peak
//! memory. Included with `#[path]` by each; not a bench of its own.

/// The NorNE Bokmål development text, a sentence a line, when `../shared/eval/corpora` is
/// beside the repository (it is never copied into the repository).
pub fn norne_bokmal_text() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/corpora/no_bokmaal-ud-dev.conllu"
    );
    let conllu = std::fs::read_to_string(path).ok()?;
    let lines: Vec<&str> = conllu
        .lines()
        .filter_map(|l| l.strip_prefix("# text = "))
        .collect();
    Some(lines.join("\n"))
}

/// The example article, for when the development text is not there.
pub const ARTICLE: &str = include_str!("../../examples/data/alibaba_norden.txt");

/// The kernel's peak resident memory of the process, from a reset on (Linux: `5` written to
/// `/proc/self/clear_refs` resets it; `VmHWM` in `/proc/self/status` reads it).
pub struct Peak {
    /// The resident memory at the reset, in bytes; `None` where the kernel does not tell.
    base: Option<usize>,
}

impl Peak {
    /// Resets the peak and records the resident memory now.
    pub fn start() -> Peak {
        let base = std::fs::write("/proc/self/clear_refs", "5")
            .ok()
            .and_then(|()| status_bytes("VmRSS:"));
        Peak { base }
    }

    /// The peak resident memory since [`Peak::start`] beyond what was resident then, in MB,
    /// written with one decimal, or `n/a`.
    pub fn added_mb(&self) -> String {
        self.added_mb_at(Peak::high_water())
    }

    /// The kernel's peak resident memory now, in bytes: since the last reset by any
    /// [`Peak::start`]. Read at the end of each of several steps that reset it, the largest
    /// reading is the peak of the steps together.
    pub fn high_water() -> Option<usize> {
        status_bytes("VmHWM:")
    }

    /// `high_water` (a reading of [`Peak::high_water`]) beyond what was resident at
    /// [`Peak::start`], in MB, written with one decimal, or `n/a`.
    pub fn added_mb_at(&self, high_water: Option<usize>) -> String {
        self.base
            .zip(high_water)
            .map_or("n/a".to_string(), |(base, peak)| {
                format!("{:.1}", peak.saturating_sub(base) as f64 / 1e6)
            })
    }
}

/// A `kB` field of `/proc/self/status`, in bytes.
fn status_bytes(field: &str) -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: usize = line[field.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}
