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
//! A file is parsed here into data: each rule a [`StyleRule`] (its description, what it
//! matches, its message and fixes), with the matching itself ([`Matcher`] over a document's
//! masked prose). The configuration holds the [`Styles`] it enables; the rule that reads a
//! [`StyleRule`] and reports its findings is `rules::style`, a layer above. A [`StyleRule`] is
//! shared (`Arc`) by the configurations that use it and freed with the last of them: a style file edited and reloaded a thousand times
//! holds only its current version. Its [`RuleMeta`] must be `&'static` (findings and the rule
//! list refer to it), so each distinct description is kept once for the process ([`find`],
//! for `sunting explain` and the editor's hover), and a reload that changes only patterns,
//! tokens or messages keeps nothing new. The descriptions kept are capped
//! ([`MAX_LOADED_STYLE_BYTES`]).
//!
//! The matching itself, over a document's masked prose, is in [`matching`].

use crate::config_error::{line_col, ConfigError};
use crate::diagnostic::{Applicability, Category, RuleMeta, Severity};
use crate::language::Language;
use crate::lexicon::hunspell::Dialect;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};
use toml::Spanned;

mod matching;
use matching::build_matcher;
pub(crate) use matching::{token_at_end, token_at_start, Matcher, WordShapes};

/// The styles shipped inside the binary, enabled by default for the language each declares.
pub const DEFAULT_STYLES: &[(&str, &str)] = &[
    ("styles/id-default.toml", include_str!("../styles/id-default.toml")),
    ("styles/en-ap.toml", include_str!("../styles/en-ap.toml")),
];
/// The default style written for American newsrooms, left out when `english = "gb"`.
pub(crate) const AMERICAN_STYLE: &str = "styles/en-ap.toml";

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

/// Titles that take a capital before a name (EYD V, huruf kapital; AP, titles).
pub(crate) struct Titles {
    /// Lower case, split into words, longest first.
    pub(crate) titles: Vec<Vec<String>>,
    /// The first bytes and lengths of the titles' first words: most words start no title, and
    /// this tells them at a glance.
    pub(crate) openings: WordShapes,
    pub(crate) except_after: HashSet<String>,
    /// Place names that may stand between the title and the name (`presiden Ukraina Volodymyr
    /// Zelensky`), or alone (`duta besar Jepang`): split into words.
    pub(crate) places: Vec<Vec<String>>,
    /// Lower-case words that make a capitalised run a place or an institution, not a person.
    pub(crate) not_names: HashSet<String>,
    pub(crate) min_name_words: usize,
}

pub(crate) enum Kind {
    Substitution(Matcher),
    Existence(Matcher),
    Capitalization(Titles),
}

/// One rule from a style file.
pub struct StyleRule {
    pub(crate) meta: &'static RuleMeta,
    pub(crate) kind: Kind,
    pub(crate) message: String,
    /// `None`: report without a fix.
    pub(crate) applicability: Option<Applicability>,
    pub(crate) skip_in_names: bool,
    /// Lower-case words after which a match is left alone (`gula jawa`: a kind of sugar).
    pub(crate) except_after: HashSet<String>,
    /// The file it came from, as configured.
    source: PathBuf,
}

impl fmt::Debug for StyleRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StyleRule({} from {})", self.meta.code, self.source.display())
    }
}

impl StyleRule {
    /// What the rule is (the engine runs it as a [`RuleMeta`]'s rule: `rules::style`).
    pub fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

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

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn find(&self, code: &str) -> Option<&StyleRule> {
        self.0.iter().map(|r| &**r).find(|r| r.meta.code == code)
    }

    /// Whether a substitution rule of `category` (the house's exonyms: *Moscow* -> *Moskow*)
    /// rewrites `from` as `to`: the house's own way of writing a name, not a change of name.
    pub fn rewrites(&self, category: Category, from: &str, to: &str) -> bool {
        self.0.iter().any(|r| r.meta.category == category && matches!(&r.kind, Kind::Substitution(m) if m.rewrites(from, to)))
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
        // The shipped files are checked by the tests (which also hold their codes apart from
        // the built-in rules'); a broken one is a build defect.
        match load(text, Path::new(path), |_| false) {
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

/// The descriptions of the shipped style rules, then of every style rule loaded in this process
/// (some codes twice, when a file was edited; `rules::known_rules` lists each code once).
pub fn loaded_metas() -> Vec<&'static RuleMeta> {
    let descriptions = DESCRIPTIONS.lock().unwrap_or_else(|e| e.into_inner());
    DEFAULTS.iter().map(|r| r.meta).chain(descriptions.metas.iter().copied()).collect()
}

/// How many bytes of distinct style rule descriptions (codes, summaries, explanations, examples)
/// one process keeps. They stay in memory (findings refer to them), so a language server whose
/// style file's descriptions are rewritten at every save would otherwise grow without end; past
/// this, a file with new descriptions is refused with an error asking for a restart. Edits to
/// patterns, tokens and messages keep nothing, however many.
pub const MAX_LOADED_STYLE_BYTES: usize = 8 * 1024 * 1024;

/// Parse a style file. Errors name the file, line and column. `built_in` tells the codes of
/// the built-in rules, which a house rule may not take (`rules::is_built_in`: the rules are a
/// layer above this one).
pub fn load(text: &str, path: &Path, built_in: fn(&str) -> bool) -> Result<Vec<Arc<StyleRule>>, ConfigError> {
    load_within(text, path, MAX_LOADED_STYLE_BYTES, built_in)
}

fn load_within(text: &str, path: &Path, cap: usize, built_in: fn(&str) -> bool) -> Result<Vec<Arc<StyleRule>>, ConfigError> {
    {
        let loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, _, rules)) = loaded.iter().find(|(p, t, _)| p == path && t == text) {
            return Ok(rules.clone());
        }
    }
    let drafts = parse(text, path, built_in)?;
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

fn parse(text: &str, path: &Path, built_in: fn(&str) -> bool) -> Result<Vec<Draft>, ConfigError> {
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
        if built_in(&code) {
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

#[cfg(test)]
mod tests {
    use super::matching::ascii_stand_ins;
    use super::*;
    use crate::document::Document;
    use crate::document::LanguageChoice;
    use crate::prose::DocFormat;

    #[test]
    fn distinct_style_text_is_capped() {
        let path = Path::new("/nonexistent/capped-style.toml");
        let text = |i: u32| format!("[[rule]]\ncode = \"style/cap{i}\"\ntype = \"existence\"\ncategory = \"spelling\"\nsummary = \"s\"\ntokens = [\"kata{i}\"]\n");
        let first = text(0);
        load_within(&first, path, usize::MAX, crate::rules::is_built_in).unwrap();
        // The same text again costs nothing and is always taken.
        assert!(load_within(&first, path, 0, crate::rules::is_built_in).is_ok());
        // A new version past the cap is refused with a clear error, and nothing is kept of it.
        let e = load_within(&text(1), path, 1, crate::rules::is_built_in).unwrap_err();
        assert!(e.message.contains("restart the language server"), "{e}");
        assert!(find("style/cap1").is_none());
        // A version with other tokens and the same descriptions keeps nothing new: taken.
        let again = load_within(&first.replace("[\"kata0\"]", "[\"kata0\", \"kata9\"]"), path, 1, crate::rules::is_built_in);
        assert!(again.is_ok(), "{again:?}");
    }

    #[test]
    fn typographic_punctuation_matches_as_it_stands() {
        // The ASCII stand-ins must find exactly what the word list finds in the text itself.
        let text = "“Moscow”—Kiev… «South Korea» ‘Crimea’, Moskow’s, “Kievan” Kiev’ Crimea—é Belgiumé éBelgium Brazil–Brasil.";
        let swap = r#""Moscow" = "Moskow", "Kiev" = "Kyiv", "South Korea" = "Korea Selatan", "Crimea" = "Krimea", "Belgium" = "Belgia", "Brazil" = "Brasil""#;
        // A key with a dash keeps the dash as it is.
        for (extra, dash_kept) in [("", false), (r#", "—Kiev" = "Kyiv""#, true)] {
            let source = format!("[[rule]]\ncode = \"names/places\"\ntype = \"substitution\"\nswap = {{ {swap}{extra} }}\n");
            let rules = load(&source, Path::new("places.toml"), crate::rules::is_built_in).unwrap_or_else(|e| panic!("{e}"));
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
    fn loading_twice_leaks_once() {
        let text = "[[rule]]\ncode = \"names/sekali\"\ntype = \"existence\"\ntokens = [\"sekali\"]\n";
        let a = load(text, Path::new("sekali.toml"), crate::rules::is_built_in).unwrap();
        let b = load(text, Path::new("sekali.toml"), crate::rules::is_built_in).unwrap();
        assert!(Arc::ptr_eq(&a[0], &b[0]));
    }

    #[test]
    fn an_edited_style_file_frees_its_old_version_and_keeps_only_what_changed_of_its_description() {
        let version = |i: usize| format!("[[rule]]\ncode = \"names/versi\"\ntype = \"existence\"\nsummary = \"{}\"\ntokens = [\"kata{i}\"]\n", "x".repeat(500));
        let path = Path::new("versi/gaya.toml");
        let first = load(&version(0), path, crate::rules::is_built_in).unwrap();
        let old = Arc::downgrade(&first[0]);
        drop(first);
        for i in 1..=200 {
            let rules = load(&version(i), path, crate::rules::is_built_in).unwrap();
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
        load(&described, path, crate::rules::is_built_in).unwrap();
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
            let err = load(text, Path::new("s/redaksi.toml"), crate::rules::is_built_in).unwrap_err();
            assert_eq!((err.line, err.column), (line, column), "{err}");
            assert!(err.to_string().starts_with(&format!("s/redaksi.toml:{line}:{column}:")), "{err}");
            assert!(err.message.contains(needle), "{err}");
        }
    }
}
