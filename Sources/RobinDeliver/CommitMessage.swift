import RobinModel

/// The commit message of a published report: the period and three headline
/// figures in the subject line (`Measure.commitSubject`), every headline
/// measure with its change in the body (`Measure.headline`), written as the
/// report writes them, so `git log` reads as a history of the office.
struct CommitMessage {
    var metrics: MetricsDocument
    /// True when the period's folder was already in the repository.
    var updating: Bool
    /// Where the files went, relative to the repository folder (`reports/2026-W47`).
    var path: String
    /// The names of the audience reports published with it (under `<path>/audiences/`).
    var audiences: [String] = []

    var text: String {
        let previous = metrics.previous, name = metrics.name
        let figures = Measure.commitSubject.map { "\($0.shortLabel) \($0.text(in: metrics))" }
        let subject = "\(updating ? "Update" : "Add") workplace report for \(name.label) (\(figures.joined(separator: ", ")))"
        let body = Measure.headline.map { measure in
            var line = "\(measure.label): \(measure.textWithNote(in: metrics))"
            if previous != nil {
                line += "; previous \(measure.text(in: previous)), \(measure.change(from: previous, to: metrics)?.text ?? "no change to show")"
            }
            return line
        }
        let comparison = previous == nil ? "no previous period at hand" : "changes against the previous period"
        let workdays = metrics.workdays.map { ", \(Figures.count($0)) workdays" } ?? ""
        return ([subject, ""] + body + [
            "",
            "Period \(metrics.period.from) to \(metrics.period.to)\(workdays); \(comparison).",
            "Files: \(path)/",
        ] + (audiences.isEmpty ? [] : ["Audiences: \(audiences.joined(separator: ", ")) (\(path)/audiences/)"]))
            .joined(separator: "\n") + "\n"
    }
}
