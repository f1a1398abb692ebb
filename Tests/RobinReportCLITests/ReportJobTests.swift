import Foundation
import Logging
import Synchronization
import Testing
import RobinFetch
import RobinModel
import RobinPipeline
import RobinRender
import RobinSimulator
import RobinSynthetic
import RobinTestSupport

/// The report job against the simulator over loopback, with a chosen "today":
/// what it fetches for the trends, and which period it compares with.
@Suite("report job against the simulator", .serialized)
struct ReportJobTests {
    /// A simulator serving a small synthetic organisation, a scratch folder and the settings that go with it.
    struct Setup {
        let simulator: RobinAPISimulator
        let baseURL: URL
        let scratch: TemporaryFolder
        let settings: Settings
        /// Robin's clock and the fetcher's: 12:00 UTC of the job's today (07:00 in New York).
        let clock: SharedClock
        static let token = "report-job-test-token"

        static func start() async throws -> Setup {
            let clock = SharedClock()
            let organization = SyntheticOrganization(seed: 5, people: 60)
            let simulator = RobinAPISimulator(
                configuration: SimulatorConfiguration(
                    tokens: [token], postLimit: 1000, postWindow: .seconds(60), readinessDelay: .milliseconds(20),
                    knownLocationIDs: Set(organization.locationIDs), clock: { clock.now }),
                dataSource: organization)
            let url = try await simulator.start()
            let scratch = try TemporaryFolder("robin-job")
            let folder = scratch.path
            var settings = Settings()
            settings.organizationID = 1
            settings.timeZone = organization.timeZoneIdentifier
            for (building, zone) in organization.buildingTimeZones {
                settings.buildings[building] = Settings.Building(timeZone: zone)
            }
            settings.cacheDirectory = folder + "/cache"
            settings.outputDirectory = folder + "/Output"
            return Setup(simulator: simulator, baseURL: url, scratch: scratch, settings: settings, clock: clock)
        }

        /// The job for `period` on `today` (its clock at 12:00 UTC that day), fetching through the real client.
        func job(_ period: ReportPeriod, today: LocalDate, history: Int = 8) throws -> ReportJob {
            let noon = Date(timeIntervalSince1970: Double(today.daysSinceEpoch) * 86_400 + 12 * 3600)
            clock.set(noon)
            var logger = Logger(label: "report-job-tests")
            logger.logLevel = .error
            let fetcher = Fetcher(configuration: FetchConfiguration(
                baseURL: baseURL, organizationID: 1, cacheDirectory: settings.cacheDirectory,
                timeZone: TimeZone(identifier: settings.timeZone)!, token: APIToken(Setup.token)!,
                pollInterval: .milliseconds(20), postLimit: 1000, today: today, now: { noon }), logger: logger)
            var job = ReportJob(period: period, settings: settings, cache: fetcher.cache, fetcher: fetcher, today: today,
                                stages: .production(templates: try .builtIn(), outputDirectory: settings.outputDirectory))
            job.history = history
            return job
        }

        /// The local dates of the exports POSTed (and accepted) since the log had `skip` entries, per kind.
        func postedDays(after skip: Int) async -> (count: Int, dates: Set<String>, kinds: [String: Int]) {
            let log = await simulator.requestLog().dropFirst(skip)
            let posts = log.filter { $0.method == "POST" && (200..<300).contains($0.status) }
            var kinds: [String: Int] = [:]
            for post in posts { kinds[(post.path as NSString).lastPathComponent, default: 0] += 1 }
            return (posts.count, Set(posts.compactMap { $0.from.map { String($0.prefix(10)) } }), kinds)
        }

        /// The cached export of one day.
        func cachePath(_ kind: ExportKind, _ date: String) -> String {
            ExportCache(directory: settings.cacheDirectory, organizationID: 1, locationIDs: nil)
                .path(kind: kind, date: LocalDate(date)!)
        }

        func stop() async {
            await simulator.stop()
            scratch.remove()
        }
    }

    /// Runs `body` with a started setup, stopping it afterwards.
    static func withSetup(_ body: (Setup) async throws -> Void) async throws {
        let setup = try await Setup.start()
        do {
            try await body(setup)
        } catch {
            await setup.stop()
            throw error
        }
        await setup.stop()
    }

    /// The cells of the headline row of `measure` in `markdown`: measure, value, previous, change, trend.
    static func headline(_ measure: String, in markdown: String) -> [String]? {
        markdown.split(separator: "\n").first { $0.hasPrefix("| \(measure) |") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    static func dates(_ from: String, _ to: String) -> Set<String> {
        Set(Period(from: LocalDate(from)!, to: LocalDate(to)!)!.dates.map(\.description))
    }

    /// A clock the test sets, read by the simulator (what an export holds) and the fetcher.
    final class SharedClock: Sendable {
        private let time = Mutex(Date(timeIntervalSince1970: 0))
        var now: Date { time.withLock { $0 } }
        func set(_ date: Date) { time.withLock { $0 = date } }
    }

    /// Collects the job's announcements.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func add(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test("a first run fetches the 8 trend weeks the cache lacks, saying so first; a run a week later fetches only the new days")
    func history() async throws {
        try await Self.withSetup { setup in
            let announced = Lines()

            // Monday 23 November 2026: the report of week 47 with an empty cache.
            let first = try setup.job(.week(year: 2026, week: 47)!, today: LocalDate("2026-11-23")!)
            // Both exports of 58 days, and the desk bookings of the 7 days after that ahead.
            #expect(try first.fetcher!.plan(first.fetchRanges).exportCount == 2 * 58 + 7)
            let folder = try await first.run(announce: announced.add)[0].folder
            let firstPosts = await setup.postedDays(after: 0)
            // Week 40 (from 28 September) to week 47, a day more on each side, and the desk
            // bookings of the week ahead (23-29 November), a day more too.
            #expect(firstPosts.dates == Self.dates("2026-09-27", "2026-11-30"))
            #expect(firstPosts.kinds == ["desks": 65, "spaces": 58])
            #expect(announced.all == ["fetching 123 daily exports (2026-09-27 to 2026-11-30): "
                + "under a minute at 1000 POSTs a minute"])
            // Every one of the 8 trend weeks has data from the first run on: a sparkline without gaps (·).
            let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
            let trend = try #require(Self.headline("People in the office", in: markdown)?.last)
            #expect(trend.count == 8 && !trend.contains("·"), "trend \(trend)")
            // Monday 23 November was read (a building's local date can be a day off) while it was today.
            #expect(markdown.contains("Provisional days (fetched before Robin had settled them, or not yet over; the next run "
                + "fetches them again): desk reservations 2026-11-23; room events 2026-11-23."))

            // A week later: only the days since the last run (and any the fetcher counts as unsettled).
            let logged = await setup.simulator.requestLog().count
            let second = try setup.job(.week(year: 2026, week: 48)!, today: LocalDate("2026-11-30")!)
            let plan = try second.fetcher!.plan(second.fetchRanges)
            _ = try await second.run(announce: announced.add)
            let secondPosts = await setup.postedDays(after: logged)
            // 23 November (fetched that day) and the desk days ahead fetched last week were
            // provisional, so they come again; the days before are final.
            #expect(secondPosts.dates.isSuperset(of: Self.dates("2026-11-23", "2026-12-07")))
            #expect(secondPosts.dates.isSubset(of: Self.dates("2026-11-23", "2026-12-07")), "refetched settled days: \(secondPosts.dates.sorted())")
            #expect(secondPosts.count == plan.exportCount, "the announced count is not what was fetched")
            #expect(announced.all.last?.hasPrefix("fetching \(plan.exportCount) daily exports (2026-11-23 to 2026-12-07") == true)
        }
    }

    @Test("every day a report reads is a day its fetch asks for, so a rerun after later weeks were fetched renders the same bytes")
    func readsOnlyWhatItFetches() async throws {
        try await Self.withSetup { setup in
            // Run at least 8 days after the period, so that every day read is over; with
            // the default history (the whole trend). What is read is known once the job has
            // fetched (the desk bookings ahead are read when they are all cached).
            for (period, today) in [(ReportPeriod.week(year: 2026, week: 37)!, "2026-11-30"), (.month(year: 2026, month: 10)!, "2026-11-09")] {
                let job = try setup.job(period, today: LocalDate(today)!)
                _ = try await job.run()
                for (kind, read) in [(ExportKind.desks, job.readRanges.desks), (.spaces, job.readRanges.spaces)] {
                    let fetched = Set(job.fetchRanges.filter { $0.kinds.contains(kind) }.flatMap { $0.days.dates })
                    let unfetched = read.dates.filter { !fetched.contains($0) }
                    #expect(unfetched.isEmpty, "\(period) \(kind): read but never fetched: \(unfetched.map(\.description))")
                }
            }
        }
    }

    @Test("--history 0 fetches only the period and the previous one (and the desk bookings of the week ahead)")
    func noHistory() async throws {
        try await Self.withSetup { setup in
            _ = try await setup.job(.week(year: 2026, week: 47)!, today: LocalDate("2026-11-23")!, history: 0).run()
            #expect(await setup.postedDays(after: 0).dates == Self.dates("2026-11-08", "2026-11-30"))
        }
    }

    @Test("a monthly report compares with the previous calendar month: its headline Previous is the trend's previous point")
    func monthlyPrevious() async throws {
        try await Self.withSetup { setup in
            let folder = try await setup.job(.month(year: 2026, month: 11)!, today: LocalDate("2026-12-07")!, history: 2).run()[0].folder
            let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
            #expect(markdown.contains("workdays · compared with October 2026\n"))

            // The headline row's Previous cell: | People in the office | <November> | <previous> | ...
            func headline(_ measure: String) -> String? { Self.headline(measure, in: markdown)?[2] }
            // The trend chart's summary: "...: 41 in Nov, up from 39 in Oct; ..."
            func trendPrevious(_ title: String) -> String? {
                guard let line = markdown.split(separator: "\n").first(where: { $0.hasPrefix("![\(title), recent periods:") }),
                      let from = line.range(of: " from "), let month = line.range(of: " in Oct", range: from.upperBound..<line.endIndex)
                else { return nil }
                return String(line[from.upperBound..<month.lowerBound])
            }
            let people = try #require(headline("People in the office"))
            #expect(trendPrevious("People in the office") == people.replacingOccurrences(of: ",", with: ""))
            let utilization = try #require(headline("Desk utilization"))
            #expect(trendPrevious("Desk utilization") == utilization)

            // metrics.json's previous is October, 1 to 31.
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/metrics.json"))) as? [String: Any]
            let period = (json?["previous"] as? [String: Any])?["period"] as? [String: Any]
            #expect(period?["from"] as? String == "2026-10-01")
            #expect(period?["to"] as? String == "2026-10-31")
        }
    }

    @Test("a Monday job run early, then a week later, gives its weeks the numbers of a settled cache")
    func mondayTwice() async throws {
        try await Self.withSetup { monday in
            try await Self.withSetup { settled in
                let week48 = ReportPeriod.week(year: 2026, week: 48)!
                // Monday 23 November at 07:00 in New York: week 47's report. Monday itself
                // (week 48's first day) is read for buildings west of New York and cached early.
                _ = try await monday.job(.week(year: 2026, week: 47)!, today: LocalDate("2026-11-23")!).run()
                let early = try Data(contentsOf: URL(fileURLWithPath: monday.cachePath(.desks, "2026-11-23")))
                // A week later: week 48's report.
                let weekly = try await monday.job(week48, today: LocalDate("2026-11-30")!).run()[0].folder
                // The same report from a cache fetched once everything had settled.
                let reference = try await settled.job(week48, today: LocalDate("2026-12-14")!).run()[0].folder

                let final = try Data(contentsOf: URL(fileURLWithPath: settled.cachePath(.desks, "2026-11-23")))
                #expect(early != final, "fetched at 07:00, Monday should lack the day's later check-ins")
                #expect(try Data(contentsOf: URL(fileURLWithPath: monday.cachePath(.desks, "2026-11-23"))) == final,
                        "the early Monday was not fetched again once settled")
                let (mine, theirs) = (try Self.figures(weekly), try Self.figures(reference))
                for key in ["desks", "rooms", "previous"] {
                    let same = mine[key] != nil && mine[key] == theirs[key]
                    #expect(same, "metrics.json's \(key) differs from the settled cache's")
                }
            }
        }
    }

    /// The top-level values of a report folder's metrics.json, each as canonical JSON text.
    static func figures(_ folder: String) throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/metrics.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try object.mapValues { value in
            String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
        }
    }
}
