//! Inline suppression comments:
//! `<!-- sunting-disable RULE -->` ... `<!-- sunting-enable RULE -->` and
//! `<!-- sunting-ignore-next-line [RULE] -->`. RULE is a code, a category, or nothing (all).

use crate::diagnostic::{Category, Diagnostic, Span};
use crate::rules;
use regex::Regex;
use std::sync::LazyLock;

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*sunting-(disable|enable|ignore-next-line)\b((?s:.)*?)-->").expect("suppression pattern")
});

/// A problem with a suppression comment itself, reported beside the diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Suppressions {
    /// (selector, region); an empty selector means every rule.
    regions: Vec<(String, Span)>,
}

fn selector_matches(selector: &str, code: &str) -> bool {
    selector.is_empty() || selector == code || code.split('/').next() == Some(selector)
}

fn is_known(selector: &str) -> bool {
    rules::find(selector).is_some() || Category::parse(selector).is_some()
}

impl Suppressions {
    pub fn parse(text: &str, notes: &mut Vec<Note>) -> Suppressions {
        let mut regions = Vec::new();
        // Open `disable` regions: selector -> start.
        let mut open: Vec<(String, usize)> = Vec::new();
        for caps in COMMENT.captures_iter(text) {
            let whole = caps.get(0).map_or(Span::new(0, 0), |m| Span::new(m.start(), m.end()));
            let verb = &caps[1];
            let mut selectors: Vec<String> = caps[2]
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            for s in &selectors {
                if !is_known(s) {
                    notes.push(Note { span: whole, message: format!("unknown rule {s:?} in a suppression comment") });
                }
            }
            if selectors.is_empty() {
                selectors.push(String::new());
            }
            match verb {
                "disable" => {
                    for s in selectors {
                        open.push((s, whole.end));
                    }
                }
                "enable" => {
                    for s in selectors {
                        // `enable` with no rule closes every open region.
                        let (closing, keep): (Vec<_>, Vec<_>) =
                            open.drain(..).partition(|(o, _)| s.is_empty() || *o == s);
                        open = keep;
                        for (o, start) in closing {
                            regions.push((o, Span::new(start, whole.start)));
                        }
                    }
                }
                _ => {
                    let next = next_line_span(text, whole.end);
                    for s in selectors {
                        regions.push((s, next));
                    }
                }
            }
        }
        for (s, start) in open {
            regions.push((s, Span::new(start, text.len())));
        }
        Suppressions { regions }
    }

    pub fn is_suppressed(&self, diagnostic: &Diagnostic) -> bool {
        self.regions.iter().any(|(selector, region)| {
            selector_matches(selector, &diagnostic.code)
                && region.start <= diagnostic.span.start
                && diagnostic.span.start < region.end.max(region.start + 1)
        })
    }
}

/// The next line after `offset` that has anything on it.
fn next_line_span(text: &str, offset: usize) -> Span {
    let rest = &text[offset..];
    let mut pos = offset + rest.find('\n').map_or(rest.len(), |i| i + 1);
    for line in text[pos..].split_inclusive('\n') {
        if line.trim().is_empty() {
            pos += line.len();
            continue;
        }
        return Span::new(pos, pos + line.trim_end_matches(['\n', '\r']).len());
    }
    Span::new(text.len(), text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn diag(code: &'static str, at: usize) -> Diagnostic {
        Diagnostic::new(code, Severity::Warning, Span::new(at, at + 1), "x")
    }

    #[test]
    fn disable_enable_regions() {
        let text = "a <!-- sunting-disable typography --> b <!-- sunting-enable typography --> c";
        let mut notes = vec![];
        let s = Suppressions::parse(text, &mut notes);
        assert!(notes.is_empty());
        assert!(!s.is_suppressed(&diag("typography/doubled-word", 0)));
        assert!(s.is_suppressed(&diag("typography/doubled-word", text.find(" b").unwrap() + 1)));
        assert!(!s.is_suppressed(&diag("spelling/unknown-word", text.find(" b").unwrap() + 1)));
        assert!(!s.is_suppressed(&diag("typography/doubled-word", text.find(" c").unwrap() + 1)));
    }

    #[test]
    fn ignore_next_line_skips_blank_lines() {
        let text = "<!-- sunting-ignore-next-line -->\n\nyang yang\nlagi lagi\n";
        let s = Suppressions::parse(text, &mut vec![]);
        assert!(s.is_suppressed(&diag("typography/doubled-word", text.find("yang").unwrap())));
        assert!(!s.is_suppressed(&diag("typography/doubled-word", text.find("lagi").unwrap())));
    }

    #[test]
    fn unknown_rules_are_noted() {
        let mut notes = vec![];
        Suppressions::parse("<!-- sunting-disable typography/nope -->", &mut notes);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].message.contains("typography/nope"));
    }
}
