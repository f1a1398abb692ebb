/// The two sentences a report opens with, and its email's first paragraph and
/// preheader: who came in, and how desks and rooms were used. Worded once,
/// from metrics.json, so the report and its email say the same.
public enum ReportSummary {
    /// "59 people came to the office, 32.8 on an average workday, most on
    /// Tuesday (41). Desks were 67.1% used and rooms 41.7% of business hours;
    /// 9.8% of meetings were ghost meetings."
    public static func text(_ document: MetricsDocument) -> String {
        let desks = document.desks.total, rooms = document.rooms.total
        guard (desks.reservations ?? 0) > 0 || (rooms.events ?? 0) > 0 else {
            return "No desk reservations or room bookings were found for this period."
        }
        var text = "\(Figures.count(desks.people ?? 0)) people came to the office, "
            + "\(Figures.decimal(desks.avgDailyPeople)) on an average workday"
        if let peak = desks.peakDate {
            text += ", most on \(DateWords.weekdayNames[peak.isoWeekday - 1]) (\(Figures.count(desks.peakPeople ?? 0)))"
        }
        text += ". Desks were \(Figures.percent(desks.deskUtilization)) used and rooms "
            + "\(Figures.percent(rooms.utilization)) of business hours"
        if let ghost = rooms.ghostRate { text += "; \(Figures.percent(ghost)) of meetings were ghost meetings" }
        return text + "."
    }
}
