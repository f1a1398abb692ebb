import Testing
import RobinModel
import RobinTestSupport
@testable import RobinAnalytics

/// Targets and low days (docs/metrics.md "Targets", "Low days").
@Suite("Insights: targets and low days")
struct TargetAndLowDayTests {
    /// The week 2026-11-16..22: HQ floor 1 has 6 people (P0..P5, desks D0..D5) on Mon and Tue,
    /// 9 of the 12 rows checked in; Annex has 2 people (Q0, Q1) on Mon, both checked in. Room R1
    /// in HQ is booked 09:00-17:00 Mon to Wed.
    static func targetWeek() -> (ExportCSV, ExportCSV) {
        var rows = DeskRows()
        var checked = 0
        for date in ["2026-11-16", "2026-11-17"] {
            for person in 0..<6 {
                rows.add("p\(person)@x.com", desk: "D\(person)", on: date, checkedIn: checked < 9)
                checked += 1
            }
        }
        for person in 0..<2 { rows.add("q\(person)@x.com", desk: "A\(person)", on: "2026-11-16", building: "Annex", checkedIn: true) }
        var spaces = ExportCSV(.spaces)
        for (index, date) in ["2026-11-16", "2026-11-17", "2026-11-18"].enumerated() {
            spaces.add(eventRow("E\(index)", space: "R1", start: "\(date) 09:00:00", minutes: "480"))
        }
        return (rows.csv, spaces)
    }

    @Test("the org and each building against every target: met, near, missed; Annex (2 people) left out")
    func targets() throws {
        var settings = Settings()
        settings.targets = [.deskUtilization: 0.5, .roomUtilization: 0.5, .checkInRate: 0.8,
                            .avgDaysPerPerson: 2, .policyAdherence: 0.9]
        let (desks, spaces) = Self.targetWeek()
        let metrics = try #require(try analyzeTrend(desks: desks, spaces: spaces, trend: [week], settings: settings).last ?? nil)
        let checks = metrics.insights.compactMap { if case .target(let check) = $0 { check } else { nil } }
        let listed = checks.map { "\($0.measure.rawValue) \($0.group["building"] ?? "org") \($0.status.rawValue)" }
        #expect(listed == [
            "avg_days_per_person org missed",  // 14 person-days / 8 people = 1.75 < 0.9 x 2
            "avg_days_per_person HQ met",      // 12 / 6 = 2
            "check_in_rate org near",          // 11 / 14 = 0.786 >= 0.72
            "check_in_rate HQ near",           // 9 / 12 = 0.75
            "desk_utilization org missed",     // 14 desk-days / (8 desks x 5) = 0.35
            "desk_utilization HQ missed",      // 12 / (6 x 5) = 0.4 < 0.45
            "policy_adherence org missed",     // nobody comes 3 days a week
            "policy_adherence HQ missed",
            "room_utilization org met",        // 3 x 480 / (1 room x 480 x 5) = 0.6
            "room_utilization HQ met",
        ])
        #expect(Double?(checks[2].value).isClose(to: 11.0 / 14) && checks[2].target == 0.8)
        #expect(Double?(checks[8].value).isClose(to: 0.6) && checks[8].group == GroupKey([]))
    }

    @Test("no entry where the value is null; no targets, no entries")
    func nullValues() throws {
        var settings = Settings()
        settings.targets = [.roomUtilization: 0.5, .deskUtilization: 0.5]
        let (desks, _) = Self.targetWeek()
        let metrics = try #require(try analyzeTrend(desks: desks, trend: [week], settings: settings).last ?? nil)
        // No rooms at all: room utilization is null everywhere.
        #expect(metrics.insights.allSatisfy { if case .target(let check) = $0 { check.measure == .deskUtilization } else { true } })
        let plain = try #require(try analyzeTrend(desks: desks, trend: [week]).last ?? nil)
        #expect(!plain.insights.contains { $0.kind == .target })
    }

    /// Four weeks ending 2026-11-16..22; people on each workday (persons P0.. at their own desks):
    ///
    /// |          | Mon | Tue | Wed | Thu | Fri |
    /// | week 1-3 | 10  | 10  | 10  | 10, 12, 8 | 10 |
    /// | this     | 6   | 5   | 10  | 4   | 10  |
    static func lowDayWeeks() -> ExportCSV {
        var rows = DeskRows()
        for (index, period) in weeks(4).enumerated() {
            let current = index == 3
            let counts = current ? [6, 5, 10, 4, 10] : [10, 10, 10, [10, 12, 8][index], 10]
            for (offset, count) in counts.enumerated() {
                rows.add(people: count, prefix: "p", desk: "D", on: dates(week: period.from.description, [offset]))
            }
        }
        return rows.csv
    }

    static func lowDays(_ settings: Settings = Settings(), trend: [Period] = weeks(4)) throws -> [Insight.LowDay] {
        let metrics = try #require(try analyzeTrend(desks: lowDayWeeks(), trend: trend, settings: settings).last ?? nil)
        return metrics.insights.compactMap { if case .lowDay(let day) = $0 { day } else { nil } }
    }

    @Test("a workday under half the median of its weekday over the trend (this week included) is a low day")
    func lowDays() throws {
        // Thu: median of 10, 12, 8, 4 = (8 + 10) / 2 = 9, and 4 < 4.5. Mon: median of 10, 10, 10, 6 = 10,
        // 6 is not under 5. Tue: 5 is not under half of 10 (5).
        #expect(try Self.lowDays() == [Insight.LowDay(date: LocalDate("2026-11-19")!, people: 4, usual: 9)])
        // Fewer than 3 Thursdays: no check (two weeks give two).
        #expect(try Self.lowDays(trend: weeks(2)).isEmpty)
    }

    @Test("a closed date is never a low day, nor part of a usual")
    func closedDates() throws {
        var settings = Settings()
        settings.closedDates = [LocalDate("2026-11-19")!]
        #expect(try Self.lowDays(settings).isEmpty)
        // Week 1's Thursday closed: the usual is the median of 12, 8, 4 = 8, and 4 is not under 4.
        settings.closedDates = [LocalDate("2026-10-29")!]
        #expect(try Self.lowDays(settings).isEmpty)
        #expect(InsightSearch.median([12, 8, 4]) == 8 && InsightSearch.median([10, 12, 8, 4]) == 9)
    }
}
