import Foundation
import RobinTestSupport
import Synchronization
import RobinConfig
import RobinExports
import RobinFetch
import RobinModel
import RobinPipeline
import RobinRender

/// The analytics tests' synthetic week (2026-W47: 16-22 November, three
/// buildings, 60 people) as `report` finds it in a cache, with an empty week
/// 46 before it (header-only daily files), in a scratch folder.
struct PipelineFixture {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../RobinAnalyticsTests/Fixtures/week").standardized
    static let week = ReportPeriod.week(year: 2026, week: 47)!

    let scratch: TemporaryFolder
    var folder: String { scratch.path }
    let cache: ExportCache
    var settings: Settings

    init() throws {
        scratch = try TemporaryFolder("robin-pipeline")
        let folder = scratch.path
        cache = ExportCache(directory: folder + "/cache", organizationID: 1, locationIDs: nil)
        let files = FileManager.default
        for kind in ExportKind.allCases {
            let from = Self.source.appendingPathComponent(kind == .desks ? "desks" : "spaces")
            try files.createDirectory(atPath: cache.folder(kind: kind), withIntermediateDirectories: true)
            let names = try files.contentsOfDirectory(atPath: from.path).sorted()
            for name in names {
                try files.copyItem(atPath: from.appendingPathComponent(name).path,
                                   toPath: cache.folder(kind: kind) + "/" + name)
            }
            let header = try String(contentsOf: from.appendingPathComponent(names[0]), encoding: .utf8).prefix { !$0.isNewline }
            for date in Period(from: LocalDate("2026-11-09")!, to: LocalDate("2026-11-15")!)!.dates {
                try Data("\(header)\n".utf8).write(to: URL(fileURLWithPath: cache.path(kind: kind, date: date)))
            }
        }
        settings = try ConfigLoader.load(path: Self.source.appendingPathComponent("robin-report.toml").path)
        settings.outputDirectory = folder + "/Output"
        settings.cacheDirectory = folder + "/cache"
    }

    /// The job for week 47, offline, with `stages` (the production ones by default).
    func job(stages: ReportStages? = nil, only: String? = nil) throws -> ReportJob {
        var job = ReportJob(period: Self.week, settings: settings, cache: cache, fetcher: nil,
                            today: LocalDate("2026-11-30")!,
                            stages: try stages ?? .production(templates: .builtIn(), outputDirectory: settings.outputDirectory))
        job.onlyAudience = only
        return job
    }

    /// metrics.json of the report in `folder` under the output folder, as a JSON object.
    func metrics(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: settings.outputDirectory + "/" + folder + "/metrics.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func remove() {
        scratch.remove()
    }
}

/// Collects what a stage was given, across the tasks the job runs it from.
final class Recorder<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])
    func add(_ value: Value) { values.withLock { $0.append(value) } }
    var all: [Value] { values.withLock { $0 } }
}

/// The production reader, recording which files it was asked for.
struct RecordingReader: ExportReading {
    let calls = Recorder<(kind: ExportKind, day: ExportFiles.Day)>()

    func readDesks(_ day: ExportFiles.Day, warn: @escaping @Sendable (String) -> Void) throws -> DeskTable {
        calls.add((.desks, day))
        return try ExportFileReader().readDesks(day, warn: warn)
    }

    func readSpaces(_ day: ExportFiles.Day, warn: @escaping @Sendable (String) -> Void) throws -> EventTable {
        calls.add((.spaces, day))
        return try ExportFileReader().readSpaces(day, warn: warn)
    }

    /// The days read of `kind`, in the order read.
    func days(_ kind: ExportKind) -> [ExportFiles.Day] {
        calls.all.filter { $0.kind == kind }.map(\.day)
    }
}

/// The production analysis, recording each request.
struct RecordingAnalyzer: MetricsAnalyzing {
    let calls = Recorder<AnalysisRequest>()

    func trendMetrics(_ request: AnalysisRequest) throws -> [Metrics?] {
        calls.add(request)
        return try TrendAnalyzer().trendMetrics(request)
    }
}

/// The production renderer, recording each input.
struct RecordingRenderer: ReportRendering {
    let renderer: ReportRenderer
    let calls = Recorder<ReportInput>()

    func render(_ input: ReportInput) throws -> RenderedReport {
        calls.add(input)
        return try renderer.render(input)
    }
}

/// A writer that keeps the reports in memory and writes nothing.
struct MemoryWriter: ReportWriting {
    let calls = Recorder<ReportSet>()

    func write(_ reports: ReportSet, warn: @escaping @Sendable (String) -> Void) throws -> [WrittenReport] {
        calls.add(reports)
        return (reports.organization.map { [WrittenReport(audience: nil, folder: "memory:" + $0.slug)] } ?? [])
            + reports.audiences.map { WrittenReport(audience: $0.audience, folder: "memory:audiences/" + $0.report.slug) }
    }
}

extension Audience {
    static let london = Audience(name: "London site", buildings: ["London"], to: [EmailAddress("london@example.com")!])
    static let engineering = Audience(name: "Engineering", departments: ["Engineering"])
}
