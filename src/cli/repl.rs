//! The interactive REPL (rustyline): questions with follow-ups, `:` commands,
//! history kept in the user's data directory, tab completion of commands and
//! region names, Ctrl-C clears the line, Ctrl-D leaves. When stdin is not a
//! terminal, plain lines are read and plain answers printed, so sessions can be
//! piped and tested.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use budgetq::compare::CompareRequest;
use budgetq::engine::FactFilter;
use budgetq::index::SearchRequest;
use budgetq::session::Session;
use budgetq::Engine;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{Context, Editor, Helper, Highlighter, Hinter, Validator};

use super::render;

const COMMANDS: &[&str] = &[
    ":help", ":reports", ":use", ":search", ":facts", ":summary", ":compare", ":json", ":quit",
];

const HELP: &str = "\
Type a question, e.g. 西工区2023年政府债务余额是多少; follow-ups such as 其中专项债务呢？ or
那2024年呢？ reuse the region, year and metric of the previous question.
Commands:
  :use 西工区 2023      default region and year for questions that leave them out
  :search QUERY         search paragraphs
  :facts [METRIC]       facts of the default region/year (optionally of one metric)
  :summary [REPORT]     key figures of a report (default: the default region/year)
  :compare METRIC       one metric across the archive
  :reports              the reports in the index
  :json on|off          print JSON instead of text
  :help                 this text
  :quit                 leave (or Ctrl-D)";

#[derive(Helper, Hinter, Highlighter, Validator)]
struct ReplHelper {
    words: Vec<String>,
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let start = line[..pos].rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let word = &line[start..pos];
        let candidates = self
            .words
            .iter()
            .filter(|w| w.starts_with(word) && !word.is_empty())
            .map(|w| Pair {
                display: w.clone(),
                replacement: w.clone(),
            })
            .collect();
        Ok((start, candidates))
    }
}

fn history_path() -> Option<PathBuf> {
    let dir = dirs::data_dir()?.join("budgetq");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history.txt"))
}

/// Handles one line; `Ok(false)` means leave.
fn handle(engine: &Engine, session: &mut Session, line: &str, color: bool) -> Result<bool> {
    let line = line.trim();
    if line.is_empty() {
        return Ok(true);
    }
    let Some(command) = line.strip_prefix(':') else {
        let (full, answer) = session.ask(engine, line);
        if !session.json && full != line {
            writeln!(std::io::stdout(), "({full})")?;
        }
        render::answer(&answer, session.json, color)?;
        return Ok(true);
    };
    let (name, arg) = command.split_once(char::is_whitespace).unwrap_or((command, ""));
    let arg = arg.trim();
    match name {
        "q" | "quit" | "exit" => return Ok(false),
        "help" | "h" => writeln!(std::io::stdout(), "{HELP}")?,
        "reports" => render::reports(&engine.reports(), session.json)?,
        "json" => session.json = arg != "off",
        "use" => {
            session.set_defaults(engine, arg);
            writeln!(std::io::stdout(), "context: {}", session.describe())?;
        }
        "search" => {
            let req = SearchRequest {
                query: arg.to_string(),
                limit: 5,
                ..SearchRequest::default()
            };
            render::hits(&engine.search(&req)?, session.json, color)?;
        }
        "facts" => {
            let filter = FactFilter {
                region: session.defaults.region.clone().or(session.last.region.clone()),
                year: session.defaults.year.or(session.last.year),
                metric: (!arg.is_empty()).then(|| arg.to_string()),
                report: None,
            };
            render::facts(&engine.facts(&filter), session.json, false)?;
        }
        "summary" => {
            let region = session.defaults.region.clone().or(session.last.region.clone());
            let year = session.defaults.year.or(session.last.year);
            let report = (!arg.is_empty()).then_some(arg);
            match engine.summary(report, region.as_deref(), year) {
                Ok(s) => render::summary(&s, session.json)?,
                Err(e) => writeln!(std::io::stdout(), "{e}")?,
            }
        }
        "compare" => {
            let req = CompareRequest {
                metric: arg.to_string(),
                ..CompareRequest::default()
            };
            render::comparison(&engine.compare(&req), session.json, false)?;
        }
        other => writeln!(std::io::stdout(), "unknown command :{other}; :help lists them")?,
    }
    Ok(true)
}

/// True when the error is a closed output pipe (the reader went away).
fn is_closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Reads piped lines, one question or command each. A line that is not UTF-8
/// is reported and skipped; an error of one line is reported and the next
/// line read; a closed output pipe ends the run.
fn run_piped(engine: &Engine, session: &mut Session) -> Result<bool> {
    let mut input = std::io::stdin().lock();
    let mut bytes = Vec::new();
    let mut number = 0;
    loop {
        bytes.clear();
        if input.read_until(b'\n', &mut bytes)? == 0 {
            return Ok(true);
        }
        number += 1;
        let Ok(line) = std::str::from_utf8(&bytes) else {
            eprintln!("budgetq: input line {number} is not UTF-8 text; skipped");
            continue;
        };
        match handle(engine, session, line, false) {
            Ok(true) => {}
            Ok(false) => return Ok(true),
            Err(e) if is_closed_pipe(&e) => return Err(e),
            Err(e) => eprintln!("budgetq: {e:#}"),
        }
        let mut out = std::io::stdout().lock();
        writeln!(out)?;
        out.flush()?;
    }
}

/// Runs the REPL (or reads piped lines).
pub fn run(engine: &Engine, color: bool) -> Result<bool> {
    let mut session = Session::default();
    if !std::io::stdin().is_terminal() {
        return run_piped(engine, &mut session);
    }
    let mut words: Vec<String> = COMMANDS.iter().map(|c| c.to_string()).collect();
    for r in engine.reports() {
        words.extend(
            budgetq::region::keys(&r.region)
                .into_iter()
                .filter(|k| k.chars().count() >= 2),
        );
    }
    words.sort();
    words.dedup();
    let mut editor: Editor<ReplHelper, FileHistory> = Editor::new()?;
    editor.set_helper(Some(ReplHelper { words }));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    writeln!(
        std::io::stdout(),
        "budgetq: {} reports. Ask a question, or :help. Ctrl-D leaves.",
        engine.reports().len()
    )?;
    loop {
        let context = session.describe();
        let prompt = if context.is_empty() {
            "budgetq> ".to_string()
        } else {
            format!("[{context}] > ")
        };
        match editor.readline(&prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                match handle(engine, &mut session, &line, color) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(e) if is_closed_pipe(&e) => return Err(e),
                    Err(e) => eprintln!("budgetq: {e:#}"),
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    Ok(true)
}
