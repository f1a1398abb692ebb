import Testing
import RobinModel
@testable import RobinConfig

/// `closed_dates` and `[targets]` (docs/metrics.md "Time" and "Targets"), validated like every key.
@Suite("Configuration: closed dates and targets")
struct ClosedDatesAndTargetsConfigTests {
    @Test("closed_dates takes quoted dates and TOML dates, on one line or several")
    func closedDates() throws {
        let settings = try ConfigLoader.parse("""
            closed_dates = [
              "2026-12-25",
              2026-12-26,  # a TOML date works too
            ]
            """, file: "c.toml")
        #expect(settings.closedDates == [LocalDate("2026-12-25")!, LocalDate("2026-12-26")!])
        #expect(!settings.isWorkday(LocalDate("2026-12-25")!))  // a Friday, but closed
        #expect(settings.isWorkday(LocalDate("2026-12-24")!))
        #expect(try ConfigLoader.parse("closed_dates = []", file: "c.toml").closedDates.isEmpty)
    }

    @Test("a bad or repeated closed date is exit 2 naming the key, the value and its line", arguments: [
        ("closed_dates = [\"2026-02-30\"]\n", "c.toml:1: closed_dates: \"2026-02-30\" is not a date (YYYY-MM-DD)"),
        ("timezone = \"UTC\"\nclosed_dates = [\n  \"2026-12-25\",\n  \"25/12/2026\",\n]\n",
         "c.toml:4: closed_dates: \"25/12/2026\" is not a date (YYYY-MM-DD)"),
        ("closed_dates = [20261225]\n", "c.toml:1: closed_dates: 20261225 is not a date (YYYY-MM-DD)"),
        ("closed_dates = [\n  \"2026-12-25\",\n  \"2026-12-26\",\n  2026-12-25,\n]\n",
         "c.toml:4: closed_dates: 2026-12-25 is listed twice"),
        ("closed_dates = \"2026-12-25\"\n", "c.toml:1: closed_dates: must be an array"),
    ])
    func badClosedDates(text: String, message: String) {
        #expect {
            try ConfigLoader.parse(text, file: "c.toml")
        } throws: { error in
            (error as? ConfigError)?.description == message && (error as? ConfigError)?.exitStatus == .usage
        }
    }

    @Test("[targets] reads each measure; integers are numbers too")
    func targets() throws {
        let settings = try ConfigLoader.parse("""
            [targets]
            desk_utilization = 0.6
            room_utilization = 0.25
            policy_adherence = 1
            check_in_rate = 0
            avg_days_per_person = 3
            """, file: "c.toml")
        #expect(settings.targets == [.deskUtilization: 0.6, .roomUtilization: 0.25, .policyAdherence: 1,
                                     .checkInRate: 0, .avgDaysPerPerson: 3])
        #expect(try ConfigLoader.parse("", file: "c.toml").targets.isEmpty)
    }

    @Test("a target out of range, of the wrong kind or unknown is exit 2 naming the key and its line", arguments: [
        ("[targets]\ndesk_utilization = 70\n",
         "c.toml:2: targets.desk_utilization: must be a ratio from 0 to 1 (0.7 = 70%), not 70"),
        ("[targets]\ncheck_in_rate = -0.1\n",
         "c.toml:2: targets.check_in_rate: must be a ratio from 0 to 1 (0.7 = 70%), not -0.1"),
        ("[targets]\navg_days_per_person = 7.5\n",
         "c.toml:2: targets.avg_days_per_person: must be days, from 0 to 7, not 7.5"),
        ("[targets]\npolicy_adherence = \"80%\"\n", "c.toml:2: targets.policy_adherence: must be a number, not \"80%\""),
        ("[targets]\nroom_utilisation = 0.3\n",
         "c.toml:2: unknown key \"targets.room_utilisation\" (known here: avg_days_per_person, check_in_rate, "
            + "desk_utilization, policy_adherence, room_utilization)"),
        ("targets = 0.5\n", "c.toml:1: targets: must be a table"),
    ])
    func badTargets(text: String, message: String) {
        #expect {
            try ConfigLoader.parse(text, file: "c.toml")
        } throws: { error in
            (error as? ConfigError)?.description == message && (error as? ConfigError)?.exitStatus == .usage
        }
    }
}
