import Foundation
import RobinFetch
import RobinModel
import RobinSimulator
import Testing

/// The fetcher against the simulator over real HTTP on loopback.
struct FetchTests {
    @Test func weekHappyPath() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let configuration = harness.configuration(timeZone: "America/New_York")
        let week = period("2026-11-16", "2026-11-22")

        let summary = try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger).fetch(days: week)

        #expect(summary.total == 14)
        #expect(summary.fetched == 14)
        #expect(summary.fromCache == 0)
        let cache = ExportCache(configuration: configuration)
        #expect(cache.root.hasSuffix("/cache/42/all"))
        let timeZone = TimeZone(identifier: "America/New_York")!
        for kind in ExportKind.allCases {
            #expect(cache.cachedDays(kind: kind, in: week) == week.dates)
            #expect(cache.missingDays(kind: kind, in: week).isEmpty)
            for date in week.dates {
                let window = DayWindow(date: date, timeZone: timeZone)
                let expected = TinyDataSource().export(kind, fromUTC: window.fromUTC, toUTC: window.toUTC, locationIDs: nil)
                #expect(cache.read(kind: kind, date: date) == Data(expected.utf8))
                #expect(cache.path(kind: kind, date: date).hasSuffix("/cache/42/all/\(kind)/\(date).csv"))
            }
        }
        let log = await harness.simulator.requestLog()
        let posts = log.filter(\.isExportRequest)
        #expect(posts.count == 14)
        #expect(posts.allSatisfy { $0.status == 202 })
        #expect(Set(posts.compactMap(\.from)).contains("2026-11-16T00:00:00-05:00"))
        #expect(log.filter { $0.method == "GET" && $0.status == 200 }.count == 14)
    }

    @Test func locationIDsGoToTheRequestAndTheCacheKey() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let configuration = harness.configuration(locationIDs: [2, 1, 2])
        _ = try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger).fetch(days: period("2026-11-16", "2026-11-16"), kinds: [.desks])
        let cache = ExportCache(configuration: configuration)
        #expect(cache.root.hasSuffix("/42/1-2"))
        #expect(cache.contains(kind: .desks, date: LocalDate("2026-11-16")!))
        #expect(!cache.contains(kind: .spaces, date: LocalDate("2026-11-16")!))
    }

    @Test func badRequestShowsRobinsMessage() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let configuration = harness.configuration(locationIDs: [999])
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger).fetch(days: period("2026-11-16", "2026-11-17"))
        }
        let text = try #require(error).description
        #expect(error?.httpStatus == 400)
        #expect(text.contains("HTTP 400 Bad Request"))
        #expect(text.contains("unknown location_ids 999"))
        #expect(text.contains("export for 2026-11-1"))
        #expect(!text.contains("\n"))
        #expect(error?.isConfigurationError == false)
    }

    @Test func refusedTokenIsOneLineWithoutTheToken() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let wrong = "tok-WRONG-secret-7777"
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: harness.configuration(token: wrong), logger: SimulatorHarness.logger).fetch(days: period("2026-11-16", "2026-11-16"))
        }
        let text = try #require(error).description
        #expect(text.contains("HTTP 401"))
        #expect(text.contains("refused the API token"))
        #expect(!text.contains(wrong))
        #expect(!String(reflecting: error!).contains(wrong))
        #expect(!text.contains("\n"))
    }

    @Test func exportNotReadyBeforeTheDeadlineNamesDayAndKind() async throws {
        let harness = try await SimulatorHarness.start(readiness: .seconds(60))
        defer { Task { await harness.stop() } }
        let configuration = harness.configuration(deadline: .milliseconds(400))
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger).fetch(days: period("2026-11-18", "2026-11-18"), kinds: [.spaces])
        }
        let text = try #require(error).description
        #expect(text.contains("spaces export for 2026-11-18"))
        #expect(text.contains("not ready"))
        #expect(text.contains("deadline"))
    }

    @Test func slowReadinessWithinTheDeadlineSucceeds() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(.slowReadiness(.milliseconds(700)), on: .post)
        let started = ContinuousClock.now
        let summary = try await Fetcher(configuration: harness.configuration(), logger: SimulatorHarness.logger)
            .fetch(days: period("2026-11-18", "2026-11-18"), kinds: [.desks])
        #expect(summary.fetched == 1)
        #expect(ContinuousClock.now - started >= .milliseconds(700))
        // Every poll before the CSV was a 404. (How many there were depends on
        // how busy the machine is, so it is not counted.)
        let log = await harness.simulator.requestLog()
        let post = try #require(log.first { $0.isExportRequest })
        let gets = log.filter { $0.method == "GET" }
        #expect(gets.last?.status == 200)
        #expect(gets.dropLast().allSatisfy { $0.status == 404 })
        let ready = try #require(gets.last)
        #expect(ready.at - post.at >= .milliseconds(700))
    }

    @Test func pastDaysComeFromTheCacheButTodayIsFetchedAgain() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let configuration = harness.configuration(today: LocalDate("2026-11-18"))
        let days = period("2026-11-16", "2026-11-19")  // two past days, today, tomorrow
        _ = try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger).fetch(days: days)
        let firstRun = await harness.simulator.requestLog().filter(\.isExportRequest).count
        #expect(firstRun == 8)

        let summary = try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger).fetch(days: days)

        #expect(summary.fromCache == 4)
        #expect(summary.fetched == 4)
        let again = await harness.simulator.requestLog().filter(\.isExportRequest).dropFirst(firstRun)
        #expect(Set(again.compactMap(\.from)) == ["2026-11-18T00:00:00+00:00", "2026-11-19T00:00:00+00:00"])
        #expect(again.count == 4)
    }
}
