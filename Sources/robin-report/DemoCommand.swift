import ArgumentParser
import Foundation
import Logging
import RobinFetch
import RobinModel
import RobinPipeline
import RobinRender
import RobinSimulator
import RobinSynthetic

/// `robin-report demo`: the real fetch -> analyze -> render path against the
/// built-in simulator, no token and no network.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a sample report from the built-in Robin API simulator (no token, no network).",
        discussion: """
            Starts the simulator on 127.0.0.1 with a synthetic organisation (three buildings in \
            three time zones), fetches nine weeks of daily exports through the real client with a \
            fast clock, and writes the last complete week's report with eight weeks of trends to \
            Output/demo/ (or --output). Around that week the organisation has a story (a strike, a \
            public holiday, a team away, a floor emptying, an all-hands ahead), so every part of the \
            report's opening has something to say.
            """)

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var output: String = "Output/demo"

    @Option(help: ArgumentHelp("The week to report (default: the last complete week before today).", valueName: "week"))
    var week: String?

    @Option(help: ArgumentHelp("Seed of the synthetic organisation.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Head count of the synthetic organisation.", valueName: "n"))
    var people: Int = 300

    @Flag(help: "Print only errors.")
    var quiet = false

    /// The demo's `[targets]`: desks a little short of theirs, rooms about at theirs.
    static let targets: [TargetMeasure: Double] = [.deskUtilization: 0.6, .roomUtilization: 0.45]

    func validate() throws {
        if let week { _ = try PeriodArgument.week(week) }
        guard people > 0 else { throw ValidationError("--people must be positive") }
    }

    func run() async throws {
        // The week first: the organisation's story (a holiday, a team away, a floor
        // emptying, an all-hands ahead) happens around it, so every week's demo has
        // something in each part of the report's opening.
        let home = TimeZone(identifier: SyntheticOrganization.homeTimeZoneIdentifier)!
        let period = try week.map(PeriodArgument.week) ?? .lastCompleteWeek(before: DayWindow.localDate(of: Date(), in: home))
        let story = Storyline.demo(week: period.period)
        let organization = SyntheticOrganization(seed: seed, people: people, storyline: story)
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
        // A throwaway token: the simulator checks it like Robin would.
        let secret = "demo-\(UInt64.random(in: 1...UInt64.max))"
        let token = APIToken(secret)!
        let simulator = RobinAPISimulator(
            configuration: SimulatorConfiguration(
                tokens: [secret], postLimit: 600, postWindow: .seconds(60), readinessDelay: .milliseconds(50),
                knownLocationIDs: Set(organization.locationIDs)),
            dataSource: organization)
        let baseURL = try await simulator.start()

        let zone = TimeZone(identifier: settings.timeZone)!
        let cache = ExportCache(directory: settings.cacheDirectory, organizationID: 1, locationIDs: nil)
        let fetcher = Fetcher(configuration: FetchConfiguration(
            baseURL: baseURL, organizationID: 1, cacheDirectory: settings.cacheDirectory, timeZone: zone,
            token: token, pollInterval: .milliseconds(50), postLimit: 600, postWindow: .seconds(60)),
            logger: { var logger = Logger(label: "robin-report.demo"); logger.logLevel = .error; return logger }())
        // The job fetches the eight weeks of the trends (its --history) itself.
        let job = ReportJob(period: period, settings: settings, cache: cache, fetcher: fetcher,
                            renderer: ReportRenderer(templates: try TemplateSet.builtIn()),
                            outputDirectory: output, today: story.today!)
        let quiet = self.quiet
        let announce = { (line: String) in
            if !quiet { FileHandle.standardError.write(Data("demo: \(line) from the simulator at \(baseURL.absoluteString)\n".utf8)) }
        }
        let folder: String
        do {
            folder = try await job.run(announce: announce)
        } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
        if !quiet { print("demo: \(period.title) for \"\(organization.organizationName)\": \(folder)/report.html") }
    }
}
