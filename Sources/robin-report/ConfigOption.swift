import ArgumentParser
import Foundation
import RobinConfig
import RobinModel

/// `--config FILE`, and the rule for finding the configuration without it.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Configuration file (TOML; default: robin-report.toml in the working directory, if present).",
        valueName: "file"))
    var config: String?

    /// The configuration file's settings; the defaults when there is none.
    func load() throws -> Settings {
        if let config { return try ConfigLoader.load(path: config) }
        if FileManager.default.fileExists(atPath: "robin-report.toml") { return try ConfigLoader.load(path: "robin-report.toml") }
        return Settings()
    }
}
