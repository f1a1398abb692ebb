import Foundation
import RobinModel

extension ReportMetrics {
    /// Reads metrics.json (METRICS.md, `schema_version` 1); `file` names it in errors.
    public init(json data: Data, file: String) throws(DeliveryError) {
        let root = try JSONCursor.parse(data, file: file)
        let version = try root["schema_version"].int()
        guard version == 1 else {
            throw root.problem("schema_version \(version) is not supported (this robin-report reads 1)")
        }
        let period = try ReportMetrics.period(root["period"])
        let desks = try root["desks"], rooms = try root["rooms"]
        let previous = try root["previous"]
        self.init(
            period: period,
            workdays: try root["period"]["workdays"].int(),
            current: try ReportMetrics.headline(root),
            previous: previous.isNull ? nil : try ReportMetrics.headline(previous),
            deskUtilizationByBuilding: try ReportMetrics.groups(desks["by_building"], key: "building", value: "desk_utilization"),
            roomUtilizationByBuilding: try ReportMetrics.groups(rooms["by_building"], key: "building", value: "utilization"),
            dailyPeopleByDepartment: try ReportMetrics.groups(desks["by_department"], key: "department", value: "avg_daily_people"),
            daily: try desks["daily"].elements().map { (day) throws(DeliveryError) in
                (try ReportMetrics.date(day["date"]), try day["people"].int())
            })
    }

    static func headline(_ root: JSONCursor) throws(DeliveryError) -> Headline {
        let desks = try root["desks"]["total"], rooms = try root["rooms"]["total"]
        let peak = try desks["peak_date"]
        return Headline(
            people: try desks["people"].int(),
            avgDailyPeople: try desks["avg_daily_people"].optionalDouble(),
            peakDate: peak.isNull ? nil : try date(peak),
            peakPeople: try desks["peak_people"].int(),
            deskUtilization: try desks["desk_utilization"].optionalDouble(),
            deskCheckInRate: try desks["check_in_rate"].optionalDouble(),
            noShowRate: try desks["no_show_rate"].optionalDouble(),
            policyAdherence: try desks["policy_adherence"].optionalDouble(),
            meetings: try rooms["meetings"].int(),
            roomUtilization: try rooms["utilization"].optionalDouble(),
            ghostRate: try rooms["ghost_rate"].optionalDouble(),
            roomCheckInRate: try rooms["check_in_rate"].optionalDouble())
    }

    static func period(_ cursor: JSONCursor) throws(DeliveryError) -> Period {
        let from = try date(cursor["from"]), to = try date(cursor["to"])
        guard let period = Period(from: from, to: to) else { throw cursor.problem("to (\(to)) is before from (\(from))") }
        return period
    }

    static func date(_ cursor: JSONCursor) throws(DeliveryError) -> LocalDate {
        let text = try cursor.string()
        guard let date = LocalDate(text) else { throw cursor.problem("\"\(text)\" is not a date (YYYY-MM-DD)") }
        return date
    }

    static func groups(_ cursor: JSONCursor, key: String, value: String) throws(DeliveryError) -> [GroupFigure] {
        try cursor.elements().map { (group) throws(DeliveryError) in
            GroupFigure(name: try group[key].string(), value: try group[value].optionalDouble())
        }
    }
}
