import Foundation
import Testing
import RobinAnalytics
import RobinModel
import RobinPipeline
import RobinRender

/// Facts files that are damaged, outdated or of other inputs are detected and
/// rebuilt from the exports, never trusted: each case reads exactly the export
/// files the rebuilt facts need, and gives the report of a run without the cache.
@Suite("derived facts cache: stale and damaged facts")
struct FactsInvalidationTests {
    static let day = LocalDate("2026-11-18")!

    /// The fixture after a first run (every facts file written), its report, and the facts store.
    struct Prepared {
        let fixture: PipelineFixture
        let first: RecordedRun
        var store: FactsStore { FactsStore(cache: fixture.cache) }

        init() async throws {
            let fixture = try PipelineFixture()
            self.fixture = fixture
            first = try await Self.run(fixture)
        }

        static func run(_ fixture: PipelineFixture, derived: Bool = true) async throws -> RecordedRun {
            try await RecordedRun.run { stages in
                var job = try! fixture.job(stages: stages)
                job.derivedCache = derived
                return job
            }
        }

        func run(derived: Bool = true) async throws -> RecordedRun { try await Self.run(fixture, derived: derived) }

        func path(_ kind: ExportKind, _ date: LocalDate = FactsInvalidationTests.day) -> String {
            store.path(scope: 0, kind: kind, date: date)
        }

        func edit(_ kind: ExportKind, _ change: (inout [UInt8]) -> Void) throws {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(kind))))
            change(&bytes)
            try Data(bytes).write(to: URL(fileURLWithPath: path(kind)))
        }
    }

    /// The export files rebuilding the facts of `day`'s file needs.
    static func rebuilt(_ kind: ExportKind, _ day: LocalDate = day) -> [ExportKind: [LocalDate]] {
        var read: [ExportKind: [LocalDate]] = [.desks: [], .spaces: []]
        read[kind] = kind == .desks ? [day, day.adding(days: 1)] : [day.adding(days: -1), day, day.adding(days: 1)]
        return read
    }

    static func sorted(_ read: [ExportKind: [LocalDate]]) -> [ExportKind: [LocalDate]] { read.mapValues { $0.sorted() } }

    /// A checked file with one field changed: the checksum made right again, so only that field is wrong.
    static func resealed(_ bytes: inout [UInt8], at offset: Int, _ value: UInt64, width: Int) {
        for index in 0..<width { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(index))) }
        let checksum = XXHash64.hash(Array(bytes[..<(bytes.count - 8)]))
        for index in 0..<8 { bytes[bytes.count - 8 + index] = UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(index))) }
    }

    @Test("a flipped byte, a truncated file, another file's bytes, another format version or key function: rebuilt",
          arguments: ["flip", "truncate", "foreign", "version", "key function", "empty"])
    func damaged(_ damage: String) async throws {
        let prepared = try await Prepared()
        defer { prepared.fixture.remove() }
        let kind: ExportKind = damage == "truncate" || damage == "version" ? .spaces : .desks
        try prepared.edit(kind) { bytes in
            switch damage {
            case "flip": bytes[bytes.count / 2] ^= 0x10
            case "truncate": bytes.removeLast(bytes.count / 3)
            case "foreign": bytes = [UInt8]("Building,Floor,Desk ID\nHQ,1,D1\n".utf8)
            case "version": Self.resealed(&bytes, at: 8, UInt64(FactsCodec.version + 1), width: 4)
            case "key function": Self.resealed(&bytes, at: 12, IDSpace.keyProbe ^ 1, width: 8)
            default: bytes = []
            }
        }
        let second = try await prepared.run()
        #expect(Self.sorted(second.read) == Self.rebuilt(kind))
        #expect(second.outputs == prepared.first.outputs)
        // Written again, whole: the next run reads nothing.
        #expect(try await prepared.run().readNothing)
    }

    @Test("a facts file that is not a regular file is not opened; the facts are kept in memory")
    func notAFile() async throws {
        let prepared = try await Prepared()
        defer { prepared.fixture.remove() }
        try FileManager.default.removeItem(atPath: prepared.path(.desks))
        try FileManager.default.createDirectory(atPath: prepared.path(.desks), withIntermediateDirectories: false)
        let second = try await prepared.run()
        #expect(Self.sorted(second.read) == Self.rebuilt(.desks))
        #expect(second.outputs == prepared.first.outputs)
    }

    @Test("the facts of other format versions are removed; the current version's and other files stay")
    func otherVersions() async throws {
        let prepared = try await Prepared()
        defer { prepared.fixture.remove() }
        let parent = (prepared.store.folder as NSString).deletingLastPathComponent
        let old = parent + "/v1/org/desks", other = parent + "/notes"
        for folder in [old, other] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: old + "/2026-11-18.facts"))
        let second = try await prepared.run()
        #expect(!FileManager.default.fileExists(atPath: parent + "/v1"))
        #expect(FileManager.default.fileExists(atPath: other))
        #expect(FileManager.default.fileExists(atPath: prepared.path(.desks)))
        #expect(second.read.values.allSatisfy { $0.isEmpty })
        #expect(second.outputs == prepared.first.outputs)
    }

    @Test("a FIFO in place of a facts file is not waited on; the facts are rebuilt")
    func fifo() async throws {
        let prepared = try await Prepared()
        defer { prepared.fixture.remove() }
        try FileManager.default.removeItem(atPath: prepared.path(.spaces))
        #expect(mkfifo(prepared.path(.spaces), 0o644) == 0)
        let second = try await prepared.run()
        #expect(Self.sorted(second.read) == Self.rebuilt(.spaces))
        #expect(second.outputs == prepared.first.outputs)
    }

    @Test("a changed export file rebuilds the facts that depend on it: its own and its neighbours'")
    func changedExport() async throws {
        let prepared = try await Prepared()
        defer { prepared.fixture.remove() }
        for kind in ExportKind.allCases {
            let csv = prepared.fixture.cache.path(kind: kind, date: Self.day)
            // By bytes: the spaces file ends its lines with CRLF, one `Character` in a Swift string.
            var lines = [UInt8](try Data(contentsOf: URL(fileURLWithPath: csv))).split(separator: 0x0A, omittingEmptySubsequences: false)
            lines.remove(at: 1)  // the file's first row
            try Data(lines.joined(separator: [0x0A])).write(to: URL(fileURLWithPath: csv), options: .atomic)
        }
        let second = try await prepared.run()
        // Desks: the previous date's facts depend on this file (its rows may win over theirs), and this one's on the next file.
        #expect(second.read[.desks]?.sorted() == [Self.day.adding(days: -1), Self.day, Self.day.adding(days: 1)])
        // Spaces: the dates on both sides depend on it, and need theirs.
        #expect(second.read[.spaces]?.sorted() == (-2...2).map { Self.day.adding(days: $0) })
        #expect(second.outputs == (try await prepared.run(derived: false)).outputs)
        #expect(second.outputs != prepared.first.outputs)
    }

    @Test("a copied or touched export file is hashed, found unchanged, and not read")
    func touchedExport() async throws {
        let prepared = try await Prepared()
        defer { prepared.fixture.remove() }
        let csv = prepared.fixture.cache.path(kind: .desks, date: Self.day)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        try FileManager.default.removeItem(atPath: csv)
        try bytes.write(to: URL(fileURLWithPath: csv))  // a new inode and new times, the same bytes
        let before = try FactsCodec.key(of: [UInt8](Data(contentsOf: URL(fileURLWithPath: prepared.path(.desks)))))
        let second = try await prepared.run()
        #expect(second.readNothing)
        #expect(second.outputs == prepared.first.outputs)
        // The facts were saved again with the file's new identity; its content hash is the same.
        let after = try FactsCodec.key(of: [UInt8](Data(contentsOf: URL(fileURLWithPath: prepared.path(.desks)))))
        #expect(after.sources[0].contentHash == before.sources[0].contentHash)
        // Its identity is the new file's, or none when its times were too recent to trust (the hash decides then).
        let inode = (try FileManager.default.attributesOfItem(atPath: csv)[.systemFileNumber] as? NSNumber)?.uint64Value
        #expect(after.sources[0].inode == inode || after.sources[0].modified == 0)
    }

    @Test("a setting facts depend on rebuilds them all; one applied when combining rebuilds nothing")
    func settings() async throws {
        var prepared = try await Prepared()
        defer { prepared.fixture.remove() }
        var fixture = prepared.fixture
        fixture.settings.workweek = [1, 2, 3, 4]
        fixture.settings.closedDates = [Self.day]
        fixture.settings.minGroupSize = 2
        prepared = Prepared(fixture: fixture, first: prepared.first)
        let combining = try await prepared.run()
        #expect(combining.readNothing)
        #expect(combining.outputs == (try await prepared.run(derived: false)).outputs)

        fixture.settings.businessHours = Settings.BusinessHours(start: 8 * 60, end: 18 * 60)
        prepared = Prepared(fixture: fixture, first: prepared.first)
        let hours = try await prepared.run()
        let all = Period(from: LocalDate("2026-11-09")!, to: LocalDate("2026-11-22")!)!.dates
        #expect(hours.read[.desks] == all && hours.read[.spaces] == all)
        #expect(hours.outputs == (try await prepared.run(derived: false)).outputs)

        fixture.settings.buildings["London"]?.timeZone = "Europe/Paris"
        prepared = Prepared(fixture: fixture, first: prepared.first)
        #expect(try await prepared.run().read[.desks] == all)
    }
}

extension FactsInvalidationTests.Prepared {
    init(fixture: PipelineFixture, first: RecordedRun) {
        self.fixture = fixture
        self.first = first
    }
}

extension FactsInvalidationTests {
    @Test("a facts cache that cannot be written: one warning, the same report, the facts kept in memory")
    func unwritable() async throws {
        let fixture = try PipelineFixture()
        defer { fixture.remove() }
        // A file where the facts folder should be: no facts file can be created under it.
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: fixture.cache.factsFolder))
        let warnings = Recorder<String>()
        let writer = MemoryWriter()
        var job = try fixture.job(stages: ReportStages(renderer: ReportRenderer(templates: try .builtIn()), writer: writer))
        job.derivedCache = true
        _ = try await job.run(warn: { warnings.add($0) })
        let facts = warnings.all.filter { $0.hasPrefix("facts cache: ") }
        #expect(facts.count == 1)
        #expect(facts.first?.contains(fixture.cache.factsFolder) == true)
        let without = try await Prepared.run(fixture, derived: false)
        #expect(writer.calls.all.first?.organization?.metricsJSON == without.outputs.first)
    }
}
