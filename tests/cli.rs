//! The command line end to end: formats, exit codes, inputs, configuration and `fix`.

mod common;

use common::cli::{json, sunting, sunting_stdin, temp_with};
use serde_json::Value;
use std::path::Path;

const ARTICLE: &str = "Polisi datang ke lokasi.\n\nWarga berteriak “Berhenti !!” lalu pergi.\n";

#[test]
fn json_report_has_the_documented_shape() {
    let dir = temp_with(&[("a.md", ARTICLE.as_bytes())]);
    let out = sunting(&["check", "--format", "json", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json(&out);
    assert_eq!(report["version"], 1);
    assert_eq!(report["summary"]["files"], 1);
    let file = &report["files"][0];
    assert_eq!(file["path"], "a.md");
    assert_eq!(file["language"], "id");
    let diags = file["diagnostics"].as_array().unwrap();
    assert_eq!(report["summary"]["diagnostics"], diags.len());
    let space = diags.iter().find(|d| d["code"] == "typography/space-before-punctuation").expect("space finding");
    let start = ARTICLE.find(" !!").unwrap();
    assert_eq!(space["span"]["start"], start);
    assert_eq!(space["span"]["end"], start + 1);
    assert_eq!(space["text"], " ");
    assert_eq!(space["severity"], "warning");
    // Line 2 (0-based), UTF-16 column: the curly quote counts one unit.
    let col = ARTICLE.lines().nth(2).unwrap().find(" !!").map(|b| ARTICLE.lines().nth(2).unwrap()[..b].encode_utf16().count()).unwrap();
    assert_eq!(space["range"]["start"]["line"], 2);
    assert_eq!(space["range"]["start"]["character"], col);
    let fix = &space["fixes"][0];
    assert_eq!(fix["applicability"], "safe");
    assert_eq!(fix["edits"][0]["new_text"], "");
    assert!(space["related"].is_array());
}

#[test]
fn exit_codes_follow_fail_on() {
    let dir = temp_with(&[("a.md", ARTICLE.as_bytes()), ("clean.md", b"Polisi datang ke lokasi.\n")]);
    assert_eq!(sunting(&["check", "clean.md"], dir.path()).status.code(), Some(0));
    assert_eq!(sunting(&["check", "a.md"], dir.path()).status.code(), Some(1));
    assert_eq!(sunting(&["check", "--fail-on", "error", "a.md"], dir.path()).status.code(), Some(0));
    assert_eq!(sunting(&["check", "--fail-on", "never", "a.md"], dir.path()).status.code(), Some(0));
    let missing = sunting(&["check", "--format", "json", "a.md", "nope.md"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    // The report still covers the readable file, and the error names the other.
    assert_eq!(json(&missing)["summary"]["files"], 1);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.md"));
    assert_eq!(sunting(&["check", "--format", "bogus", "a.md"], dir.path()).status.code(), Some(2));
}

#[test]
fn human_output_reads_like_a_compiler() {
    let dir = temp_with(&[("a.md", ARTICLE.as_bytes())]);
    let out = sunting(&["check", "--color", "never", "a.md"], dir.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("a.md:3:"), "{text}");
    assert!(text.contains("typography/doubled-punctuation"), "{text}");
    assert!(text.contains("^^"), "{text}");
    assert!(text.contains("fix: "), "{text}");
    assert!(text.trim_end().ends_with("in 1 file"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when asked");
}

#[test]
fn sarif_and_github_formats() {
    let dir = temp_with(&[("a.md", ARTICLE.as_bytes())]);
    let sarif = json(&sunting(&["check", "--format", "sarif", "a.md"], dir.path()));
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().all(|r| r["help"]["text"].is_string() && r["id"].is_string()));
    let result = &run["results"][0];
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], result["ruleId"]);
    assert_eq!(result["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
    assert!(result["fixes"][0]["artifactChanges"][0]["replacements"].is_array());

    let github = String::from_utf8(sunting(&["check", "--format", "github", "a.md"], dir.path()).stdout).unwrap();
    let first = github.lines().next().unwrap();
    assert!(first.starts_with("::warning file=a.md,line=3,col="), "{first}");
    assert!(first.contains(",endLine=3,endColumn="), "{first}");
    assert!(first.contains("title=typography/"), "{first}");
}

#[test]
fn folders_honour_gitignore_and_config_ignores() {
    let dir = temp_with(&[
        ("news/a.md", ARTICLE.as_bytes()),
        ("news/b.txt", ARTICLE.as_bytes()),
        ("news/skip.rst", ARTICLE.as_bytes()),
        ("news/drafts/c.md", ARTICLE.as_bytes()),
        ("news/built/d.md", ARTICLE.as_bytes()),
        ("news/.gitignore", b"built/\n"),
        ("news/sunting.toml", b"ignore = [\"drafts/**\"]\n"),
    ]);
    std::fs::create_dir(dir.path().join("news/.git")).unwrap();
    let report = json(&sunting(&["check", "--format", "json", "news"], dir.path()));
    let mut paths: Vec<String> = report["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap().replace('\\', "/")).collect();
    paths.sort();
    assert_eq!(paths, ["news/a.md", "news/b.txt"]);
}

#[test]
fn standard_input_with_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = sunting_stdin(&["check", "--format", "json", "--stdin-filename", "artikel.md", "-"], dir.path(), ARTICLE.as_bytes());
    let report = json(&out);
    assert_eq!(report["files"][0]["path"], "artikel.md");
    assert!(!report["files"][0]["diagnostics"].as_array().unwrap().is_empty());
}

#[test]
fn language_from_flag_front_matter_and_config() {
    let english = b"The police said the the flood was over.\n";
    let dir = temp_with(&[("a.md", english), ("fm.md", b"---\nlang: id\n---\nThe police said the flood was over.\n")]);
    let lang = |args: &[&str]| json(&sunting(args, dir.path()))["files"][0]["language"].clone();
    assert_eq!(lang(&["check", "--format", "json", "a.md"]), "en");
    assert_eq!(lang(&["check", "--format", "json", "--language", "id", "a.md"]), "id");
    assert_eq!(lang(&["check", "--format", "json", "fm.md"]), "id");
    std::fs::write(dir.path().join("sunting.toml"), "language = \"id\"\n").unwrap();
    assert_eq!(lang(&["check", "--format", "json", "a.md"]), "id");
}

#[test]
fn broken_config_is_reported_with_line_and_column() {
    let dir = temp_with(&[("a.md", ARTICLE.as_bytes()), ("sunting.toml", b"language = \"id\"\n[severity]\ntypography = \"loud\"\n")]);
    let out = sunting(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sunting.toml:3:"), "{err}");
}

#[test]
fn project_word_list_counts_without_a_config() {
    let text = b"Juru bicara pemerinatah datang.\n";
    let dir = temp_with(&[("news/a.md", text), (".sunting/kamus.txt", b"pemerinatah\n")]);
    let report = json(&sunting(&["check", "--format", "json", "news/a.md"], dir.path()));
    assert_eq!(report["files"][0]["diagnostics"].as_array().unwrap().len(), 0, "{report}");
    std::fs::remove_file(dir.path().join(".sunting/kamus.txt")).unwrap();
    let report = json(&sunting(&["check", "--format", "json", "news/a.md"], dir.path()));
    assert_eq!(report["files"][0]["diagnostics"][0]["code"], "spelling/misspelled");
}

#[test]
fn severity_configuration_applies() {
    let dir = temp_with(&[("a.md", ARTICLE.as_bytes()), ("sunting.toml", b"[severity]\n\"typography/doubled-punctuation\" = \"off\"\ntypography = \"error\"\n")]);
    let report = json(&sunting(&["check", "--format", "json", "a.md"], dir.path()));
    let diags = report["files"][0]["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    assert!(diags.iter().all(|d| d["severity"] == "error" && d["code"] != "typography/doubled-punctuation"));
}

#[test]
fn suppression_comments() {
    let text = "<!-- sunting-ignore-next-line -->\nWarga berteriak “Berhenti !!” lalu pergi.\n\n<!-- sunting-disable typography/doubled-punctuation -->\nLagi “Berhenti!!” katanya.\n<!-- sunting-enable typography/doubled-punctuation -->\n\nTerakhir “Berhenti!!” katanya. <!-- sunting-disable typography/nope -->\n";
    let dir = temp_with(&[("a.md", text.as_bytes())]);
    let out = sunting(&["check", "--format", "json", "a.md"], dir.path());
    let report = json(&out);
    let diags = report["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["span"]["start"], text.rfind("!!").unwrap());
    assert!(String::from_utf8_lossy(&out.stderr).contains("typography/nope"));
}

#[test]
fn bad_input_is_reported_not_crashed_on() {
    let mut invalid = b"Kata yang benar.\n".to_vec();
    invalid.extend_from_slice(&[0xff, 0xfe, b'a']);
    let dir = temp_with(&[("bad.md", &invalid), ("bin.md", b"\x00\x01\x02binary"), ("ok.md", b"Polisi datang.\n")]);
    let out = sunting(&["check", "--format", "json", "bad.md", "bin.md", "ok.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.md") && err.contains("invalid UTF-8 at byte 17"), "{err}");
    assert!(err.contains("bin.md: skipped: binary file"), "{err}");
    assert_eq!(json(&out)["summary"]["files"], 1);
    let lossy = sunting(&["check", "--lossy", "--format", "json", "bad.md"], dir.path());
    assert_eq!(lossy.status.code(), Some(0));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("missing-target.md", dir.path().join("link.md")).unwrap();
        let out = sunting(&["check", "link.md"], dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("broken symbolic link"));
    }
}

#[test]
fn fix_writes_atomically_and_keeps_crlf_bom_and_permissions() {
    let text = "\u{feff}Warga berteriak “Berhenti !!” lalu pergi.\r\n\r\nKorban yang yang terluka dibawa pukul 1: 00 pagi.\r\n";
    let dir = temp_with(&[("a.md", text.as_bytes())]);
    let path = dir.path().join("a.md");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let diff = sunting(&["fix", "--diff", "a.md"], dir.path());
    assert_eq!(diff.status.code(), Some(1), "fixes pending");
    assert!(String::from_utf8_lossy(&diff.stdout).contains("+\u{feff}Warga berteriak “Berhenti!”"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "--diff writes nothing");

    let out = sunting(&["fix", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(fixed, "\u{feff}Warga berteriak “Berhenti!” lalu pergi.\r\n\r\nKorban yang terluka dibawa pukul 1.00 pagi.\r\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }
    // Fixing again changes nothing, and no temporary files are left behind.
    sunting(&["fix", "a.md"], dir.path());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok).filter(|e| e.file_name().to_string_lossy().starts_with(".sunting-")).collect();
    assert!(leftovers.is_empty());
}

/// `fix` must not undo its own change on the next run. In `4,5 by by` the doubled word is an
/// English marker: removing it leaves too little for detection, which then settles on
/// Indonesian. A `fix` that kept the first check's English for all its passes wrote `4.5 by`,
/// and the next run, detecting Indonesian, turned it back into `4,5 by` (issue 18).
#[test]
fn fix_is_idempotent_when_its_fixes_change_the_detected_language() {
    for text in ["4,5 by by\n", "12,75 of of\n", "Harga naik 3,25 the the\n"] {
        let dir = temp_with(&[("a.txt", text.as_bytes())]);
        let path = dir.path().join("a.txt");
        let first = sunting(&["fix", "a.txt"], dir.path());
        assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
        let once = std::fs::read_to_string(&path).unwrap();
        assert_ne!(once, text, "{text:?}: the doubled word is fixed");
        sunting(&["fix", "a.txt"], dir.path());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), once, "{text:?}: a second run changed the text");
    }
}

#[test]
fn fix_refuses_a_file_changed_meanwhile() {
    let dir = temp_with(&[("a.md", b"Berhenti !!\n")]);
    let path = dir.path().join("a.md");
    let err = sunting::cli::write_atomically(&path, b"something else", b"new").unwrap_err();
    assert!(err.contains("changed"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"Berhenti !!\n");
}

#[test]
fn rules_and_explain() {
    let dir = tempfile::tempdir().unwrap();
    let out = sunting(&["rules"], dir.path());
    let text = String::from_utf8_lossy(&out.stdout);
    for rule in sunting::rules::REGISTRY {
        assert!(text.contains(rule.meta().code), "{}", rule.meta().code);
    }
    let rules = json(&sunting(&["rules", "--format", "json"], dir.path()));
    // The built-in rules, then the shipped house styles (no sunting.toml here).
    assert_eq!(rules.as_array().unwrap().len(), sunting::rules::REGISTRY.len() + sunting::style::Styles::default().len());
    assert!(text.contains("names/exonym"));
    let explain = sunting(&["explain", "names/exonym"], dir.path());
    assert!(String::from_utf8_lossy(&explain.stdout).contains("id-default.toml"));
    let explain = sunting(&["explain", "typography/time-format"], dir.path());
    assert!(String::from_utf8_lossy(&explain.stdout).contains("EYD V"));
    assert_eq!(sunting(&["explain", "typography/nope"], dir.path()).status.code(), Some(2));
}

/// README's rule table lists exactly the registered rules.
#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let listed: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .filter(|c| c.contains('/'))
        .collect();
    // `sunting rules` without a configuration: the built-in rules, then the shipped house styles.
    let registered: Vec<&str> = sunting::rules::REGISTRY
        .iter()
        .copied()
        .chain(sunting::style::Styles::default().iter())
        .map(|r| r.meta().code)
        .collect();
    assert_eq!(listed, registered, "README's rule tables are out of date");
}

/// A newsroom's style file named in sunting.toml: checked, listed, explained, and its errors
/// located in the style file.
#[test]
fn house_style_from_the_configuration() {
    let style = "language = \"id\"\n\n[[rule]]\ncode = \"style/oknum\"\ntype = \"existence\"\nignore-case = true\nmessage = \"Hindari '{match}'\"\ntokens = [\"oknum\"]\n";
    let dir = temp_with(&[
        ("sunting.toml", b"styles = [\"gaya/redaksi.toml\"]\n"),
        ("gaya/redaksi.toml", style.as_bytes()),
        ("a.md", "Oknum polisi itu terbang ke Moscow.\n".as_bytes()),
    ]);
    let report = json(&sunting(&["check", "--format", "json", "a.md"], dir.path()));
    let codes: Vec<&str> = report["files"][0]["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(codes.contains(&"spelling/oknum") && codes.contains(&"names/exonym"), "{codes:?}");
    let rules = String::from_utf8_lossy(&sunting(&["rules"], dir.path()).stdout).to_string();
    assert!(rules.contains("spelling/oknum"), "{rules}");
    let explain = sunting(&["explain", "spelling/oknum"], dir.path());
    assert!(String::from_utf8_lossy(&explain.stdout).contains("redaksi.toml"));

    std::fs::write(dir.path().join("gaya/redaksi.toml"), "[[rule]]\ncode = \"oknum\"\ntype = \"existence\"\n").unwrap();
    let out = sunting(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("redaksi.toml:2:8:"), "{stderr}");
}

#[test]
fn jsonl_streams_one_finding_a_line_in_path_order() {
    let many: Vec<(String, &[u8])> = (0..40).map(|i| (format!("news/{i:02}.md"), ARTICLE.as_bytes())).collect();
    let files: Vec<(&str, &[u8])> = many.iter().map(|(n, b)| (n.as_str(), *b)).chain([("clean.md", b"Semua baik.\n" as &[u8])]).collect();
    let dir = temp_with(&files);
    let out = sunting(&["check", "--format", "jsonl", "-j", "3", "news", "clean.md", "nope.md"], dir.path());
    assert_eq!(out.status.code(), Some(2), "a missing file is an error");
    let lines: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let report = json(&sunting(&["check", "--format", "json", "news", "clean.md"], dir.path()));
    let expected: Vec<&Value> = report["files"].as_array().unwrap().iter().flat_map(|f| f["diagnostics"].as_array().unwrap()).collect();
    let findings: Vec<&Value> = lines.iter().filter(|l| l.get("code").is_some()).collect();
    assert_eq!(findings.len(), expected.len());
    for (line, diagnostic) in findings.iter().zip(&expected) {
        assert_eq!(line["code"], diagnostic["code"]);
        assert_eq!(line["span"], diagnostic["span"]);
        assert_eq!(line["language"], "id");
    }
    let paths: Vec<&str> = findings.iter().map(|l| l["path"].as_str().unwrap()).collect();
    assert!(paths.windows(2).all(|w| w[0] <= w[1]), "files in order: {paths:?}");
    // Paths that name nothing are known before any file is checked, so they come first.
    assert_eq!(lines[0], serde_json::json!({"path": "nope.md", "error": "no such file or folder"}));
}

#[test]
fn jsonl_input_gives_one_result_line_per_article_in_order() {
    let dir = temp_with(&[]);
    let mut input = String::new();
    for i in 0..30 {
        let (text, lang) = if i % 2 == 0 { (ARTICLE, "id") } else { ("The goverment said so .\n", "en") };
        input.push_str(&serde_json::json!({"id": i, "text": text, "language": lang}).to_string());
        input.push('\n');
    }
    input.push_str("{\"id\": \"x\", \"text\": \"Tanpa bahasa yang ditetapkan.\"}\n\nnot json\n");
    let out = sunting_stdin(&["check", "--jsonl-input", "-j", "2", "--fail-on", "never"], dir.path(), input.as_bytes());
    assert_eq!(out.status.code(), Some(2), "a bad line is reported: {}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 32, "one line per article and per bad line; blank lines skipped");
    for (i, line) in lines.iter().take(30).enumerate() {
        assert_eq!(line["id"], i);
        assert_eq!(line["language"], if i % 2 == 0 { "id" } else { "en" });
        let one = sunting_stdin(&["check", "--format", "json", "--language", line["language"].as_str().unwrap(), "-"], dir.path(), (if i % 2 == 0 { ARTICLE } else { "The goverment said so .\n" }).as_bytes());
        assert_eq!(line["diagnostics"], json(&one)["files"][0]["diagnostics"], "article {i}");
    }
    assert_eq!(lines[30]["id"], "x");
    assert_eq!(lines[30]["language"], "id");
    assert_eq!(lines[31]["line"], 33);
    assert!(lines[31]["error"].as_str().unwrap().starts_with("not an article object"));
    let wrong = sunting_stdin(&["check", "--jsonl-input", "--format", "json"], dir.path(), b"");
    assert_eq!(wrong.status.code(), Some(2));
}

/// Every exclusion is limited to the project and documented; a file named on the command line is
/// always checked; a run that checked nothing fails unless allowed.
#[test]
fn exclusions_stay_inside_the_project_and_an_empty_run_fails() {
    let dir = temp_with(&[("repo/articles/a.md", ARTICLE.as_bytes()), ("repo/articles/.draft.md", ARTICLE.as_bytes())]);
    std::fs::create_dir(dir.path().join("repo/.git")).unwrap();
    let repo = dir.path().join("repo");
    let files = |out: &std::process::Output| json(out)["summary"]["files"].as_u64().unwrap();
    // An `.ignore` file is not an exclusion source.
    std::fs::write(repo.join("articles/.ignore"), "*.md\n").unwrap();
    assert_eq!(files(&sunting(&["check", "--format", "json", "articles"], &repo)), 1);
    // Neither a configuration nor a .gitignore above the repository applies inside it.
    std::fs::write(dir.path().join("sunting.toml"), "ignore = [\"**\"]\n").unwrap();
    std::fs::write(dir.path().join(".gitignore"), "*.md\n").unwrap();
    assert_eq!(files(&sunting(&["check", "--format", "json", "articles"], &repo)), 1);
    assert_eq!(files(&sunting(&["check", "--format", "json", "articles/a.md"], &repo)), 1);
    // The repository's own .gitignore applies to a walk of a folder below it.
    std::fs::write(repo.join(".gitignore"), "articles/a.md\n").unwrap();
    let out = sunting(&["check", "articles"], &repo);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article was checked"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(sunting(&["check", "--allow-empty", "articles"], &repo).status.code(), Some(0));
    // A file named explicitly is checked, hidden, git-ignored or globbed away or not.
    std::fs::write(repo.join("sunting.toml"), "ignore = [\"articles/**\"]\n").unwrap();
    assert_eq!(files(&sunting(&["check", "--format", "json", "articles/a.md", "articles/.draft.md"], &repo)), 2);
    // An invalid glob is a configuration error.
    std::fs::write(repo.join("sunting.toml"), "ignore = [\"[\"]\n").unwrap();
    let out = sunting(&["check", "articles/a.md"], &repo);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid ignore glob"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn sarif_uris_are_percent_encoded() {
    let dir = temp_with(&[("my article #1 100%.md", ARTICLE.as_bytes())]);
    let sarif = json(&sunting(&["check", "--format", "sarif", "my article #1 100%.md"], dir.path()));
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "my%20article%20%231%20100%25.md");
}

/// The human format shows a window of a long line per finding and escapes what a terminal
/// would obey.
#[test]
fn human_output_is_bounded_and_terminal_safe() {
    let line = |n: usize| "Polisi datang ke lokasi dan warga berteriak , kata dia . ".repeat(n) + "\n";
    let output_bytes = |n: usize| {
        let dir = temp_with(&[("line.md", line(n).as_bytes())]);
        let out = sunting(&["check", "--color", "never", "line.md"], dir.path());
        let text = String::from_utf8(out.stdout).unwrap();
        let findings = text.matches("-->").count();
        assert!(findings >= n, "{findings} findings for {n} sentences");
        // No printed line is much longer than the window.
        assert!(text.lines().all(|l| l.chars().count() < 400), "a long line was printed whole");
        (text.len(), findings)
    };
    let (small, small_findings) = output_bytes(500);
    let (large, large_findings) = output_bytes(1_000);
    // Output grows with the findings, not with findings times the line's length.
    assert!(large * small_findings <= small * large_findings * 11 / 10, "{small} bytes for {small_findings} findings, {large} for {large_findings}");

    let evil = "Warga berteriak “Berhenti !!” lalu pergi. \x1b]0;PWNED\x07\x1b[8mtersembunyi\x1b[0m\x1b[1A\x1b[2K\u{202e}balik\u{9b}31m\n";
    let dir = temp_with(&[("esc.md", evil.as_bytes())]);
    let out = sunting(&["check", "--color", "never", "esc.md"], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("doubled-punctuation"), "{text}");
    for c in ['\x1b', '\x07', '\u{202e}', '\u{9b}'] {
        assert!(!text.contains(c), "{c:?} reached the terminal: {text}");
    }
    assert!(text.contains("␛]0;PWNED␇"), "{text}");
}

/// `fix --check` and `fix --diff` gate CI as `cargo fmt --check` does: exit 1 with fixes
/// pending, 0 without, and neither writes.
#[test]
fn fix_check_and_diff_exit_1_when_fixes_are_pending() {
    let dirty = "Warga berteriak Berhenti !! lalu pergi.\n";
    let clean = "Warga pergi ke pasar.\n";
    let dir = temp_with(&[("a.md", dirty.as_bytes()), ("b.md", clean.as_bytes())]);
    let out = sunting(&["fix", "--check", "a.md", "b.md"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("a.md") && !listed.contains("b.md"), "{listed}");
    assert_eq!(sunting(&["fix", "--check", "b.md"], dir.path()).status.code(), Some(0));
    let diff = sunting(&["fix", "--diff", "a.md"], dir.path());
    assert_eq!(diff.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&diff.stdout).contains("+Warga berteriak Berhenti! lalu pergi."));
    assert_eq!(sunting(&["fix", "--diff", "b.md"], dir.path()).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), dirty, "--check and --diff write nothing");
    // Fixed for real, the gate opens.
    assert_eq!(sunting(&["fix", "a.md"], dir.path()).status.code(), Some(0));
    assert_eq!(sunting(&["fix", "--check", "a.md"], dir.path()).status.code(), Some(0));
}

/// The concise format: one line a finding, `path:line:column: severity code message`, then the
/// summary; severities are named as in every other format (`info`, not `note`).
#[test]
fn concise_format_is_one_line_a_finding() {
    let text = "Judul\n\nPolisi datang.\nWarga berteriak Berhenti !! lalu pergi.\n";
    let dir = temp_with(&[("a.md", text.as_bytes())]);
    let out = sunting(&["check", "--format", "concise", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let json = json(&sunting(&["check", "--format", "json", "a.md"], dir.path()));
    let diags = json["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(lines.len(), diags.len() + 1, "{stdout}");
    for (line, d) in lines.iter().zip(diags) {
        let (l, c) = (d["range"]["start"]["line"].as_u64().unwrap() + 1, d["range"]["start"]["character"].as_u64().unwrap() + 1);
        let expected = format!("a.md:{l}:{c}: {} {} {}", d["severity"].as_str().unwrap(), d["code"].as_str().unwrap(), d["message"].as_str().unwrap());
        assert_eq!(*line, expected);
    }
    assert!(lines.last().unwrap().contains("in 1 file"));
    let human = String::from_utf8_lossy(&sunting(&["check", "--format", "human", "--color", "never", "a.md"], dir.path()).stdout).to_string();
    assert!(!human.contains("note["), "{human}");
}

/// `--select` keeps only the rules or categories named, `--ignore` leaves some out, both over
/// the configuration's own `[severity]`; an unknown name is a usage error.
#[test]
fn select_and_ignore_rules_on_the_command_line() {
    let text = "Warga berteriak Berhenti !! lalu pergi ke pasar pasar.\n";
    let config = "[severity]\n\"typography/doubled-punctuation\" = \"error\"\n";
    let dir = temp_with(&[("a.md", text.as_bytes()), ("sunting.toml", config.as_bytes())]);
    let codes = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "--format", "json", "--fail-on", "never"];
        all.extend_from_slice(args);
        all.push("a.md");
        let out = sunting(&all, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        json(&out)["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
    };
    let all = codes(&[]);
    assert!(all.iter().any(|c| c == "typography/doubled-punctuation") && all.iter().any(|c| c == "typography/doubled-word"), "{all:?}");
    let only = codes(&["--select", "typography/doubled-word"]);
    assert!(!only.is_empty() && only.iter().all(|c| c == "typography/doubled-word"), "{only:?}");
    let category = codes(&["--select", "typography", "--ignore", "typography/doubled-punctuation,typography/doubled-word"]);
    assert!(category.iter().all(|c| c.starts_with("typography/") && c != "typography/doubled-punctuation" && c != "typography/doubled-word"), "{category:?}");
    assert!(!category.is_empty(), "other typography findings stay: {category:?}");
    // The configuration raised doubled-punctuation to error; --ignore still turns it off.
    assert!(!codes(&["--ignore", "typography/doubled-punctuation"]).iter().any(|c| c == "typography/doubled-punctuation"));
    let bad = sunting(&["check", "--select", "typography/nope", "a.md"], dir.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("typography/nope"));
}

/// The option lines of a `--help` text and whether each has a description, on its line (after
/// two spaces) or on the next, indented further.
fn options_without_help(help: &str) -> Vec<String> {
    let lines: Vec<&str> = help.lines().collect();
    let mut missing = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        // `--long` or `-s, --long`; not a possible value's `- name: help` line.
        let is_option = trimmed.starts_with("--") || (trimmed.starts_with('-') && trimmed.as_bytes().get(1).is_some_and(u8::is_ascii_alphanumeric));
        if !is_option || !line.starts_with("  ") {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let same_line = trimmed.split_once("  ").is_some_and(|(_, rest)| !rest.trim().is_empty());
        let next_line = lines.get(i + 1).is_some_and(|next| {
            let t = next.trim_start();
            !t.is_empty() && next.len() - t.len() > indent && !t.starts_with('-')
        });
        if !same_line && !next_line {
            missing.push(trimmed.to_string());
        }
    }
    missing
}

#[test]
fn check_usage_requires_paths_and_every_option_is_described() {
    let dir = temp_with(&[("a.md", ARTICLE.as_bytes())]);
    let help = sunting(&["check", "--help"], dir.path());
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    assert!(help.contains("Usage: sunting check"), "{help}");
    assert!(help.contains("<PATHS>..."), "{help}");
    assert!(!help.contains("[PATHS]"), "paths are shown as required: {help}");
    for shown in ["[default: warning]", "[default: auto]", "human:", "concise:", "sarif:", "hint:", "never:", "always:", "-j, --jobs", "id: Indonesian"] {
        assert!(help.contains(shown), "{shown} missing from:\n{help}");
    }
    assert!(help.matches("\n      --").count() + help.matches("\n  -").count() >= 12, "the options are listed: {help}");
    for command in ["check", "fix", "rules", "explain", "lsp", "completions", "man"] {
        for flag in ["--help", "-h"] {
            let out = sunting(&[command, flag], dir.path());
            let text = String::from_utf8_lossy(&out.stdout);
            assert_eq!(options_without_help(&text), Vec::<String>::new(), "sunting {command} {flag}:\n{text}");
        }
    }
    // The parser is not blind: an option line without a description is caught.
    assert_eq!(options_without_help("Options:\n      --bare\n  -h, --help  Print help\n"), vec!["--bare".to_string()]);

    // clap itself requires the paths; `-` and --jsonl-input (no paths) still work.
    let missing = sunting(&["check"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("<PATHS>") && stderr.contains("Usage: sunting check"), "{stderr}");
    assert_eq!(sunting(&["fix"], dir.path()).status.code(), Some(2));
    assert_eq!(sunting_stdin(&["check", "-"], dir.path(), b"Harga naik naik.\n").status.code(), Some(1));
    let jsonl = sunting_stdin(&["check", "--jsonl-input"], dir.path(), b"{\"id\": 1, \"text\": \"naik naik\"}\n");
    assert_eq!(jsonl.status.code(), Some(1), "{}", String::from_utf8_lossy(&jsonl.stderr));
    assert!(String::from_utf8_lossy(&jsonl.stdout).contains("typography/doubled-word"));
    assert_eq!(sunting_stdin(&["check", "--jsonl-input", "a.md"], dir.path(), b"").status.code(), Some(2));
}

#[test]
fn completions_and_man_page_come_from_the_definition() {
    let dir = temp_with(&[]);
    let bash = sunting(&["completions", "bash"], dir.path());
    assert_eq!(bash.status.code(), Some(0));
    let bash = String::from_utf8_lossy(&bash.stdout);
    assert!(bash.contains("check") && bash.contains("--format") && bash.contains("--fail-on"), "{bash}");
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let out = sunting(&["completions", shell], dir.path());
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("--jsonl-input"), "{shell}");
    }
    assert_eq!(sunting(&["completions", "tcsh"], dir.path()).status.code(), Some(2));

    for alias in ["man", "manpage"] {
        let man = sunting(&[alias], dir.path());
        assert_eq!(man.status.code(), Some(0));
        let page = String::from_utf8_lossy(&man.stdout);
        let first_macro = page.lines().find(|l| l.starts_with(".TH") || l.starts_with(".SH")).unwrap_or("");
        assert!(first_macro.starts_with(".TH sunting 1"), "{page}");
        assert!(page.contains("check") && page.contains(".SH SUBCOMMANDS"), "{page}");
    }
    let check = sunting(&["man", "check"], dir.path());
    let page = String::from_utf8_lossy(&check.stdout);
    assert!(page.contains(".TH sunting\\-check 1") || page.contains(".TH sunting-check 1"), "{page}");
    assert!(page.contains("jsonl\\-input") && page.contains("fail\\-on"), "{page}");
    let unknown = sunting(&["man", "chek"], dir.path());
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("check"));
}

#[test]
fn explain_lists_a_category_and_suggests_the_closest_code() {
    let dir = temp_with(&[]);
    let rules: Value = serde_json::from_slice(&sunting(&["rules", "--format", "json"], dir.path()).stdout).expect("rules json");
    let rules = rules.as_array().expect("an array");
    let out = sunting(&["explain", "figures"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut figures = 0;
    for rule in rules {
        let code = rule["code"].as_str().unwrap();
        if rule["category"] == "figures" {
            figures += 1;
            assert!(text.contains(code) && text.contains(rule["summary"].as_str().unwrap()), "{code} in:\n{text}");
        } else {
            assert!(!text.contains(code), "{code} is not a figures rule:\n{text}");
        }
    }
    assert!(figures >= 2, "{text}");

    for (asked, meant) in [("typography/doubled-wrod", "typography/doubled-word"), ("doubled-word", "typography/doubled-word"), ("figuers", "figures"), ("figure", "translation/figure")] {
        let out = sunting(&["explain", asked], dir.path());
        assert_eq!(out.status.code(), Some(2), "{asked}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("did you mean {meant}")), "{asked}: {stderr}");
    }
    let far = sunting(&["explain", "zzzzzz/qqqqqq"], dir.path());
    assert_eq!(far.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&far.stderr).contains("did you mean"));
}

#[test]
fn init_writes_a_config_that_works_and_refuses_to_overwrite() {
    let dir = temp_with(&[("news/a.md", ARTICLE.as_bytes())]);
    let news = dir.path().join("news");
    let out = sunting(&["init", "news"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(news.join("sunting.toml")).unwrap();
    assert_eq!(written, sunting::config::TEMPLATE);
    // Nothing else is written.
    let mut names: Vec<_> = std::fs::read_dir(&news).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(names, ["a.md", "sunting.toml"]);
    // Checking with it as is works, and finds what having no configuration finds.
    let with = sunting(&["check", "--format", "json", "news/a.md"], dir.path());
    assert_eq!(with.status.code(), Some(1), "{}", String::from_utf8_lossy(&with.stderr));
    let plain = temp_with(&[("news/a.md", ARTICLE.as_bytes())]);
    let without = sunting(&["check", "--format", "json", "news/a.md"], plain.path());
    assert_eq!(json(&with)["files"], json(&without)["files"]);
    // A second init refuses, and leaves the file alone; --force replaces it.
    std::fs::write(news.join("sunting.toml"), "language = \"id\"\n").unwrap();
    let again = sunting(&["init"], &news);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"), "{}", String::from_utf8_lossy(&again.stderr));
    assert_eq!(std::fs::read_to_string(news.join("sunting.toml")).unwrap(), "language = \"id\"\n");
    assert_eq!(sunting(&["init", "--force"], &news).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(news.join("sunting.toml")).unwrap(), sunting::config::TEMPLATE);
    // A missing folder is an error, not a folder made.
    assert_eq!(sunting(&["init", "missing"], dir.path()).status.code(), Some(2));
    assert!(!dir.path().join("missing").exists());
}

#[cfg(unix)]
#[test]
fn init_never_writes_through_a_symbolic_link() {
    let dir = temp_with(&[("target.toml", b"keep = 1\n")]);
    std::os::unix::fs::symlink(dir.path().join("target.toml"), dir.path().join("sunting.toml")).unwrap();
    for args in [&["init"][..], &["init", "--force"][..]] {
        let out = sunting(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(std::fs::read_to_string(dir.path().join("target.toml")).unwrap(), "keep = 1\n");
    // A dangling link is refused too, not followed to create its target.
    let dangling = temp_with(&[]);
    std::os::unix::fs::symlink(dangling.path().join("elsewhere.toml"), dangling.path().join("sunting.toml")).unwrap();
    assert_eq!(sunting(&["init"], dangling.path()).status.code(), Some(2));
    assert!(!dangling.path().join("elsewhere.toml").exists());
}

#[test]
fn a_broken_config_is_reported_once_not_once_per_article() {
    let mut files: Vec<(String, &[u8])> = (1..=5).map(|i| (format!("news/a{i}.md"), ARTICLE.as_bytes())).collect();
    files.push(("news/sunting.toml".to_string(), b"[severity]\ntypography = \"loud\"\n"));
    files.push(("other/b.md".to_string(), ARTICLE.as_bytes()));
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    let dir = temp_with(&files);
    for format in ["human", "json", "concise"] {
        let out = sunting(&["check", "--format", format, "news", "other"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{format}");
        let err = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<&str> = err.lines().filter(|l| l.contains("error")).collect();
        assert_eq!(lines.len(), 1, "{format}: {err}");
        assert!(lines[0].contains("sunting.toml:2:") && lines[0].contains("no article under it is checked"), "{err}");
        if format == "json" {
            let report = json(&out);
            assert_eq!(report["errors"].as_array().map(Vec::len), Some(1), "{report}");
            // The article under a working configuration is still checked.
            let paths: Vec<&str> = report["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
            assert_eq!(paths, ["other/b.md"]);
        }
    }
    // `fix` reports it once too.
    let out = sunting(&["fix", "--diff", "news"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).matches("sunting.toml:2:").count(), 1, "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn an_unsupported_front_matter_language_is_named() {
    let french = b"---\ntitle: Essai\nlang: fr\n---\nPolisi datang ke lokasi.\n";
    let dir = temp_with(&[("fr.md", french), ("id.md", b"---\nlang: id\n---\nPolisi datang ke lokasi.\n"), ("none.md", ARTICLE.as_bytes())]);
    let out = sunting(&["check", "--format", "json", "fr.md", "id.md", "none.md"], dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(warnings[0].starts_with("fr.md: warning:") && warnings[0].contains("\"fr\"") && warnings[0].contains("checked as id instead"), "{err}");
    // It points at the value, and the JSON report keeps its shape.
    assert!(warnings[0].contains(&format!("(byte {})", french.iter().position(|&b| b == b'f').unwrap())), "{err}");
    assert_eq!(json(&out)["files"][0]["language"], "id");
}

/// The README's sample configuration is what `sunting init` writes (which parses: see the
/// config module's tests), and its table documents every key of it.
#[test]
fn readme_configuration_is_the_init_template_and_documents_every_key() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(readme.contains(&format!("```toml\n{}```\n", sunting::config::TEMPLATE)), "README's sample sunting.toml is not the init template");
    for line in sunting::config::TEMPLATE.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let key = line.split(" = ").next().unwrap();
        assert!(readme.contains(&format!("| `{key}` |")), "README's configuration table lacks {key}");
    }
}
