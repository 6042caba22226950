//! Applying fixes to text. Fixes whose edits overlap an already chosen fix wait for the next
//! pass (the caller re-checks and applies again until nothing changes).

use crate::diagnostic::{Applicability, Diagnostic, Edit, Span};
use std::collections::BTreeMap;
use crate::engine::{self, CheckOptions};

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    SafeOnly,
    /// Safe fixes, and for diagnostics without one, the first suggested fix.
    IncludeSuggested,
}

/// Apply one fix per diagnostic where allowed; returns the new text and how many fixes went in.
///
/// Fixes are taken in the diagnostics' order; one whose edits clash with an edit already chosen
/// (overlap it, start where it starts, or sit inside it) waits for the next pass. The chosen
/// edits are kept ordered by start and never clash with each other, so a new edit can only clash
/// with its two neighbours: each fix costs a logarithmic look-up, not a scan of every fix chosen
/// before it (that scan made a fix of a noisy 8 MiB article take a minute).
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], mode: FixMode) -> (String, usize) {
    apply_fixes_counting(text, diagnostics, mode, &mut 0)
}

/// Whether two edits may not go in together.
fn clash(e: Span, c: Span) -> bool {
    e.overlaps(c) || e.start == c.start || (e.is_empty() && c.contains(e.start)) || (c.is_empty() && e.contains(c.start))
}

/// [`apply_fixes`], adding to `work` the number of clash tests it made (the tests count it).
fn apply_fixes_counting(text: &str, diagnostics: &[Diagnostic], mode: FixMode, work: &mut usize) -> (String, usize) {
    // Chosen edits by start: start -> (end, the edit).
    let mut chosen: BTreeMap<usize, &Edit> = BTreeMap::new();
    let mut applied = 0;
    let clashes_with_chosen = |chosen: &BTreeMap<usize, &Edit>, e: Span, work: &mut usize| {
        let before = chosen.range(..e.start).next_back();
        let after = chosen.range(e.start..=e.end).next();
        before.into_iter().chain(after).any(|(_, c)| {
            *work += 1;
            clash(e, c.span)
        })
    };
    for d in diagnostics {
        let fix = d.fixes.iter().find(|f| f.applicability == Applicability::Safe).or_else(|| {
            (mode == FixMode::IncludeSuggested).then(|| d.fixes.first()).flatten()
        });
        let Some(fix) = fix else { continue };
        if fix.edits.is_empty() {
            continue;
        }
        let valid = fix.edits.iter().all(|e| {
            e.span.start <= e.span.end
                && e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        if !valid {
            continue;
        }
        // A fix goes in whole or not at all: its edits must clash neither with chosen ones nor
        // with each other.
        let mut taken: Vec<usize> = Vec::with_capacity(fix.edits.len());
        let mut fits = true;
        for e in &fix.edits {
            if clashes_with_chosen(&chosen, e.span, work) {
                fits = false;
                break;
            }
            chosen.insert(e.span.start, e);
            taken.push(e.span.start);
        }
        if !fits {
            for start in taken {
                chosen.remove(&start);
            }
            continue;
        }
        applied += 1;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in chosen.values() {
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
///
/// Every pass re-checks with `options`, so the language is settled again for each pass. Pass the
/// language choice as given (the user's `--language`, the configuration), not the language a
/// first check detected: a fix can change what detection finds (removing the doubled English
/// marker of `4,5 by by` leaves too little to detect, which settles on Indonesian), and a later
/// run detects afresh. Under the choice as given, a text this returns (having converged) is one
/// that a fresh run finds nothing to fix in; pinned to the first detection, the next run could
/// undo this run's fixes (`4.5 by` back to `4,5 by`).
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
    use crate::diagnostic::{Fix, Severity};

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

    /// The former quadratic scan, kept as the reference the fast look-up must agree with.
    fn reference(text: &str, diagnostics: &[Diagnostic], mode: FixMode) -> (String, usize) {
        let mut chosen: Vec<&Edit> = Vec::new();
        let mut applied = 0;
        for d in diagnostics {
            let fix = d.fixes.iter().find(|f| f.applicability == Applicability::Safe).or_else(|| (mode == FixMode::IncludeSuggested).then(|| d.fixes.first()).flatten());
            let Some(fix) = fix else { continue };
            let valid = fix.edits.iter().all(|e| e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            let mut mine: Vec<&Edit> = Vec::new();
            let clashes = fix.edits.iter().any(|e| {
                let c = chosen.iter().chain(mine.iter()).any(|c| clash(e.span, c.span));
                mine.push(e);
                c
            });
            if !valid || clashes || fix.edits.is_empty() {
                continue;
            }
            chosen.extend(fix.edits.iter());
            applied += 1;
        }
        chosen.sort_by_key(|e| (e.span.start, e.span.end));
        let mut out = String::new();
        let mut at = 0;
        for edit in chosen {
            out.push_str(&text[at..edit.span.start]);
            out.push_str(&edit.new_text);
            at = edit.span.end;
        }
        out.push_str(&text[at..]);
        (out, applied)
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_quadratic_reference(spans in proptest::collection::vec((0usize..40, 0usize..4, proptest::bool::ANY, 1usize..3), 0..40)) {
            let text = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
            let diagnostics: Vec<Diagnostic> = spans
                .iter()
                .enumerate()
                .map(|(i, &(start, len, safe, edits))| {
                    let mut edit_list = Vec::new();
                    for k in 0..edits {
                        let s = (start + k * 5).min(text.len());
                        let e = (s + len).min(text.len());
                        edit_list.push(Edit::replace(Span::new(s, e), format!("<{i}>")));
                    }
                    let span = edit_list[0].span;
                    let fix = if safe { Fix::safe("f", edit_list) } else { Fix::suggested("f", edit_list) };
                    Diagnostic::new("typography/x", Severity::Warning, span, "m").with_fix(fix)
                })
                .collect();
            for mode in [FixMode::SafeOnly, FixMode::IncludeSuggested] {
                proptest::prop_assert_eq!(apply_fixes(text, &diagnostics, mode), reference(text, &diagnostics, mode));
            }
        }
    }

    /// Work, not time: the clash tests made for n fixes over a text, in the order a check reports
    /// them, and for twice as many. Twice the fixes may cost at most about twice the work (the
    /// former scan cost four times as much).
    #[test]
    fn work_grows_linearly_with_the_number_of_fixes() {
        let work_for = |n: usize| {
            let text = "a !".repeat(n);
            let diagnostics: Vec<Diagnostic> = (0..n).map(|i| d((i * 3 + 1, i * 3 + 2), "", true)).collect();
            let mut work = 0;
            let (out, applied) = apply_fixes_counting(&text, &diagnostics, FixMode::SafeOnly, &mut work);
            assert_eq!((out, applied), ("a!".repeat(n), n));
            work
        };
        for n in [1_000, 4_000, 16_000] {
            let (one, two) = (work_for(n), work_for(2 * n));
            assert!(two <= 3 * one, "n={n}: {one} clash tests, 2n: {two}");
            assert!(one <= 2 * n, "n={n}: {one} clash tests for {n} fixes");
        }
    }
}
