//! sunting for Zed: runs `sunting lsp` for Markdown and plain text. The program is the
//! `lsp.sunting.binary.path` setting, else `sunting` on the worktree's PATH; the server's
//! settings are `lsp.sunting.settings` (sent as initializationOptions and as the `sunting`
//! section of workspace/configuration).

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result, Worktree};

const SERVER: &str = "sunting";
const INSTALL: &str = "https://github.com/sunting-news/sunting#install";

struct Sunting;

fn lsp_settings(worktree: &Worktree) -> Option<LspSettings> {
    LspSettings::for_worktree(SERVER, worktree).ok()
}

impl zed::Extension for Sunting {
    fn new() -> Self {
        Sunting
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &Worktree) -> Result<zed::Command> {
        let binary = lsp_settings(worktree).and_then(|s| s.binary);
        let args = binary.as_ref().and_then(|b| b.arguments.clone()).unwrap_or_else(|| vec!["lsp".to_string()]);
        let env = binary
            .as_ref()
            .and_then(|b| b.env.clone())
            .map(|e| e.into_iter().collect())
            .unwrap_or_else(|| worktree.shell_env());
        let command = match binary.and_then(|b| b.path) {
            Some(path) => path,
            None => worktree.which(SERVER).ok_or_else(|| {
                format!("sunting: cannot find the `sunting` program on PATH. Install it (cargo install, see {INSTALL}) or set lsp.sunting.binary.path in Zed's settings.")
            })?,
        };
        Ok(zed::Command { command, args, env })
    }

    fn language_server_initialization_options(&mut self, _id: &LanguageServerId, worktree: &Worktree) -> Result<Option<serde_json::Value>> {
        Ok(lsp_settings(worktree).and_then(|s| s.initialization_options.or(s.settings)))
    }

    fn language_server_workspace_configuration(&mut self, _id: &LanguageServerId, worktree: &Worktree) -> Result<Option<serde_json::Value>> {
        Ok(lsp_settings(worktree).and_then(|s| s.settings).map(|s| serde_json::json!({ "sunting": s })))
    }
}

zed::register_extension!(Sunting);
