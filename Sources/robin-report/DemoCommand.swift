import ArgumentParser
import Foundation
import RobinDemo

/// `robin-report demo`: the real fetch -> analyze -> render path against the
/// built-in simulator, no token and no network (the wiring is `RobinDemo.Demo`).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a sample report from the built-in Robin API simulator (no token, no network).",
        discussion: """
            Starts the simulator on 127.0.0.1 with a synthetic organisation (three buildings in \
            three time zones), fetches nine weeks of daily exports through the real client with a \
            fast clock, and writes the last complete week's report with eight weeks of trends to \
            Output/demo/ (or --output), with the reports of two audiences: "London site" (the \
            London building) and "Engineering" (the department), under <week>/audiences/. Around \
            that week the organisation has a story (a strike, a public holiday, a team away, a floor \
            emptying, an all-hands ahead), so every part of the report's opening has something to say.
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

    func validate() throws {
        if let week { _ = try PeriodArgument.week(week) }
        guard people > 0 else { throw ValidationError("--people must be positive") }
    }

    func run() async throws {
        let demo = Demo(output: output, week: try week.map(PeriodArgument.week), seed: seed, people: people)
        let quiet = self.quiet
        let result = try await demo.run(announce: { line in
            if !quiet { FileHandle.standardError.write(Data("demo: \(line)\n".utf8)) }
        })
        guard !quiet else { return }
        for report in result.reports {
            let whose = report.audience.map { "audience \"\($0.name)\"" } ?? "\"\(result.organizationName)\""
            print("demo: \(result.period.title) for \(whose): \(report.folder)/report.html")
        }
    }
}
