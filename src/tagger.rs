//! The compiled tagger: one Aho-Corasick automaton over every normalised alias, plus the rules
//! that decide which candidates are mentions.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::Arc;

use aho_corasick::automaton::OverlappingState;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::entity::{CaseRule, EntityId, Kind};
use crate::error::BuildError;
use crate::gazetteer::Gazetteer;
use crate::mention::{CaseMatch, Form, Mention, Span};
use crate::normalize::{normalize, Normalized};
use crate::rules::{self, End, Start, CASE_LANGS};

/// Configures and compiles a [`Tagger`].
///
/// ```
/// use nordic_ner::{Gazetteer, Kind, Tagger};
///
/// let tagger = Tagger::builder()
///     .kinds(&[Kind::Country])
///     .genitives(false)
///     .build(Gazetteer::builtin())?;
/// let found: Vec<_> = tagger.tag("Norge og Sveriges").iter().map(|m| m.text().to_string()).collect();
/// assert_eq!(found, ["Norge"]);
/// # Ok::<(), nordic_ner::BuildError>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct TaggerBuilder {
    kinds: Vec<Kind>,
    genitives: bool,
    case_endings: bool,
    compounds: bool,
    default_case: CaseRule,
    dfa: bool,
}

impl Default for TaggerBuilder {
    fn default() -> TaggerBuilder {
        TaggerBuilder {
            kinds: Kind::ALL.to_vec(),
            genitives: true,
            case_endings: true,
            compounds: true,
            default_case: CaseRule::Any,
            dfa: false,
        }
    }
}

impl TaggerBuilder {
    /// The default configuration: every kind, genitives, case endings and compound heads on,
    /// aliases without a rule of their own case-insensitive.
    pub fn new() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// Which kinds to find. An entity is found if any of its kinds is among them.
    pub fn kinds(mut self, kinds: &[Kind]) -> TaggerBuilder {
        self.kinds = kinds.to_vec();
        self
    }

    /// Whether a name with a genitive ending is a mention ("Norges", "USA:s", "Amazon's";
    /// on by default). The span covers the ending.
    pub fn genitives(mut self, on: bool) -> TaggerBuilder {
        self.genitives = on;
        self
    }

    /// Whether a company or brand name with a Finnish case ending is a mention ("Nokian",
    /// "Finnairille", "H&M:ssä"; on by default). The span covers the ending.
    ///
    /// The ending must follow a capitalised name ("Nokian", not "nokian"), and an abbreviation
    /// takes it after a colon ("USA:ssa", "SAS:n"), as Finnish writes them; aliases marked
    /// `cases=no` in the data never take one. Countries and regions are matched in their
    /// Finnish forms through aliases of their own ("Norjassa").
    ///
    /// ```
    /// use nordic_ner::Form;
    ///
    /// let m = nordic_ner::tag("Nokian osake nousi, kertoo SAS:n tiedote.");
    /// assert_eq!((m[0].text(), m[0].name(), m[0].form()), ("Nokian", "Nokia", Form::Inflected));
    /// assert_eq!((m[1].text(), m[1].form()), ("SAS:n", Form::Inflected));
    /// ```
    pub fn case_endings(mut self, on: bool) -> TaggerBuilder {
        self.case_endings = on;
        self
    }

    /// Whether a name heading a hyphen compound is a mention ("Alibaba" in "Alibaba-sjefen";
    /// on by default). A name at the tail of a compound ("Norge" in "Nord-Norge") never is.
    pub fn compounds(mut self, on: bool) -> TaggerBuilder {
        self.compounds = on;
        self
    }

    /// The case rule of aliases that have none of their own ([`CaseRule::Any`] by default).
    pub fn default_case(mut self, rule: CaseRule) -> TaggerBuilder {
        self.default_case = rule;
        self
    }

    /// Whether to compile the aliases into a DFA instead of a contiguous NFA (off by default).
    ///
    /// On the builtin data a DFA tags about a fifth faster but takes several times longer to
    /// build and more memory (`cargo bench --bench tagging` measures both): worth it for long
    /// batch jobs, not for a tagger built per request.
    pub fn dfa(mut self, on: bool) -> TaggerBuilder {
        self.dfa = on;
        self
    }

    /// Compiles the tagger for `gazetteer`. The tagger keeps what it needs, so the gazetteer
    /// may be dropped afterwards.
    ///
    /// # Errors
    /// [`BuildError::Automaton`] when the automaton exceeds its size limits.
    pub fn build(&self, gazetteer: &Gazetteer) -> Result<Tagger, BuildError> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        for entity in gazetteer.entities() {
            let Some(kind) = std::iter::once(entity.kind())
                .chain(entity.also().iter().copied())
                .find(|k| self.kinds.contains(k))
            else {
                continue;
            };
            let name = entity.shared_name();
            for alias in entity.matched_aliases() {
                let folded = normalize(alias.text, true);
                if folded.is_empty() {
                    continue;
                }
                let slot = *index.entry(folded).or_insert_with_key(|folded| {
                    patterns.push(folded.clone());
                    targets.push(Vec::new());
                    patterns.len() - 1
                });
                targets[slot].push(Target {
                    id: entity.id().clone(),
                    kind,
                    name: Arc::clone(&name),
                    alias: Arc::from(alias.text),
                    cased: normalize(alias.text, false).into_boxed_str(),
                    case: alias.case.unwrap_or(self.default_case),
                    langs: alias.langs.to_vec().into_boxed_slice(),
                    case_endings: alias.case_endings,
                });
            }
        }
        let kind = if self.dfa {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        let automaton = AhoCorasick::builder()
            .kind(Some(kind))
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .or_else(|_| {
                // A DFA over a very large gazetteer can exceed its size limits: fall back to the
                // automaton the crate picks.
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
            })?;
        let max_len = patterns.iter().map(String::len).max().unwrap_or(0);
        Ok(Tagger {
            automaton,
            patterns,
            targets,
            max_len,
            genitives: self.genitives,
            case_endings: self.case_endings,
            compounds: self.compounds,
        })
    }
}

/// One entity an alias pattern can stand for.
#[derive(Clone, Debug)]
struct Target {
    id: EntityId,
    kind: Kind,
    name: Arc<str>,
    alias: Arc<str>,
    /// The alias normalised without lowercasing, to check exact case.
    cased: Box<str>,
    case: CaseRule,
    /// The alias's languages, which decide its genitive and case endings.
    langs: Box<[String]>,
    /// Whether the alias takes Finnish case endings (`cases=no` in the data says not).
    case_endings: bool,
}

/// Finds mentions of a gazetteer's entities in text.
///
/// Build it once (it compiles an automaton over every alias) and share it: it is `Send` and
/// `Sync`, and tagging takes `&self`.
///
/// ```
/// use nordic_ner::{Form, Gazetteer, Tagger};
///
/// let tagger = Tagger::new(Gazetteer::builtin())?;
/// let mentions = tagger.tag("Sveriges eksport til Sør-Trøndelag økte.");
/// assert_eq!(mentions.len(), 1);
/// assert_eq!(mentions[0].id().as_str(), "iso:SE");
/// assert_eq!(mentions[0].form(), Form::Genitive);
/// # Ok::<(), nordic_ner::BuildError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Tagger {
    automaton: AhoCorasick,
    patterns: Vec<String>,
    targets: Vec<Vec<Target>>,
    max_len: usize,
    genitives: bool,
    case_endings: bool,
    compounds: bool,
}

impl Tagger {
    /// A builder for a tagger with other settings than the default.
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// Compiles a tagger with the default settings.
    ///
    /// # Errors
    /// As [`TaggerBuilder::build`].
    pub fn new(gazetteer: &Gazetteer) -> Result<Tagger, BuildError> {
        TaggerBuilder::default().build(gazetteer)
    }

    /// The default tagger over [`Gazetteer::builtin`], compiled on first use and shared.
    #[must_use]
    pub fn builtin() -> &'static Tagger {
        crate::builtin::tagger()
    }

    /// Every mention in `text`, in order, non-overlapping.
    #[must_use]
    pub fn tag(&self, text: &str) -> Vec<Mention> {
        self.mentions(text).collect()
    }

    /// The mentions in `text`, lazily, in order, non-overlapping.
    ///
    /// Among candidate names that pass every check, the leftmost wins, then the longest: a
    /// longer alias that fails a check (not a whole word, wrong case) does not hide a shorter
    /// one that passes.
    pub fn mentions<'t, 'h>(&'t self, text: &'h str) -> Mentions<'t, 'h> {
        Mentions {
            tagger: self,
            original: text,
            norm: Normalized::new(text, true),
            state: OverlappingState::start(),
            scanned_to: 0,
            exhausted: false,
            pending: Vec::new(),
            emitted_to: 0,
            last_head_end: None,
            byte_cursor: 0,
            char_cursor: 0,
            utf16_cursor: 0,
        }
    }

    /// The number of distinct normalised aliases in the automaton.
    #[must_use]
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }
}

/// A candidate that passed every check.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// Where the mention starts: the name, or the "www." before a web address.
    start: usize,
    /// Where the alias starts and ends, without "www." or any ending.
    name_start: usize,
    name_end: usize,
    end: usize,
    pattern: usize,
    target: usize,
    form: Form,
    /// A compound head with a capitalised tail: kept only if the tail is a mention too.
    needs_tail: bool,
}

impl Candidate {
    /// Leftmost first, then longest, then the one with the longer name (an alias "Norjan"
    /// before "Norja" + "n"), then the earlier pattern: the order of preference.
    fn key(&self) -> (usize, Reverse<usize>, Reverse<usize>, usize) {
        (
            self.start,
            Reverse(self.end),
            Reverse(self.name_end),
            self.pattern,
        )
    }
}

/// The lazy iterator of [`Tagger::mentions`].
#[derive(Debug)]
pub struct Mentions<'t, 'h> {
    tagger: &'t Tagger,
    original: &'h str,
    norm: Normalized,
    state: OverlappingState,
    /// The end of the last raw match: later matches end here or later.
    scanned_to: usize,
    exhausted: bool,
    pending: Vec<Candidate>,
    /// Candidates must start at or after this (the end of the last mention).
    emitted_to: usize,
    /// The end of the last name seen right before "-word" (its hyphen position).
    last_head_end: Option<usize>,
    byte_cursor: usize,
    char_cursor: usize,
    utf16_cursor: usize,
}

impl std::fmt::Debug for Normalized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalized")
            .field("text", &self.text)
            .finish_non_exhaustive()
    }
}

impl Iterator for Mentions<'_, '_> {
    type Item = Mention;

    fn next(&mut self) -> Option<Mention> {
        loop {
            if let Some(best) = self.ready() {
                return Some(self.emit(best));
            }
            if self.exhausted {
                return None;
            }
            self.automaton_step();
        }
    }
}

impl Mentions<'_, '_> {
    /// The preferred pending candidate, once no later match can start at or before it.
    fn ready(&mut self) -> Option<Candidate> {
        loop {
            let (i, best) = self
                .pending
                .iter()
                .enumerate()
                .min_by_key(|(_, c)| c.key())?;
            // The automaton reports matches by their end, so one not yet seen ends at or after
            // `scanned_to` and starts at or after `scanned_to - max_len`: once that is past
            // `best.start`, no later candidate starts at or before `best`, so none can beat it.
            // A head that needs a name after its hyphen waits until that name would be seen.
            let from = if best.needs_tail {
                best.name_end + 1
            } else {
                best.start
            };
            if !(self.exhausted || from + self.tagger.max_len < self.scanned_to) {
                return None;
            }
            let best = *best;
            self.pending.swap_remove(i);
            if best.needs_tail && !self.pending.iter().any(|c| c.start == best.name_end + 1) {
                continue; // "Europa-Cup": a capitalised compound is a name of its own
            }
            self.emitted_to = best.end;
            self.pending.retain(|c| c.start >= best.end);
            return Some(best);
        }
    }

    fn automaton_step(&mut self) {
        let tagger = self.tagger;
        tagger
            .automaton
            .find_overlapping(self.norm.text.as_str(), &mut self.state);
        let Some(m) = self.state.get_match() else {
            self.exhausted = true;
            return;
        };
        self.scanned_to = m.end();
        if m.start() < self.emitted_to {
            return;
        }
        if let Some(c) = self.check(m.start(), m.end(), m.pattern().as_usize()) {
            self.pending.push(c);
        }
    }

    /// Applies boundary, genitive, compound and case rules to a raw match.
    fn check(&mut self, start: usize, end: usize, pattern: usize) -> Option<Candidate> {
        let tagger = self.tagger;
        let text = self.norm.text.as_str();
        // Most raw matches start inside a word: the cheapest check goes first.
        let start_rule = rules::start(&text[..start]);
        if start_rule == Start::Inside {
            return None;
        }
        // Read before this name records itself as a head: "Norge-Sverige-avtalen".
        let previous_head_end = self.last_head_end;
        let end_rule = rules::end(&text[start..end], &text[end..]);
        let (form, full_end) = match end_rule {
            End::Plain => (Form::Plain, end),
            End::Genitive(g) if tagger.genitives => (Form::Genitive, end + g.len()),
            End::Case(n) if tagger.case_endings && self.takes_case_ending(start, end, n) => {
                (Form::Inflected, end + n)
            }
            End::Domain(n) => (Form::Domain, end + n),
            End::Genitive(_) | End::Case(_) | End::Inside => return None,
            End::Compound => {
                // Remember the head so that "Norge-Sverige" keeps its tail, then decide.
                self.last_head_end = Some(end);
                if !tagger.compounds {
                    return None;
                }
                (Form::Compound, end)
            }
        };
        let needs_tail = form == Form::Compound && self.capitalised_tail(start, end);
        match start_rule {
            Start::Free => {}
            // "Norge-Sverige": a name right after another name and a hyphen is a pair, not a
            // compound tail.
            Start::AfterHyphen if previous_head_end == Some(start - 1) => {}
            // "www.dagbladet.no": only a web address may follow "www.".
            Start::AfterWww if form == Form::Domain => {}
            Start::AfterHyphen | Start::AfterWww | Start::Inside => return None,
        }
        let (original_start, _) = self.norm.original(start, end);
        let (before, from_name) = self.original.split_at(original_start);
        if rules::after_given_name_and_initial(before) {
            return None;
        }
        // "TV Norge", "Hotel Føroyar": the tail of a longer name, unless the word before is a
        // name of its own ("Norge Sverige 2-1") or the candidate is a web address.
        if form != Form::Domain
            && rules::after_capitalised_word(before, from_name)
            && !self.follows_a_name(start)
        {
            return None;
        }
        let target = self.pick_target(start, end, pattern, end_rule)?;
        // "www.dagbladet.no": the web address as written is the mention.
        let span_start = if start_rule == Start::AfterWww {
            start - "www.".len()
        } else {
            start
        };
        Some(Candidate {
            start: span_start,
            name_start: start,
            name_end: end,
            end: full_end,
            pattern,
            target,
            form,
            needs_tail,
        })
    }

    /// Whether the compound headed by the name at `start..end` goes on with a capital
    /// ("Europa-Cup"), in text that is not all capitals: then the compound is a name of its own
    /// and the head a mention only if the tail is one too ("Norge-Sverige").
    fn capitalised_tail(&self, start: usize, end: usize) -> bool {
        let (_, name_end) = self.norm.original(start, end);
        // The character after the hyphen (which may be a non-breaking one in the original).
        let tail_capital = self.original[name_end..]
            .chars()
            .nth(1)
            .is_some_and(char::is_uppercase);
        tail_capital
            && self
                .cased_original(start, end)
                .chars()
                .any(char::is_lowercase)
    }

    /// Whether a candidate that starts at `start` comes right after another, with only a space
    /// between.
    fn follows_a_name(&self, start: usize) -> bool {
        let Some(gap) = start.checked_sub(1) else {
            return false;
        };
        self.norm.text.as_bytes()[gap] == b' '
            && (self.emitted_to == gap || self.pending.iter().any(|c| c.end == gap))
    }

    /// Whether the original text allows a Finnish case ending of `len` bytes after the name
    /// at `start..end`: after a colon or apostrophe always; joined straight to the name only
    /// if the name is capitalised ("Nokian", not "nokian" or the Finnish word "mielestä"),
    /// and not in lowercase after a name in capitals ("THAn" is not Thailand's).
    fn takes_case_ending(&self, start: usize, end: usize, len: usize) -> bool {
        if self.norm.text[end..].starts_with([':', '\'']) {
            return true;
        }
        let name = self.cased_original(start, end);
        if !name.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let in_capitals = !name.chars().any(char::is_lowercase) && name.chars().count() > 1;
        !in_capitals
            || !self
                .cased_original(end, end + len)
                .chars()
                .any(char::is_lowercase)
    }

    /// The first target whose case rule the original text satisfies, that takes the ending
    /// the name has (by its languages and kind), and that has a web address (a company or
    /// brand) if the name ends in a domain.
    fn pick_target(&self, start: usize, end: usize, pattern: usize, ending: End) -> Option<usize> {
        let targets = &self.tagger.targets[pattern];
        let mut cased: Option<String> = None;
        targets.iter().position(|t| {
            let is_company_or_brand = matches!(t.kind, Kind::Company | Kind::Brand);
            let fits = match ending {
                End::Genitive(g) => g.fits(&t.langs),
                End::Case(_) => {
                    is_company_or_brand && t.case_endings && rules::fits(CASE_LANGS, &t.langs)
                }
                End::Domain(_) => is_company_or_brand,
                End::Plain | End::Compound | End::Inside => true,
            };
            if !fits {
                return false;
            }
            match t.case {
                CaseRule::Exact => {
                    let cased = cased.get_or_insert_with(|| self.cased_original(start, end));
                    *cased == *t.cased
                }
                _ => true,
            }
        })
    }

    fn cased_original(&self, start: usize, end: usize) -> String {
        let (s, e) = self.norm.original(start, end);
        normalize(&self.original[s..e], false)
    }

    fn emit(&mut self, c: Candidate) -> Mention {
        let target = &self.tagger.targets[c.pattern][c.target];
        let (start, end) = self.norm.original(c.start, c.end);
        let case = if self.cased_original(c.name_start, c.name_end) == *target.cased {
            CaseMatch::Exact
        } else {
            CaseMatch::Folded
        };
        // Mentions come in order, so char and UTF-16 offsets are counted incrementally.
        let (chars_before, units_before) = counts(&self.original[self.byte_cursor..start]);
        let (chars, units) = counts(&self.original[start..end]);
        let char_span = Span {
            start: self.char_cursor + chars_before,
            end: self.char_cursor + chars_before + chars,
        };
        let utf16_span = Span {
            start: self.utf16_cursor + units_before,
            end: self.utf16_cursor + units_before + units,
        };
        self.byte_cursor = end;
        self.char_cursor = char_span.end;
        self.utf16_cursor = utf16_span.end;
        Mention {
            span: Span { start, end },
            char_span,
            utf16_span,
            text: self.original[start..end].to_string(),
            id: target.id.clone(),
            kind: target.kind,
            name: Arc::clone(&target.name),
            alias: Arc::clone(&target.alias),
            form: c.form,
            case,
        }
    }
}

/// The number of chars and of UTF-16 code units in `s`.
fn counts(s: &str) -> (usize, usize) {
    s.chars().fold((0, 0), |(chars, units), c| {
        (chars + 1, units + c.len_utf16())
    })
}
