import Foundation
import RobinModel
import RobinSynthetic

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one desks and one spaces file per home-zone local date, two at a
/// time (the machines have two cores), each atomically (temp file + rename).
struct DailyExportWriter: Sendable {
    let organization: SyntheticOrganization
    let directory: URL
    let overlapSeconds: Int64

    struct Totals: Sendable {
        var deskRows = 0
        var deskBytes = 0
        var spaceRows = 0
        var spaceBytes = 0
    }

    private struct Job: Sendable {
        let day: Int
        let kind: ExportKind
    }

    private struct Written: Sendable {
        let kind: ExportKind
        let rows: Int
        let bytes: Int
    }

    func write(days: [Int]) async throws -> Totals {
        for kind in ExportKind.allCases {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(kind.rawValue), withIntermediateDirectories: true
            )
        }
        let zone = ZoneMidnights(identifier: organization.timeZoneIdentifier)
        var jobs = days.flatMap { day in ExportKind.allCases.map { Job(day: day, kind: $0) } }.makeIterator()
        var totals = Totals()
        try await withThrowingTaskGroup(of: Written.self) { group in
            func add(_ job: Job) {
                let range = (zone.utcMidnight(day: job.day) - overlapSeconds, zone.utcMidnight(day: job.day + 1) + overlapSeconds)
                group.addTask { try writeFile(job, fromUTC: range.0, toUTC: range.1) }
            }
            for _ in 0..<2 {
                if let job = jobs.next() { add(job) }
            }
            while let written = try await group.next() {
                switch written.kind {
                case .desks:
                    totals.deskRows += written.rows
                    totals.deskBytes += written.bytes
                case .spaces:
                    totals.spaceRows += written.rows
                    totals.spaceBytes += written.bytes
                }
                if let job = jobs.next() { add(job) }
            }
        }
        return totals
    }

    private func writeFile(_ job: Job, fromUTC: Int64, toUTC: Int64) throws -> Written {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 24)
        organization.appendExport(job.kind, fromUTC: fromUTC, toUTC: toUTC, locationIDs: nil, to: &buffer)
        // Records end in CRLF and fields never hold a CR, so CRs count records (header included).
        var records = 0
        for byte in buffer where byte == 0x0D { records += 1 }
        let folder = directory.appendingPathComponent(job.kind.rawValue)
        let name = "\(LocalDate(daysSinceEpoch: job.day)).csv"
        let final = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent(".\(name).tmp-\(getpid())")
        try Data(buffer).write(to: temporary)
        guard rename(temporary.path, final.path) == 0 else {
            throw WriteError(path: final.path, errno: errno)
        }
        return Written(kind: job.kind, rows: records - 1, bytes: buffer.count)
    }
}

/// A failed rename, naming the file.
struct WriteError: Error, CustomStringConvertible {
    let path: String
    let errno: Int32

    var description: String { "\(path): cannot move the temporary file into place (errno \(errno))" }
}
