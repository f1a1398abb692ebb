import ArgumentParser
import Foundation
import RobinModel
import RobinSynthetic

/// `robin-synth`: writes a synthetic organisation's daily Robin exports, like
/// a scheduled job that POSTs one export per day would have saved them.
@main
struct RobinSynth: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robin-synth",
        abstract: "Write deterministic synthetic Robin Analytics exports (desks and spaces), one CSV per day.",
        discussion: """
            Files are DIR/desks/YYYY-MM-DD.csv and DIR/spaces/YYYY-MM-DD.csv, one per local date of the \
            organisation's home time zone, each covering [local midnight, next local midnight) widened by \
            --overlap-hours on both ends. The same --seed and --people always give the same bytes.
            """
    )

    @Option(help: "First local date to write (home time zone), YYYY-MM-DD.")
    var from: String?

    @Option(help: "Last local date to write (inclusive), YYYY-MM-DD.")
    var to: String?

    @Option(help: "Output directory (created if missing).")
    var out: String?

    @Option(help: "Head count of the organisation (rooms and desks scale with it).")
    var people: Int = 300

    @Option(help: "Seed of the organisation and of every row.")
    var seed: UInt64 = 1

    @Option(help: "Hours added before and after each day's range, so daily files overlap (Robin advises a margin).")
    var overlapHours: Int = 0

    @Flag(help: "Print a TOML snippet describing the organisation (time zones) and exit.")
    var printOrg = false

    func validate() throws {
        guard people >= 1 else { throw ValidationError("--people must be at least 1, got \(people)") }
        guard (0...72).contains(overlapHours) else {
            throw ValidationError("--overlap-hours must be in 0...72, got \(overlapHours)")
        }
        if printOrg { return }
        guard let from, let to, out != nil else {
            throw ValidationError("--from, --to and --out are required (unless --print-org)")
        }
        guard let first = LocalDate(from) else { throw ValidationError("--from: \"\(from)\" is not a YYYY-MM-DD date") }
        guard let last = LocalDate(to) else { throw ValidationError("--to: \"\(to)\" is not a YYYY-MM-DD date") }
        guard first <= last else { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    func run() async throws {
        let organization = SyntheticOrganization(seed: seed, people: people)
        if printOrg {
            print(OrganizationTOML.render(organization, seed: seed), terminator: "")
            return
        }
        guard let from, let to, let out, let first = LocalDate(from), let last = LocalDate(to) else { return }
        let writer = DailyExportWriter(
            organization: organization, directory: URL(fileURLWithPath: out), overlapSeconds: Int64(overlapHours) * 3600
        )
        let started = ContinuousClock.now
        let totals = try await writer.write(days: Array(first.daysSinceEpoch...last.daysSinceEpoch))
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let line = "robin-synth: \(last.daysSinceEpoch - first.daysSinceEpoch + 1) days \(from)..\(to) "
            + "(\(organization.timeZoneIdentifier), \(organization.headCount) people): "
            + "desks \(totals.deskRows) rows \(totals.deskBytes) bytes, "
            + "spaces \(totals.spaceRows) rows \(totals.spaceBytes) bytes, "
            + "\(String(format: "%.2f", seconds)) s -> \(out)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
