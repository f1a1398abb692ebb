import RobinAnalytics
import RobinExports
import RobinModel
import RobinRender

/// The four stages `ReportJob` runs, passed in with production defaults (as
/// swift-openapi-generator's `makeGeneratorPipeline` takes its parser,
/// translator and renderer), so a test can swap one: an in-memory reader, a
/// recording analyzer or writer. The job keeps only its own logic: what to
/// fetch, which days to read, which periods to analyse, for whom, and what to
/// hand on.
public struct ReportStages: Sendable {
    /// Reads the cached daily exports into tables.
    public var reader: any ExportReading
    /// Computes the metrics of the trend periods.
    public var analyzer: any MetricsAnalyzing
    /// Renders one report.
    public var renderer: any ReportRendering
    /// Writes the reports of a run and the archive index.
    public var writer: any ReportWriting

    public init(reader: any ExportReading = ExportFileReader(), analyzer: any MetricsAnalyzing = TrendAnalyzer(),
                renderer: any ReportRendering, writer: any ReportWriting) {
        self.reader = reader
        self.analyzer = analyzer
        self.renderer = renderer
        self.writer = writer
    }

    /// The production stages: the CSV readers, `Analyzer`, `ReportRenderer`
    /// with `templates`, and folders under `outputDirectory` (with report.pdf
    /// when `printer` is given).
    public static func production(templates: TemplateSet, outputDirectory: String,
                                  printer: PDFPrinter? = nil) -> ReportStages {
        ReportStages(renderer: ReportRenderer(templates: templates),
                     writer: ReportOutputWriter(outputDirectory: outputDirectory, printer: printer))
    }
}

// MARK: - Reading

/// The cached daily export files a report reads, by kind, in date order.
public struct ExportFiles: Sendable, Equatable {
    /// One cached day: its local date and its file.
    public struct Day: Sendable, Equatable {
        /// The local date the file exports.
        public var date: LocalDate
        /// The file in the cache.
        public var path: String

        public init(date: LocalDate, path: String) {
            self.date = date
            self.path = path
        }
    }

    /// Desk reservation exports.
    public var desks: [Day]
    /// Room event (spaces) exports.
    public var spaces: [Day]

    public init(desks: [Day], spaces: [Day]) {
        self.desks = desks
        self.spaces = spaces
    }
}

/// The read stage: export files in, tables out.
public protocol ExportReading: Sendable {
    /// Reads `files`; `warn` gets what the readers let pass (bad optional values).
    func read(_ files: ExportFiles, warn: @escaping @Sendable (String) -> Void) async throws -> Exports
}

/// The production reader: `Exports.read`, both kinds at once.
public struct ExportFileReader: ExportReading {
    public init() {}

    public func read(_ files: ExportFiles, warn: @escaping @Sendable (String) -> Void) async throws -> Exports {
        try await Exports.read(desks: files.desks.map(\.path), spaces: files.spaces.map(\.path), warn: warn)
    }
}

// MARK: - Analysis

/// What the analysis stage is asked for: one report's trend periods on some tables.
public struct AnalysisRequest: Sendable {
    /// The rows to analyse: the organisation's, or an audience's.
    public var exports: Exports
    /// The settings to analyse them with (an audience's own inventory; see `AudienceScope`).
    public var settings: Settings
    /// The rows whose attended days count toward policy adherence (`Analyzer.policyDesks`); nil = `exports.desks`.
    public var policyDesks: DeskTable?
    /// The report's period.
    public var period: Period
    /// The trend periods, oldest first, ending with `period`.
    public var trend: [Period]
    /// The trend periods whose exports are all at hand; the others are not analysed (nil in the result).
    public var atHand: Set<Period>
    /// The 7 days after the period, for `forward`.
    public var forward: Analyzer.ForwardWindow

    public init(exports: Exports, settings: Settings, policyDesks: DeskTable? = nil, period: Period, trend: [Period],
                atHand: Set<Period>, forward: Analyzer.ForwardWindow) {
        self.exports = exports
        self.settings = settings
        self.policyDesks = policyDesks
        self.period = period
        self.trend = trend
        self.atHand = atHand
        self.forward = forward
    }
}

/// The analysis stage: tables in, one `Metrics` per trend period out.
public protocol MetricsAnalyzing: Sendable {
    /// One entry per trend period, the last being the period's own with
    /// `previous`, `insights` and `forward` filled; nil where not at hand.
    func trendMetrics(_ request: AnalysisRequest) throws -> [Metrics?]
}

/// The production analysis: `Analyzer.trendMetrics` (METRICS.md).
public struct TrendAnalyzer: MetricsAnalyzing {
    public init() {}

    public func trendMetrics(_ request: AnalysisRequest) throws -> [Metrics?] {
        try Analyzer(settings: request.settings, policyDesks: request.policyDesks).trendMetrics(
            desks: request.exports.desks, events: request.exports.events, period: request.period,
            trend: request.trend, isAtHand: { request.atHand.contains($0) }, forward: request.forward)
    }
}

// MARK: - Rendering

/// The render stage: one report's input in, its files out.
public protocol ReportRendering: Sendable {
    func render(_ input: ReportInput) throws -> RenderedReport
}

extension ReportRenderer: ReportRendering {}
