//! The compiled tagger: one Aho-Corasick automaton over every normalised alias, plus the rules
//! that decide which candidates are mentions.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::fast_hash::FastHash;
use std::sync::Arc;

use crate::entity::{CaseRule, Kind};
use crate::error::BuildError;
use crate::gazetteer::Gazetteer;
use crate::language::{self, Language};
use crate::language_rules::finnish::{self, PluralStem};
use crate::language_rules::{takes_case_endings, Genitives};
use crate::mention::{
    char_and_utf16_len, Alternative, Attributes, CaseMatch, Form, Linked, Mention, MentionText,
};
use crate::normalize::{
    ceil_boundary, floor_boundary, is_letter, normalize, normalized_len, normalizes_to, Cases,
    Normalized,
};
use crate::rules::{self, End, Start, WordAfter, LINE_REACH};
use crate::scan::Trie;
use crate::stream::Mentions;
use crate::swar;

/// Configures and compiles a [`Tagger`].
///
/// ```
/// use nordic_ner::{Gazetteer, Kind, Tagger};
///
/// let tagger = Tagger::builder()
///     .kinds([Kind::Country])
///     .genitives(false)
///     .build(Gazetteer::builtin())?;
/// let found: Vec<_> = tagger.tag("Norge og Sveriges").iter().map(|m| m.text().to_string()).collect();
/// assert_eq!(found, ["Norge"]);
/// # Ok::<(), nordic_ner::BuildError>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct TaggerBuilder {
    /// The kinds to find; `None`: every kind, users' own included.
    kinds: Option<Vec<Kind>>,
    genitives: bool,
    case_endings: bool,
    compounds: bool,
    default_case: CaseRule,
    dfa: bool,
    language: Option<Language>,
    ordinary_words: bool,
    whole_names: bool,
    /// ISO 3166-1 alpha-2 codes, most preferred first, upper case.
    preferred_countries: Vec<String>,
    home_country: bool,
}

impl Default for TaggerBuilder {
    fn default() -> TaggerBuilder {
        TaggerBuilder {
            kinds: None,
            genitives: true,
            case_endings: true,
            compounds: true,
            default_case: CaseRule::Any,
            dfa: false,
            language: None,
            ordinary_words: true,
            whole_names: true,
            preferred_countries: Vec::new(),
            home_country: true,
        }
    }
}

impl TaggerBuilder {
    /// The default configuration: every kind, genitives, case endings and compound heads on,
    /// aliases without a rule of their own case-insensitive.
    pub fn new() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// Which kinds to find (a slice, array, `Vec` or iterator of kinds); by default every kind,
    /// users' own included. An entity is found if any of its kinds is among them.
    pub fn kinds<K: std::borrow::Borrow<Kind>>(
        mut self,
        kinds: impl IntoIterator<Item = K>,
    ) -> TaggerBuilder {
        self.kinds = Some(kinds.into_iter().map(|k| *k.borrow()).collect());
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
    /// `without_endings=fi` in the data never take one, and an alias's `blocked_endings=` are
    /// not read after it ("Sonya" is a name, "Sonyn" is Sony's). Countries and regions are
    /// matched in their Finnish forms through aliases of their own ("Norjassa").
    ///
    /// The plural is read too, straight after the name (not after a colon): the nominative
    /// "Alkot", "Lidlit", the partitive, local cases and genitive on the name where it keeps
    /// its last letter ("Alkoissa", "Lidleissä", "K-Marketeja") and on its plural stem where
    /// its last vowel changes ("Prismoissa", "Tokmanneja"; the rule is in `data/README.md`).
    /// A plural form of a name that is also a Finnish word ("Koneita", machines) needs a
    /// name's context with [`TaggerBuilder::ordinary_words`]: not at a sentence start.
    ///
    /// ```
    /// use nordic_ner::Form;
    ///
    /// let m = nordic_ner::tag("Nokian osake nousi, kertoo SAS:n tiedote.");
    /// assert_eq!((m[0].text(), m[0].name(), m[0].form()), ("Nokian", "Nokia", Form::Inflected));
    /// assert_eq!((m[1].text(), m[1].form()), ("SAS:n", Form::Inflected));
    /// let m = nordic_ner::tag("Joulun alla Prismoissa ja Lidleissä oli ruuhkaa.");
    /// assert_eq!((m[0].text(), m[0].alias()), ("Prismoissa", "Prisma"));
    /// assert_eq!((m[1].text(), m[1].alias()), ("Lidleissä", "Lidl"));
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
    /// The scan walks the automaton from each place a name may start, a few steps at a time;
    /// a DFA takes a step with one table lookup. On the builtin data it took about twice as
    /// long to build; in two runs of
    /// `cargo bench --bench tagging` on 2026-12-03 it tagged the NorNE Bokmål text at 0.74 and
    /// 0.87 of a bare Aho-Corasick scan, against the NFA's 0.89 and 0.88, and in two later runs
    /// at 0.89 and 0.96, against the NFA's 0.91 and 0.90 (best times of alternating rounds):
    /// no steady gain here.
    pub fn dfa(mut self, on: bool) -> TaggerBuilder {
        self.dfa = on;
        self
    }

    /// Fixes the language of the text instead of detecting it (`None`, the default: detect the
    /// language of each sentence, with its neighbours where a sentence alone is unsure).
    ///
    /// The language decides which endings a name takes (Finnish case endings in Finnish text,
    /// genitive `-s` in Scandinavian and Icelandic text) and whether an alias that is an
    /// ordinary word of that language is a name ([`TaggerBuilder::ordinary_words`]).
    /// [`Language::Other`] reads every ending and no language's words.
    ///
    /// ```
    /// use nordic_ner::{Gazetteer, Language, Tagger};
    ///
    /// let finnish = Tagger::builder().language(Language::Finnish).build(Gazetteer::builtin())?;
    /// let m = finnish.tag("Asia on selvä: Nokian tulos parani.");
    /// assert_eq!(m.len(), 1);
    /// assert_eq!((m[0].text(), m[0].language()), ("Nokian", Language::Finnish));
    /// # Ok::<(), nordic_ner::BuildError>(())
    /// ```
    pub fn language(mut self, language: impl Into<Option<Language>>) -> TaggerBuilder {
        self.language = language.into();
        self
    }

    /// Whether an alias that is an ordinary word of the language being read needs the context
    /// of a name there (on by default): written with a capital where a capital means a name,
    /// not at a sentence start or in text in capitals. Finnish "asia" (matter) is not Asia,
    /// "oman" (own) not Oman; the same alias stays a name in other languages ("Asia" in English).
    /// The gazetteer's `word=` alias attribute records these languages (see `data/README.md`).
    pub fn ordinary_words(mut self, on: bool) -> TaggerBuilder {
        self.ordinary_words = on;
        self
    }

    /// Whether names are read whole (on by default):
    /// - a company or brand followed by a legal form or corporate word is one mention of both
    ///   ("Equinor ASA", "Orkla Group");
    /// - one followed by more capitalised words heads a longer name the gazetteer does not hold
    ///   (a product, unit or subsidiary: "Google Flights", "Sony Pictures", and "Telenor Danmark",
    ///   the company's national unit, not a mention of Denmark): one mention spanning the whole
    ///   name, linked to the company or brand, as a [`Form::Part`];
    /// - a compound whose last part names the kind of thing a company or brand is names it, and
    ///   the mention spans the compound ("Equinor-konsernet", "Youtube-palvelussa");
    /// - a country or region followed by more of a longer name is no mention ("Sveriges
    ///   Radio", "Suomen Pankki"), nor is a given name before a surname ("Tine Sundtoft",
    ///   "Chad Smith"); a name followed by another name ("Norge Sverige") or by a given name
    ///   ("Norges Erling Haaland") stands alone.
    ///
    /// Off: every name is matched alone, as listed.
    ///
    /// ```
    /// use nordic_ner::Form;
    ///
    /// let text = "Equinor ASA og Telenor Danmark, ifølge Norway Cup og Google Flights.";
    /// let found: Vec<_> = nordic_ner::tag(text).iter().map(|m| (m.text().to_string(), m.form())).collect();
    /// assert_eq!(found, [
    ///     ("Equinor ASA".to_string(), Form::Plain),
    ///     ("Telenor Danmark".to_string(), Form::Part),
    ///     ("Google Flights".to_string(), Form::Part),
    /// ]);
    /// ```
    pub fn whole_names(mut self, on: bool) -> TaggerBuilder {
        self.whole_names = on;
        self
    }

    /// Countries (ISO 3166-1 alpha-2 codes, most preferred first) whose entities win when an
    /// alias stands for several entities of one kind: a company whose `origin` is among them,
    /// or such a country itself, goes before the others of its kind, which become its
    /// [`Mention::alternatives`]. Kinds keep their order (a country's name stays the country's
    /// before it is a brand's). By default the gazetteer's order decides.
    ///
    /// ```
    /// use nordic_ner::{Gazetteer, Tagger};
    ///
    /// let two = "user:a\tcompany\tNordlys\torigin=SE\nuser:b\tcompany\tNordlys\torigin=NO\n";
    /// let gazetteer = Gazetteer::from_text("two.tsv", two)?;
    /// let text = "Nordlys opened an office in London.";
    /// let plain = Tagger::new(&gazetteer)?;
    /// assert_eq!(plain.tag(text)[0].id().as_str(), "user:a");
    /// let norwegian = Tagger::builder().prefer_countries(["NO"]).build(&gazetteer)?;
    /// let m = &norwegian.tag(text)[0];
    /// assert_eq!(m.id().as_str(), "user:b");
    /// assert_eq!(m.alternatives()[0].id.as_str(), "user:a");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prefer_countries<S: AsRef<str>>(
        mut self,
        countries: impl IntoIterator<Item = S>,
    ) -> TaggerBuilder {
        self.preferred_countries = countries
            .into_iter()
            .map(|c| c.as_ref().to_ascii_uppercase())
            .collect();
        self
    }

    /// Whether an alias that stands for entities of one kind from several countries links to
    /// the one at home in the language read (on by default): "Gyldendal" in a Danish sentence
    /// is the Danish publisher, in a Norwegian one the Norwegian publisher (see
    /// [`Language::home_country`]). The countries of [`TaggerBuilder::prefer_countries`] go
    /// first; this decides among the rest.
    ///
    /// ```
    /// let da = &nordic_ner::tag("Gyldendal udgiver bogen i Danmark.")[0];
    /// let nb = &nordic_ner::tag("Gyldendal gir ut boka i Norge i høst.")[0];
    /// assert_eq!(da.id().as_str(), "isin:DK0010247527");
    /// assert_eq!(nb.id().as_str(), "isin:NO0004288200");
    /// assert_eq!(nb.alternatives()[0].id.as_str(), "isin:DK0010247527");
    /// ```
    pub fn prefer_home_country(mut self, on: bool) -> TaggerBuilder {
        self.home_country = on;
        self
    }

    /// Compiles the tagger for `gazetteer`. The tagger keeps what it needs, so the gazetteer
    /// may be dropped afterwards.
    ///
    /// # Errors
    /// [`BuildError::Automaton`] when the automaton exceeds its size limits.
    pub fn build(&self, gazetteer: &Gazetteer) -> Result<Tagger, BuildError> {
        // A pattern is an alias, or the plural stem of one (`PluralStem`): the same text may be
        // both, as two patterns.
        let mut index: HashMap<(String, Option<PluralStem>), usize, FastHash> = HashMap::default();
        let mut stems: Vec<Option<PluralStem>> = Vec::new();
        // (pattern, order, target) in one list, not a list a pattern: sorted into
        // `Targets` below (a million aliases would otherwise cost a million small lists).
        let mut found: Vec<(u32, u32, Target)> = Vec::new();
        for entity in gazetteer.entities() {
            let Some(kind) = std::iter::once(entity.kind())
                .chain(entity.also().iter().copied())
                .find(|k| self.kinds.as_ref().is_none_or(|kinds| kinds.contains(k)))
            else {
                continue;
            };
            let name = entity.shared_name();
            let attributes: Option<Attributes> =
                (entity.attributes().next().is_some()).then(|| {
                    entity
                        .attributes()
                        .map(|(k, v)| (Box::from(k), Box::from(v)))
                        .collect()
                });
            let rank = self.country_rank(entity);
            let country = entity
                .iso2()
                .or(entity.origin())
                .and_then(|c| <[u8; 2]>::try_from(c.as_bytes()).ok());
            for alias in entity.matched_aliases() {
                let folded = normalize(alias.text, true);
                if folded.is_empty() {
                    continue;
                }
                let cased = normalize(alias.text, false);
                // Most aliases are the name, and most are written as normalised: one string.
                let alias_text: Arc<str> = if alias.text == &*name {
                    Arc::clone(&name)
                } else {
                    Arc::from(alias.text)
                };
                let cased_text: Arc<str> = if cased == *alias_text {
                    Arc::clone(&alias_text)
                } else {
                    Arc::from(cased.as_str())
                };
                let target = Target {
                    kind,
                    rank,
                    country,
                    linked: Arc::new(Linked {
                        id: entity.id().clone(),
                        kind,
                        name: Arc::clone(&name),
                        alias: alias_text,
                        attributes: attributes.clone(),
                        alternatives: Box::default(),
                    }),
                    cased: cased_text,
                    case: alias.case.unwrap_or(self.default_case),
                    langs: alias.langs.to_vec().into_boxed_slice(),
                    case_endings: takes_case_endings(alias.langs, alias.without_endings),
                    genitives: Genitives::of(alias.langs, alias.without_endings),
                    words: ordinary_words(alias.words),
                    word_endings: endings_on(alias.word_endings, false),
                    blocked_endings: endings_on(alias.blocked_endings, false),
                };
                // "Prisma" -> "Prism" + "oissa": the plural forms of a company or brand whose
                // last vowel changes are matched on the alias without its last letter. Not for
                // an alias in capitals, which takes endings after a colon only.
                let plural_stem = (kind.is_trade_name()
                    && target.case_endings
                    && cased.chars().any(char::is_lowercase))
                .then(|| finnish::plural_stem(&folded))
                .flatten()
                .and_then(|stem| {
                    let folded_stem = folded.strip_suffix(|c: char| is_letter(c))?;
                    let cased_stem = cased.strip_suffix(|c: char| is_letter(c))?;
                    let stem_target = Target {
                        cased: cased_stem.into(),
                        word_endings: endings_on(alias.word_endings, true),
                        blocked_endings: endings_on(alias.blocked_endings, true),
                        ..target.clone()
                    };
                    Some((folded_stem.to_string(), stem, stem_target))
                });
                let mut add = |key: (String, Option<PluralStem>), target: Target| {
                    let slot = *index.entry(key).or_insert_with_key(|(_, stem)| {
                        stems.push(*stem);
                        stems.len() - 1
                    });
                    found.push((slot as u32, found.len() as u32, target));
                };
                if let Some((folded_stem, stem, stem_target)) = plural_stem {
                    add((folded_stem, Some(stem)), stem_target);
                }
                add((folded, None), target);
            }
        }
        let mut targets = Targets::new(found, stems.len());
        for pattern in 0..stems.len() {
            rank_and_list_alternatives(targets.of_mut(pattern));
        }
        // The pattern texts in slot order, moved out of the index (not copied).
        let mut patterns: Vec<String> = vec![String::new(); stems.len()];
        for ((text, _), slot) in index {
            patterns[slot] = text;
        }
        let trie = Trie::new(&patterns, self.dfa)?;
        // Patterns whose candidates a rule decides by the language read; the others need it
        // only for the mention's `language`, read once a mention is found.
        let language_sensitive = patterns
            .iter()
            .enumerate()
            .map(|(slot, pattern)| {
                let targets = targets.of(slot);
                let mut rules = 0;
                for t in targets {
                    if t.words.iter().any(|&z| z > 0) || !t.word_endings.is_empty() {
                        rules |= BY_ORDINARY_WORDS;
                    }
                    if t.kind.is_place() && pattern.ends_with('n') {
                        rules |= BY_INSTITUTION;
                    }
                    if rules::is_english_capitalised_word(&t.cased) {
                        rules |= BY_ADJECTIVE;
                    }
                }
                if self.home_country && has_home_choice(targets) {
                    rules |= BY_HOME_COUNTRY;
                }
                if rules::may_be_english_capitalised_word(pattern) {
                    rules |= ENGLISH_WORD_SHAPE;
                }
                rules
            })
            .collect();
        let given_names = patterns
            .iter()
            .map(|p| crate::names::may_be_given_name(p))
            .collect();
        Ok(Tagger {
            trie,
            pattern_count: patterns.len(),
            stems,
            targets,
            language_sensitive,
            given_names,
            genitives: self.genitives,
            case_endings: self.case_endings,
            compounds: self.compounds,
            language: self.language,
            ordinary_words: self.ordinary_words,
            whole_names: self.whole_names,
            home_country: self.home_country,
        })
    }
}

impl TaggerBuilder {
    /// Where `entity`'s country (its own code for a country, its `origin` otherwise) stands in
    /// the preferred countries; `usize::MAX` where it is not among them.
    fn country_rank(&self, entity: &crate::entity::Entity) -> usize {
        let country = entity.iso2().or(entity.origin());
        country
            .and_then(|c| self.preferred_countries.iter().position(|p| p == c))
            .unwrap_or(usize::MAX)
    }
}

/// Orders the targets of one pattern (the gazetteer's order, and within a run of one kind the
/// preferred countries first) and gives each the other entities of the pattern as its
/// alternatives. Most patterns have one entity and are left as they are.
fn rank_and_list_alternatives(targets: &mut [Target]) {
    let Some(first) = targets.first() else {
        return;
    };
    if targets.iter().all(|t| t.linked.id == first.linked.id) {
        return;
    }
    // Kinds keep the order of their first target; the rank orders entities within a kind.
    // Without preferences the gazetteer's order stands as it is.
    if targets.iter().any(|t| t.rank != usize::MAX) {
        sort_by_preference(targets);
    }
    let mut entities: Vec<Alternative> = Vec::new();
    for t in targets.iter() {
        if !entities.iter().any(|e| e.id == t.linked.id) {
            entities.push(Alternative {
                id: t.linked.id.clone(),
                kind: t.linked.kind,
                name: Arc::clone(&t.linked.name),
            });
        }
    }
    for t in targets.iter_mut() {
        let others: Box<[Alternative]> = entities
            .iter()
            .filter(|e| e.id != t.linked.id)
            .cloned()
            .collect();
        let linked = Linked {
            alternatives: others,
            ..Linked::clone(&t.linked)
        };
        t.linked = Arc::new(linked);
    }
}

/// Whether the language read may choose among a pattern's targets: two entities of one kind
/// from different countries, one of them a language's home country.
fn has_home_choice(targets: &[Target]) -> bool {
    targets.iter().enumerate().any(|(i, a)| {
        let home = a.country.is_some_and(|c| {
            Language::KNOWN
                .iter()
                .any(|l| l.home_country().is_some_and(|h| h.as_bytes() == c))
        });
        home && targets[..i]
            .iter()
            .any(|b| b.kind == a.kind && b.linked.id != a.linked.id && b.country != a.country)
    })
}

/// Sorts a pattern's targets by the preferred countries within each kind, the kinds in the
/// order of their first target (stable: ties keep the gazetteer's order).
fn sort_by_preference(targets: &mut [Target]) {
    let mut kind_order: Vec<Kind> = Vec::new();
    for t in targets.iter() {
        if !kind_order.contains(&t.kind) {
            kind_order.push(t.kind);
        }
    }
    targets.sort_by_key(|t| (kind_order.iter().position(|&k| k == t.kind), t.rank));
}

/// The Zipf frequency (tenths) of an alias as an ordinary word of each known language, in
/// [`Language::KNOWN`]'s order; 0 where it is not one.
fn ordinary_words(words: &[crate::entity::WordIn]) -> [u8; 7] {
    let mut out = [0; 7];
    for w in words {
        if let Some(i) = w.language.index() {
            out[i] = w.zipf_tenths.max(1);
        }
    }
    out
}

/// The endings of a `word_endings=` or `blocked_endings=` list that a pattern reads: on the alias
/// as written, or (`on_stem`) those written `-ending` on its plural stem, without the `-`.
fn endings_on(endings: &[String], on_stem: bool) -> Box<[Box<str>]> {
    endings
        .iter()
        .filter_map(|e| match e.strip_prefix('-') {
            Some(on) if on_stem => Some(on.into()),
            None if !on_stem => Some(e.as_str().into()),
            _ => None,
        })
        .collect()
}

/// Whether every word of a name's tail is a listed word of some language (lowercased).
fn is_listed_tail(tail: &str) -> bool {
    // Folded as names are (lowercase, composed), so that NFD text reads as NFC.
    let lower = normalize(tail, true);
    let mut words = crate::language::words(&lower).peekable();
    words.peek().is_some() && words.all(crate::language::is_listed_word)
}

/// The targets of every pattern in one list, a pattern's targets side by side.
#[derive(Clone, Debug)]
struct Targets {
    all: Vec<Target>,
    /// Where each pattern's targets start in `all`, and a last entry for the end.
    starts: Vec<u32>,
}

impl Targets {
    /// From `(pattern, order, target)` triples: each pattern's targets in their order.
    fn new(mut found: Vec<(u32, u32, Target)>, patterns: usize) -> Targets {
        // (pattern, order) is unique, so an unstable sort keeps the order and needs no buffer.
        found.sort_unstable_by_key(|&(pattern, order, _)| (pattern, order));
        let mut starts = Vec::with_capacity(patterns + 1);
        for (i, (pattern, _, _)) in found.iter().enumerate() {
            while starts.len() <= *pattern as usize {
                starts.push(i as u32);
            }
        }
        starts.resize(patterns + 1, found.len() as u32);
        let all = found.into_iter().map(|(_, _, target)| target).collect();
        Targets { all, starts }
    }

    fn range(&self, pattern: usize) -> std::ops::Range<usize> {
        self.starts[pattern] as usize..self.starts[pattern + 1] as usize
    }

    #[inline]
    fn of(&self, pattern: usize) -> &[Target] {
        &self.all[self.range(pattern)]
    }

    fn of_mut(&mut self, pattern: usize) -> &mut [Target] {
        let range = self.range(pattern);
        &mut self.all[range]
    }
}

/// One entity an alias pattern can stand for.
#[derive(Clone, Debug)]
struct Target {
    kind: Kind,
    /// Where the entity's country stands in the user's preference (`usize::MAX`: not there).
    rank: usize,
    /// The entity's country (its own code, or its `origin`), ISO 3166-1 alpha-2.
    country: Option<[u8; 2]>,
    /// The entity and alias its mentions link to.
    linked: Arc<Linked>,
    /// The alias normalised without lowercasing, to check exact case (most often the very
    /// string of `linked.alias`).
    cased: Arc<str>,
    case: CaseRule,
    /// The alias's languages, which decide its genitive and case endings.
    langs: Box<[String]>,
    /// Whether the alias takes Finnish case endings (by its languages and `without_endings=`).
    case_endings: bool,
    /// The genitive endings the alias takes (by its languages and `without_endings=`).
    genitives: Genitives,
    /// Its frequency as an ordinary word per known language (tenths of Zipf; 0: not a word).
    words: [u8; 7],
    /// Finnish case endings with which it forms an ordinary Finnish word ("Miele" + "ssä").
    word_endings: Box<[Box<str>]>,
    /// Finnish case endings not read after it: the form is another language's word ("Sony" +
    /// "a" = "Sonya", `blocked_endings=` in the data).
    blocked_endings: Box<[Box<str>]>,
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
    trie: Trie,
    /// The number of patterns (the pattern texts live in the automaton only).
    pattern_count: usize,
    /// Per pattern: the plural stem it is, if it is not an alias as written.
    stems: Vec<Option<PluralStem>>,
    targets: Targets,
    /// Per pattern: which rules may decide its candidates by the language read
    /// ([`BY_ORDINARY_WORDS`], [`BY_INSTITUTION`], [`BY_ADJECTIVE`], [`BY_HOME_COUNTRY`]), and
    /// whether it has an English word's shape ([`ENGLISH_WORD_SHAPE`]).
    language_sensitive: Vec<u8>,
    /// Per pattern: whether it is a given name in some case, so that the text it matches may
    /// head a person's name ("Tine Sundtoft").
    given_names: Vec<bool>,
    genitives: bool,
    case_endings: bool,
    compounds: bool,
    language: Option<Language>,
    ordinary_words: bool,
    whole_names: bool,
    /// Whether the language read chooses among entities of several countries.
    home_country: bool,
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
    ///
    /// Text longer than about a mebibyte is tagged a window at a time (with 16 KiB of context
    /// either side), so that the normalised copy and the offset map stay small and in the
    /// processor's caches; the mentions are those of [`Tagger::tag_reader`] on the same text.
    pub fn mentions<'t, 'h>(&'t self, text: &'h str) -> Mentions<'t, 'h> {
        Mentions::new(self, text)
    }

    /// The mentions in one window of text, as if it were the whole text.
    pub(crate) fn window_mentions<'t, 'h>(&'t self, text: &'h str) -> WindowMentions<'t, 'h> {
        WindowMentions {
            tagger: self,
            original: text,
            norm: Normalized::new(text, true),
            cursor: 0,
            after_word: false,
            found: Vec::new(),
            scanned_to: 0,
            exhausted: false,
            pending: Vec::new(),
            emitted_to: 0,
            last_head_end: None,
            byte_cursor: 0,
            char_cursor: 0,
            utf16_cursor: 0,
            sentences: [None; 2],
            context: language::Evidence::default(),
            line: (0, 0, false),
        }
    }

    /// The number of distinct normalised aliases in the automaton.
    #[must_use]
    pub fn pattern_count(&self) -> usize {
        self.pattern_count
    }
}

/// A candidate that passed every check.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// Where the mention starts: the name, or the "www." before a web address.
    start: usize,
    /// Where the alias starts and ends, without "www." or any ending, and where that is in the
    /// original text.
    name_start: usize,
    name_end: usize,
    name_at: (usize, usize),
    end: usize,
    pattern: usize,
    target: usize,
    form: Form,
    /// A compound head with a capitalised tail: kept only if the tail is a mention too.
    needs_tail: bool,
    /// The capitalised words right after the name: the name may head a longer name, decided
    /// once the candidates there are known.
    tail: Option<Tail>,
    /// The language read, if a rule needed it.
    language: Option<Language>,
}

/// Words right after a name (normalised offsets) that may make it the head of a longer name:
/// a quoted title, read whole, or a word that may be capitalised, read only if a name after it
/// does not settle the matter first (most names before a capitalised word are not its head).
#[derive(Clone, Copy, Debug)]
struct Tail {
    start: usize,
    /// Where the name (endings included) ends in the original text: where the words start.
    name_to: usize,
    /// Once read: where the words end, and where in the original text more of them may be read
    /// (up to [`MAX_TAIL_WORDS`]), if the longer name is taken.
    read: Option<(usize, Option<usize>)>,
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

/// The mentions of one window of text (all of a text that fits in one), found lazily.
#[derive(Debug)]
pub(crate) struct WindowMentions<'t, 'h> {
    tagger: &'t Tagger,
    original: &'h str,
    norm: Normalized,
    /// The next position of the normalised text the scan examines, and whether the character
    /// before it is a word character.
    cursor: usize,
    after_word: bool,
    /// The aliases found starting at one position, as `(end, pattern)`.
    found: Vec<(usize, usize)>,
    /// Every candidate starting before this position has been checked.
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
    /// The last two sentences whose language was read (normalised offsets), the last first,
    /// and their languages: a candidate may wait for the next sentence's before it is emitted.
    sentences: [Option<(usize, usize, Language)>; 2],
    /// The evidence of the sentences read so far, the nearest counting most.
    context: language::Evidence,
    /// The last line whose title case was read (original offsets) and whether it is in title
    /// case: each line is read once, however many names it holds.
    line: (usize, usize, bool),
}

impl std::fmt::Debug for Normalized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalized")
            .field("text", &self.text)
            .finish_non_exhaustive()
    }
}

impl Iterator for WindowMentions<'_, '_> {
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

impl WindowMentions<'_, '_> {
    /// The preferred pending candidate, once no later match can start at or before it.
    fn ready(&mut self) -> Option<Candidate> {
        loop {
            let (i, best) = self
                .pending
                .iter()
                .enumerate()
                .min_by_key(|(_, c)| c.key())?;
            // The scan goes by start: once it is past `best.start`, no later candidate starts at
            // or before `best`, so none can beat it.
            // A head that needs a name after its hyphen waits until that name would be seen.
            // So does a name followed by a capitalised word, until a name there would be seen.
            let from = match (best.needs_tail, best.tail) {
                (_, Some(tail)) => tail.start,
                (true, None) => best.name_end + 1,
                (false, None) => best.start,
            };
            if !(self.exhausted || from < self.scanned_to) {
                return None;
            }
            let mut best = *best;
            self.pending.swap_remove(i);
            if best.needs_tail && !self.pending.iter().any(|c| c.start == best.name_end + 1) {
                continue; // "Europa-Cup": a capitalised compound is a name of its own
            }
            if let Some(tail) = best.tail {
                match self.head_of_longer_name(&best, tail) {
                    Head::Alone => {}
                    Head::Dropped => continue,
                    Head::Part(end) => {
                        // "Google Play -sovelluskauppa": the longer name may head a compound.
                        best.end = self.appositive_compound(end, best.pattern).unwrap_or(end);
                        best.form = Form::Part;
                    }
                }
            }
            self.emitted_to = best.end;
            self.pending.retain(|c| c.start >= best.end);
            return Some(best);
        }
    }

    /// Checks the aliases that start at the next position where a name may start.
    fn automaton_step(&mut self) {
        let trie = &self.tagger.trie;
        let text = self.norm.text.as_str();
        let mut found = std::mem::take(&mut self.found);
        // With no candidate waiting, nothing can be emitted before the next alias is found: the
        // scan runs on to it in one go. Otherwise it stops at each position, so that a waiting
        // candidate is emitted as soon as the scan is past it.
        let step = if self.pending.is_empty() {
            trie.next_match(
                text,
                self.cursor,
                self.emitted_to,
                &mut self.after_word,
                &mut found,
            )
        } else {
            let floor = self.emitted_to;
            trie.next_start(text, self.cursor, &mut self.after_word)
                .inspect(|&(at, _)| {
                    if at >= floor {
                        trie.starting_at(text.as_bytes(), at, &mut found);
                    }
                })
        };
        match step {
            None => {
                self.exhausted = true;
                self.scanned_to = text.len();
            }
            Some((at, next)) => {
                self.cursor = next;
                self.scanned_to = at + 1;
                // (Empty where `at` is inside the last mention: no walk was made there.)
                // Most raw matches start inside a word: the cheapest check goes first, once for
                // all the aliases that start at `at`.
                let start_rule = match found.first() {
                    Some(_) => rules::start(&text[..at]),
                    None => Start::Inside,
                };
                if start_rule != Start::Inside {
                    for &(end, pattern) in &found {
                        if let Some(c) = self.check(at, end, pattern, start_rule) {
                            self.pending.push(c);
                        }
                    }
                }
            }
        }
        found.clear();
        self.found = found;
    }

    /// Applies boundary, genitive, compound and case rules to a raw match whose start reads as
    /// `start_rule` (not inside a word).
    fn check(
        &mut self,
        start: usize,
        end: usize,
        pattern: usize,
        start_rule: Start,
    ) -> Option<Candidate> {
        let tagger = self.tagger;
        let text = self.norm.text.as_str();
        // Read before this name records itself as a head: "Norge-Sverige-avtalen".
        let previous_head_end = self.last_head_end;
        let end_rule = match tagger.stems[pattern] {
            Some(stem) if tagger.case_endings => finnish::plural_stem_end(stem, &text[end..]),
            // A plural stem is a name only with its ending.
            Some(_) => End::Inside,
            None => rules::end_reading(&text[start..end], &text[end..], tagger.case_endings),
        };
        // Inside a word whatever the language ("Eq" in "Equinor"): the rules below would only
        // read the sentence, if a rule may decide by language, for the context of later
        // sentences. Nothing is read where that sentence has been read already.
        if end_rule == End::Inside {
            let read = tagger.language.is_some() || self.language_read(start).is_some();
            if !read && self.language_may_decide(self.norm.original(start, end), pattern) {
                self.language_at(start);
            }
            return None;
        }
        // The name in the original text, which the case tests read.
        let name_at = self.norm.original(start, end);
        // The language read, where a rule depends on it (endings, ordinary words, Finnish
        // institutions, English adjectives); other candidates read it only once they are
        // mentions (`emit`), so most sentences are never read.
        let targets = tagger.targets.of(pattern);
        let case_ending = match end_rule {
            End::Case(n) | End::Plural(n) => {
                tagger.case_endings && self.takes_case_ending(name_at, end, n)
            }
            _ => false,
        };
        // A sentence read already gives its language at no cost, and the rules that read it
        // decide with it as they do without it wherever `language_may_decide` finds no rule
        // that may decide by it: the test need not be made. Not so for a Finnish institution
        // after a name that may take an ending or compound (the test reads on from the name,
        // the rule from the ending), nor for text that may read as an English adjective the
        // alias is not (the rule reads the text, the test the alias's flag).
        let read = self.language_read(start).filter(|_| {
            let rules = tagger.language_sensitive[pattern];
            let plain = end_rule == End::Plain && !text[end..].starts_with(" -");
            (rules & BY_INSTITUTION == 0 || plain)
                && (rules & BY_ADJECTIVE != 0 || rules & ENGLISH_WORD_SHAPE == 0)
        });
        let sensitive = tagger.language.is_none()
            && read.is_none()
            && (match end_rule {
                End::Case(_) | End::Plural(_) => {
                    case_ending
                        && targets
                            .iter()
                            .any(|t| t.case_endings && t.kind.is_trade_name())
                }
                End::Genitive(g) => {
                    tagger.genitives && targets.iter().any(|t| t.genitives.contains(g))
                }
                _ => false,
            } || self.language_may_decide(name_at, pattern));
        let language = if sensitive {
            Some(self.language_at(start))
        } else {
            tagger.language.or(read)
        };
        let rule_language = language.unwrap_or(Language::Other);
        let (form, full_end) = match end_rule {
            End::Plain => (Form::Plain, end),
            End::Genitive(g) if tagger.genitives && g.read_in(rule_language) => {
                (Form::Genitive, end + g.len())
            }
            End::Case(n) | End::Plural(n)
                if case_ending && matches!(rule_language, Language::Finnish | Language::Other) =>
            {
                (Form::Inflected, end + n)
            }
            End::Domain(n) => (Form::Domain, end + n),
            End::Genitive(_) | End::Case(_) | End::Plural(_) | End::Inside => return None,
            End::Compound => {
                // Remember the head so that "Norge-Sverige" keeps its tail, then decide.
                self.last_head_end = Some(end);
                match self.appositive_compound(end, pattern) {
                    Some(compound_end) => (Form::Compound, compound_end),
                    // "Suomen pankki-iskusta": a lowercase last word heads a compound of its
                    // own (the bank attack), not of the name.
                    None if tagger.compounds && !self.ends_in_lowercase_word(name_at) => {
                        (Form::Compound, end)
                    }
                    None => return None,
                }
            }
        };
        // "The New York Times -sanomalehti": Finnish joins a compound to a name of several
        // words after a space.
        let (form, full_end) = match form {
            Form::Plain => match self.appositive_compound(full_end, pattern) {
                Some(compound_end) => (Form::Compound, compound_end),
                None => (form, full_end),
            },
            _ => (form, full_end),
        };
        let needs_tail = form == Form::Compound && self.capitalised_tail(name_at);
        match start_rule {
            Start::Free => {}
            // "Norge-Sverige": a name right after another name and a hyphen is a pair, not a
            // compound tail.
            Start::AfterHyphen if previous_head_end == Some(start - 1) => {}
            // "www.dagbladet.no": only a web address may follow "www.".
            Start::AfterWww if form == Form::Domain => {}
            Start::AfterHyphen | Start::AfterWww | Start::Inside => return None,
        }
        let (original_start, original_end) = name_at;
        let (before, from_name) = self.original.split_at(original_start);
        // "Henrik S. Nissen", "94/432/EY", "Bank of Finland": part of a longer name or code.
        if rules::after_given_name_and_initial(before)
            || rules::in_reference_code(before)
            || (form != Form::Domain && rules::after_name_connector(before))
        {
            return None;
        }
        // "TV Norge", "Hotel Føroyar": the tail of a longer name, unless the word before is a
        // name of its own ("Norge Sverige 2-1") or the candidate is a web address. (The cheap
        // test first: in a list of names, every name follows one.)
        if form != Form::Domain
            && !self.follows_a_name(start)
            && rules::after_capitalised_word(before, || self.line_at(original_start).2)
        {
            return None;
        }
        // "Norwegian authorities": in English, a nationality adjective before a noun.
        if rule_language == Language::English && form == Form::Plain {
            let name = &from_name[..original_end - original_start];
            let next = from_name[name.len()..]
                .strip_prefix(rules::is_line_space)
                .unwrap_or("");
            if rules::is_english_capitalised_word(name)
                && next.chars().next().is_some_and(char::is_lowercase)
            {
                return None;
            }
        }
        let target = self.pick_target(start, end, name_at, pattern, end_rule, rule_language)?;
        let kind = self.tagger.targets.of(pattern)[target].kind;
        // "Conan the Barbarian", "Alexander the Great": a person with an epithet.
        if form == Form::Plain
            && kind.is_trade_name()
            && rules::before_epithet(&from_name[original_end - original_start..])
        {
            return None;
        }
        // "Euroopan komissio", "Suomen hallitus": a Finnish genitive heading an institution.
        if rule_language == Language::Finnish
            && kind.is_place()
            && self.original[original_start..original_end].ends_with(['n', 'N'])
        {
            let rest = &self.original[self.norm.original(start, full_end).1..];
            let name = &self.original[original_start..original_end];
            if rules::heads_finnish_institution(name, rest) {
                return None;
            }
        }
        let (full_end, tail) = match form {
            Form::Plain | Form::Genitive | Form::Inflected if self.tagger.whole_names => {
                // (Most names have no ending: the name's own mapping serves.)
                let full_at = if full_end == end {
                    name_at
                } else {
                    self.norm.original(start, full_end)
                };
                self.whole_name(full_at, full_end, kind, form)
            }
            _ => (full_end, None),
        };
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
            name_at,
            end: full_end,
            pattern,
            target,
            form,
            needs_tail,
            tail,
            language,
        })
    }

    /// What follows the name ending at normalised offset `end` (endings included), at `(s, e)`
    /// in the original text, on its line: a
    /// corporate word or legal form after a company or brand ("Equinor ASA", "Orkla Group")
    /// extends the mention, which then ends later; capitalised words (not after a line break,
    /// not in a title-case or all-capital line) make a plain name the possible head of a longer
    /// name, decided in [`WindowMentions::head_of_longer_name`]. A genitive or case form before a
    /// capitalised word is a possessive ("Microsoftin Outlook", "USAs FN-ambassadør").
    fn whole_name(
        &mut self,
        (s, e): (usize, usize),
        end: usize,
        kind: Kind,
        form: Form,
    ) -> (usize, Option<Tail>) {
        let mut end = end;
        let mut original_end = e;
        let company = kind.is_trade_name();
        // "Equinor ASA", "Orkla Holding ASA": the same company.
        if company && form == Form::Plain {
            while let Some((gap, word)) = rules::next_word_on_line(&self.original[original_end..]) {
                let Some(len) = rules::corporate_word(word) else {
                    break;
                };
                end += 1 + normalized_len(&word[..len], true);
                original_end += gap + len;
            }
            if original_end > e {
                return (end, None);
            }
        }
        // A genitive or case form before a capitalised word is a possessive ("Microsoftin
        // Outlook"), except a country's or region's Scandinavian genitive heading a name of its
        // own ("Norges Bank", "Islands Brygge").
        let country_genitive = form == Form::Genitive && !company;
        if form != Form::Plain && !country_genitive {
            return (end, None);
        }
        // «Rock Band 2», «Guitar Hero: World Tour»: a quoted title that opens with a brand
        // names a product of the brand, numbers and subtitle included.
        if kind.has_products() && form == Form::Plain {
            let after = &self.original[e..];
            if let Some(len) = rules::quoted_title_rest(&self.original[..s], after) {
                // (`normalize` trims: the space after the name is put back.)
                let space = usize::from(after.starts_with(' '));
                let rest = normalize(&after[..len], true);
                let tail_start = end + space;
                if self.norm.text.get(tail_start..tail_start + rest.len()) == Some(rest.as_str()) {
                    let tail = Tail {
                        start: tail_start,
                        name_to: e,
                        read: Some((tail_start + rest.len(), None)),
                    };
                    return (end, Some(tail));
                }
            }
        }
        // A word after the name on its line that may be capitalised (or a brand's model
        // number): the name may head a longer one, told once the candidates there are known
        // (`head_of_longer_name`). One space and a visible ASCII byte tell at once.
        let may_go_on = self.norm.text.as_bytes().get(end) == Some(&b' ')
            && match self.original.as_bytes()[e..] {
                [b' ', b, ..] if b.is_ascii_graphic() => {
                    b.is_ascii_uppercase() || (kind.has_products() && b.is_ascii_digit())
                }
                [b'\n' | b'\r', ..] => false,
                _ => true,
            };
        if !may_go_on {
            return (end, None);
        }
        let tail = Tail {
            start: end + 1,
            name_to: e,
            read: None,
        };
        (end, Some(tail))
    }

    /// The capitalised words of `tail` after the name of `head`, read (where they end, and
    /// where to read on from), or `None` if they go on no name: none is capitalised, or the
    /// line is in title case or capitals.
    fn read_words_after(&mut self, head: &Candidate, tail: Tail) -> Option<(usize, Option<usize>)> {
        if tail.read.is_some() {
            return tail.read;
        }
        let kind = self.tagger.targets.of(head.pattern)[head.target].kind;
        let country_genitive = head.form == Form::Genitive && !kind.is_trade_name();
        let (s, e) = (head.name_at.0, tail.name_to);
        let (tail_end, words, more_from) =
            self.read_tail(kind, country_genitive, e, head.end, 0, 1);
        if words == 0 {
            return None;
        }
        let (line_start, line_end, title_case) = self.line_at(s);
        let before_start = ceil_boundary(self.original, s.saturating_sub(LINE_REACH));
        let line_before = &self.original[line_start.max(before_start)..s];
        let name = &self.original[s..e];
        let after =
            &self.original[e..floor_boundary(self.original, (e + LINE_REACH).min(line_end.max(e)))];
        if title_case || rules::in_capitals(line_before, name, after) {
            return None;
        }
        Some((tail_end, more_from))
    }

    /// Reads capitalised words that go on a name of `kind` (a country's genitive if
    /// `country_genitive`) from original offset `at`, the tail so far ending at normalised
    /// offset `tail_end` after `words` words, until `most` words: the tail's end, its words, and
    /// where to read on from if the words may go on.
    fn read_tail(
        &self,
        kind: Kind,
        country_genitive: bool,
        mut at: usize,
        mut tail_end: usize,
        mut words: usize,
        most: usize,
    ) -> (usize, usize, Option<usize>) {
        let company = kind.is_trade_name();
        while words < most {
            let Some(word) = WordAfter::read(&self.original[at..]) else {
                return (tail_end, words, None);
            };
            // "Xbox 360", "Billboard Hot 100": a brand's model number.
            let model_number = kind.has_products() && word.model_number;
            let capitalised = model_number
                || word.capital
                    && (word.two_letters || company && word.model_code)
                    // "USAs BNP", "Norges FN-delegasjon": an abbreviation after a genitive is
                    // a possession, not more of a name.
                    && !(country_genitive && word.abbreviation)
                    && !word.english
                    // "FN-ambassadør", "Suomen-trendinäkymä": a compound, not a name.
                    && !word.hyphen;
            if !capitalised || self.norm.text.as_bytes().get(tail_end) != Some(&b' ') {
                return (tail_end, words, None);
            }
            let next_end = tail_end + 1 + word.normalized_len;
            if !self
                .norm
                .text
                .is_char_boundary(next_end.min(self.norm.text.len()))
            {
                // The word does not normalise on its own as in the text: leave it.
                return (tail_end, words, None);
            }
            tail_end = next_end.min(self.norm.text.len());
            at += word.gap + word.letters;
            words += 1;
            if word.letters < word.len {
                return (tail_end, words, None); // punctuation closes the name
            }
        }
        (tail_end, words, (words < MAX_TAIL_WORDS).then_some(at))
    }

    /// Where the capitalised words after the head `head` end (read up to `tail_end`), all of
    /// them read now that the longer name is taken.
    fn whole_tail(&self, head: &Candidate, (tail_end, more_from): (usize, Option<usize>)) -> usize {
        let Some(at) = more_from else {
            return tail_end;
        };
        let kind = self.tagger.targets.of(head.pattern)[head.target].kind;
        let country_genitive = head.form == Form::Genitive && !kind.is_trade_name();
        self.read_tail(kind, country_genitive, at, tail_end, 1, MAX_TAIL_WORDS)
            .0
    }

    /// What a plain name followed by capitalised words is, now that the candidates starting at
    /// those words are known:
    /// - a given name before a surname is a person's name, and neither is a mention ("Tine
    ///   Sundtoft", "Chad Smith");
    /// - a company or brand before a country or region is its national unit ("Telenor
    ///   Danmark"): one mention of the company spanning both, as a [`Form::Part`];
    /// - a name before another name is a pair ("Norge Sverige", "Telenor Telia"), and one before
    ///   a given name stands alone ("Norges Erling Haaland", "Aftenposten Espen Thomassen");
    /// - otherwise the words go on with a longer name: a company or brand heads its product,
    ///   unit or subsidiary ("Google Flights", "Sony Pictures": a [`Form::Part`]), a country or
    ///   region is no mention at all ("Sveriges Radio", "Suomen Pankki").
    fn head_of_longer_name(&mut self, head: &Candidate, tail: Tail) -> Head {
        let next = self.pending.iter().position(|c| c.start == tail.start);
        let head_target = &self.tagger.targets.of(head.pattern)[head.target];
        let head_kind = head_target.kind;
        let head_is_word = head_target.words.iter().any(|&z| z > 0);
        let company = head_kind.is_trade_name();
        let may_be_given_name = self.tagger.given_names[head.pattern];
        let unit = next.filter(|&i| {
            let c = &self.pending[i];
            company && self.tagger.targets.of(c.pattern)[c.target].kind.is_place()
        });
        // A name before another that is not its unit stands alone, however the words after it
        // read: they need not be read.
        if next.is_some() && unit.is_none() && !may_be_given_name {
            return Head::Alone;
        }
        let Some(words) = self.read_words_after(head, tail) else {
            return Head::Alone;
        };
        let (hs, he) = head.name_at;
        if may_be_given_name && crate::names::is_given_name(&self.original[hs..he]) {
            if let Some(i) = next {
                self.pending.swap_remove(i);
            }
            return Head::Dropped;
        }
        // (Read only where no candidate starts there.)
        let tail_letters = || {
            let tail_word =
                rules::next_word_on_line(&self.original[tail.name_to..]).map_or("", |(_, w)| w);
            tail_word.trim_end_matches(|c: char| !crate::normalize::is_word_char(c))
        };
        match (next, unit) {
            // The unit's name ends with the country's: "Telenor Danmark Telia" is two.
            (_, Some(i)) => Head::Part(self.pending.swap_remove(i).end),
            (Some(_), None) => Head::Alone,
            (None, _) if crate::names::is_given_name(tail_letters()) => Head::Alone,
            // "Ruby Mahesparan": a name that is also an ordinary word, before a capitalised
            // word no list knows, is a person's or another name; a product takes a word
            // ("Apple Card", "Google Flights").
            (None, _) if company && head_is_word && !is_listed_tail(tail_letters()) => {
                Head::Dropped
            }
            (None, _) if company => Head::Part(self.whole_tail(head, words)),
            (None, _) => Head::Dropped,
        }
    }

    /// Where a hyphen compound after a company or brand name ending at `end` ends, when its
    /// last part names the kind of thing the name is ("Equinor-konsernet", "Vipps-appen",
    /// "Youtube-palvelussa", "The New York Times -sanomalehti"): the compound is then a name
    /// for the entity itself, and the mention spans it.
    fn appositive_compound(&self, end: usize, pattern: usize) -> Option<usize> {
        if !self.tagger.whole_names {
            return None;
        }
        let text = self.norm.text.get(end..)?;
        let joint = if text.starts_with(" -") {
            2
        } else if text.starts_with('-') {
            1
        } else {
            return None;
        };
        let company = self
            .tagger
            .targets
            .of(pattern)
            .iter()
            .any(|t| t.kind.is_trade_name());
        if !company {
            return None;
        }
        let tail = &text[joint..];
        // (ASCII letters and digits by their bytes, then any other word characters.)
        let ascii = tail
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(tail.len());
        let len = if tail.as_bytes().get(ascii).is_some_and(|&b| !b.is_ascii()) {
            tail[ascii..]
                .find(|c: char| !crate::normalize::is_word_char(c))
                .map_or(tail.len(), |n| ascii + n)
        } else {
            ascii
        };
        (len > 0 && rules::names_a_kind(&tail[..len])).then_some(end + joint + len)
    }

    /// The language of the sentence around normalised offset `at`: fixed by the builder, or
    /// detected over the sentence (at most [`SENTENCE_REACH`] bytes each way), or, where the
    /// sentence alone is unsure, over the sentences read before it with the nearest counting
    /// most. Each sentence is read once, when a candidate in it needs its language, so reading
    /// languages stays linear in the text.
    #[inline]
    fn language_at(&mut self, at: usize) -> Language {
        if let Some(language) = self.tagger.language {
            return language;
        }
        if let Some(language) = self.language_read(at) {
            return language;
        }
        self.read_language(at)
    }

    /// [`WindowMentions::language_at`] where no sentence around `at` has been read.
    #[inline(never)]
    fn read_language(&mut self, at: usize) -> Language {
        let text = self.norm.text.as_str();
        let read_to = self.sentences[0]
            .map(|(_, read_to, _)| read_to)
            .filter(|&read_to| read_to <= at);
        let (s, e, goes_on) = sentence_around(text, at, read_to);
        // Where the text so far is surely in one language, or the window goes on with a
        // sentence whose start was read in one, a glance at its first words tells whether it
        // goes on in it; only a sentence that seems to switch is read whole (an English
        // quotation in a Norwegian article).
        let context = self.context.decide();
        let sure_context = (context.margin >= SURE_CONTEXT && context.language != Language::Other)
            .then_some(context.language);
        let sentence_so_far = self.sentences[0]
            .map(|(_, _, language)| language)
            .filter(|&language| goes_on && language != Language::Other);
        if let Some(expected) = sentence_so_far.or(sure_context) {
            let glance = language::Evidence::glance(&text[s..e], GLANCE_WORDS);
            let seen = glance.decide();
            let same = seen.language == expected
                || (seen.language.is_norwegian() && expected.is_norwegian());
            if same || seen.margin < SURE_MARGIN {
                self.context.decay_add(&glance);
                self.sentences = [Some((s, e, expected)), self.sentences[0]];
                return expected;
            }
        }
        let evidence = language::Evidence::read(&text[s..e]);
        self.context.decay_add(&evidence);
        let mut decision = evidence.decide();
        if decision.margin < SURE_MARGIN {
            let context = self.context.decide();
            if context.margin > decision.margin {
                decision = context;
            }
        }
        // Too little evidence (a headline of two words) is no language: every rule applies as
        // for text of unknown language.
        let language = if decision.margin < LEAST_MARGIN {
            Language::Other
        } else {
            decision.language
        };
        self.sentences = [Some((s, e, language)), self.sentences[0]];
        language
    }

    /// The language of a sentence read already around normalised offset `at`.
    fn language_read(&self, at: usize) -> Option<Language> {
        self.sentences
            .iter()
            .flatten()
            .find(|(s, e, _)| (s..e).contains(&&at))
            .map(|&(_, _, language)| language)
    }

    /// The line around original offset `at` (from after the line break before it to the next
    /// one) and whether it is a headline in title case. The last line read is remembered, so
    /// that a line is searched for its breaks and read once, however many names it holds: the
    /// searches stay linear in the text even on a line megabytes long.
    fn line_at(&mut self, at: usize) -> (usize, usize, bool) {
        let (s, e, title_case) = self.line;
        if (s..e).contains(&at) {
            return (s, e, title_case);
        }
        // (`str::find` of a char searches its byte with `memchr`: fast on a long line.)
        let s = self.original[..at].rfind('\n').map_or(0, |i| i + 1);
        let e = self.original[at..]
            .find('\n')
            .map_or(self.original.len(), |i| at + i);
        let title_case = rules::is_title_case(&self.original[s..e]);
        self.line = (s, e, title_case);
        (s, e, title_case)
    }

    /// Whether the compound headed by the name at `name_at` (original offsets) goes on with a
    /// capital ("Europa-Cup"), in text that is not all capitals: then the compound is a name of
    /// its own and the head a mention only if the tail is one too ("Norge-Sverige").
    fn capitalised_tail(&self, name_at: (usize, usize)) -> bool {
        let (name_start, name_end) = name_at;
        // The character after the hyphen (which may be a non-breaking one in the original).
        let tail_capital = self.original[name_end..]
            .chars()
            .nth(1)
            .is_some_and(char::is_uppercase);
        tail_capital && Cases::of(&self.original[name_start..name_end]).lower
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
    /// at `name_at` (original offsets) ending at normalised offset `end`: after a colon or apostrophe always; joined straight to the name only
    /// if the name has a capital ("Nokian", "iTunesista"; not "nokian" or the Finnish word
    /// "mielestä"),
    /// and not in lowercase after a name in capitals ("THAn" is not Thailand's).
    fn takes_case_ending(&self, name_at: (usize, usize), end: usize, len: usize) -> bool {
        if self.norm.text[end..].starts_with([':', '\'']) {
            return true;
        }
        let name = Cases::of(&self.original[name_at.0..name_at.1]);
        // A capital inside the name marks it as a name too ("iTunesista", "eBayn").
        if !name.upper {
            return false;
        }
        let in_capitals = !name.lower && name.chars > 1;
        !in_capitals || !self.cases(end, end + len).lower
    }

    /// The first target whose case rule the original text satisfies, that takes the ending
    /// the name has (by its languages and kind), and that has a web address (a company or
    /// brand) if the name ends in a domain.
    fn pick_target(
        &self,
        start: usize,
        end: usize,
        name_at: (usize, usize),
        pattern: usize,
        ending: End,
        language: Language,
    ) -> Option<usize> {
        let targets = self.tagger.targets.of(pattern);
        let mut weak_case: Option<bool> = None;
        // "Elles" at a sentence start is Nynorsk "elles" (otherwise), not Elle's: no target
        // takes a genitive that is the word. (Case first: most genitives read as names.)
        if let End::Genitive(g) = ending {
            if self.tagger.ordinary_words
                && !self.reads_as_name(name_at, &mut weak_case)
                && language::form_is_word(
                    &self.norm.text[start..end],
                    &self.norm.text[start..end + g.len()],
                    language,
                )
            {
                return None;
            }
        }
        let mut fits = |t: &Target| {
            if self.tagger.ordinary_words {
                if let Some(zipf) = language.index().map(|i| t.words[i]).filter(|&z| z > 0) {
                    // An ordinary word of the language being read: lowercase, it is the word;
                    // where case says nothing, it is the word if the word is common and the
                    // alias is not this language's own name for the entity ("Suomi" is the
                    // country at a sentence start, "Asia" is "matter").
                    let own_name = t.langs.iter().any(|l| l == language.code());
                    // (An alias listed in lowercase, "eurosonen", is its own word.)
                    let lowercase = !self.starts_with_capital(name_at)
                        && t.cased.chars().next().is_some_and(char::is_uppercase);
                    if lowercase
                        || (!own_name
                            && zipf >= COMMON_WORD_ZIPF
                            && !self.reads_as_name(name_at, &mut weak_case))
                    {
                        return false;
                    }
                }
            }
            if let End::Case(n) | End::Plural(n) = ending {
                let raw_ending = &self.norm.text[end..end + n];
                // "Sonya" is an English name, not Sony's partitive.
                if t.blocked_endings.iter().any(|b| **b == *raw_ending) {
                    return false;
                }
                // "Mielessä" at a sentence start is "in mind", not Miele's.
                let ending_text = raw_ending.trim_start_matches([':', '\'']);
                if self.tagger.ordinary_words
                    && language == Language::Finnish
                    && t.word_endings.iter().any(|w| **w == *ending_text)
                    && !self.reads_as_name(name_at, &mut weak_case)
                {
                    return false;
                }
                // "Koneita" at a sentence start is "machines": a plural form of a name that is
                // also a Finnish word is far more often the word's (a company is one), so it
                // needs the context of a name.
                if self.tagger.ordinary_words
                    && matches!(ending, End::Plural(_))
                    && Language::Finnish.index().is_some_and(|i| t.words[i] > 0)
                    && !self.reads_as_name(name_at, &mut weak_case)
                {
                    return false;
                }
            }
            let is_company_or_brand = t.kind.is_trade_name();
            let fits = match ending {
                End::Genitive(g) => t.genitives.contains(g),
                End::Case(_) | End::Plural(_) => is_company_or_brand && t.case_endings,
                End::Domain(_) => is_company_or_brand,
                End::Plain | End::Compound | End::Inside => true,
            };
            if !fits {
                return false;
            }
            match t.case {
                CaseRule::Exact => self.original_is(name_at, &t.cased),
                _ => true,
            }
        };
        let first = targets.iter().position(&mut fits)?;
        // "Gyldendal" in a Danish sentence: the entity of the language's home country, among
        // those of the first's kind that the user's preferences leave level with it.
        let chosen = &targets[first];
        let home = language.home_country().map(str::as_bytes);
        if self.tagger.home_country
            && !chosen.linked.alternatives.is_empty()
            && home.is_some_and(|h| chosen.country.is_some_and(|c| c != h))
        {
            let at_home = targets.iter().position(|t| {
                t.kind == chosen.kind
                    && t.rank == chosen.rank
                    && t.country.is_some_and(|c| Some(&c[..]) == home)
                    && fits(t)
            });
            if at_home.is_some() {
                return at_home;
            }
        }
        Some(first)
    }

    /// Whether the name at `name_at` (original offsets) reads as a name rather than as the
    /// ordinary word it also is: written with a capital where a capital means a name, that is
    /// not at a sentence start and not among words in capitals. `weak_case` caches the context
    /// test.
    fn reads_as_name(&self, name_at: (usize, usize), weak_case: &mut Option<bool>) -> bool {
        if !self.starts_with_capital(name_at) {
            return false;
        }
        let (s, e) = name_at;
        let name = &self.original[s..e];
        let weak = *weak_case.get_or_insert_with(|| {
            let before =
                &self.original[ceil_boundary(self.original, s.saturating_sub(CONTEXT_BYTES))..s];
            let after_end = (e + CONTEXT_BYTES).min(self.original.len());
            let after = &self.original[e..floor_boundary(self.original, after_end)];
            rules::at_sentence_start(before) || rules::in_capitals(before, name, after)
        });
        !weak
    }

    /// Whether a rule may decide the candidate at `name_at` (original offsets) by the language
    /// read, so that
    /// the sentence must be read: an ordinary word where case says nothing (lowercase, a
    /// sentence start, capitals), a Finnish genitive before an institution's head, a
    /// nationality adjective before a lowercase word. The cheap tests go first, so that most
    /// candidates read no sentence before they are mentions.
    fn language_may_decide(&self, name_at: (usize, usize), pattern: usize) -> bool {
        let rules = self.tagger.language_sensitive[pattern] & LANGUAGE_RULES;
        if rules == 0 {
            return false;
        }
        let (s, e) = name_at;
        let name = &self.original[s..e];
        let rest = &self.original[e..];
        (rules & BY_ORDINARY_WORDS != 0
            && !self.reads_as_name(name_at, &mut None)
            && self.some_case_fits(name_at, pattern))
            || rules & BY_HOME_COUNTRY != 0
            || (rules & BY_INSTITUTION != 0 && rules::heads_finnish_institution(name, rest))
            || (rules & BY_ADJECTIVE != 0
                && rest
                    .strip_prefix(rules::is_line_space)
                    .is_some_and(|r| r.starts_with(char::is_lowercase)))
    }

    /// Whether some target of `pattern` has a case rule the original text satisfies.
    fn some_case_fits(&self, name_at: (usize, usize), pattern: usize) -> bool {
        let targets = self.tagger.targets.of(pattern);
        if targets.iter().any(|t| t.case != CaseRule::Exact) {
            return true;
        }
        // Most candidates of an exact-case alias are the word in lowercase: the first letter
        // tells, without normalising the text.
        let capital = self.starts_with_capital(name_at);
        targets.iter().any(|t| {
            t.cased
                .chars()
                .find(|&c| is_letter(c))
                .is_none_or(|c| c.is_uppercase() == capital)
                && self.original_is(name_at, &t.cased)
        })
    }

    /// Whether the name at `name_at` (original offsets) has several words and the last is
    /// written in lowercase.
    fn ends_in_lowercase_word(&self, name_at: (usize, usize)) -> bool {
        let (s, e) = name_at;
        let name = &self.original[s..e];
        name.rsplit_once(char::is_whitespace)
            .is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase))
    }

    /// Whether the first letter of the name at `name_at` (original offsets) is a capital.
    fn starts_with_capital(&self, name_at: (usize, usize)) -> bool {
        let (s, e) = name_at;
        // (Most names start with an ASCII letter: its byte tells.)
        if let Some(b) = self.original.as_bytes()[s..e]
            .first()
            .filter(|b| b.is_ascii_alphabetic())
        {
            return b.is_ascii_uppercase();
        }
        self.original[s..e]
            .chars()
            .find(|&c| is_letter(c))
            .is_some_and(char::is_uppercase)
    }

    /// The case of the original text of the normalised range `start..end`.
    fn cases(&self, start: usize, end: usize) -> Cases {
        let (s, e) = self.norm.original(start, end);
        Cases::of(&self.original[s..e])
    }

    /// Whether the original text at `name_at` is `cased` (an alias as written), up to
    /// normalisation other than case.
    fn original_is(&self, name_at: (usize, usize), cased: &str) -> bool {
        let (s, e) = name_at;
        normalizes_to(&self.original[s..e], false, cased)
    }

    fn emit(&mut self, c: Candidate) -> Mention {
        let language = match c.language {
            Some(language) => language,
            None => self.language_at(c.name_start),
        };
        let target = &self.tagger.targets.of(c.pattern)[c.target];
        let (start, end) = self.norm.original(c.start, c.end);
        let (name_start, name_end) = c.name_at;
        // (A target of exact case was picked only if the text is the alias as written.)
        let case = if target.case == CaseRule::Exact
            || normalizes_to(&self.original[name_start..name_end], false, &target.cased)
        {
            CaseMatch::Exact
        } else {
            CaseMatch::Folded
        };
        // Mentions come in order, so char and UTF-16 offsets are counted incrementally.
        let (chars_before, units_before) =
            char_and_utf16_len(&self.original[self.byte_cursor..start]);
        let text = &self.original[start..end];
        let (chars, units) = char_and_utf16_len(text);
        let (char_start, utf16_start) = (
            self.char_cursor + chars_before,
            self.utf16_cursor + units_before,
        );
        self.byte_cursor = end;
        self.char_cursor = char_start + chars;
        self.utf16_cursor = utf16_start + units;
        Mention {
            start,
            char_start,
            utf16_start,
            text: MentionText::new(text),
            linked: Arc::clone(&target.linked),
            form: c.form,
            case,
            language,
        }
    }
}

/// Rules that may decide a pattern's candidates by the language read (bits of
/// `Tagger::language_sensitive`).
const BY_ORDINARY_WORDS: u8 = 1;
const BY_INSTITUTION: u8 = 2;
const BY_ADJECTIVE: u8 = 4;
const BY_HOME_COUNTRY: u8 = 8;
/// The rules above.
const LANGUAGE_RULES: u8 = BY_ORDINARY_WORDS | BY_INSTITUTION | BY_ADJECTIVE | BY_HOME_COUNTRY;
/// Not a rule of its own: text that normalises to the pattern may be read as an English
/// capitalised word, so that the adjective rule may apply to it where the language is English
/// ([`rules::may_be_english_capitalised_word`]).
const ENGLISH_WORD_SHAPE: u8 = 16;

/// What a name followed by capitalised words turns out to be.
enum Head {
    /// A mention on its own.
    Alone,
    /// The head of a company's or brand's longer name: one mention spanning it, to the given
    /// end (of the capitalised words, or of a national unit's country).
    Part(usize),
    /// Part of a person's or an organisation's name: no mention.
    Dropped,
}

/// How many capitalised words after a name a longer name may take ("Sony Pictures
/// Entertainment").
const MAX_TAIL_WORDS: usize = 3;

/// How far the sentence window of the language detector reaches on each side of a candidate,
/// in bytes of normalised text.
const SENTENCE_REACH: usize = 300;
/// The lead (log10 likelihood) of the text read so far above which a sentence is only glanced
/// at ([`GLANCE_WORDS`] known words) to see that it goes on in the same language.
const SURE_CONTEXT: f32 = 5.0;
/// How many known words a glance reads.
const GLANCE_WORDS: u32 = 6;
/// The lead (log10 likelihood) below which a sentence's language counts as unsure.
const SURE_MARGIN: f32 = 3.0;
/// How common (tenths of Zipf: 5.0 is 100 per million words, about a language's 600 commonest
/// words) an ordinary word must be to be read as the word, not the name, where case cannot
/// tell (a sentence start, capitals). Not lower: the frequency lists fold case, so a name's
/// own mentions swell its word's count (Finnish "nokia" 4.8, Norwegian "klassekampen" 4.0).
const COMMON_WORD_ZIPF: u8 = 50;
/// The least lead (log10 likelihood) at which a detected language is used at all.
const LEAST_MARGIN: f32 = 1.0;
/// How much original text on each side of a name the case tests read.
const CONTEXT_BYTES: usize = 64;

/// The sentence around normalised offset `at`: from after the last ". ", "! " or "? " before
/// it to the next one after it, at most [`SENTENCE_REACH`] bytes each way. It starts no earlier
/// than `read_to`, the end of the window read last: a sentence longer than the reach (a list of
/// names) is read on from there in a window of twice the reach, so that each byte is read once,
/// and the window is said to go on with it.
fn sentence_around(text: &str, at: usize, read_to: Option<usize>) -> (usize, usize, bool) {
    sentence_around_in::<true>(text, at, read_to)
}

/// [`sentence_around`], skipping positions where no boundary can be seven at a time if `SKIP`
/// (else testing each: what the tests compare it with).
fn sentence_around_in<const SKIP: bool>(
    text: &str,
    at: usize,
    read_to: Option<usize>,
) -> (usize, usize, bool) {
    let reach_from = at.saturating_sub(SENTENCE_REACH);
    let lo = floor_boundary(text, read_to.map_or(reach_from, |r| r.max(reach_from)));
    let bytes = text.as_bytes();
    // A sentence ends after ". ", "! ", "? " (a closing quote may come between: ".» "), and a
    // quotation is a sentence of its own: « and » (and “ ”) bound one too. The boundary is the
    // byte index where the next sentence may start, and the bytes are scanned, not the chars:
    // only a space or the lead byte of a quotation mark can be one.
    let boundary_after = |i: usize| -> Option<usize> {
        match bytes[i] {
            // Most spaces follow a letter: the byte before tells, unless it may end a quote
            // (the last bytes of » and ” are 0xBB and 0x9D).
            b' ' => match i.checked_sub(1).map(|k| bytes[k]) {
                Some(b'.' | b'!' | b'?') => Some(i + 1),
                Some(b'"' | b'\'' | 0xBB | 0x9D) => {
                    let before = text[..i].trim_end_matches(['»', '\u{201d}', '"', '\'']);
                    before.ends_with(['.', '!', '?']).then_some(i + 1)
                }
                _ => None,
            },
            0xC2 if matches!(bytes.get(i + 1), Some(0xAB | 0xBB)) => Some(i + 2),
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0x9C | 0x9D)) =>
            {
                Some(i + 3)
            }
            _ => None,
        }
    };
    // Most bytes are letters: positions where no boundary can be are skipped seven at a time,
    // and of the rest only a space or a multi-byte lead is tested.
    let maybe = |b: u8| b == b' ' || b >= 0xC2;
    // (Where seven positions cannot be skipped, the seven are tested one by one.)
    let step = if SKIP { 7 } else { 1 };
    let mut start = None;
    let mut j = at;
    'back: while j > lo {
        if SKIP && j >= lo + 7 && may_bound_none(bytes, j - 7) {
            j -= 7;
            continue;
        }
        let stop = j.saturating_sub(step).max(lo);
        while j > stop {
            j -= 1;
            if maybe(bytes[j]) {
                if let Some(b) = boundary_after(j).filter(|&b| b <= at) {
                    start = Some(b);
                    break 'back;
                }
            }
        }
    }
    let goes_on = start.is_none() && read_to.is_some_and(|r| r >= reach_from);
    let start = start.unwrap_or(lo);
    let reach_to = if goes_on {
        lo + 2 * SENTENCE_REACH
    } else {
        at + SENTENCE_REACH
    };
    let hi = floor_boundary(text, reach_to.min(text.len()));
    let mut end = hi;
    let mut j = (at + 1).min(hi);
    'on: while j < hi {
        if SKIP && j + 7 <= hi && may_bound_none(bytes, j) {
            j += 7;
            continue;
        }
        let stop = (j + step).min(hi);
        while j < stop {
            if maybe(bytes[j]) && boundary_after(j).is_some() {
                end = j;
                break 'on;
            }
            j += 1;
        }
    }
    (start, end.max(at + 1).min(text.len()), goes_on)
}

/// Whether no sentence boundary can be at any of the seven positions `j..j + 7` of `bytes`: no
/// byte from `j - 1` to `j + 6` is one that a boundary is told by (a boundary is a space after
/// '.', '!', '?' or a closing quote, or a quotation mark's lead byte; see [`sentence_around`]).
/// Where the eight bytes are not all there, it says nothing (`false`).
#[inline]
fn may_bound_none(bytes: &[u8], j: usize) -> bool {
    let Some(x) = j.checked_sub(1).and_then(|k| swar::chunk_at(bytes, k)) else {
        return false;
    };
    // Those bytes and any other from 0x80 up: '!', '"', '\'', '.' and '?'.
    let is = |b: u8| swar::zero_bytes(x ^ (swar::ONES * u64::from(b)));
    let high = x & swar::HIGH;
    let bang_or_quote = swar::at_least(x, b'!') & !swar::at_least(x, b'#');
    high | bang_or_quote | is(b'\'') | is(b'.') | is(b'?') == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Skipping positions seven at a time finds the sentence that testing each finds.
        #[test]
        fn sentence_skips_find_what_each_position_finds(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "bc", " ", ". ", "! ", "? ", ".", "\" ", "' ", ".» ", "?\" ", "«", "»",
                    "“", "”", "é", "-", "x\u{2019}", "\u{1F600}", "! «", "defghij ", "?",
                ]),
                0..160,
            ),
            at_frac in 0.0f64..1.0,
            read_frac in proptest::option::of(0.0f64..1.0),
        ) {
            let text: String = parts.concat();
            proptest::prop_assume!(!text.is_empty());
            let at = floor_boundary(&text, ((text.len() - 1) as f64 * at_frac) as usize);
            let read_to = read_frac.map(|f| floor_boundary(&text, (at as f64 * f) as usize));
            proptest::prop_assert_eq!(
                sentence_around_in::<true>(&text, at, read_to),
                sentence_around_in::<false>(&text, at, read_to)
            );
        }
    }

    #[test]
    fn a_sentence_ends_at_its_punctuation_across_skipped_letters() {
        let text = "Første setning om Norge er her. Andre setning om Sverige følger nå! Tredje.";
        let at = text.find("Sverige").unwrap();
        let (s, e, goes_on) = sentence_around(text, at, None);
        assert_eq!(&text[s..e], "Andre setning om Sverige følger nå!");
        assert!(!goes_on);
    }
}
