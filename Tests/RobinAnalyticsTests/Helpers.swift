import Foundation
import RobinAnalytics
import RobinExports
import RobinModel
import RobinTestSupport

/// The ISO week of 2026-11-16 (Monday) to 2026-11-22 (Sunday).
let week = Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-22")!)!

/// Reads `desks` and `spaces` through real files and analyzes `period`.
func analyze(desks: ExportCSV? = nil, spaces: ExportCSV? = nil, period: Period = week,
             settings: Settings = Settings()) throws -> Metrics {
    let deskFile = try (desks ?? ExportCSV(.desks)).file(name: "desks.csv")
    let spaceFile = try (spaces ?? ExportCSV(.spaces)).file(name: "spaces.csv")
    defer { deskFile.remove(); spaceFile.remove() }
    return try Analyzer(settings: settings).metrics(
        desks: DeskExportReader.read(files: [deskFile.path]),
        events: EventExportReader.read(files: [spaceFile.path]),
        period: period)
}

/// A desk row with the fields that matter to the analytics.
func deskRow(_ reservation: String, desk: String, start: String, person: String?, department: String = "Eng",
             hours: String = "8", checkedIn: String = "", canceled: String = "", building: String = "HQ",
             floor: String = "1", type: String = "hoteled") -> [String: String] {
    ["Building": building, "Floor": floor, "Desk ID": desk, "Reservation ID": reservation, "Type": type,
     "Start (UTC)": start, "Hour Duration": hours, "Checked In At (UTC)": checkedIn, "Canceled At (UTC)": canceled,
     "Assignee Email": person ?? "", "Assignee Department": department]
}

/// A room event row with the fields that matter to the analytics.
func eventRow(_ id: String, space: String, start: String, minutes: String = "", end: String = "",
              status: String = "Confirmed", attendees: String = "", capacity: String = "",
              host: String = "", department: String = "", checkedIn: String = "", delayed: String = "",
              unbooked: String = "", building: String = "HQ", floor: String = "1") -> [String: String] {
    ["Building": building, "Floor": floor, "Space": "Room \(space)", "Space ID": space, "Event ID": id,
     "Event Status": status, "Started At (UTC)": start, "Ended At (UTC)": end, "Minute Duration": minutes,
     "Attendees": attendees, "Capacity": capacity, "Host Robin Email": host, "Host Department": department,
     "Checked In At (UTC)": checkedIn, "Minutes Delayed": delayed, "Automatically Unbooked At (UTC)": unbooked,
     "Title": "Board prep with Ann"]
}

extension Double? {
    /// Equal within 1e-12 (both nil counts as equal).
    func isClose(to other: Double?) -> Bool {
        switch (self, other) {
        case (nil, nil): true
        case let (a?, b?): abs(a - b) < 1e-12
        default: false
        }
    }
}

/// Builds a desk export row by row with fresh reservation ids: who sat where on which date.
struct DeskRows {
    var csv = ExportCSV(.desks)
    private var next = 0

    /// One reservation at 09:00 UTC (or `time`) on `date` (YYYY-MM-DD).
    mutating func add(_ person: String, desk: String, on date: String, department: String = "Eng",
                      building: String = "HQ", floor: String = "1", time: String = "09:00:00",
                      checkedIn: Bool = false, canceled: String = "") {
        next += 1
        csv.add(deskRow("R\(next)", desk: desk, start: "\(date) \(time)", person: person, department: department,
                        checkedIn: checkedIn ? "\(date) \(time)" : "", canceled: canceled, building: building, floor: floor))
    }

    /// `people` (`prefix`0, `prefix`1, ...) each at their own desk (`desk`0, ...) on each of `dates`.
    mutating func add(people: Int, prefix: String, desk: String, on dates: [String], department: String = "Eng",
                      building: String = "HQ", floor: String = "1") {
        for date in dates {
            for index in 0..<people {
                add("\(prefix)\(index)@x.com", desk: "\(desk)\(index)", on: date, department: department,
                    building: building, floor: floor)
            }
        }
    }
}

/// The dates of ISO week `monday` + 0..<7 whose offsets are given (0 = Monday).
func dates(week monday: String, _ offsets: [Int]) -> [String] {
    offsets.map { LocalDate(monday)!.adding(days: $0).description }
}

/// Reads `desks` and `spaces` through real files and analyzes `period` with its trend.
func analyzeTrend(desks: ExportCSV? = nil, spaces: ExportCSV? = nil, period: Period = week, trend: [Period],
                  settings: Settings = Settings(), isAtHand: (Period) -> Bool = { _ in true },
                  forward: Analyzer.ForwardWindow? = nil) throws -> [Metrics?] {
    let deskFile = try (desks ?? ExportCSV(.desks)).file(name: "desks.csv")
    let spaceFile = try (spaces ?? ExportCSV(.spaces)).file(name: "spaces.csv")
    defer { deskFile.remove(); spaceFile.remove() }
    return try Analyzer(settings: settings).trendMetrics(
        desks: DeskExportReader.read(files: [deskFile.path]), events: EventExportReader.read(files: [spaceFile.path]),
        period: period, trend: trend, isAtHand: isAtHand, forward: forward)
}

/// The ISO weeks `count` - 1 ... 0 weeks before `period`'s, oldest first.
func weeks(_ count: Int, endingWith period: Period = week) -> [Period] {
    (0..<count).reversed().map { Period(from: period.from.adding(days: -7 * $0), to: period.to.adding(days: -7 * $0))! }
}
