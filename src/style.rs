//! House style files: a newsroom's own rules in TOML, in the spirit of Vale's rule types, run by the
//! engine after the built-in rules and listed beside them.
//!
//! ```toml
//! language = "id"                      # the articles the file applies to: id, en, or both
//!
//! [[rule]]
//! code = "names/platform"              # category/name; `style/name` takes `category`
//! type = "substitution"                # substitution | existence | capitalization
//! severity = "warning"
//! message = "Tulis '{replacement}', bukan '{match}'"
//! swap = { "Reality Social" = "Truth Social" }
//! ```
//!
//! A rule is a [`StyleRule`] implementing [`Rule`], shared (`Arc`) by the configurations that
//! use it and freed with the last of them: a style file edited and reloaded a thousand times
//! holds only its current version. Its [`RuleMeta`] must be `&'static` (findings and the rule
//! list refer to it), so each distinct description is kept once for the process ([`find`],
//! for `sunting explain` and the editor's hover), and a reload that changes only patterns,
//! tokens or messages keeps nothing new. The descriptions kept are capped
//! ([`MAX_LOADED_STYLE_BYTES`]).

use crate::config::ConfigError;
use crate::diagnostic::{Applicability, Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::{Document, TokenKind};
use crate::language::Language;
use crate::lexicon::hunspell::Dialect;
use crate::rules::names::is_ordinary_word;
use crate::rules::{Context, Rule, RuleMeta, REGISTRY};
use crate::words::match_case;
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};
use toml::Spanned;

/// The styles shipped inside the binary, enabled by default for the language each declares.
pub const DEFAULT_STYLES: &[(&str, &str)] = &[
    ("styles/id-default.toml", include_str!("../styles/id-default.toml")),
    ("styles/en-ap.toml", include_str!("../styles/en-ap.toml")),
];
/// The default style written for American newsrooms, left out when `english = "gb"`.
const AMERICAN_STYLE: &str = "styles/en-ap.toml";

const TYPES: &str = "substitution, existence or capitalization";

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Languages {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStyle {
    language: Option<Spanned<Languages>>,
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRule {
    code: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    category: Option<Spanned<String>>,
    severity: Option<Spanned<String>>,
    language: Option<Spanned<Languages>>,
    summary: Option<String>,
    explanation: Option<String>,
    message: Option<String>,
    example_bad: Option<String>,
    example_good: Option<String>,
    #[serde(default)]
    ignore_case: bool,
    #[serde(default)]
    regex: bool,
    fix: Option<Spanned<String>>,
    #[serde(default)]
    skip_in_names: bool,
    swap: Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
    tokens: Option<Spanned<Vec<Spanned<String>>>>,
    titles: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    except_after: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
    min_name_words: Option<usize>,
}

/// Where a rule looks for its matches in the article's prose.
enum Matcher {
    /// Words and phrases, one alternation; the table maps a (normalised) match to its replacements.
    Literal { regex: Regex, table: HashMap<String, Vec<String>>, ignore_case: bool, stand_ins: Option<StandIns> },
    /// Regular expressions, each with replacement templates (`$1`).
    Patterns(Vec<(Regex, Vec<String>)>),
}

/// Titles that take a capital before a name (EYD V, huruf kapital; AP, titles).
struct Titles {
    /// Lower case, split into words, longest first.
    titles: Vec<Vec<String>>,
    /// The first bytes and lengths of the titles' first words: most words start no title, and
    /// this tells them at a glance.
    openings: WordShapes,
    except_after: HashSet<String>,
    /// Place names that may stand between the title and the name (`presiden Ukraina Volodymyr
    /// Zelensky`), or alone (`duta besar Jepang`): split into words.
    places: Vec<Vec<String>>,
    /// Lower-case words that make a capitalised run a place or an institution, not a person.
    not_names: HashSet<String>,
    min_name_words: usize,
}

enum Kind {
    Substitution(Matcher),
    Existence(Matcher),
    Capitalization(Titles),
}

/// One rule from a style file.
pub struct StyleRule {
    meta: &'static RuleMeta,
    kind: Kind,
    message: String,
    /// `None`: report without a fix.
    applicability: Option<Applicability>,
    skip_in_names: bool,
    /// Lower-case words after which a match is left alone (`gula jawa`: a kind of sugar).
    except_after: HashSet<String>,
    /// The file it came from, as configured.
    source: PathBuf,
}

impl fmt::Debug for StyleRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StyleRule({} from {})", self.meta.code, self.source.display())
    }
}

impl StyleRule {
    pub fn source(&self) -> &Path {
        &self.source
    }
}

/// The style rules a configuration enables, in the order they run and are listed.
#[derive(Clone)]
pub struct Styles(Arc<Vec<Arc<StyleRule>>>);

impl Default for Styles {
    /// The shipped default styles.
    fn default() -> Self {
        Styles::defaults(Dialect::Any)
    }
}

impl fmt::Debug for Styles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter().map(|r| r.meta.code)).finish()
    }
}

impl Styles {
    /// No style rules at all.
    pub fn none() -> Self {
        Styles(Arc::new(Vec::new()))
    }

    /// The shipped default styles for a newsroom writing English in `dialect`.
    pub fn defaults(dialect: Dialect) -> Self {
        let rules = DEFAULTS.iter().filter(|r| dialect != Dialect::Gb || r.source != Path::new(AMERICAN_STYLE)).cloned().collect();
        Styles(Arc::new(rules))
    }

    pub fn from_rules(rules: Vec<Arc<StyleRule>>) -> Self {
        Styles(Arc::new(rules))
    }

    pub fn rules(&self) -> &[Arc<StyleRule>] {
        &self.0
    }

    /// The rules as the engine runs them.
    pub fn iter(&self) -> impl Iterator<Item = &dyn Rule> + '_ {
        self.0.iter().map(|r| &**r as &dyn Rule)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn find(&self, code: &str) -> Option<&StyleRule> {
        self.0.iter().map(|r| &**r).find(|r| r.meta.code == code)
    }
}

/// The last version of each style file parsed in this process: (path, text) -> its rules, so
/// that a file read again unchanged (the editor reloading a configuration) is not parsed again.
/// An older version is dropped here when a newer one is parsed, and freed with the last
/// configuration that uses it.
static LOADED: LazyLock<Mutex<Vec<Loaded>>> = LazyLock::new(|| Mutex::new(Vec::new()));

/// A style file's path and text, and the rules built from it.
type Loaded = (PathBuf, String, Vec<Arc<StyleRule>>);

/// Every distinct description of a style rule made in this process.
static DESCRIPTIONS: LazyLock<Mutex<Descriptions>> = LazyLock::new(|| Mutex::new(Descriptions::default()));

/// The descriptions kept, and their texts, each text kept once: a reload that changes a rule's
/// example keeps that example and a new description pointing at the same summary.
#[derive(Default)]
struct Descriptions {
    metas: Vec<&'static RuleMeta>,
    texts: HashSet<&'static str>,
    /// What they hold, in bytes.
    bytes: usize,
}

impl Descriptions {
    fn find(&self, d: &Description) -> Option<&'static RuleMeta> {
        self.metas.iter().rev().copied().find(|k| same(k, d))
    }

    /// The bytes keeping `wanted` would add.
    fn cost(&self, wanted: &[Description]) -> usize {
        let mut texts: HashSet<&str> = HashSet::new();
        let mut bytes = 0;
        for d in wanted.iter().filter(|d| self.find(d).is_none()) {
            bytes += std::mem::size_of::<RuleMeta>() + d.languages.len();
            for t in d.texts() {
                if !self.texts.contains(t) && texts.insert(t) {
                    bytes += t.len();
                }
            }
        }
        bytes
    }

    fn keep(&mut self, d: Description) -> &'static RuleMeta {
        if let Some(m) = self.find(&d) {
            return m;
        }
        self.bytes += std::mem::size_of::<RuleMeta>() + d.languages.len();
        let meta: &'static RuleMeta = Box::leak(Box::new(RuleMeta {
            code: self.text(d.code),
            category: d.category,
            default_severity: d.severity,
            languages: Box::leak(d.languages.into_boxed_slice()),
            summary: self.text(d.summary),
            explanation: self.text(d.explanation),
            example_bad: self.text(d.example_bad),
            example_good: self.text(d.example_good),
        }));
        self.metas.push(meta);
        meta
    }

    fn text(&mut self, s: String) -> &'static str {
        if let Some(&t) = self.texts.get(s.as_str()) {
            return t;
        }
        self.bytes += s.len();
        let t: &'static str = Box::leak(s.into_boxed_str());
        self.texts.insert(t);
        t
    }
}

static DEFAULTS: LazyLock<Vec<Arc<StyleRule>>> = LazyLock::new(|| {
    let mut rules = Vec::new();
    for (path, text) in DEFAULT_STYLES {
        // The shipped files are checked by the tests; a broken one is a build defect.
        match load(text, Path::new(path)) {
            Ok(r) => rules.extend(r),
            Err(e) => panic!("shipped style {e}"),
        }
    }
    rules
});

/// A shipped style rule, by code.
pub fn find_default(code: &str) -> Option<&'static StyleRule> {
    DEFAULTS.iter().map(|r| &**r).find(|r| r.meta.code == code)
}

/// The description of a style rule of any style file loaded so far (the defaults first), by code.
pub fn find(code: &str) -> Option<&'static RuleMeta> {
    if let Some(rule) = find_default(code) {
        return Some(rule.meta);
    }
    let descriptions = DESCRIPTIONS.lock().unwrap_or_else(|e| e.into_inner());
    descriptions.metas.iter().rev().copied().find(|m| m.code == code)
}

/// The built-in rules' descriptions, then those of every style rule known in this process (for
/// SARIF's rule list).
pub fn known_rules() -> Vec<&'static RuleMeta> {
    let mut out: Vec<&'static RuleMeta> = REGISTRY.iter().map(|r| r.meta()).collect();
    let mut seen: HashSet<&str> = out.iter().map(|m| m.code).collect();
    let descriptions = DESCRIPTIONS.lock().unwrap_or_else(|e| e.into_inner());
    for meta in DEFAULTS.iter().map(|r| r.meta).chain(descriptions.metas.iter().copied()) {
        if seen.insert(meta.code) {
            out.push(meta);
        }
    }
    out
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// How many bytes of distinct style rule descriptions (codes, summaries, explanations, examples)
/// one process keeps. They stay in memory (findings refer to them), so a language server whose
/// style file's descriptions are rewritten at every save would otherwise grow without end; past
/// this, a file with new descriptions is refused with an error asking for a restart. Edits to
/// patterns, tokens and messages keep nothing, however many.
pub const MAX_LOADED_STYLE_BYTES: usize = 8 * 1024 * 1024;

/// Parse a style file. Errors name the file, line and column.
pub fn load(text: &str, path: &Path) -> Result<Vec<Arc<StyleRule>>, ConfigError> {
    load_within(text, path, MAX_LOADED_STYLE_BYTES)
}

fn load_within(text: &str, path: &Path, cap: usize) -> Result<Vec<Arc<StyleRule>>, ConfigError> {
    {
        let loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, _, rules)) = loaded.iter().find(|(p, t, _)| p == path && t == text) {
            return Ok(rules.clone());
        }
    }
    let drafts = parse(text, path)?;
    let mut rules = Vec::with_capacity(drafts.len());
    {
        let mut kept = DESCRIPTIONS.lock().unwrap_or_else(|e| e.into_inner());
        // All or nothing: what the whole file adds must fit.
        let wanted: Vec<Description> = drafts.iter().map(|d| d.describe(path)).collect();
        let new = kept.cost(&wanted);
        if new > 0 && kept.bytes.saturating_add(new) > cap {
            return Err(ConfigError {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: format!(
                    "not loaded: this process already holds {} KiB of house-style rule descriptions (each distinct one stays in memory); restart the language server to load this one",
                    kept.bytes / 1024
                ),
            });
        }
        for (d, wanted) in drafts.into_iter().zip(wanted) {
            rules.push(Arc::new(d.finish(kept.keep(wanted), path)));
        }
    }
    let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    loaded.retain(|(p, _, _)| p != path);
    loaded.push((path.to_path_buf(), text.to_string(), rules.clone()));
    Ok(rules)
}

/// A rule's description before it is kept: the same fields as [`RuleMeta`], owned.
struct Description {
    code: String,
    category: Category,
    severity: Severity,
    languages: Vec<Language>,
    summary: String,
    explanation: String,
    example_bad: String,
    example_good: String,
}

fn same(kept: &RuleMeta, d: &Description) -> bool {
    kept.code == d.code
        && kept.category == d.category
        && kept.default_severity == d.severity
        && kept.languages == d.languages.as_slice()
        && kept.summary == d.summary
        && kept.explanation == d.explanation
        && kept.example_bad == d.example_bad
        && kept.example_good == d.example_good
}

impl Description {
    fn texts(&self) -> [&str; 5] {
        [&self.code, &self.summary, &self.explanation, &self.example_bad, &self.example_good]
    }
}

/// A rule parsed and checked, before its description is kept.
struct Draft {
    /// As the file gives it (the explanation without the file's name).
    description: Description,
    kind: Kind,
    message: String,
    applicability: Option<Applicability>,
    skip_in_names: bool,
    except_after: HashSet<String>,
}

impl Draft {
    fn describe(&self, path: &Path) -> Description {
        let d = &self.description;
        Description {
            code: d.code.clone(),
            category: d.category,
            severity: d.severity,
            languages: d.languages.clone(),
            summary: d.summary.clone(),
            explanation: format!("{}\n\nHouse style rule from {}.", d.explanation.trim_end(), path.display()),
            example_bad: d.example_bad.clone(),
            example_good: d.example_good.clone(),
        }
    }

    fn finish(self, meta: &'static RuleMeta, path: &Path) -> StyleRule {
        StyleRule {
            meta,
            kind: self.kind,
            message: self.message,
            applicability: self.applicability,
            skip_in_names: self.skip_in_names,
            except_after: self.except_after,
            source: path.to_path_buf(),
        }
    }
}

fn parse_languages(value: &Languages) -> Option<Vec<Language>> {
    let names: Vec<&str> = match value {
        Languages::One(s) => vec![s.as_str()],
        Languages::Many(v) => v.iter().map(String::as_str).collect(),
    };
    let mut out = Vec::new();
    for name in names {
        match name {
            "auto" | "all" => return Some(Vec::new()),
            other => out.push(Language::parse(other)?),
        }
    }
    Some(out)
}

fn parse(text: &str, path: &Path) -> Result<Vec<Draft>, ConfigError> {
    let error = |offset: usize, message: String| {
        let (line, column) = line_col(text, offset);
        ConfigError { path: path.to_path_buf(), line, column, message }
    };
    let raw: RawStyle = toml::from_str(text).map_err(|e| error(e.span().map_or(0, |s| s.start), e.message().trim().to_string()))?;
    let file_languages = match &raw.language {
        None => Vec::new(),
        Some(v) => parse_languages(v.get_ref()).ok_or_else(|| error(v.span().start, "unknown language: expected id, en or both".to_string()))?,
    };
    let mut drafts: Vec<Draft> = Vec::new();
    for rule in raw.rule {
        let code = rule.code.get_ref();
        let at_code = rule.code.span().start;
        let Some((prefix, name)) = code.split_once('/') else {
            return Err(error(at_code, format!("rule code {code:?} must be category/name, e.g. names/{code}")));
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            return Err(error(at_code, format!("rule name {name:?} may hold only lower-case letters, digits and '-'")));
        }
        let kind_name = rule.kind.get_ref().as_str();
        let default_category = match kind_name {
            "substitution" => Category::Names,
            "existence" => Category::Spelling,
            "capitalization" | "capitalisation" => Category::Typography,
            other => return Err(error(rule.kind.span().start, format!("unknown rule type {other:?}: expected {TYPES}"))),
        };
        let declared = match &rule.category {
            None => None,
            Some(c) => Some(Category::parse(c.get_ref()).ok_or_else(|| {
                error(c.span().start, format!("unknown category {:?}: expected spelling, untranslated, figures, quotes, typography or names", c.get_ref()))
            })?),
        };
        // The category is the part of a code before `/` (the JSON report's contract), so a
        // `style/` code takes the declared category as its prefix.
        let (category, code) = if prefix == "style" {
            let category = declared.unwrap_or(default_category);
            (category, format!("{category}/{name}"))
        } else {
            let Some(category) = Category::parse(prefix) else {
                return Err(error(at_code, format!("rule code {code:?} must start with a category (spelling, untranslated, figures, quotes, typography, names) or style/")));
            };
            if let Some(d) = declared.filter(|d| *d != category) {
                return Err(error(rule.category.as_ref().map_or(at_code, |c| c.span().start), format!("category {d} does not match the code {code:?}")));
            }
            (category, code.clone())
        };
        if crate::rules::REGISTRY.iter().any(|r| r.meta().code == code) {
            return Err(error(at_code, format!("{code} is a built-in rule; give the house rule its own name")));
        }
        if drafts.iter().any(|d| d.description.code == code) {
            return Err(error(at_code, format!("rule {code} is defined twice in this file")));
        }
        let severity = match &rule.severity {
            None => Severity::Warning,
            Some(s) => match s.get_ref().as_str() {
                "hint" => Severity::Hint,
                "info" => Severity::Info,
                "warning" => Severity::Warning,
                "error" => Severity::Error,
                other => return Err(error(s.span().start, format!("unknown severity {other:?}: expected hint, info, warning or error"))),
            },
        };
        let languages = match &rule.language {
            None => file_languages.clone(),
            Some(v) => parse_languages(v.get_ref()).ok_or_else(|| error(v.span().start, "unknown language: expected id, en or both".to_string()))?,
        };
        let applicability = match rule.fix.as_ref().map(|f| f.get_ref().as_str()) {
            None | Some("suggested") => Some(Applicability::Suggested),
            Some("safe") => Some(Applicability::Safe),
            Some("none") => None,
            Some(other) => {
                return Err(error(rule.fix.as_ref().map_or(0, |f| f.span().start), format!("unknown fix {other:?}: expected safe, suggested or none")))
            }
        };
        let at_kind = rule.kind.span().start;
        let (kind, first_example, default_message, default_summary) = match default_category {
            Category::Names => {
                let Some(swap) = &rule.swap else {
                    return Err(error(at_kind, "a substitution rule needs a `swap` table of wrong = right".to_string()));
                };
                if swap.get_ref().is_empty() {
                    return Err(error(swap.span().start, "the `swap` table is empty".to_string()));
                }
                let entries: Vec<(&Spanned<String>, Vec<String>)> =
                    swap.get_ref().iter().map(|(k, v)| (k, v.get_ref().split('|').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())).collect();
                let matcher = build_matcher(&entries, rule.regex, rule.ignore_case).map_err(|(offset, m)| error(offset, m))?;
                let example = entries.first().map(|(k, v)| (k.get_ref().clone(), v.first().cloned().unwrap_or_default()));
                (Kind::Substitution(matcher), example, "Use '{replacement}' instead of '{match}'", "A word or name this house style writes otherwise.")
            }
            Category::Spelling => {
                let Some(tokens) = &rule.tokens else {
                    return Err(error(at_kind, "an existence rule needs a `tokens` list".to_string()));
                };
                if tokens.get_ref().is_empty() {
                    return Err(error(tokens.span().start, "the `tokens` list is empty".to_string()));
                }
                let entries: Vec<(&Spanned<String>, Vec<String>)> = tokens.get_ref().iter().map(|t| (t, Vec::new())).collect();
                let matcher = build_matcher(&entries, rule.regex, rule.ignore_case).map_err(|(offset, m)| error(offset, m))?;
                let example = tokens.get_ref().first().map(|t| (t.get_ref().clone(), String::new()));
                (Kind::Existence(matcher), example, "Avoid '{match}' (house style)", "A word this house style avoids.")
            }
            _ => {
                let Some(titles) = &rule.titles else {
                    return Err(error(at_kind, "a capitalization rule needs a `titles` list".to_string()));
                };
                if titles.get_ref().iter().all(|t| t.trim().is_empty()) {
                    return Err(error(titles.span().start, "the `titles` list is empty".to_string()));
                }
                let words = |s: &String| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
                let mut title_words: Vec<Vec<String>> = titles.get_ref().iter().map(words).filter(|w| !w.is_empty()).collect();
                title_words.sort_by_key(|w| std::cmp::Reverse(w.len()));
                let mut places: Vec<Vec<String>> = rule.places.iter().map(|p| p.split_whitespace().map(str::to_string).collect::<Vec<_>>()).filter(|p| !p.is_empty()).collect();
                places.sort_by_key(|p| std::cmp::Reverse(p.len()));
                let kind = Kind::Capitalization(Titles {
                    openings: WordShapes::new(title_words.iter().filter_map(|t| t.first())),
                    titles: title_words,
                    except_after: rule.except_after.iter().map(|s| s.to_lowercase()).collect(),
                    places,
                    not_names: rule.not_names.iter().map(|s| s.to_lowercase()).collect(),
                    min_name_words: rule.min_name_words.unwrap_or(2).max(1),
                });
                (kind, None, "Capitalise '{match}' before a name: '{replacement}'", "A title before a name written in lower case.")
            }
        };
        let (example_bad, example_good) = match (rule.example_bad, rule.example_good) {
            (Some(bad), Some(good)) => (bad, good),
            (bad, good) => {
                let (b, g) = first_example.unwrap_or_default();
                (bad.unwrap_or(b), good.unwrap_or(g))
            }
        };
        let summary = rule.summary.unwrap_or_else(|| default_summary.to_string());
        drafts.push(Draft {
            description: Description {
                code,
                category,
                severity,
                languages,
                explanation: rule.explanation.unwrap_or_else(|| summary.clone()),
                summary,
                example_bad,
                example_good,
            },
            kind,
            message: rule.message.unwrap_or_else(|| default_message.to_string()),
            applicability,
            skip_in_names: rule.skip_in_names,
            except_after: rule.except_after.iter().map(|w| w.to_lowercase()).collect(),
        });
    }
    Ok(drafts)
}

/// Collapse white space, and fold case when the rule ignores it: the key of the literal table.
fn normalise_match(s: &str, ignore_case: bool) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if ignore_case { joined.to_lowercase() } else { joined }
}

fn build_matcher(entries: &[(&Spanned<String>, Vec<String>)], regex: bool, ignore_case: bool) -> Result<Matcher, (usize, String)> {
    let flags = if ignore_case { "(?i)" } else { "" };
    if regex {
        let mut patterns = Vec::new();
        for (key, replacements) in entries {
            let compiled = Regex::new(&format!("{flags}{}", key.get_ref())).map_err(|e| (key.span().start, format!("invalid regular expression: {e}")))?;
            patterns.push((compiled, replacements.clone()));
        }
        return Ok(Matcher::Patterns(patterns));
    }
    let mut table = HashMap::new();
    let mut alternatives: Vec<(usize, String)> = Vec::new();
    for (key, replacements) in entries {
        let words: Vec<&str> = key.get_ref().split_whitespace().collect();
        if words.is_empty() {
            return Err((key.span().start, "an empty word".to_string()));
        }
        let body = words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join(r"\s+");
        let starts_word = words[0].chars().next().is_some_and(char::is_alphanumeric);
        let ends_word = words[words.len() - 1].chars().last().is_some_and(char::is_alphanumeric);
        alternatives.push((key.get_ref().len(), format!("{}{body}{}", if starts_word { r"\b" } else { "" }, if ends_word { r"\b" } else { "" })));
        table.insert(normalise_match(key.get_ref(), ignore_case), replacements.clone());
    }
    // Longest first, so that `South Korea` wins over `Korea`.
    alternatives.sort_by_key(|(len, _)| std::cmp::Reverse(*len));
    let pattern = format!("{flags}(?:{})", alternatives.into_iter().map(|(_, a)| a).collect::<Vec<_>>().join("|"));
    let regex = Regex::new(&pattern).map_err(|e| (0, format!("the word list does not compile: {e}")))?;
    let key_holds = |c: char| entries.iter().any(|(key, _)| key.get_ref().contains(c));
    let stand_ins = FILLERS.iter().copied().find(|&f| !key_holds(char::from(f))).map(|filler| StandIns {
        filler,
        chars: TYPOGRAPHIC.iter().copied().filter(|&c| !key_holds(c)).collect(),
    });
    Ok(Matcher::Literal { regex, table, ignore_case, stand_ins })
}

/// A set of (first byte, length) pairs of words: a word outside it is none of the words.
struct WordShapes(Box<[u64; 256]>);

impl WordShapes {
    fn new<'w>(words: impl Iterator<Item = &'w String>) -> WordShapes {
        let mut bits = Box::new([0u64; 256]);
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                bits[usize::from(b)] |= 1 << w.len().min(63);
            }
        }
        WordShapes(bits)
    }

    fn may_hold(&self, word: &str) -> bool {
        word.as_bytes().first().is_some_and(|&b| self.0[usize::from(b)] & (1 << word.len().min(63)) != 0)
    }
}

/// Punctuation a word list's pattern cannot match, and the ASCII byte that stands in for it.
struct StandIns {
    filler: u8,
    chars: Vec<char>,
}

/// Typographic punctuation common in news copy (curly quotes, dashes, ellipses): neither word
/// characters nor white space, so to a word list's pattern any other such character is the same.
const TYPOGRAPHIC: &[char] = &[
    '“', '”', '‘', '’', '‚', '„', '«', '»', '‹', '›', '‐', '‑', '‒', '–', '—', '―', '…', '•', '·', '′', '″', '°', '±', '×', '§', '¶', '©', '®', '™',
    '€', '£', '¡', '¿',
];
/// ASCII stand-ins for [`TYPOGRAPHIC`]: control characters, neither word characters nor white space.
const FILLERS: &[u8] = &[0x01, 0x02, 0x03, 0x04];

/// The prose with the typographic punctuation that no key contains replaced, byte for byte, by
/// an ASCII filler: the same matches (a key cannot match either, and `\b` and `\s` see both as
/// punctuation), but an ASCII text lets the regex engine use its DFA, which gives up at non-ASCII
/// bytes next to a Unicode `\b` and leaves the search to the far slower PikeVM.
fn ascii_stand_ins<'t>(masked: &'t str, stand_ins: &StandIns) -> std::borrow::Cow<'t, str> {
    let bytes = masked.as_bytes();
    let Some(first) = bytes.iter().position(|b| !b.is_ascii()) else { return masked.into() };
    let mut out = bytes.to_vec();
    let mut i = first;
    while i < out.len() {
        if bytes[i].is_ascii() {
            i += bytes[i..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - i);
            continue;
        }
        let Some(c) = masked.get(i..).and_then(|rest| rest.chars().next()) else { break };
        let len = c.len_utf8();
        if stand_ins.chars.contains(&c) {
            out[i..i + len].fill(stand_ins.filler);
        }
        i += len;
    }
    // Whole non-ASCII characters were replaced by ASCII bytes, so the text is still UTF-8.
    String::from_utf8(out).map_or_else(|_| masked.into(), Into::into)
}

impl Matcher {
    /// Matches in the masked prose: (span, replacements), in order, not overlapping.
    fn find(&self, doc: &Document) -> Vec<(Span, Vec<String>)> {
        let masked = doc.masked.as_str();
        let mut found: Vec<(Span, Vec<String>)> = Vec::new();
        match self {
            Matcher::Literal { regex, table, ignore_case, stand_ins } => {
                let haystack = match stand_ins {
                    Some(s) => ascii_stand_ins(masked, s),
                    None => masked.into(),
                };
                for m in regex.find_iter(&haystack) {
                    let matched = &masked[m.range()];
                    if let Some(replacements) = table.get(&normalise_match(matched, *ignore_case)) {
                        let replacements = if *ignore_case { replacements.iter().map(|r| match_case(matched, r)).collect() } else { replacements.clone() };
                        found.push((Span::new(m.start(), m.end()), replacements));
                    }
                }
            }
            Matcher::Patterns(patterns) => {
                for (regex, templates) in patterns {
                    for caps in regex.captures_iter(masked) {
                        let Some(m) = caps.get(0) else { continue };
                        if m.is_empty() {
                            continue;
                        }
                        let replacements = templates
                            .iter()
                            .map(|t| {
                                let mut out = String::new();
                                caps.expand(t, &mut out);
                                out
                            })
                            .collect();
                        found.push((Span::new(m.start(), m.end()), replacements));
                    }
                }
                found.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
            }
        }
        let mut out: Vec<(Span, Vec<String>)> = Vec::new();
        for (span, replacements) in found {
            if out.last().is_some_and(|(prev, _)| prev.end > span.start) {
                continue;
            }
            // Only whole tokens of prose: not inside a word, a handle, code or a URL.
            if masked[span.range()].contains(['\u{1A}', '\u{1F}']) || token_at_start(doc, span.start).is_none() || token_at_end(doc, span.end).is_none() {
                continue;
            }
            out.push((span, replacements));
        }
        out
    }
}

fn token_at_start(doc: &Document, offset: usize) -> Option<usize> {
    let i = doc.tokens.binary_search_by_key(&offset, |t| t.span.start).ok()?;
    matches!(doc.tokens[i].kind, TokenKind::Word | TokenKind::Number | TokenKind::Punct).then_some(i)
}

fn token_at_end(doc: &Document, offset: usize) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.end < offset);
    (doc.tokens.get(i)?.span.end == offset).then_some(i)
}

/// Whether tokens `a` and `b` (`a` right before `b`) are separated by spaces only, on one line.
fn adjacent(doc: &Document, a: usize, b: usize) -> bool {
    let (Some(first), Some(second)) = (doc.tokens.get(a), doc.tokens.get(b)) else { return false };
    b == a + 1 && second.space_before && !second.line_break_before && doc.str(Span::new(first.span.end, second.span.start)).chars().all(|c| c == ' ')
}

/// Token indices in ascending order: the first word of each sentence, where a capital says
/// nothing about names.
struct SentenceStarts(Vec<usize>);

impl SentenceStarts {
    fn contains(&self, token: &usize) -> bool {
        self.0.binary_search(token).is_ok()
    }
}

/// The first word token of each sentence, where a capital says nothing about names.
fn sentence_starts(doc: &Document) -> SentenceStarts {
    let mut starts = Vec::new();
    for sentence in &doc.sentences {
        let mut after_opener = true;
        for i in sentence.tokens.clone() {
            let t = &doc.tokens[i];
            match t.kind {
                TokenKind::Word if after_opener => {
                    starts.push(i);
                    after_opener = false;
                }
                TokenKind::Punct => after_opener = matches!(doc.token_str(t), "“" | "\"" | "‘" | "'" | "(" | "[" | ":" | "—" | "–"),
                _ => after_opener = false,
            }
        }
    }
    SentenceStarts(starts)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether the token is part of a longer name: `Legia` in *Legia Warsaw*, `IIT` in *IIT
/// Madras*. An ordinary Indonesian word (`Kota Moscow`) and a sentence's first word are not.
fn is_name_neighbour(ctx: &Context<'_>, index: usize, starts: &SentenceStarts) -> bool {
    let doc = ctx.doc;
    let Some(t) = doc.tokens.get(index) else { return false };
    if t.kind != TokenKind::Word || starts.contains(&index) {
        return false;
    }
    let word = doc.token_str(t);
    if is_acronym(word) {
        return true;
    }
    is_capitalised(word) && (doc.language == Language::En || !is_ordinary_word(ctx, &word.to_lowercase()))
}

fn fill(template: &str, matched: &str, replacement: &str) -> String {
    template.replace("{match}", matched).replace("{replacement}", replacement)
}

impl StyleRule {
    fn report(&self, ctx: &Context<'_>, span: Span, replacements: &[String], out: &mut Vec<Diagnostic>) {
        let matched = ctx.doc.str(span);
        let replacements: Vec<&String> = replacements.iter().filter(|r| r.as_str() != matched).collect();
        if matches!(self.kind, Kind::Substitution(_) | Kind::Capitalization(_)) && replacements.is_empty() {
            return;
        }
        let first = replacements.first().map_or("", |r| r.as_str());
        let mut d = Diagnostic::new(self.meta.code, self.meta.default_severity, span, fill(&self.message, matched, first));
        if let Some(applicability) = self.applicability {
            for r in replacements {
                d = d.with_fix(Fix { title: format!("Replace with '{r}'"), applicability, edits: vec![Edit::replace(span, r.as_str())] });
            }
        }
        out.push(d);
    }

    fn check_matches(&self, ctx: &Context<'_>, matcher: &Matcher, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let matches = matcher.find(doc);
        if matches.is_empty() {
            return;
        }
        let starts = if self.skip_in_names { sentence_starts(doc) } else { SentenceStarts(Vec::new()) };
        for (span, replacements) in matches {
            if !self.except_after.is_empty() {
                let first = token_at_start(doc, span.start);
                let before = first.and_then(|f| f.checked_sub(1).filter(|&b| adjacent(doc, b, f)));
                if before.is_some_and(|b| doc.tokens[b].kind == TokenKind::Word && self.except_after.contains(&doc.token_str(&doc.tokens[b]).to_lowercase())) {
                    continue;
                }
            }
            if self.skip_in_names {
                let (Some(first), Some(last)) = (token_at_start(doc, span.start), token_at_end(doc, span.end)) else { continue };
                let before = first.checked_sub(1).filter(|&b| adjacent(doc, b, first) && is_name_neighbour(ctx, b, &starts));
                let after = Some(last + 1).filter(|&a| adjacent(doc, last, a) && is_name_neighbour(ctx, a, &starts));
                if before.is_some() || after.is_some() {
                    continue;
                }
            }
            self.report(ctx, span, &replacements, out);
        }
    }

    fn check_titles(&self, ctx: &Context<'_>, titles: &Titles, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let starts = sentence_starts(doc);
        for sentence in &doc.sentences {
            let range = sentence.tokens.clone();
            let mut i = range.start;
            while i < range.end {
                let Some(len) = self.title_at(ctx, titles, i, range.end, &starts) else {
                    i += 1;
                    continue;
                };
                let span = Span::new(doc.tokens[i].span.start, doc.tokens[i + len - 1].span.end);
                let capitalised = doc.str(span).split(' ').map(|w| match_case("A", w)).collect::<Vec<_>>().join(" ");
                self.report(ctx, span, &[capitalised], out);
                i += len;
            }
        }
    }

    /// The number of tokens of a lower-case title at token `i` that a person's name follows.
    fn title_at(&self, ctx: &Context<'_>, titles: &Titles, i: usize, end: usize, starts: &SentenceStarts) -> Option<usize> {
        let doc = ctx.doc;
        let word_at = |j: usize| doc.tokens.get(j).filter(|t| t.kind == TokenKind::Word && j < end).map(|t| doc.token_str(t));
        let first = word_at(i)?;
        if !titles.openings.may_hold(first) || !first.chars().next().is_some_and(char::is_lowercase) || starts.contains(&i) {
            return None;
        }
        // The first word is read once; each title's first word is compared with it.
        let len = titles.titles.iter().find(|title| {
            title.first().is_some_and(|w| w == first)
                && title[1..].iter().enumerate().all(|(k, w)| word_at(i + k + 1).is_some_and(|t| t == w) && adjacent(doc, i + k, i + k + 1))
        })?.len();
        // `calon presiden Prabowo`: not (yet) the title; `perusahaan's president`: a job.
        if let Some(prev) = i.checked_sub(1).filter(|&p| adjacent(doc, p, i)).and_then(word_at) {
            let lower = prev.to_lowercase();
            if titles.except_after.contains(&lower) || lower.ends_with("'s") || lower.ends_with("’s") {
                return None;
            }
        }
        // The capitalised run after the title.
        let mut run: Vec<&str> = Vec::new();
        let mut j = i + len;
        while let Some(w) = word_at(j).filter(|w| is_capitalised(w) && adjacent(doc, j - 1, j)) {
            run.push(w);
            j += 1;
        }
        // `presiden Ukraina Presiden Volodymyr Zelensky`: the title written twice is
        // `typography/doubled-title`'s, whose fix keeps one.
        if run.iter().any(|w| w.eq_ignore_ascii_case(first)) {
            return None;
        }
        // A place may stand between the title and the name: `presiden Ukraina Volodymyr Zelensky`.
        let mut name: &[&str] = &run;
        if let Some(place) = titles.places.iter().find(|p| p.len() <= run.len() && p.iter().zip(&run).all(|(a, b)| a == b)) {
            name = &run[place.len()..];
        }
        let person = |name: &[&str]| {
            name.len() >= titles.min_name_words
                && name.iter().all(|w| !is_acronym(w) && !titles.not_names.contains(&w.to_lowercase()) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
                && name.iter().any(|w| !is_ordinary_word(ctx, &w.to_lowercase()))
                && !titles.places.iter().any(|p| p.len() == name.len() && p.iter().zip(name).all(|(a, b)| a == b))
        };
        if person(name) {
            return Some(len);
        }
        // A place or unit, a rank in capitals, then the name: `kapolres Sumbawa Barat AKBP
        // Hendra Wijaya`, `ketua DPR RI Puan Maharani`. The name is what follows the last rank.
        let mut whole: Vec<&str> = Vec::new();
        let mut j = i + len;
        while let Some(w) = word_at(j).filter(|w| (is_capitalised(w) || is_acronym(w)) && adjacent(doc, j - 1, j)) {
            whole.push(w);
            j += 1;
        }
        let last_rank = whole.iter().rposition(|w| is_acronym(w))?;
        person(&whole[last_rank + 1..]).then_some(len)
    }
}

impl Rule for StyleRule {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        match &self.kind {
            Kind::Substitution(m) | Kind::Existence(m) => self.check_matches(ctx, m, out),
            Kind::Capitalization(t) => self.check_titles(ctx, t, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::document::LanguageChoice;
    use crate::engine::{check, CheckOptions};
    use crate::prose::DocFormat;

    #[test]
    fn distinct_style_text_is_capped() {
        let path = Path::new("/nonexistent/capped-style.toml");
        let text = |i: u32| format!("[[rule]]\ncode = \"style/cap{i}\"\ntype = \"existence\"\ncategory = \"spelling\"\nsummary = \"s\"\ntokens = [\"kata{i}\"]\n");
        let first = text(0);
        load_within(&first, path, usize::MAX).unwrap();
        // The same text again costs nothing and is always taken.
        assert!(load_within(&first, path, 0).is_ok());
        // A new version past the cap is refused with a clear error, and nothing is kept of it.
        let e = load_within(&text(1), path, 1).unwrap_err();
        assert!(e.message.contains("restart the language server"), "{e}");
        assert!(find("style/cap1").is_none());
        // A version with other tokens and the same descriptions keeps nothing new: taken.
        let again = load_within(&first.replace("[\"kata0\"]", "[\"kata0\", \"kata9\"]"), path, 1);
        assert!(again.is_ok(), "{again:?}");
    }

    fn run_with(styles: Styles, language: Language, text: &str) -> Vec<(String, String, Option<String>)> {
        let config = Config { styles, ..Config::default() };
        let options = CheckOptions { format: DocFormat::Markdown, language: LanguageChoice { forced: Some(language), ..Default::default() }, config: &config };
        check(text, &options)
            .diagnostics
            .into_iter()
            .filter(|d| crate::rules::REGISTRY.iter().all(|r| r.meta().code != d.code))
            .map(|d| (d.code.to_string(), text[d.span.range()].to_string(), d.fixes.first().map(|f| f.edits[0].new_text.clone())))
            .collect()
    }

    fn defaults(language: Language, text: &str) -> Vec<(String, String, Option<String>)> {
        run_with(Styles::default(), language, text)
    }

    fn style(text: &str) -> Styles {
        Styles::from_rules(load(text, Path::new("redaksi.toml")).unwrap_or_else(|e| panic!("{e}")))
    }

    fn hit(code: &str, matched: &str, fix: &str) -> (String, String, Option<String>) {
        (code.to_string(), matched.to_string(), Some(fix.to_string()))
    }

    #[test]
    fn shipped_styles_load() {
        let all = Styles::default();
        assert!(all.len() >= 5, "{all:?}");
        for rule in all.rules() {
            let meta = rule.meta();
            assert_eq!(Category::parse(meta.code.split('/').next().unwrap()), Some(meta.category), "{}", meta.code);
            assert!(!meta.example_bad.is_empty() && meta.example_bad != meta.example_good, "{}", meta.code);
            assert!(find(meta.code).is_some());
        }
        assert!(Styles::defaults(Dialect::Gb).rules().iter().all(|r| r.source() != Path::new(AMERICAN_STYLE)));
        // Every example of a shipped rule makes it fire, and its good example does not.
        for rule in all.rules() {
            let meta = rule.meta();
            let language = meta.languages.first().copied().unwrap_or(Language::Id);
            let bad = defaults(language, meta.example_bad);
            assert!(bad.iter().any(|(c, _, _)| c == meta.code), "{} does not fire on its example: {bad:?}", meta.code);
            let good = defaults(language, meta.example_good);
            assert!(good.iter().all(|(c, _, _)| c != meta.code), "{} fires on its good example: {good:?}", meta.code);
        }
    }

    #[test]
    fn exonyms_in_indonesian() {
        let found = defaults(Language::Id, "Delegasi tiba di Moscow pada Senin, lalu terbang ke Kiev dan Crimea.");
        assert_eq!(found, [hit("names/exonym", "Moscow", "Moskow"), hit("names/exonym", "Kiev", "Kyiv"), hit("names/exonym", "Crimea", "Krimea")]);
        assert_eq!(defaults(Language::Id, "Ia tinggal di South Korea."), [hit("names/exonym", "South Korea", "Korea Selatan")]);
        // Part of a longer name, an English article, code, and a word inside another stay silent.
        for text in ["Klub Legia Warsaw kalah.", "Ia kuliah di Moscow State University.", "Kode `Moscow` ditulis.", "Warga Moskow dan Kyiv.", "Pesawat Japan Airlines mendarat.", "Gubernur Bank of Japan berbicara."] {
            assert!(defaults(Language::Id, text).iter().all(|(c, _, _)| c != "names/exonym"), "{text}");
        }
        assert!(defaults(Language::En, "They flew to Moscow.").is_empty());
        // An Indonesian word beside it does not make a longer name.
        assert_eq!(defaults(Language::Id, "Wali Kota Moscow hadir."), [hit("names/exonym", "Moscow", "Moskow")]);
    }

    #[test]
    fn typographic_punctuation_matches_as_it_stands() {
        // The ASCII stand-ins must find exactly what the word list finds in the text itself.
        let text = "“Moscow”—Kiev… «South Korea» ‘Crimea’, Moskow’s, “Kievan” Kiev’ Crimea—é Belgiumé éBelgium Brazil–Brasil.";
        let swap = r#""Moscow" = "Moskow", "Kiev" = "Kyiv", "South Korea" = "Korea Selatan", "Crimea" = "Krimea", "Belgium" = "Belgia", "Brazil" = "Brasil""#;
        // A key with a dash keeps the dash as it is.
        for (extra, dash_kept) in [("", false), (r#", "—Kiev" = "Kyiv""#, true)] {
            let source = format!("[[rule]]\ncode = \"names/places\"\ntype = \"substitution\"\nswap = {{ {swap}{extra} }}\n");
            let rules = load(&source, Path::new("places.toml")).unwrap_or_else(|e| panic!("{e}"));
            let Kind::Substitution(matcher @ Matcher::Literal { regex, stand_ins: Some(stand_ins), .. }) = &rules[0].kind else { panic!("not a word list") };
            let doc = Document::new(text, DocFormat::Markdown, LanguageChoice { forced: Some(Language::Id), ..Default::default() });
            let stood_in = ascii_stand_ins(&doc.masked, stand_ins);
            assert!(!stood_in.contains(['“', '…', '’']));
            assert_eq!(stood_in.contains('—'), dash_kept);
            let spans = |haystack: &str| regex.find_iter(haystack).map(|m| (m.start(), m.end())).collect::<Vec<_>>();
            assert_eq!(spans(&doc.masked), spans(&stood_in), "{source}");
            assert!(matcher.find(&doc).len() >= 4);
        }
    }

    #[test]
    fn titles_before_names_in_indonesian() {
        // A place, a rank in capitals, then the name.
        assert_eq!(
            defaults(Language::Id, "“Kami menyelidiki,” kata kapolres Sumbawa Barat AKBP Hendra Wijaya, dan ketua DPRD NTB Baiq Isvie Rupaeda."),
            [hit("typography/title-before-name", "kapolres", "Kapolres"), hit("typography/title-before-name", "ketua", "Ketua")]
        );
        let found = defaults(Language::Id, "Kunjungan presiden Joko Widodo disambut wakil presiden Ma'ruf Amin dan presiden Ukraina Volodymyr Zelensky.");
        assert_eq!(
            found,
            [
                hit("typography/title-before-name", "presiden", "Presiden"),
                hit("typography/title-before-name", "wakil presiden", "Wakil Presiden"),
                hit("typography/title-before-name", "presiden", "Presiden"),
            ]
        );
        for text in [
            "Ia ingin menjadi presiden pada 2029.",
            "Kata presiden AS itu kepada wartawan.",
            "Ia mantan wali kota Lisabon.",
            "Duta besar Jepang sedang berada di Tokyo.",
            "Ia bertemu gubernur Jawa Barat kemarin.",
            "Ia mantan ketua PN Jakarta Utara.",
            "Jawab ibu Agnes kepada wartawan.",
            "Pendukung calon presiden Prabowo Subianto berkumpul.",
            "Kandidat presiden Partai Demokrat itu berkampanye.",
            "Presiden Joko Widodo hadir.",
            "Ia bertemu perdana menteri Sri Lanka.",
            "Ia mantan ketua PN Jakarta Utara dan kapolres Sumbawa Barat AKBP.",
            "Surat presiden Ukraina Presiden Volodymyr Zelensky tiba.",
        ] {
            assert!(defaults(Language::Id, text).iter().all(|(c, _, _)| c != "typography/title-before-name"), "{text}: {:?}", defaults(Language::Id, text));
        }
    }

    #[test]
    fn proper_nouns_in_lower_case() {
        assert_eq!(
            defaults(Language::Id, "Rapat digelar pada senin, 3 maret, dalam bahasa inggris."),
            [
                hit("typography/lowercase-proper-noun", "senin", "Senin"),
                hit("typography/lowercase-proper-noun", "maret", "Maret"),
                hit("typography/lowercase-proper-noun", "inggris", "Inggris"),
            ]
        );
        for text in ["Ia bekerja seminggu penuh.", "Ia membeli gula jawa dan kunci inggris.", "Sikap keindonesiaan tumbuh.", "Tagar #indonesia ramai.", "Situs indonesia.go.id diakses."] {
            assert!(defaults(Language::Id, text).is_empty(), "{text}: {:?}", defaults(Language::Id, text));
        }
    }

    #[test]
    fn ap_style_in_english() {
        let found = defaults(Language::En, "Officials in Kiev said president Volodymyr Zelenskyy would travel towards the border.");
        assert_eq!(
            found,
            [
                hit("names/ap-place-names", "Kiev", "Kyiv"),
                hit("typography/ap-title-before-name", "president", "President"),
                hit("spelling/ap-usage", "towards", "toward"),
            ]
        );
        for text in ["He studied at Peking University and IIT Madras.", "The Bombay High Court ruled.", "The company's president John Smith resigned.", "Club president Joan Laporta spoke."] {
            assert!(defaults(Language::En, text).is_empty(), "{text}: {:?}", defaults(Language::En, text));
        }
    }

    #[test]
    fn a_newsroom_style() {
        let styles = style(
            r#"
language = "id"

[[rule]]
code = "names/platform"
type = "substitution"
message = "Tulis '{replacement}', bukan '{match}'"
fix = "safe"
swap = { "Reality Social" = "Truth Social" }

[[rule]]
code = "style/oknum"
type = "existence"
severity = "info"
ignore-case = true
tokens = ["oknum"]

[[rule]]
code = "style/ejaan"
type = "substitution"
category = "spelling"
ignore-case = true
swap = { "ibukota" = "ibu kota" }

[[rule]]
code = "typography/jam"
type = "substitution"
regex = true
swap = { '\b(\d{1,2}):(\d{2}) WIB' = "$1.$2 WIB" }
"#,
        );
        let codes: Vec<&str> = styles.rules().iter().map(|r| r.meta().code).collect();
        assert_eq!(codes, ["names/platform", "spelling/oknum", "spelling/ejaan", "typography/jam"]);
        let text = "Oknum polisi menulis di Reality Social dari Ibukota pukul 14:30 WIB.";
        assert_eq!(
            run_with(styles.clone(), Language::Id, text),
            [
                ("spelling/oknum".to_string(), "Oknum".to_string(), None),
                hit("names/platform", "Reality Social", "Truth Social"),
                hit("spelling/ejaan", "Ibukota", "Ibu kota"),
                hit("typography/jam", "14:30 WIB", "14.30 WIB"),
            ]
        );
        assert!(run_with(styles, Language::En, text).is_empty());
        let oknum = find("spelling/oknum").unwrap();
        assert_eq!(oknum.default_severity, Severity::Info);
        assert!(oknum.explanation.contains("redaksi.toml"));
    }

    #[test]
    fn style_rules_are_found_like_built_in_ones() {
        let rule = crate::rules::find("names/exonym").expect("a default style rule");
        assert_eq!(rule.meta().category, Category::Names);
        let d = Diagnostic::new("names/exonym", Severity::Warning, Span::new(0, 6), "'Moscow' is written 'Moskow' in Indonesian");
        let hover = crate::lsp::convert::hover_text(&d, true);
        assert!(hover.contains(rule.meta().summary) && hover.contains("id-default.toml"), "{hover}");
        // A suppression comment may name it.
        let mut notes = Vec::new();
        crate::suppress::Suppressions::parse("<!-- sunting-disable names/exonym -->\n", &mut notes);
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn loading_twice_leaks_once() {
        let text = "[[rule]]\ncode = \"names/sekali\"\ntype = \"existence\"\ntokens = [\"sekali\"]\n";
        let a = load(text, Path::new("sekali.toml")).unwrap();
        let b = load(text, Path::new("sekali.toml")).unwrap();
        assert!(Arc::ptr_eq(&a[0], &b[0]));
    }

    #[test]
    fn an_edited_style_file_frees_its_old_version_and_keeps_only_what_changed_of_its_description() {
        let version = |i: usize| format!("[[rule]]\ncode = \"names/versi\"\ntype = \"existence\"\nsummary = \"{}\"\ntokens = [\"kata{i}\"]\n", "x".repeat(500));
        let path = Path::new("versi/gaya.toml");
        let first = load(&version(0), path).unwrap();
        let old = Arc::downgrade(&first[0]);
        drop(first);
        for i in 1..=200 {
            let rules = load(&version(i), path).unwrap();
            assert_eq!(rules.len(), 1);
        }
        // The first version is gone, and only one is held.
        assert!(old.upgrade().is_none());
        assert_eq!(LOADED.lock().unwrap().iter().filter(|(p, _, _)| p == path).count(), 1);
        // Each version's description (its example is its first token) shares the summary and
        // explanation: what 200 versions keep is their examples, not 200 copies of the texts.
        let kept = DESCRIPTIONS.lock().unwrap();
        let versions: Vec<&RuleMeta> = kept.metas.iter().copied().filter(|m| m.code == "names/versi").collect();
        assert_eq!(versions.len(), 201);
        for text in [|m: &RuleMeta| m.summary.as_ptr(), |m: &RuleMeta| m.explanation.as_ptr(), |m: &RuleMeta| m.code.as_ptr()] {
            assert_eq!(versions.iter().map(|m| text(m)).collect::<HashSet<_>>().len(), 1);
        }
        drop(kept);
        // A new description is a new one kept.
        let described = version(201).replace("x\"", "y\"");
        load(&described, path).unwrap();
        assert_eq!(find("names/versi").map(|m| m.summary.ends_with('y')), Some(true));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let cases = [
            ("[[rule]]\ncode = \"exonym\"\ntype = \"substitution\"\nswap = { a = \"b\" }\n", (2, 8), "category/name"),
            ("[[rule]]\ncode = \"names/x\"\ntype = \"swap\"\n", (3, 8), "unknown rule type"),
            ("[[rule]]\ncode = \"names/x\"\ntype = \"substitution\"\n", (3, 8), "swap"),
            ("[[rule]]\ncode = \"names/x\"\ntype = \"substitution\"\nregex = true\nswap = { \"(a\" = \"b\" }\n", (5, 10), "regular expression"),
            ("[[rule]]\ncode = \"fonts/x\"\ntype = \"existence\"\ntokens = [\"a\"]\n", (2, 8), "must start with a category"),
            ("[[rule]]\ncode = \"names/variant\"\ntype = \"existence\"\ntokens = [\"a\"]\n", (2, 8), "built-in"),
            ("[[rule]]\ncode = \"names/x\"\ntype = \"existence\"\ntokens = [\"a\"]\nbogus = 1\n", (5, 1), "bogus"),
            ("[[rule]]\ncode = \"names/x\"\ntype = \"existence\"\ntokens = [\"a\"]\nseverity = \"loud\"\n", (5, 12), "severity"),
            ("[[rule]]\ncode = \"style/x\"\ntype = \"existence\"\ncategory = \"fonts\"\ntokens = [\"a\"]\n", (4, 12), "category"),
            ("[[rule]]\ncode = \"names/x\"\ntype = \"existence\"\ntokens = [\"a\"]\n[[rule]]\ncode = \"names/x\"\ntype = \"existence\"\ntokens = [\"b\"]\n", (6, 8), "twice"),
        ];
        for (text, (line, column), needle) in cases {
            let err = load(text, Path::new("s/redaksi.toml")).unwrap_err();
            assert_eq!((err.line, err.column), (line, column), "{err}");
            assert!(err.to_string().starts_with(&format!("s/redaksi.toml:{line}:{column}:")), "{err}");
            assert!(err.message.contains(needle), "{err}");
        }
    }
}
