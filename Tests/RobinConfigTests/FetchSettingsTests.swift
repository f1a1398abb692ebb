import Testing
import RobinModel
@testable import RobinConfig

/// `[fetch]`: the fetch stage's key, `settle_hours`.
@Suite("Configuration: [fetch]")
struct FetchSettingsTests {
    @Test("settle_hours is read, and defaults to 6")
    func settleHours() throws {
        #expect(try ConfigLoader.parse("", file: "c.toml").settleHours == 6)
        #expect(try ConfigLoader.parse("[fetch]\nsettle_hours = 12\n", file: "c.toml").settleHours == 12)
        #expect(try ConfigLoader.parse("fetch = { settle_hours = 0.5 }\n", file: "c.toml").settleHours == 0.5)
    }

    @Test("a bad value or an unknown key names the key")
    func badValues() {
        for (text, expected) in [
            ("[fetch]\nsettle_hours = -1\n", "fetch.settle_hours: must be from 0 to 744"),
            ("[fetch]\nsettle_hours = \"6\"\n", "fetch.settle_hours: must be a number"),
            ("[fetch]\nsettle_hour = 6\n", "unknown key \"fetch.settle_hour\""),
            ("fetch = 6\n", "fetch: must be a table"),
        ] {
            let error = #expect(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "c.toml") }
            #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
        }
    }
}
