//! The diagnostic model shared by every rule and every output: a finding with a stable code,
//! a byte span, fixes with an applicability, and related spans.

use crate::language::Language;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// A half-open range of UTF-8 byte offsets into the document exactly as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
    pub fn shifted(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// The families of findings. The category is the part of a code before the `/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Spelling,
    Untranslated,
    Figures,
    Quotes,
    Typography,
    Names,
    /// A translation against its source (`check --source`, front matter `source:`).
    Translation,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Spelling,
        Category::Untranslated,
        Category::Figures,
        Category::Quotes,
        Category::Typography,
        Category::Names,
        Category::Translation,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Spelling => "spelling",
            Category::Untranslated => "untranslated",
            Category::Figures => "figures",
            Category::Quotes => "quotes",
            Category::Typography => "typography",
            Category::Names => "names",
            Category::Translation => "translation",
        }
    }
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How serious a finding is. Ordered: `Hint < Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Needs a human: one of several plausible corrections, or a change of meaning is possible.
    Suggested,
    /// Applied unattended by `sunting fix` and the editor's "fix all".
    Safe,
}

/// Replace the bytes of `span` with `new_text`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub new_text: String,
}

impl Edit {
    pub fn replace(span: Span, new_text: impl Into<String>) -> Self {
        Edit { span, new_text: new_text.into() }
    }
    pub fn delete(span: Span) -> Self {
        Edit { span, new_text: String::new() }
    }
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Edit { span: Span::new(at, at), new_text: text.into() }
    }
}

/// One way to resolve a diagnostic: a title and edits that are applied together.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix { title: title.into(), applicability: Applicability::Safe, edits }
    }
    pub fn suggested(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix { title: title.into(), applicability: Applicability::Suggested, edits }
    }
    /// A fix that replaces one span, titled after the replacement.
    pub fn replace(span: Span, new_text: &str, applicability: Applicability) -> Self {
        let title = if new_text.is_empty() {
            "Remove".to_string()
        } else {
            format!("Replace with '{}'", new_text.trim_matches('\n'))
        };
        Fix { title, applicability, edits: vec![Edit::replace(span, new_text)] }
    }
}

/// Another place in the document that explains this finding (the other mention of a figure),
/// or, with `source`, a place in the article's source (the sentence a translation renders).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Related {
    /// In the document, or in the source when `source` is set.
    pub span: Span,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<SourceLocation>>,
}

/// Where a related span lies in another file (a translation's source): its path, its range in
/// UTF-16 columns (0-based, as in the JSON report and LSP) and its text, worked out by the core
/// so that the adapters need not read that file again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourceLocation {
    pub path: String,
    pub start_line: u32,
    pub start_character: u32,
    pub end_line: u32,
    pub end_character: u32,
    pub text: String,
}

/// A stable rule code `category/rule`.
pub type Code = Cow<'static, str>;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    /// Best first: the first fix is the editor's preferred quick fix.
    pub fixes: Vec<Fix>,
    pub related: Vec<Related>,
}

impl Diagnostic {
    pub fn new(code: impl Into<Code>, severity: Severity, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code: code.into(),
            severity,
            span,
            message: message.into(),
            fixes: Vec::new(),
            related: Vec::new(),
        }
    }
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }
    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related { span, message: message.into(), source: None });
        self
    }
    pub fn category(&self) -> Option<Category> {
        Category::parse(self.code.split('/').next().unwrap_or(""))
    }
    pub fn safe_fix(&self) -> Option<&Fix> {
        self.fixes.iter().find(|f| f.applicability == Applicability::Safe)
    }
    /// The finding with every span (its own, its fixes' edits, its related ones) moved `by`
    /// bytes on: a finding in a section of a text, placed in the whole.
    pub fn shifted(mut self, by: usize) -> Self {
        self.span = self.span.shifted(by);
        for edit in self.fixes.iter_mut().flat_map(|f| f.edits.iter_mut()) {
            edit.span = edit.span.shifted(by);
        }
        for related in self.related.iter_mut().filter(|r| r.source.is_none()) {
            related.span = related.span.shifted(by);
        }
        self
    }
}
/// What a rule is, for `sunting rules`, `sunting explain`, SARIF and the editor's hover.
#[derive(Debug)]
pub struct RuleMeta {
    /// `category/rule`, stable across releases.
    pub code: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    /// The languages the rule applies to; empty means all.
    pub languages: &'static [Language],
    /// One line.
    pub summary: &'static str,
    /// The rule's documentation: why, and what it leaves alone.
    pub explanation: &'static str,
    /// A sentence the rule flags, and the same sentence fixed.
    pub example_bad: &'static str,
    pub example_good: &'static str,
}

impl RuleMeta {
    pub fn applies_to(&self, language: Language) -> bool {
        self.languages.is_empty() || self.languages.contains(&language)
    }

    /// A diagnostic of this rule at its default severity (the engine applies the configured one).
    pub fn diagnostic(&'static self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, self.default_severity, span, message)
    }

    /// The last part of the code: `doubled-word` for `typography/doubled-word`.
    pub fn name(&self) -> &'static str {
        self.code.split_once('/').map_or(self.code, |(_, n)| n)
    }
}

