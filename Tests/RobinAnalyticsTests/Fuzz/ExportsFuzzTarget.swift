import Foundation
import RobinAnalytics
import RobinExports
import RobinModel

/// The `exports` fuzz target: one input through the whole reading path (CSV
/// parsing, header matching, named columns, field parsing, de-duplication) of
/// both export readers, then the analytics over the tables read.
///
/// An input is a desk export and a spaces export separated by the first form
/// feed (`\f`); without one, the same bytes are offered to both readers (each
/// then usually stops at a missing column, which is a clean error too).
enum ExportsFuzzTarget {
    /// The byte between the desk part and the spaces part of an input.
    static let separator = UInt8(ascii: "\u{0C}")

    /// The settings the tables are analyzed with: the real-rows fixture's
    /// (`Fixtures/real/robin-report.toml`): two time zones, and an inventory
    /// so configured and seen desks and rooms are combined.
    static let settings: Settings = {
        var settings = Settings()
        settings.timeZone = "America/New_York"
        settings.minGroupSize = 2
        settings.buildings["Tokyo Office"] = Settings.Building(timeZone: "Asia/Tokyo")
        settings.buildings["HQ"] = Settings.Building(rooms: 3, floors: ["(no floor)": Settings.Floor(desks: 6)])
        return settings
    }()

    /// Reads `input` (written to `desks.csv` and `spaces.csv` in `directory`)
    /// and analyzes what was read; returns the problems found (none when the
    /// input was read or refused cleanly).
    static func run(_ input: [UInt8], directory: String) -> [String] {
        let deskPath = directory + "/desks.csv", spacesPath = directory + "/spaces.csv"
        let deskBytes: ArraySlice<UInt8>, spacesBytes: ArraySlice<UInt8>
        if let split = input.firstIndex(of: separator) {
            (deskBytes, spacesBytes) = (input[..<split], input[(split + 1)...])
        } else {
            (deskBytes, spacesBytes) = (input[...], input[...])
        }
        guard write(deskBytes, to: deskPath), write(spacesBytes, to: spacesPath) else {
            return ["cannot write the input to \(directory): errno \(errno)"]
        }

        var problems: [String] = []
        var desks = DeskTable(), events = EventTable(), anyRead = false
        do {
            desks = try DeskExportReader.read(files: [deskPath])
            anyRead = true
        } catch {
            problems += check(error, path: deskPath)
        }
        do {
            events = try EventExportReader.read(files: [spacesPath])
            anyRead = true
        } catch {
            problems += check(error, path: spacesPath)
        }
        if anyRead { problems += FuzzChecks.analyze(desks: desks, events: events, settings: settings) }
        return problems
    }

    /// Writes `bytes` to `path` with plain POSIX calls: Foundation's writes
    /// fsync, which took a tenth of the time of a run.
    static func write(_ bytes: ArraySlice<UInt8>, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let wrote = Foundation.write(fd, buffer.baseAddress! + done, buffer.count - done)
                guard wrote > 0 else { return false }
                done += wrote
            }
            return true
        }
    }

    /// A reading error must be bad input (exit 3) naming the file it was about.
    static func check(_ error: CSVError, path: String) -> [String] {
        var problems = FuzzChecks.check(error, expected: .badInput, what: "reading \(path)")
        if !error.description.hasPrefix(path) { problems.append("reading \(path): the message does not name the file: \(error)") }
        return problems
    }
}
