//! Every `budgetq …` example of README.md runs as written: the test extracts
//! the commands (lines of code blocks, `$ budgetq …` included, and inline
//! `` `budgetq …` `` spans), skips usage lines with placeholders (`QUESTION`,
//! `PATH...`, `[--json]`, `…`), and runs each against the shipped corpus on a
//! temporary index from the project folder. A command exits 0 unless the README
//! documents another code after it (`# exit 1: …`).

mod common;

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// One example: its arguments (after `budgetq`) and the exit code the README promises.
#[derive(Debug)]
struct Example {
    line: String,
    args: Vec<String>,
    code: i32,
    /// For a `$ budgetq …` line: the output the README shows under it (lines without `…`).
    shown: Vec<String>,
}

/// Splits a command line into words, honouring '…' and "…" quotes.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                any = true;
            }
            (None, c) if c.is_whitespace() => {
                if any || !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
                any = false;
            }
            (None, c) => word.push(c),
        }
    }
    if any || !word.is_empty() {
        out.push(word);
    }
    out
}

/// True for usage syntax rather than an example: placeholders in capitals, options in brackets, ellipses.
fn is_usage(args: &[String]) -> bool {
    // `budgetq ingest` named in prose, without what to read.
    args == ["ingest"]
        || args.iter().any(|a| {
            a.contains(['[', ']', '|', '…'])
                || a.ends_with("...")
                || (a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
        })
}

fn example(command: &str) -> Option<Example> {
    let (command, comment) = command.split_once('#').map_or((command, ""), |(c, m)| (c, m));
    let code = comment
        .trim()
        .strip_prefix("exit ")
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
        .unwrap_or(0);
    let all = words(command.trim());
    let args: Vec<String> = match all.first().map(String::as_str) {
        Some("budgetq") => all[1..].to_vec(),
        Some("target/release/budgetq") => all[1..].to_vec(),
        _ => return None,
    };
    (!is_usage(&args)).then(|| Example {
        line: command.trim().to_string(),
        args,
        code,
        shown: Vec::new(),
    })
}

fn readme_examples() -> (Vec<Example>, usize) {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut found: Vec<Example> = Vec::new();
    let mut usage = 0;
    let mut in_code = false;
    // Collecting the output shown under a `$ budgetq …` line.
    let mut showing = false;
    for line in readme.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            showing = false;
            continue;
        }
        if in_code && showing && !line.starts_with("$ ") {
            if let Some(last) = found.last_mut() {
                if !line.contains('…') && !line.trim().is_empty() {
                    last.shown.push(line.trim().to_string());
                }
            }
            continue;
        }
        showing = in_code && line.starts_with("$ budgetq");
        let mut candidates: Vec<String> = Vec::new();
        if in_code {
            let l = line.trim().trim_start_matches("$ ");
            if l == "budgetq" || l.starts_with("budgetq ") || l.starts_with("target/release/budgetq ") {
                candidates.push(l.to_string());
            }
        } else {
            // Inline code spans.
            for (i, span) in line.split('`').enumerate() {
                if i % 2 == 1 && (span == "budgetq" || span.starts_with("budgetq ")) {
                    candidates.push(span.to_string());
                }
            }
        }
        for c in candidates {
            match example(&c) {
                Some(e) => found.push(e),
                None => usage += 1,
            }
        }
    }
    (found, usage)
}

#[test]
fn readme_examples_are_found() {
    let (examples, usage) = readme_examples();
    assert!(examples.len() >= 15, "{examples:?}");
    assert!(usage >= 5, "usage lines are recognised");
    assert!(examples.iter().any(|e| e.args == ["summary"]));
    assert!(examples.iter().any(|e| e.code == 1));
    assert!(examples
        .iter()
        .any(|e| e.shown.iter().any(|l| l.contains("[xigong-2023]"))));
    assert_eq!(words("ask 'a b' \"c\" d"), ["ask", "a b", "c", "d"]);
}

#[test]
fn readme_examples_run_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let index = TempDir::new().unwrap();
    let budgetq = || {
        let mut cmd = Command::cargo_bin("budgetq").unwrap();
        cmd.current_dir(root)
            .env("BUDGETQ_INDEX", index.path())
            .env_remove("BUDGETQ_CORPUS")
            .env("NO_COLOR", "1")
            .write_stdin("");
        cmd
    };
    budgetq()
        .arg("ingest")
        .arg(common::shipped_corpora())
        .assert()
        .success();
    let (examples, _) = readme_examples();
    let mut failures = Vec::new();
    for e in &examples {
        let out = budgetq().args(&e.args).output().unwrap();
        if out.status.code() != Some(e.code) {
            failures.push(format!(
                "`{}` exited {:?}, README says {}: {}{}",
                e.line,
                out.status.code(),
                e.code,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        for want in &e.shown {
            if !stdout.contains(want.as_str()) {
                failures.push(format!("`{}` does not print the README's `{want}`: {stdout}", e.line));
            }
        }
        if e.code == 1 {
            // Finding nothing comes with a reason.
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            if !all.contains("not found") && !all.contains("budgetq: ") {
                failures.push(format!("`{}` found nothing without saying why: {all}", e.line));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
