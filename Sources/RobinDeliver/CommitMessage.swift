/// The commit message of a published report: the period and headline figures
/// in the subject line, every headline KPI in the body, so `git log` reads as
/// a history of the office.
struct CommitMessage {
    var metrics: ReportMetrics
    /// True when the period's folder was already in the repository.
    var updating: Bool
    /// Where the files went, relative to the repository folder (`reports/2026-W47`).
    var path: String

    var text: String {
        let current = metrics.current, name = metrics.name
        let subject = "\(updating ? "Update" : "Add") workplace report for \(name.label) "
            + "(\(current.people) people, desks \(FigureFormat.percent(current.deskUtilization)), "
            + "rooms \(FigureFormat.percent(current.roomUtilization)))"
        var body: [String] = []
        for kpi in KPI.headline {
            var line = "\(kpi.label): \(kpi.formatted(current))"
            if let change = kpi.change(from: metrics.previous, to: current) { line += " (\(change.text))" }
            body.append(line)
        }
        let comparison = metrics.previous == nil ? "no previous period at hand" : "changes against the previous period"
        return ([subject, ""] + body + [
            "",
            "Period \(metrics.period.from) to \(metrics.period.to), \(metrics.workdays) workdays; \(comparison).",
            "Files: \(path)/",
        ]).joined(separator: "\n") + "\n"
    }
}
