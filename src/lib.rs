//! sunting: a copyediting checker for news articles in Indonesian and English.
//!
//! The core is pure: [`engine::check`] turns a document's text, format, language and
//! configuration into [`diagnostic::Diagnostic`]s. The command line ([`cli`]) is a thin
//! adapter over it.

pub mod align;
pub mod claims;
pub mod cli;
pub mod config;
pub mod config_error;
pub mod config_file;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod ignore;
pub mod incremental;
pub mod language;
pub mod lexicon;
pub mod lsp;
pub mod names;
pub mod numbers;
pub mod ordered;
pub mod position;
pub mod prose;
pub mod quotation;
pub mod report;
pub mod rules;
pub mod sections;
pub mod sentences;
pub mod stream;
pub mod style;
pub mod suppress;
pub mod words;
pub mod work;

pub use config::Config;
pub use diagnostic::{Applicability, Category, Diagnostic, Edit, Fix, Related, Severity, Span};
pub use engine::{check, CheckOptions, CheckResult};
pub use language::Language;
pub use prose::DocFormat;
