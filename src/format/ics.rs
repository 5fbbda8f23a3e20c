//! The first meetings as an iCalendar file (RFC 5545) that Outlook, Google
//! Calendar and Apple Calendar import. Written with the `ics` crate, which
//! escapes the text values we give it through `escape_text` and folds long
//! lines; it has no dependencies and adds little to the wasm.
//!
//! Times are floating (no time zone): a meeting at 15:45 is at 15:45 where
//! the calendar is, which is what a school team means. A meeting with a day
//! but no time is an all-day event. Its end is the start plus the length
//! read from "how long a meeting lasts" ("75 minutes", "1 h 30"), or one
//! hour when that says no number. Each event's UID is the meeting row's id
//! and the charter's id, so importing the file again updates the same events.

use ics::properties::{Description, DtEnd, DtStart, Summary};
use ics::{escape_text, Event, ICalendar};

use crate::charter::{parse_day, parse_time, Charter, Lang, Text};

/// The meetings that have a valid day, as an `.ics` file; `None` if there
/// is none. `stamp` is when the file is made, `YYYYMMDDTHHMMSSZ` (UTC).
pub fn meetings_ics(c: &Charter, lang: Lang, stamp: &str) -> Option<String> {
    let minutes = meeting_minutes(&c.launch.duration).unwrap_or(60);
    let title = one_line(&c.title);
    let mut calendar = ICalendar::new("2.0", "-//Coplanifier//Coplanifier//FR");
    let mut any = false;
    for m in &c.launch.meetings {
        let Some((y, mo, d)) = parse_day(&m.date) else {
            continue;
        };
        any = true;
        let day = format!("{y:04}{mo:02}{d:02}");
        let uid = format!("{}.{}@coplanifier", one_line(&m.id), one_line(&c.id));
        let mut event = Event::new(escape_text(uid), stamp.to_string());
        match start_minute(&m.time) {
            Some(start) => {
                let end = (start + minutes).min(23 * 60 + 59);
                event.push(DtStart::new(format!("{day}T{}", hhmmss(start))));
                event.push(DtEnd::new(format!("{day}T{}", hhmmss(end))));
            }
            None => {
                let mut start = DtStart::new(day);
                start.add(ics::parameters::Value::DATE);
                event.push(start);
            }
        }
        let topic = one_line(&m.topic);
        let summary = match (title.is_empty(), topic.is_empty()) {
            (false, false) => match lang {
                Lang::Fr => format!("{title} : {topic}"),
                Lang::En => format!("{title}: {topic}"),
            },
            (false, true) => title.clone(),
            (true, false) => topic.clone(),
            (true, true) => Text::new("Rencontre de la communauté", "Community meeting")
                .get(lang)
                .to_string(),
        };
        event.push(Summary::new(escape_text(summary)));
        if !c.purpose.mission.trim().is_empty() {
            event.push(Description::new(escape_text(
                c.purpose.mission.trim().to_string(),
            )));
        }
        calendar.add_event(event);
    }
    any.then(|| calendar.to_string())
}

/// `HH:MM` as minutes past midnight, `None` if it is not a time of day.
fn start_minute(time: &str) -> Option<u32> {
    parse_time(time).map(|(h, m)| u32::from(h) * 60 + u32::from(m))
}

fn hhmmss(minute: u32) -> String {
    format!("{:02}{:02}00", minute / 60, minute % 60)
}

/// How many minutes a meeting lasts, read from what the group typed:
/// "75 minutes", "90 min", "1 h 30", "2 heures", "1h". `None` if it names no
/// length (e.g. "the lunch hour"), or a length over 12 hours.
pub fn meeting_minutes(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    let mut rest = lower.as_str();
    loop {
        let start = rest.find(|ch: char| ch.is_ascii_digit())?;
        rest = &rest[start..];
        let digits = rest
            .find(|ch: char| !ch.is_ascii_digit())
            .unwrap_or(rest.len());
        let n: u32 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let total = if rest.starts_with('h') {
            // Hours, then perhaps minutes: "1 h 30", "1h30", "2 heures".
            let after = rest
                .trim_start_matches(|ch: char| ch.is_alphabetic())
                .trim_start();
            let m_digits = after
                .find(|ch: char| !ch.is_ascii_digit())
                .unwrap_or(after.len());
            let m: u32 = after[..m_digits].parse().unwrap_or(0);
            n.checked_mul(60)?.checked_add(m)?
        } else if rest.starts_with("min") {
            n
        } else {
            // A number that is not a length ("2 fois"): look further.
            continue;
        };
        return (1..=12 * 60).contains(&total).then_some(total);
    }
}

fn one_line(s: &str) -> String {
    s.split(|ch: char| ch.is_whitespace() && !matches!(ch, '\u{a0}' | '\u{202f}'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{example, RecordList};

    const STAMP: &str = "20261201T120000Z";

    #[test]
    fn lengths_read_the_way_teams_write_them() {
        assert_eq!(meeting_minutes("75 minutes, après les cours"), Some(75));
        assert_eq!(meeting_minutes("90 min"), Some(90));
        assert_eq!(meeting_minutes("1 h 30"), Some(90));
        assert_eq!(meeting_minutes("1h30 le midi"), Some(90));
        assert_eq!(meeting_minutes("2 heures"), Some(120));
        assert_eq!(meeting_minutes("2 hours"), Some(120));
        assert_eq!(meeting_minutes("2 fois par mois, 60 minutes"), Some(60));
        assert_eq!(meeting_minutes("l'heure du dîner"), None);
        assert_eq!(meeting_minutes("48 h"), None);
        assert_eq!(meeting_minutes(""), None);
        assert_eq!(meeting_minutes("99999999999999 min"), None);
    }

    #[test]
    fn the_example_gives_one_timed_event_per_meeting_with_stable_uids() {
        let c = example(Lang::Fr, "ex".into(), 1.79e12);
        let ics = meetings_ics(&c, Lang::Fr, STAMP).unwrap_or_default();
        assert!(
            ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            "{ics}"
        );
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), c.launch.meetings.len());
        assert!(ics.contains("DTSTART:20260924T154500\r\n"), "{ics}");
        assert!(
            ics.contains("DTEND:20260924T170000\r\n"),
            "75 minutes later: {ics}"
        );
        let uid = format!("UID:{}.ex@coplanifier\r\n", c.launch.meetings[0].id);
        assert!(ics.contains(&uid), "{ics}");
        // Every line is folded at 75 octets.
        for line in ics.split("\r\n") {
            assert!(line.len() <= 76, "{line}");
        }
    }

    #[test]
    fn typed_text_is_escaped_and_a_day_without_a_time_is_all_day() {
        let mut c = Charter::new("c1".into(), Lang::En, 0.0);
        c.title = "Math; grade 6, \\ team".into();
        c.add_record(RecordList::Meetings, "m1".into(), 1.0);
        c.set_record_value(RecordList::Meetings, "m1", "date", "2027-01-14".into(), 1.0);
        c.set_record_value(
            RecordList::Meetings,
            "m1",
            "topic",
            "Line one\nEND:VCALENDAR".into(),
            1.0,
        );
        c.add_record(RecordList::Meetings, "m2".into(), 1.0);
        c.set_record_value(RecordList::Meetings, "m2", "date", "next week".into(), 1.0);
        let ics = meetings_ics(&c, Lang::En, STAMP).unwrap_or_default();
        assert_eq!(
            ics.matches("BEGIN:VEVENT").count(),
            1,
            "the undated meeting is left out"
        );
        assert!(ics.contains("DTSTART;VALUE=DATE:20270114\r\n"), "{ics}");
        assert!(
            ics.contains("SUMMARY:Math\\; grade 6\\, \\\\ team: Line one END:VCALENDAR\r\n"),
            "{ics}"
        );
        assert_eq!(
            ics.matches("END:VCALENDAR").count(),
            2,
            "once as text, once as the end"
        );
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn no_dated_meeting_no_file() {
        let c = Charter::new("c".into(), Lang::Fr, 0.0);
        assert_eq!(meetings_ics(&c, Lang::Fr, STAMP), None);
    }
}
