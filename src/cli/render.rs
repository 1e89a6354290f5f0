//! Rendering results for people (text, colour on a terminal) and for scripts
//! (JSON, CSV). Everything goes to stdout; messages go to stderr elsewhere.

use std::io::Write;

use anyhow::Result;
use budgetq::compare::Comparison;
use budgetq::export::{self, csv_field};
use budgetq::index::search::mark;
use budgetq::index::Hit;
use budgetq::model::{Answer, Fact, ReportMeta};
use budgetq::summary::{Figure, Summary};

const HIGHLIGHT: (&str, &str) = ("\x1b[1;31m", "\x1b[0m");
const DIM: (&str, &str) = ("\x1b[2m", "\x1b[0m");

fn out() -> std::io::StdoutLock<'static> {
    std::io::stdout().lock()
}

fn print_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<()> {
    writeln!(out(), "{}", serde_json::to_string_pretty(value)?)?;
    Ok(())
}

fn paint(text: &str, style: (&str, &str), color: bool) -> String {
    if color {
        format!("{}{text}{}", style.0, style.1)
    } else {
        text.to_string()
    }
}

/// Search hits.
pub fn hits(hits: &[Hit], json: bool, color: bool) -> Result<()> {
    if json {
        return print_json(&export::hits_json(hits));
    }
    let mut o = out();
    for (i, h) in hits.iter().enumerate() {
        writeln!(
            o,
            "{}. {} [{}]  {}",
            i + 1,
            h.title,
            h.report,
            paint(&format!("score {:.2}", h.score), DIM, color)
        )?;
        if !h.section.is_empty() {
            writeln!(o, "   {}", paint(&h.section.join(" › "), DIM, color))?;
        }
        let snippet = if color {
            mark(&h.fragment, &h.highlights, HIGHLIGHT.0, HIGHLIGHT.1)
        } else {
            mark(&h.fragment, &h.highlights, "【", "】")
        };
        writeln!(o, "   {snippet}\n")?;
    }
    Ok(())
}

/// Why a command found nothing: one line, on stdout for people, on stderr
/// when stdout carries JSON or CSV.
pub fn nothing(reason: &str, machine: bool) -> Result<()> {
    if machine {
        eprintln!("budgetq: {reason}");
    } else {
        writeln!(out(), "not found: {reason}")?;
    }
    Ok(())
}

/// Report list.
pub fn reports(reports: &[ReportMeta], json: bool) -> Result<()> {
    if json {
        return print_json(&export::reports_json(reports));
    }
    let mut o = out();
    let mut table = comfy_table::Table::new();
    table.set_header(["id", "region", "years", "kind", "date", "title"]);
    for r in reports {
        table.add_row([
            r.id.as_str(),
            r.region.as_str(),
            &r.years.to_string(),
            r.kind.as_str(),
            r.date.as_deref().unwrap_or("-"),
            r.title.as_str(),
        ]);
    }
    writeln!(o, "{table}")?;
    Ok(())
}

/// Fact list.
pub fn facts(facts: &[Fact], json: bool, csv: bool) -> Result<()> {
    if json {
        return print_json(&export::facts_json(facts));
    }
    let mut o = out();
    if csv {
        // A BOM so that spreadsheet programs read the Chinese text as UTF-8.
        write!(o, "\u{feff}")?;
        writeln!(
            o,
            "id,parent_id,report,region,year,metric,phase,relation,value,unit,value_yuan,approx,suspect,paragraph,sentence"
        )?;
        for f in facts {
            let row = [
                f.id(),
                f.parent_id().unwrap_or_default(),
                f.report.clone(),
                f.region.clone(),
                f.year.map(|y| y.to_string()).unwrap_or_default(),
                f.metric.clone(),
                f.phase.label().to_string(),
                f.relation.clone(),
                f.value.normalize().to_string(),
                f.unit.clone(),
                f.yuan.map(|y| y.normalize().to_string()).unwrap_or_default(),
                f.approx.to_string(),
                f.suspect.clone().unwrap_or_default(),
                f.paragraph.to_string(),
                f.sentence.clone(),
            ];
            writeln!(o, "{}", row.iter().map(|s| csv_field(s)).collect::<Vec<_>>().join(","))?;
        }
        return Ok(());
    }
    for f in facts {
        let year = f.year.map(|y| format!("{y}年")).unwrap_or_default();
        let relation = if f.relation.is_empty() {
            String::new()
        } else {
            format!(" {}", f.relation)
        };
        writeln!(
            o,
            "{year} {} {}{relation} [{}]: {}{}  ({})",
            f.region,
            f.metric,
            f.phase.label(),
            f.written,
            f.unit,
            f.report
        )?;
    }
    Ok(())
}

/// An answer.
pub fn answer(answer: &Answer, json: bool, color: bool) -> Result<()> {
    if json {
        return print_json(answer);
    }
    let mut o = out();
    match &answer.answer {
        Some(a) => {
            writeln!(o, "{}", paint(&format!("{}{}", a.value, a.unit), HIGHLIGHT, color))?;
            writeln!(o, "{}", a.text)?;
        }
        None => {
            let reason = answer.reason.as_deref().unwrap_or("no fact answers this question");
            // The next step: the candidates below, else where to look.
            let next = if !answer.candidates.is_empty() {
                ""
            } else if reason.contains("holds no report") {
                "; `budgetq reports` lists what the archive holds"
            } else {
                "; `budgetq search WORDS` finds the paragraphs, `budgetq facts --metric WORD` the stated figures"
            };
            writeln!(o, "not found: {reason}{next}")?;
            if !answer.candidates.is_empty() {
                writeln!(o, "closest candidates:")?;
                for c in answer.candidates.iter().take(5) {
                    let year = c.year.map(|y| format!("{y}年")).unwrap_or_default();
                    writeln!(
                        o,
                        "  {}{} ({year} {} {} {}) [{}]",
                        c.value, c.unit, c.region, c.metric, c.phase, c.report
                    )?;
                }
            }
        }
    }
    for s in &answer.sources {
        writeln!(o)?;
        writeln!(o, "source: {} [{}]", s.title, s.report)?;
        if !s.section.is_empty() {
            writeln!(o, "  {}", paint(&s.section.join(" › "), DIM, color))?;
        }
        let sentence = match s.highlight {
            Some((a, b)) if color => mark(&s.sentence, &[(a, b)], HIGHLIGHT.0, HIGHLIGHT.1),
            Some((a, b)) => mark(&s.sentence, &[(a, b)], "【", "】"),
            None => s.sentence.clone(),
        };
        writeln!(o, "  {sentence}")?;
    }
    Ok(())
}

fn figure_line(f: &Figure) -> String {
    let year = f.year.map(|y| format!("{y}年 ")).unwrap_or_default();
    let change = f.change.as_ref().map(|c| format!("，{c}")).unwrap_or_default();
    format!("{year}{}（{}）：{}{}{change}", f.metric, f.phase, f.value, f.unit)
}

/// A report summary.
pub fn summary(s: &Summary, json: bool) -> Result<()> {
    if json {
        return print_json(s);
    }
    let mut o = out();
    writeln!(o, "{} [{}]  {} {}", s.title, s.report, s.region, s.years)?;
    for b in &s.budgets {
        writeln!(o, "\n{}", b.budget)?;
        for f in &b.figures {
            writeln!(o, "  {}", figure_line(f))?;
        }
        for m in &b.missing {
            writeln!(o, "  {m}: not stated")?;
        }
    }
    writeln!(o, "\n政府债务")?;
    if s.debt.is_empty() {
        writeln!(o, "  not stated")?;
    }
    for f in &s.debt {
        writeln!(o, "  {}", figure_line(f))?;
    }
    if !s.highlights.is_empty() {
        writeln!(o, "\n要点")?;
        for h in &s.highlights {
            writeln!(o, "  - {h}")?;
        }
    }
    if !s.risks.is_empty() {
        writeln!(o, "\n风险与困难")?;
        for r in &s.risks {
            writeln!(o, "  - {r}")?;
        }
    }
    Ok(())
}

/// A comparison table: one row per region and year, one column per phase.
pub fn comparison(c: &Comparison, json: bool, csv: bool) -> Result<()> {
    if json {
        return print_json(c);
    }
    let mut o = out();
    if csv {
        write!(o, "{}", export::comparison_csv(c))?;
        if let Some(reason) = &c.reason {
            eprintln!("budgetq: {reason}");
        }
        return Ok(());
    }
    let unit = c.unit.clone().unwrap_or_default();
    if let Some(reason) = &c.reason {
        writeln!(o, "not found: {reason}")?;
        return Ok(());
    }
    let mut header = vec!["region".to_string(), "year".to_string()];
    header.extend(c.phases.iter().map(|p| {
        if unit.is_empty() {
            p.clone()
        } else {
            format!("{p} ({unit})")
        }
    }));
    header.push("report".to_string());
    let mut table = comfy_table::Table::new();
    table.set_header(header);
    let mut keys: Vec<(&str, u16)> = c.rows.iter().map(|r| (r.region.as_str(), r.year)).collect();
    keys.dedup();
    for (region, year) in keys {
        let rows: Vec<_> = c.rows.iter().filter(|r| r.region == region && r.year == year).collect();
        let mut line = vec![region.to_string(), year.to_string()];
        for p in &c.phases {
            line.push(
                rows.iter()
                    .find(|r| &r.phase == p)
                    .map(|r| {
                        r.normalized
                            .map(|v| v.to_string())
                            .unwrap_or_else(|| format!("{}{}", r.value, r.unit))
                    })
                    .unwrap_or_else(|| "-".to_string()),
            );
        }
        let mut reports: Vec<&str> = rows.iter().map(|r| r.report.as_str()).collect();
        reports.dedup();
        line.push(reports.join(", "));
        table.add_row(line);
    }
    writeln!(o, "{table}")?;
    let mut named: Vec<&str> = c
        .rows
        .iter()
        .map(|r| r.metric.as_str())
        .filter(|m| *m != c.metric)
        .collect();
    named.sort_unstable();
    named.dedup();
    if !named.is_empty() {
        writeln!(o, "{} as the reports name it: {}", c.metric, named.join(", "))?;
    }
    if !c.missing.is_empty() {
        writeln!(o, "not stated in: {}", c.missing.join(", "))?;
    }
    Ok(())
}
