import Foundation
@testable import RobinFetch
import RobinModel
import RobinSimulator
import RobinTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Provisional days (README "Fetching exports from Robin"): a day fetched less than the
/// settle time after its window ended, or today or later, is fetched again by
/// the next run; a final day never is. Driven by an injected clock.
struct ProvisionalTests {
    /// 2026-11-23 (a Monday) at `hour`:`minute` UTC.
    private func monday(_ hour: Int, _ minute: Int = 0) -> Date {
        Date(timeIntervalSince1970: 1_795_392_000 + TimeInterval(hour * 3600 + minute * 60))
    }

    private func requested(_ log: [RequestRecord]) -> [String] {
        log.filter(\.isExportRequest).compactMap(\.from).map { String($0.prefix(10)) }.sorted()
    }

    @Test func aDayFetchedEarlyIsProvisionalThenSettledByALaterFetch() async throws {
        #expect(DayWindow.localDate(of: monday(0), in: TimeZone(identifier: "UTC")!) == LocalDate("2026-11-23"))
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let days = period("2026-11-20", "2026-11-23")  // Friday..Monday
        let cacheOf = { (now: Date) in harness.configuration(now: now) }

        // Monday 03:00: Sunday ended three hours ago, Monday is today.
        let early = cacheOf(monday(3))
        _ = try await Fetcher(configuration: early, logger: SimulatorHarness.logger).fetch(days: days, kinds: [.desks])
        let cache = ExportCache(configuration: early)
        let rule = early.settleRule
        #expect(cache.state(kind: .desks, date: LocalDate("2026-11-21")!, rule: rule) == .final(fetchedAt: monday(3)))
        #expect(cache.state(kind: .desks, date: LocalDate("2026-11-22")!, rule: rule) == .provisional(fetchedAt: monday(3)))
        #expect(cache.state(kind: .desks, date: LocalDate("2026-11-23")!, rule: rule) == .provisional(fetchedAt: monday(3)))
        #expect(cache.provisionalDays(kind: .desks, in: days, rule: rule) == [LocalDate("2026-11-22")!, LocalDate("2026-11-23")!])
        let record = try String(contentsOfFile: cache.recordPath(kind: .desks, date: LocalDate("2026-11-22")!), encoding: .utf8)
        #expect(record == "{\"fetched_at\":\"2026-11-23T03:00:00Z\"}\n")

        // Monday 07:00: the plan names the two provisional days, and only they are fetched again.
        let later = cacheOf(monday(7))
        let fetcher = Fetcher(configuration: later, logger: SimulatorHarness.logger)
        let plan = try fetcher.plan(days: days, kinds: [.desks])
        #expect(plan.exports.map(\.date) == [LocalDate("2026-11-22")!, LocalDate("2026-11-23")!])
        #expect(plan.exportCount == 2 && plan.provisionalCount == 2 && plan.final == 2)
        let before = await harness.simulator.requestLog().count
        let summary = try await fetcher.fetch(days: days, kinds: [.desks])
        #expect(summary.fetched == 2 && summary.refetched == 2 && summary.fromCache == 2)
        #expect(requested(Array(await harness.simulator.requestLog().dropFirst(before))) == ["2026-11-22", "2026-11-23"])
        #expect(cache.state(kind: .desks, date: LocalDate("2026-11-22")!, rule: later.settleRule) == .final(fetchedAt: monday(7)))
        #expect(cache.state(kind: .desks, date: LocalDate("2026-11-23")!, rule: later.settleRule) == .provisional(fetchedAt: monday(7)))

        // A week later: only Monday the 23rd (fetched on its own day) again; then all are final.
        let nextWeek = cacheOf(monday(7 + 7 * 24))
        let middle = await harness.simulator.requestLog().count
        _ = try await Fetcher(configuration: nextWeek, logger: SimulatorHarness.logger).fetch(days: days, kinds: [.desks])
        #expect(requested(Array(await harness.simulator.requestLog().dropFirst(middle))) == ["2026-11-23"])
        let settled = try Fetcher(configuration: nextWeek, logger: SimulatorHarness.logger).plan(days: days, kinds: [.desks])
        #expect(settled.exportCount == 0 && settled.final == 4)

        // And a run at the same moment sends nothing.
        let last = await harness.simulator.requestLog().count
        let again = try await Fetcher(configuration: nextWeek, logger: SimulatorHarness.logger).fetch(days: days, kinds: [.desks])
        #expect(again.fetched == 0 && again.fromCache == 4)
        #expect(await harness.simulator.requestLog().count == last)
    }

    @Test func theSettleTimeComesFromTheConfiguration() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        var configuration = harness.configuration(now: monday(7))
        configuration.settleTime = .seconds(8 * 3600)
        _ = try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger)
            .fetch(days: period("2026-11-22", "2026-11-22"), kinds: [.desks])
        let state = ExportCache(configuration: configuration).state(kind: .desks, date: LocalDate("2026-11-22")!, rule: configuration.settleRule)
        #expect(state == .provisional(fetchedAt: monday(7)))  // 7 h after the end < 8 settle hours
    }

    @Test func windowsEndAtTheZonesMidnight() {
        // New York: Sunday 2026-11-22 ends at 05:00Z, so 10:30Z is 5.5 h later: provisional; 11:00Z final.
        let zone = TimeZone(identifier: "America/New_York")!
        let sunday = LocalDate("2026-11-22")!
        #expect(SettleRule(timeZone: zone, settleTime: .seconds(6 * 3600), now: monday(12)).isFinal(sunday, fetchedAt: monday(10, 30)) == false)
        #expect(SettleRule(timeZone: zone, settleTime: .seconds(6 * 3600), now: monday(12)).isFinal(sunday, fetchedAt: monday(11)) == true)
        // From the configuration's settings.
        var settings = Settings()
        settings.timeZone = "America/New_York"
        settings.settleHours = 5
        #expect(SettleRule(settings: settings, now: monday(12)).isFinal(sunday, fetchedAt: monday(10, 30)) == true)
        // Today is never final, whenever it was fetched.
        let today = DayWindow.localDate(of: monday(12), in: zone)
        #expect(SettleRule(timeZone: zone, settleTime: .zero, now: monday(12)).isFinal(today, fetchedAt: monday(12)) == false)
    }

    @Test func aCSVWithoutARecordIsJudgedByItsFileTime() throws {
        let scratch = try TemporaryFolder("robin-legacy")
        defer { scratch.remove() }
        let folder = scratch.path
        let cache = ExportCache(directory: folder, organizationID: 1, locationIDs: nil)
        let rule = SettleRule(timeZone: TimeZone(identifier: "UTC")!, settleTime: .seconds(6 * 3600), now: monday(12))
        let sunday = LocalDate("2026-11-22")!
        try cache.write(Data("a\n".utf8), kind: .desks, date: sunday, fetchedAt: monday(1))
        try FileManager.default.removeItem(atPath: cache.recordPath(kind: .desks, date: sunday))  // as before records existed

        func touch(_ date: Date) {
            var times = [timespec(tv_sec: Int(date.timeIntervalSince1970), tv_nsec: 0), timespec(tv_sec: Int(date.timeIntervalSince1970), tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, cache.path(kind: .desks, date: sunday), &times, 0)
        }
        touch(monday(5))  // written 5 h after Sunday ended: too early to be final
        #expect(cache.state(kind: .desks, date: sunday, rule: rule) == .provisional(fetchedAt: monday(5)))
        touch(monday(7))
        #expect(cache.state(kind: .desks, date: sunday, rule: rule) == .final(fetchedAt: monday(7)))

        // An unreadable record: provisional, whatever the file time says.
        _ = FileManager.default.createFile(atPath: cache.recordPath(kind: .desks, date: sunday), contents: Data("{\"fetched".utf8))
        #expect(cache.state(kind: .desks, date: sunday, rule: rule) == .provisional(fetchedAt: nil))
    }

    @Test func theRecordIsWrittenAfterTheCSV() throws {
        // A run killed between the two renames leaves the new CSV beside the
        // previous record: an earlier time, so the day stays provisional.
        let scratch = try TemporaryFolder("robin-order")
        defer { scratch.remove() }
        let folder = scratch.path
        let cache = ExportCache(directory: folder, organizationID: 1, locationIDs: nil)
        let sunday = LocalDate("2026-11-22")!
        try cache.write(Data("old\n".utf8), kind: .desks, date: sunday, fetchedAt: monday(3))
        let csv = try #require(FileManager.default.attributesOfItem(atPath: cache.path(kind: .desks, date: sunday))[.modificationDate] as? Date)
        let record = try #require(FileManager.default.attributesOfItem(atPath: cache.recordPath(kind: .desks, date: sunday))[.modificationDate] as? Date)
        #expect(record >= csv)
    }

    @Test func aPlanEstimatesThePostBudget() {
        let exports = (0..<62).map { FetchPlan.Export(kind: .desks, date: LocalDate("2026-11-01")!.adding(days: $0), state: .missing) }
        let plan = FetchPlan(exports: exports, final: 0, postLimit: 30, postWindow: .seconds(60))
        #expect(plan.estimatedDuration == .seconds(122))  // 30 now, 30 after 61 s, 2 after 122 s
        #expect(FetchPlan(exports: Array(exports.prefix(30)), final: 0, postLimit: 30, postWindow: .seconds(60)).estimatedDuration == .zero)
    }
}
