import Foundation
import Logging
import RobinFetch
import RobinModel
import RobinPipeline
import RobinRender
import RobinSimulator
import RobinSynthetic

/// `robin-report demo` as a library: the built-in simulator serving a
/// synthetic organisation on loopback, the real client fetching from it with a
/// fast clock, and the report job writing the week's report, with two
/// audiences, under `output`. Around that week the organisation has a story
/// (`Storyline.demo`), so every part of the report's opening has something to
/// say. No token, no network.
public struct Demo: Sendable {
    /// Where the reports go (`Output/demo`); the export cache is its `.cache`.
    public var output: String
    /// The week to report; nil = the last complete week before today in the organisation's time zone.
    public var week: ReportPeriod?
    /// Seed of the synthetic organisation.
    public var seed: UInt64
    /// Its head count.
    public var people: Int

    public init(output: String = "Output/demo", week: ReportPeriod? = nil, seed: UInt64 = 1, people: Int = 300) {
        self.output = output
        self.week = week
        self.seed = seed
        self.people = people
    }

    /// What a demo run wrote.
    public struct Result: Sendable {
        /// The week reported.
        public var period: ReportPeriod
        /// The organisation's `Organization` column.
        public var organizationName: String
        /// The folders written, the organisation's first, then the audiences'.
        public var reports: [WrittenReport]
    }

    /// The demo's two audiences: a site (one building) and a team (one
    /// department), as a `[[audiences]]` table would give them.
    public static let audiences = [
        Audience(name: "London site", buildings: ["London"], to: [EmailAddress("london-lead@example.com")!]),
        Audience(name: "Engineering", departments: ["Engineering"], to: [EmailAddress("engineering-lead@example.com")!]),
    ]

    /// The demo's `[targets]`: desks a little short of theirs, rooms about at theirs.
    public static let targets: [TargetMeasure: Double] = [.deskUtilization: 0.6, .roomUtilization: 0.45]

    /// The week reported: `week`, else the last complete week before today in
    /// the organisation's home time zone.
    public var period: ReportPeriod {
        let home = TimeZone(identifier: SyntheticOrganization.homeTimeZoneIdentifier)!
        return week ?? .lastCompleteWeek(before: DayWindow.localDate(of: Date(), in: home))
    }

    /// The settings of `organization`'s demo: its time zones, the story's
    /// holidays as `closed_dates`, `Demo.targets`, the demo's output and cache
    /// folders, and `Demo.audiences`.
    public func settings(for organization: SyntheticOrganization, story: Storyline) -> Settings {
        var settings = Settings()
        settings.closedDates = story.holidays
        settings.targets = Self.targets
        settings.organizationID = 1
        settings.timeZone = organization.timeZoneIdentifier
        for (building, zone) in organization.buildingTimeZones {
            settings.buildings[building] = Settings.Building(timeZone: zone)
        }
        settings.outputDirectory = output
        settings.cacheDirectory = (output as NSString).appendingPathComponent(".cache")
        settings.audiences = Self.audiences
        return settings
    }

    /// Starts the simulator, runs the report job against it, and stops it.
    /// `announce` gets the fetch's announcement and the simulator's address.
    public func run(announce: @escaping (String) -> Void = { _ in }) async throws -> Result {
        // The week first: the organisation's story (a strike, a holiday, a team away, a
        // floor emptying, an all-hands ahead) happens around it, so every week's demo has
        // something in each part of the report's opening.
        let period = self.period
        let story = Storyline.demo(week: period.period)
        let organization = SyntheticOrganization(seed: seed, people: people, storyline: story)
        let settings = settings(for: organization, story: story)
        // A throwaway token: the simulator checks it like Robin would.
        let secret = "demo-\(UInt64.random(in: 1...UInt64.max))"
        let simulator = RobinAPISimulator(
            configuration: SimulatorConfiguration(
                tokens: [secret], postLimit: 600, postWindow: .seconds(60), readinessDelay: .milliseconds(50),
                knownLocationIDs: Set(organization.locationIDs)),
            dataSource: organization)
        let baseURL = try await simulator.start()
        do {
            let zone = TimeZone(identifier: settings.timeZone)!
            let fetcher = Fetcher(configuration: FetchConfiguration(
                baseURL: baseURL, organizationID: 1, cacheDirectory: settings.cacheDirectory, timeZone: zone,
                token: APIToken(secret)!, pollInterval: .milliseconds(50), postLimit: 600, postWindow: .seconds(60)),
                logger: { var logger = Logger(label: "robin-report.demo"); logger.logLevel = .error; return logger }())
            // The job fetches the eight weeks of the trends (its --history) itself; "today" is
            // the story's (the day after the week), so the demo of a given week is the same
            // whenever it runs.
            let job = ReportJob(
                period: period, settings: settings,
                cache: ExportCache(directory: settings.cacheDirectory, organizationID: 1, locationIDs: nil),
                fetcher: fetcher, today: story.today ?? period.period.to.adding(days: 1),
                stages: .production(templates: try TemplateSet.builtIn(), outputDirectory: output))
            let reports = try await job.run(announce: { announce("\($0) from the simulator at \(baseURL.absoluteString)") })
            await simulator.stop()
            return Result(period: period, organizationName: organization.organizationName, reports: reports)
        } catch {
            await simulator.stop()
            throw error
        }
    }
}
