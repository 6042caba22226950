//! Helpers shared by the integration tests: `cli` runs the binary, `lsp` speaks the protocol's
//! framing. Each test file uses some of them.
#![allow(dead_code)]

pub mod cli;
pub mod lsp;
