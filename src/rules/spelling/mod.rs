//! Spelling in Indonesian and English: words that are not words, and non-standard Indonesian
//! forms that have a standard one. Names, acronyms and foreign words are left to other rules.

pub mod misspelled;
pub mod needless_apostrophe;
pub mod nonstandard;
