import Foundation
import Testing
import RobinAnalytics
import RobinExports
import RobinModel
import RobinPipeline

/// The derived cache (day facts beside the exports): the same reports with
/// and without it, and a later run that reads only the days that changed.
@Suite("derived facts cache")
struct DerivedCacheTests {
    /// Week 46 of 2026 (9-15 November) and the cache from the day before its
    /// trend's first week to the day after it.
    static let week = ReportPeriod.week(year: 2026, week: 46)!
    static var weekRange: [LocalDate] {
        Period(from: week.earlier(by: 7).period.from.adding(days: -1), to: week.period.to.adding(days: 1))!.dates
    }

    @Test("every period's metrics (previous and insights included) and the report are the same with and without the cache, on three seeds",
          arguments: [3, 17, 42] as [UInt64])
    func sameWithAndWithout(seed: UInt64) async throws {
        var synthetic = SyntheticCache(seed: seed)
        defer { synthetic.remove() }
        synthetic.settings.audiences = [Audience(name: "Home", buildings: [synthetic.organization.buildingNames[0]])]
        try synthetic.write(Self.weekRange)

        let without = try await RecordedRun.run { synthetic.job(Self.week, stages: $0, derivedCache: false) }
        let cold = try await RecordedRun.run { synthetic.job(Self.week, stages: $0) }
        let warm = try await RecordedRun.run { synthetic.job(Self.week, stages: $0) }
        #expect(without.outputs.count == 4)
        #expect(cold.outputs == without.outputs)
        #expect(warm.outputs == without.outputs)
        // Every cached file is read once without facts, and none once they are cached.
        for kind in ExportKind.allCases {
            #expect(without.read[kind] == Self.weekRange)
            #expect(cold.read[kind] == Self.weekRange)
        }
        #expect(warm.readNothing)
        // The trend is there: the previous week and insights come from the combined days.
        let metrics = try #require(try JSONSerialization.jsonObject(with: Data(warm.outputs[0].utf8)) as? [String: Any])
        #expect(metrics["previous"] is [String: Any])

        // Every trend period's metrics from the cached facts are those of all the range's rows read at once
        // and analysed together (`metrics`' path: one de-duplication over every file).
        let request = try #require(warm.requests.first)
        let fromFacts = try TrendAnalyzer().trendMetrics(request)
        let paths = { (kind: ExportKind) in Self.weekRange.map { synthetic.cache.path(kind: kind, date: $0) } }
        let exports = try await Exports.read(desks: paths(.desks), spaces: paths(.spaces))
        let fromRows = try Analyzer(settings: request.settings).trendMetrics(
            desks: exports.desks, events: exports.events, period: request.period, trend: request.trend,
            isAtHand: { request.atHand.contains($0) }, forward: request.forward)
        #expect(fromFacts.compactMap { $0 }.count == 8)
        #expect(fromFacts == fromRows)
    }

    @Test("a month with its trend of months is the same from the cache")
    func month() async throws {
        let synthetic = SyntheticCache(seed: 5, people: 60)
        defer { synthetic.remove() }
        let october = ReportPeriod.month(year: 2026, month: 10)!
        try synthetic.write(Period(from: LocalDate("2026-07-31")!, to: LocalDate("2026-11-01")!)!.dates)
        func job(_ stages: ReportStages, derived: Bool) -> ReportJob {
            var job = synthetic.job(october, stages: stages, derivedCache: derived)
            job.trendLength = 3
            return job
        }
        let without = try await RecordedRun.run { job($0, derived: false) }
        _ = try await RecordedRun.run { job($0, derived: true) }
        let warm = try await RecordedRun.run { job($0, derived: true) }
        #expect(warm.readNothing)
        #expect(warm.outputs == without.outputs)
    }

    @Test("a week later, the run reads only the new and refetched days and the neighbours their de-duplication needs")
    func weekLater() async throws {
        let synthetic = SyntheticCache(seed: 11)
        defer { synthetic.remove() }
        let next = ReportPeriod.week(year: 2026, week: 47)!
        let monday = next.period.from  // 16 November: fetched early the first time (provisional)
        try synthetic.write(Array(Self.weekRange.dropLast()))
        try synthetic.write([monday], overlapHours: 0)
        _ = try await RecordedRun.run { synthetic.job(Self.week, stages: $0) }

        // A week later: Monday fetched again (now with the overlap), and the new days.
        try synthetic.write(Period(from: monday, to: next.period.to.adding(days: 1))!.dates)
        let warm = try await RecordedRun.run { synthetic.job(next, stages: $0) }
        let without = try await RecordedRun.run { synthetic.job(next, stages: $0, derivedCache: false) }
        #expect(warm.outputs == without.outputs)
        let sunday = Self.week.period.to, newDays = Period(from: monday, to: next.period.to.adding(days: 1))!.dates
        // Desks: a file's facts depend on the next day's file, so Sunday 15 November is rebuilt too.
        #expect(warm.read[.desks] == [sunday] + newDays)
        // Spaces: on both sides, so Sunday is rebuilt and Saturday read for it.
        #expect(warm.read[.spaces]?.sorted() == [sunday.adding(days: -1), sunday] + newDays)
        // Without the cache: the whole range, from the day before week 40 (27 September).
        #expect(without.read[.desks] == Period(from: LocalDate("2026-09-27")!, to: next.period.to.adding(days: 1))!.dates)
    }

    @Test("facts of a trend-only date, read without their rooms one by one and saved again after a touch, are saved whole")
    func touchedTrendDay() async throws {
        let synthetic = SyntheticCache(seed: 23)
        defer { synthetic.remove() }
        try synthetic.write(Self.weekRange)
        _ = try await RecordedRun.run { synthetic.job(Self.week, stages: $0) }
        // A date of week 41: in the trend, outside the period and the previous week, so its
        // cached room facts are read without by_space. A copy: new times, the same bytes.
        let early = Self.week.earlier(by: 5)
        let csv = synthetic.cache.path(kind: .spaces, date: early.period.from)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        try FileManager.default.removeItem(atPath: csv)
        try bytes.write(to: URL(fileURLWithPath: csv))
        let touched = try await RecordedRun.run { synthetic.job(Self.week, stages: $0) }
        #expect(touched.readNothing)
        // Week 41 from the facts saved after the touch has every room: the same report as without the cache.
        let fromFacts = try await RecordedRun.run { synthetic.job(early, stages: $0) }
        let without = try await RecordedRun.run { synthetic.job(early, stages: $0, derivedCache: false) }
        #expect(fromFacts.outputs == without.outputs)
        let metrics = try #require(try JSONSerialization.jsonObject(with: Data(fromFacts.outputs[0].utf8)) as? [String: Any])
        let rooms = try #require(metrics["rooms"] as? [String: Any])
        #expect((rooms["by_space"] as? [Any])?.isEmpty == false)
    }
}
