//! Command-line interface: clap definitions (doc comments are the help) and
//! one `run` that dispatches to the [`Engine`]. Output rendering lives in
//! [`render`].

mod render;
mod repl;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use budgetq::compare::{parse_phase, CompareRequest};
use budgetq::engine::{FactFilter, IngestEvent};
use budgetq::index::SearchRequest;
use budgetq::Engine;
use clap::{Parser, Subcommand, ValueEnum};

/// Answer questions about Chinese government budget reports (预算执行情况和预算草案的报告,
/// 决算报告, 债务情况 …) with the number and the paragraph it came from.
///
/// Reports are PDFs, saved web pages or plain-text files (UTF-8 or GBK); `ingest`
/// cleans them and builds a search index with their numeric facts. Query commands
/// on the empty default index first build it from the shipped `corpora/`.
///
/// Examples:
///   budgetq ask 2023年西工区政府债券实际支付利息是多少
///   budgetq search --region 西工区 政府债券利息
///   budgetq ingest ~/reports/        (add your own reports)
///   budgetq facts --region 西工区 --metric 利息 --csv > facts.csv
///   budgetq serve                    (a web page at http://127.0.0.1:8080/)
#[derive(Debug, Parser)]
#[command(name = "budgetq", version, verbatim_doc_comment)]
pub struct Cli {
    /// Index folder [default: index, built from the shipped corpora/ on first use].
    /// A folder named here (or in BUDGETQ_INDEX) is never filled by itself.
    #[arg(long, global = true, env = "BUDGETQ_INDEX")]
    pub index: Option<PathBuf>,

    /// When to colour the output.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Only when writing to a terminal.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read report files and folders (recursively) into the index: text (UTF-8
    /// or GBK), PDF (text layer) and saved web pages (.html/.htm/.shtml),
    /// recognised by content, not by name.
    ///
    /// A text file may open with a header block of `key: value` lines ending
    /// with a line `---` (keys: source, region, kind, years as 2023/2024, title,
    /// date, complete); it overrides what is inferred from the text. A report's
    /// id comes from its region, years and kind (xigong-2023), else from the
    /// file name; re-ingesting a changed file replaces its report (an unchanged
    /// one is skipped), another file wanting the same id gets a suffix (-2), and
    /// a copy of a stored text is not stored twice. Unreadable files (scanned
    /// PDFs, Word files, images, missing paths …) are named with the reason and
    /// skipped (exit code 2); the others are still stored. Everything is stored
    /// in one commit: an interrupted ingest leaves the index as it was. A second
    /// ingest on the same index waits.
    Ingest {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Replace the whole index with these files (the old one stays until this succeeds).
        #[arg(long)]
        rebuild: bool,
        /// Only list what would be stored under which id; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// No progress bar.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Remove reports from the index by id (see `budgetq reports`).
    Remove {
        /// Report ids.
        #[arg(required = true)]
        reports: Vec<String>,
    },
    /// Search paragraphs by keywords; "quoted text" must appear as a phrase.
    Search {
        /// The query, e.g. 政府债券利息 or "专项债券利息".
        #[arg(required = true)]
        query: Vec<String>,
        /// Only reports of this region (西工区, 西工, 洛阳市西工区, xigong).
        #[arg(long)]
        region: Option<String>,
        /// Only reports covering this year (execution or draft).
        #[arg(long)]
        year: Option<u16>,
        /// Only reports of this kind (预算报告, 决算报告, 预算调整 …).
        #[arg(long)]
        kind: Option<String>,
        /// How many paragraphs to show (1 to 1000).
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=1000))]
        limit: u16,
        /// Print JSON: {"hits":[{report,title,region,years,kind,section,paragraph,score,text,snippet,heading?}]}; heading is true for a heading or list item found on its own line.
        #[arg(long)]
        json: bool,
    },
    /// List the reports in the index with their metadata.
    Reports {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the numeric facts extracted from the reports.
    Facts {
        /// Only this region.
        #[arg(long)]
        region: Option<String>,
        /// Only facts about this year.
        #[arg(long)]
        year: Option<u16>,
        /// Only this report id (see `budgetq reports`).
        #[arg(long)]
        report: Option<String>,
        /// Only metrics containing this text, e.g. 利息.
        #[arg(long)]
        metric: Option<String>,
        /// Print JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV (header row, one fact per row, value in yuan too).
        #[arg(long)]
        csv: bool,
    },
    /// Answer a question with a number and its source.
    ///
    /// Exit code 0 when answered, 1 when not found.
    Ask {
        /// The question, e.g. 2023年西工区政府债券实际支付利息是多少.
        #[arg(required = true)]
        question: Vec<String>,
        /// Print JSON: {"question","answer":null|{value,unit,text,metric,phase,year,region,report,computed},"candidates","sources"}.
        #[arg(long)]
        json: bool,
    },
    /// Key figures of a report: the four budgets by phase, the debt, a short summary and the risks it names.
    Summary {
        /// Report id (see `budgetq reports`); or use --region/--year. Not needed when the archive holds one report.
        report: Option<String>,
        /// Region of the report.
        #[arg(long)]
        region: Option<String>,
        /// Year of the report (its execution year).
        #[arg(long)]
        year: Option<u16>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// One metric across regions and years, e.g. `budgetq compare 一般公共预算收入 --csv`.
    Compare {
        /// The metric, e.g. 一般公共预算收入, 政府债务余额, 教育支出.
        metric: String,
        /// Only these regions (repeat the option).
        #[arg(long = "region")]
        regions: Vec<String>,
        /// Only figures of these years, e.g. 2020..2024 or 2023.
        #[arg(long)]
        years: Option<String>,
        /// Only this phase: 年初预算, 调整预算, 执行, 预计执行, 决算 or 预算草案 (草案, draft …).
        /// Without it every phase a report states gets its own column.
        #[arg(long)]
        phase: Option<String>,
        /// Print JSON: {"metric","unit","phases","rows":[{region,year,phase,value,unit,normalized,metric,report,sentence}],"missing","reason"?,"closest"?}.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV (one row per region, year and phase).
        #[arg(long)]
        csv: bool,
    },
    /// Interactive questions with follow-ups (also what `budgetq` alone runs).
    Repl,
    /// Serve a local web page (Ask, Search, Reports, Compare) and a JSON API.
    ///
    /// The index is opened once, read-only. Open the printed address in a
    /// browser; Ctrl-C stops the server.
    Serve {
        /// Address to listen on; anything but loopback makes the archive visible on the network.
        #[arg(long, default_value = "127.0.0.1")]
        host: std::net::IpAddr,
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Worker threads for connections (engine work runs on a separate pool).
        #[arg(long, default_value_t = 2)]
        workers: usize,
    },
}

/// Parses `2020..2024`, `2020-2024` or `2023`.
fn parse_years(text: &str) -> Result<(u16, u16)> {
    let parts: Vec<&str> = text.split(['.', '-']).filter(|s| !s.is_empty()).collect();
    let year = |s: &str| {
        s.trim()
            .parse::<u16>()
            .with_context(|| format!("not a year: {s} (use 2020..2024)"))
    };
    match parts.as_slice() {
        [one] => Ok((year(one)?, year(one)?)),
        // A reversed range (2024..2020) means the same years.
        [from, to] => {
            let (a, b) = (year(from)?, year(to)?);
            Ok((a.min(b), a.max(b)))
        }
        _ => anyhow::bail!("--years takes 2020..2024 or 2023, not {text}"),
    }
}

/// The index folder as people read it: `./index` rather than `index`.
fn shown(path: &Path) -> String {
    if path.is_relative() && !path.starts_with(".") && !path.starts_with("..") {
        format!("./{}", path.display())
    } else {
        path.display().to_string()
    }
}

/// The corpus to build the default index from: `BUDGETQ_CORPUS`, else `./corpora`
/// (the shipped one, in the project folder).
fn corpus_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BUDGETQ_CORPUS") {
        return Some(PathBuf::from(dir));
    }
    let local = PathBuf::from("corpora");
    local.is_dir().then_some(local)
}

/// The index folder used when none is named.
const DEFAULT_INDEX: &str = "index";

/// Opens the index for a query. One named with `--index` must already hold
/// reports. The default `./index` is built when empty from a corpus at hand
/// (`BUDGETQ_CORPUS` or `./corpora`), so a query run in an unrelated folder
/// never creates `./index` there.
fn open_for_query(index: Option<&Path>) -> Result<Engine> {
    if let Some(dir) = index {
        return Ok(Engine::open_filled(dir)?);
    }
    let dir = PathBuf::from(shown(Path::new(DEFAULT_INDEX)));
    let corpus = corpus_dir();
    if !dir.exists() && corpus.is_none() {
        anyhow::bail!(
            "there is no index at {}; run budgetq in the folder that holds its index, pass --index DIR \
             (or set BUDGETQ_INDEX), or build one with `budgetq --index DIR ingest PATH...`",
            dir.display()
        );
    }
    Engine::open_or_build(&dir, &corpus.unwrap_or_default(), &mut |msg| eprintln!("{msg}"))
        .with_context(|| format!("cannot open the index at {}", dir.display()))
}

/// Runs one command; `Ok(false)` means nothing was found.
pub fn run(cli: Cli) -> Result<bool> {
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let named_index = cli.index.as_deref();
    let index = named_index.unwrap_or(Path::new(DEFAULT_INDEX)).to_path_buf();
    let Some(command) = cli.command else {
        let engine = open_for_query(named_index)?;
        return repl::run(&engine, color);
    };
    match command {
        Command::Ingest {
            paths,
            rebuild,
            dry_run,
            quiet,
        } => ingest(&index, &paths, rebuild, dry_run, quiet),
        Command::Remove { reports } => {
            let mut engine =
                Engine::open(&index).with_context(|| format!("cannot open the index at {}", index.display()))?;
            let missing = engine.remove(&reports, &mut |event| {
                if let IngestEvent::Waiting = event {
                    eprintln!("budgetq: another process is writing the index; waiting for it…");
                }
            })?;
            println!("removed {} report(s)", reports.len() - missing.len());
            if !missing.is_empty() {
                eprintln!(
                    "budgetq: no such report: {} (see `budgetq reports`)",
                    missing.join(", ")
                );
            }
            Ok(missing.is_empty())
        }
        Command::Search {
            query,
            region,
            year,
            kind,
            limit,
            json,
        } => {
            let engine = open_for_query(named_index)?;
            let req = SearchRequest {
                query: query.join(" "),
                region,
                year,
                kind,
                limit: usize::from(limit),
            };
            let hits = engine.search(&req)?;
            render::hits(&hits, json, color)?;
            if hits.is_empty() {
                render::nothing(&engine.explain_no_hits(&req), json)?;
            }
            Ok(!hits.is_empty())
        }
        Command::Reports { json } => {
            let engine = open_for_query(named_index)?;
            let reports = engine.reports();
            render::reports(&reports, json)?;
            Ok(!reports.is_empty())
        }
        Command::Facts {
            region,
            year,
            report,
            metric,
            json,
            csv,
        } => {
            let engine = open_for_query(named_index)?;
            let filter = FactFilter {
                region,
                year,
                report,
                metric,
            };
            let facts = engine.facts(&filter);
            render::facts(&facts, json, csv)?;
            if facts.is_empty() {
                render::nothing(&engine.explain_no_facts(&filter), json || csv)?;
            }
            Ok(!facts.is_empty())
        }
        Command::Ask { question, json } => {
            let engine = open_for_query(named_index)?;
            let answer = engine.ask(&question.join(" "));
            render::answer(&answer, json, color)?;
            Ok(answer.answer.is_some())
        }
        Command::Summary {
            report,
            region,
            year,
            json,
        } => {
            let engine = open_for_query(named_index)?;
            let summary = engine.summary(report.as_deref(), region.as_deref(), year)?;
            render::summary(&summary, json)?;
            Ok(true)
        }
        Command::Compare {
            metric,
            regions,
            years,
            phase,
            json,
            csv,
        } => {
            let years = years.as_deref().map(parse_years).transpose()?;
            let phase = phase
                .map(|p| {
                    parse_phase(&p).with_context(|| {
                        format!("--phase takes 年初预算, 调整预算, 执行, 预计执行, 决算 or 预算草案, not {p}")
                    })
                })
                .transpose()?;
            let engine = open_for_query(named_index)?;
            let comparison = engine.compare(&CompareRequest {
                metric,
                regions,
                years,
                phase,
            });
            render::comparison(&comparison, json, csv)?;
            Ok(!comparison.rows.is_empty())
        }
        Command::Repl => {
            let engine = open_for_query(named_index)?;
            repl::run(&engine, color)
        }
        Command::Serve { host, port, workers } => {
            let engine = open_for_query(named_index)?;
            // Build the question reader now, not on the first request.
            engine.answerer();
            if !host.is_loopback() {
                eprintln!(
                    "budgetq: warning: listening on {host} makes the archive visible to other machines on the network"
                );
            }
            let reports = engine.reports().len();
            let app = budgetq::serve::app(std::sync::Arc::new(engine));
            budgetq::serve::run(app, std::net::SocketAddr::new(host, port), workers, |addr| {
                println!("budgetq: serving {reports} reports at http://{addr}/ (Ctrl-C stops)");
            })?;
            Ok(true)
        }
    }
}

/// Runs `ingest`: one stderr line per skipped file or note, a summary on stdout.
fn ingest(index: &Path, paths: &[PathBuf], rebuild: bool, dry_run: bool, quiet: bool) -> Result<bool> {
    let opened = if rebuild && !dry_run {
        Engine::create(index)
    } else {
        Engine::open(index)
    };
    let mut engine = opened.with_context(|| format!("cannot open the index at {}", index.display()))?;
    let bar = (!quiet && !dry_run && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let say = |line: String| match &bar {
        Some(bar) => bar.println(line),
        None => eprintln!("{line}"),
    };
    let started = std::time::Instant::now();
    let mut stdout = std::io::stdout().lock();
    let mut written = Ok(());
    let mut on_event = |event: IngestEvent| match event {
        IngestEvent::Read(_, _, path, id, paragraphs, facts) if dry_run => {
            if written.is_ok() {
                written = writeln!(
                    stdout,
                    "{}\t{id}\t{paragraphs} paragraphs, {facts} facts",
                    path.display()
                );
            }
        }
        IngestEvent::Read(i, n, _, id, _, _) => {
            if let Some(bar) = &bar {
                bar.set_length(n as u64);
                bar.set_position(i as u64);
                bar.set_message(id.to_string());
            }
        }
        IngestEvent::Unchanged(i, n, _) => {
            if let Some(bar) = &bar {
                bar.set_length(n as u64);
                bar.set_position(i as u64);
            }
        }
        IngestEvent::Skipped(s) => say(format!("budgetq: skipped {}: {}", s.path.display(), s.reason)),
        IngestEvent::Note(path, note) => say(format!("budgetq: note: {}: {note}", path.display())),
        IngestEvent::Waiting => say("budgetq: another process is writing the index; waiting for it…".to_string()),
    };
    let summary = if dry_run {
        engine.ingest_dry_run(paths, rebuild, &mut on_event)
    } else {
        engine.ingest(paths, rebuild, &mut on_event)?
    };
    written?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let copies = if summary.unchanged > 0 {
        format!("; {} unchanged", summary.unchanged)
    } else {
        String::new()
    } + &if summary.duplicates > 0 {
        format!("; {} copies of stored texts left out", summary.duplicates)
    } else {
        String::new()
    };
    writeln!(
        std::io::stdout(),
        "{} {} reports ({} paragraphs, {} facts) into {} in {:.2}s; skipped {}{copies}",
        if dry_run { "would ingest" } else { "ingested" },
        summary.reports,
        summary.paragraphs,
        summary.facts,
        index.display(),
        started.elapsed().as_secs_f64(),
        summary.skipped.len()
    )?;
    if !summary.skipped.is_empty() {
        anyhow::bail!(
            "{} file(s) could not be read (see above); the others were {}",
            summary.skipped.len(),
            if dry_run { "read" } else { "stored" }
        );
    }
    Ok(true)
}
