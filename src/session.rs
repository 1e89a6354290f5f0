//! A conversation over the archive, for the REPL: questions that leave out the
//! region, the year or the metric take them from the previous question or from
//! the defaults set with `:use`. 西工区2023年政府债务余额是多少 → 其中专项债务呢？
//! → 那2024年呢？ → 限额呢？ each becomes a full question before it is asked.

use crate::answer::question::Question;
use crate::engine::Engine;
use crate::model::{Answer, Phase};
use crate::region::short_name;

/// Discourse words that open or close a follow-up.
const FOLLOW_UP_WORDS: &[&str] = &["其中", "那么", "那", "还有", "另外", "呢", "what about", "and"];

/// What the conversation is about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// The region: its short Chinese name (西工区) when the question named one
    /// report region (also in English, `Xigong`), else as the user named it.
    pub region: Option<String>,
    pub year: Option<u16>,
    /// The metric of the last question.
    pub content: Option<String>,
    pub phases: Vec<Phase>,
}

/// A REPL session.
#[derive(Debug, Clone, Default)]
pub struct Session {
    /// Defaults set with `:use`.
    pub defaults: Context,
    /// The last question's context.
    pub last: Context,
    /// Print JSON instead of text.
    pub json: bool,
}

/// Joins a follow-up's words with the previous metric: 专项债务 + 政府债务余额 →
/// 专项债务余额; 限额 + 专项债务余额 → 专项债务限额; a full metric stays as it is.
pub fn merge(previous: &str, new: &str) -> String {
    if let Some(merged) = crate::text::merge_overlap(previous, new) {
        return merged;
    }
    let chars: Vec<char> = new.chars().collect();
    let n = chars.len();
    let prev: Vec<char> = previous.chars().collect();
    if n <= 2 && prev.len() > n {
        return format!("{}{new}", prev[..prev.len() - n].iter().collect::<String>());
    }
    new.to_string()
}

fn phase_words(phases: &[Phase]) -> String {
    phases
        .iter()
        .map(|p| match p {
            Phase::Initial => "年初预算",
            Phase::Adjusted => "调整预算",
            Phase::Actual => "实际完成",
            Phase::Expected => "预计",
            Phase::Final => "决算",
            Phase::Draft => "预算草案",
            Phase::Unknown => "",
        })
        .next()
        .unwrap_or("")
        .to_string()
}

/// The region a question named, as the prompt shows it and follow-ups repeat it:
/// 西工区 for `xigong`, `西工` or 河南省洛阳市西工区.
fn region_name(q: &Question) -> Option<String> {
    match q.regions.as_slice() {
        [one] => Some(short_name(one)),
        _ => q.region_key.clone(),
    }
}

impl Session {
    /// The context shown in the prompt, e.g. `西工区 2023 政府债务余额`.
    pub fn describe(&self) -> String {
        let region = self
            .last
            .region
            .clone()
            .or(self.defaults.region.clone())
            .unwrap_or_default();
        let year = self
            .last
            .year
            .or(self.defaults.year)
            .map(|y| y.to_string())
            .unwrap_or_default();
        let content = self.last.content.clone().unwrap_or_default();
        [region, year, content]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Sets the default region and year from text such as `西工区 2023`.
    pub fn set_defaults(&mut self, engine: &Engine, text: &str) {
        let q = engine.understand(text);
        self.defaults.region = region_name(&q).or(self.defaults.region.take());
        self.defaults.year = q.year.or(self.defaults.year);
        self.last = Context::default();
    }

    /// The full question a line stands for, given the conversation so far.
    pub fn resolve(&self, engine: &Engine, line: &str) -> (String, Context) {
        let mut stripped = line.trim().to_string();
        let follow_up = FOLLOW_UP_WORDS
            .iter()
            .any(|w| stripped.starts_with(w) || stripped.trim_end_matches(['？', '?']).ends_with(w));
        for w in FOLLOW_UP_WORDS {
            stripped = stripped.replace(w, "");
        }
        let q = engine.understand(&stripped);
        let region = region_name(&q)
            .or(self.last.region.clone())
            .or(self.defaults.region.clone());
        let year = q.year.or(self.last.year).or(self.defaults.year);
        let content = match (&self.last.content, q.content.is_empty()) {
            (Some(prev), true) => prev.clone(),
            (Some(prev), false) if follow_up || q.content.chars().count() <= 4 => merge(prev, &q.content),
            _ => q.content.clone(),
        };
        let phases = if q.phases.is_empty() && (q.content.is_empty() || follow_up) {
            self.last.phases.clone()
        } else {
            q.phases.clone()
        };
        let region_text = if q.region_key.is_none() {
            region.clone().unwrap_or_default()
        } else {
            String::new()
        };
        let year_text = if q.year.is_none() {
            year.map(|y| format!("{y}年")).unwrap_or_default()
        } else {
            String::new()
        };
        let full = if q.content.is_empty() || follow_up {
            let region_text = region.clone().unwrap_or_default();
            let year_text = year.map(|y| format!("{y}年")).unwrap_or_default();
            // 同比下降多少 after a revenue question: the previous metric, with what is asked of it.
            let asks = !matches!(q.relation, crate::answer::question::Relation::Level) || q.want.is_some();
            let asked = if asks && q.year.is_none() {
                stripped.as_str()
            } else {
                ""
            };
            format!("{region_text}{year_text}{content}{}{asked}", phase_words(&phases))
        } else {
            // A question of its own: only what it leaves out is filled in.
            format!("{region_text}{year_text}{stripped}")
        };
        let context = Context {
            region,
            year,
            content: Some(content),
            phases,
        };
        (full, context)
    }

    /// Asks a line in the conversation and remembers its context.
    pub fn ask(&mut self, engine: &Engine, line: &str) -> (String, Answer) {
        let (full, context) = self.resolve(engine, line);
        let answer = engine.ask(&full);
        self.last = context;
        (full, answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_follow_ups() {
        assert_eq!(merge("政府债务余额", "专项债务"), "专项债务余额");
        assert_eq!(merge("专项债务余额", "一般债务"), "一般债务余额");
        assert_eq!(merge("专项债务余额", "限额"), "专项债务限额");
        assert_eq!(merge("一般公共预算收入", "支出"), "一般公共预算支出");
        assert_eq!(merge("一般公共预算收入", "政府债务余额"), "政府债务余额");
    }
}
