import Foundation
import RobinModel

/// The short human summary `metrics` prints without --json.
struct MetricsSummary {
    let metrics: Metrics

    var text: String {
        let d = metrics.desks.total, r = metrics.rooms.total
        var lines = [
            "Period \(metrics.period.from) to \(metrics.period.to) (\(metrics.workdays) workdays)",
            "",
            "Desks",
            row("people in office", "\(d.people)"),
            row("avg daily attendance", number(d.avgDailyPeople)),
            row("peak day", d.peakDate.map { "\($0) (\(d.peakPeople) people)" } ?? "-"),
            row("desk utilization", percent(d.deskUtilization)),
            row("check-in rate", percent(d.checkInRate)),
            row("no-show rate", percent(d.noShowRate)),
            row("policy adherence", percent(d.policyAdherence)),
            "",
            "Rooms",
            row("meetings", "\(r.meetings) of \(r.events) events"),
            row("room utilization", percent(r.utilization)),
            row("ghost-meeting rate", percent(r.ghostRate)),
            row("check-in rate", percent(r.checkInRate)),
        ]
        if !metrics.desks.byBuilding.isEmpty {
            lines += ["", "By building (desks)"]
            for group in metrics.desks.byBuilding {
                lines.append(row(group.key["building"] ?? "", "\(group.figures.people) people, utilization \(percent(group.figures.deskUtilization))"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ label: String, _ value: String) -> String {
        "  " + label.padding(toLength: 22, withPad: " ", startingAt: 0) + value
    }

    private func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.1f%%", value * 100)
    }

    private func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.1f", value)
    }
}
