//! Applying fixes to text. Fixes whose edits overlap an already chosen fix wait for the next
//! pass (the caller re-checks and applies again until nothing changes).

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::engine::{self, CheckOptions};

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    SafeOnly,
    /// Safe fixes, and for diagnostics without one, the first suggested fix.
    IncludeSuggested,
}

/// Apply one fix per diagnostic where allowed; returns the new text and how many fixes went in.
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], mode: FixMode) -> (String, usize) {
    let mut chosen: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for d in diagnostics {
        let fix = d.fixes.iter().find(|f| f.applicability == Applicability::Safe).or_else(|| {
            (mode == FixMode::IncludeSuggested).then(|| d.fixes.first()).flatten()
        });
        let Some(fix) = fix else { continue };
        let valid = fix.edits.iter().all(|e| {
            e.span.start <= e.span.end
                && e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        let clashes = fix.edits.iter().any(|e| {
            chosen.iter().any(|c| {
                e.span.overlaps(c.span) || (e.span.start == c.span.start) || (e.span.is_empty() && c.span.contains(e.span.start)) || (c.span.is_empty() && e.span.contains(c.span.start))
            })
        });
        if !valid || clashes || fix.edits.is_empty() {
            continue;
        }
        chosen.extend(fix.edits.iter());
        applied += 1;
    }
    chosen.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in chosen {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.new_text);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// How many check-and-fix passes [`fix_until_stable`] makes at most.
pub const MAX_FIX_PASSES: usize = 10;

/// Apply fixes to `text`, re-check and apply again until nothing changes (fixes that overlapped
/// wait for the next pass). `diagnostics` is a check of `text` already at hand, if any. Returns
/// the new text and how many fixes went in.
pub fn fix_until_stable(text: &str, options: &CheckOptions<'_>, diagnostics: Option<Vec<Diagnostic>>, mode: FixMode) -> (String, usize) {
    let mut current = text.to_string();
    let mut total = 0;
    let mut diagnostics = diagnostics.unwrap_or_else(|| engine::check(text, options).diagnostics);
    for _ in 0..MAX_FIX_PASSES {
        let (next, applied) = apply_fixes(&current, &diagnostics, mode);
        if applied == 0 || next == current {
            break;
        }
        total += applied;
        current = next;
        diagnostics = engine::check(&current, options).diagnostics;
    }
    (current, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Severity, Span};

    fn d(span: (usize, usize), new: &str, safe: bool) -> Diagnostic {
        let span = Span::new(span.0, span.1);
        let fix = if safe { Fix::safe("f", vec![Edit::replace(span, new)]) } else { Fix::suggested("f", vec![Edit::replace(span, new)]) };
        Diagnostic::new("typography/x", Severity::Warning, span, "m").with_fix(fix)
    }

    #[test]
    fn applies_non_overlapping_safe_fixes() {
        let text = "a ,b  c";
        let (out, n) = apply_fixes(text, &[d((1, 2), "", true), d((4, 6), " ", true), d((0, 1), "A", false)], FixMode::SafeOnly);
        assert_eq!((out.as_str(), n), ("a,b c", 2));
    }

    #[test]
    fn overlapping_fixes_wait() {
        let text = "abc";
        let (out, n) = apply_fixes(text, &[d((0, 2), "x", true), d((1, 3), "y", true)], FixMode::SafeOnly);
        assert_eq!((out.as_str(), n), ("xc", 1));
    }

    #[test]
    fn suggested_only_when_asked() {
        let text = "abc";
        assert_eq!(apply_fixes(text, &[d((0, 1), "z", false)], FixMode::SafeOnly).0, "abc");
        assert_eq!(apply_fixes(text, &[d((0, 1), "z", false)], FixMode::IncludeSuggested).0, "zbc");
    }
}
