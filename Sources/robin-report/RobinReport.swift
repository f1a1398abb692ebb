import ArgumentParser

/// `robin-report`: Robin Analytics exports in, a hybrid-work report out.
@main
struct RobinReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robin-report",
        abstract: "Turn Robin's Analytics API exports into a hybrid-work report for leadership.",
        version: "0.1.0",
        subcommands: [FetchCommand.self, SimulateCommand.self]
    )
}
