import ArgumentParser
import Foundation
import RobinConfig
import RobinModel

/// Options shared by the commands that read the configuration file.
struct SettingsOptions: ParsableArguments {
    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: ArgumentHelp(
        "The org's time zone, an IANA id such as Europe/London (overrides the config's timezone).",
        valueName: "tz"))
    var timezone: String?

    @Option(name: .long, help: ArgumentHelp(
        "Departments with fewer people are folded into \"(small teams)\" (default 5).", valueName: "n"))
    var minGroupSize: Int?

    func validate() throws {
        if let minGroupSize, minGroupSize < 1 { throw ValidationError("--min-group-size must be at least 1") }
        if let timezone, TimeZone(identifier: timezone) == nil {
            throw ValidationError("--timezone: \"\(timezone)\" is not a time zone (use an IANA id such as Europe/London)")
        }
    }

    /// The configuration file's settings with the command-line overrides applied.
    func settings() throws -> Settings {
        var settings = try configOption.load()
        if let timezone { settings.timeZone = timezone }
        if let minGroupSize { settings.minGroupSize = minGroupSize }
        return settings
    }
}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
