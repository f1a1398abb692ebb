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
    /// Reads a cached daily export into its table.
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

/// The read stage: one cached daily export file in, its table out. The job
/// reads only the files whose day facts are missing or stale (`FactsStore`),
/// each on its own (the facts de-duplicate across neighbouring files).
public protocol ExportReading: Sendable {
    /// Reads one day's desk export; `warn` gets what the reader lets pass (bad optional values).
    func readDesks(_ day: ExportFiles.Day, warn: @escaping @Sendable (String) -> Void) throws -> DeskTable
    /// Reads one day's spaces export.
    func readSpaces(_ day: ExportFiles.Day, warn: @escaping @Sendable (String) -> Void) throws -> EventTable
}

/// The production reader: `DeskExportReader` and `EventExportReader`.
public struct ExportFileReader: ExportReading {
    public init() {}

    public func readDesks(_ day: ExportFiles.Day, warn: @escaping @Sendable (String) -> Void) throws -> DeskTable {
        try DeskExportReader.read(files: [day.path], warn: warn)
    }

    public func readSpaces(_ day: ExportFiles.Day, warn: @escaping @Sendable (String) -> Void) throws -> EventTable {
        try EventExportReader.read(files: [day.path], warn: warn)
    }
}

// MARK: - Analysis

/// What the analysis stage is asked for: one report's trend periods from day facts.
public struct AnalysisRequest: Sendable {
    /// The day facts of the rows to analyse: the organisation's, or an
    /// audience's (whose policy facts are the organisation's).
    public var facts: FactBook
    /// The settings to analyse them with (an audience's own inventory; see `AudienceScope`).
    public var settings: Settings
    /// The report's period.
    public var period: Period
    /// The trend periods, oldest first, ending with `period`.
    public var trend: [Period]
    /// The trend periods whose exports are all at hand; the others are not analysed (nil in the result).
    public var atHand: Set<Period>
    /// The 7 days after the period, for `forward`.
    public var forward: Analyzer.ForwardWindow

    public init(facts: FactBook, settings: Settings, period: Period, trend: [Period], atHand: Set<Period>,
                forward: Analyzer.ForwardWindow) {
        self.facts = facts
        self.settings = settings
        self.period = period
        self.trend = trend
        self.atHand = atHand
        self.forward = forward
    }
}

/// The analysis stage: day facts in, one `Metrics` per trend period out.
public protocol MetricsAnalyzing: Sendable {
    /// One entry per trend period, the last being the period's own with
    /// `previous`, `insights` and `forward` filled; nil where not at hand.
    func trendMetrics(_ request: AnalysisRequest) throws -> [Metrics?]
}

/// The production analysis: `Analyzer.trendMetrics(facts:...)` (METRICS.md).
public struct TrendAnalyzer: MetricsAnalyzing {
    public init() {}

    public func trendMetrics(_ request: AnalysisRequest) throws -> [Metrics?] {
        Analyzer(settings: request.settings).trendMetrics(
            facts: request.facts, period: request.period, trend: request.trend,
            isAtHand: { request.atHand.contains($0) }, forward: request.forward)
    }
}

// MARK: - Rendering

/// The render stage: one report's input in, its files out.
public protocol ReportRendering: Sendable {
    func render(_ input: ReportInput) throws -> RenderedReport
}

extension ReportRenderer: ReportRendering {}
