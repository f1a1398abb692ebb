/// One measure a reader sees: its label, how it is written, what it means,
/// which way is good, and how to read it from a metrics.json. The report's
/// headline table and definitions, the email's headline, the commit message
/// and the archive index are all built from these declarations (`Measure.headline`),
/// so they cannot disagree.
public struct Measure: Sendable {
    /// How a value is written.
    public enum Format: Sendable, Equatable {
        /// A whole number, thousands separated: `1,234`.
        case count
        /// One decimal: `32.8`.
        case decimal
        /// A ratio (0...1) as a percentage: `67.1%`; its change in percentage points.
        case percent
    }

    /// Whether a change is good news, bad news, or too small to show.
    public enum Tone: Sendable, Equatable {
        /// Moved the good way.
        case good
        /// Moved the bad way.
        case bad
        /// Did not move as far as the text shows.
        case flat
    }

    /// Where the value is in metrics.json: `desks.total.people`.
    public let key: String
    /// The label in tables and messages: `People in the office`.
    public let label: String
    /// A column heading where space is short (commit subject): `People`.
    public let shortLabel: String
    /// How the value is written.
    public let format: Format
    /// True when a rise is good news (utilization), false when bad (no-shows).
    public let higherIsBetter: Bool
    /// What it counts, for the report's definitions (no final full stop).
    public let definition: String
    private let read: @Sendable (MetricsDocument) -> Double?
    private let annotate: @Sendable (MetricsDocument) -> String?

    /// `read` takes the value from a document (nil when absent or undefined);
    /// `note` gives a remark shown after it, such as the peak's date.
    public init(key: String, label: String, shortLabel: String, format: Format, higherIsBetter: Bool,
                definition: String, note: @escaping @Sendable (MetricsDocument) -> String? = { _ in nil },
                read: @escaping @Sendable (MetricsDocument) -> Double?) {
        self.key = key
        self.label = label
        self.shortLabel = shortLabel
        self.format = format
        self.higherIsBetter = higherIsBetter
        self.definition = definition
        self.read = read
        annotate = note
    }

    /// The value in `document`; nil when there is no document or the value is absent or undefined.
    public func value(in document: MetricsDocument?) -> Double? {
        document.flatMap(read)
    }

    /// The remark written after the value (`Tue 17 Nov` for the peak), if any.
    public func note(in document: MetricsDocument?) -> String? {
        document.flatMap(annotate)
    }

    /// `value` as written: `1,234`, `32.8`, `67.1%`; `—` when nil.
    public func formatted(_ value: Double?) -> String {
        switch format {
        case .count: value.map { Figures.fixed($0, decimals: 0) } ?? Figures.missing
        case .decimal: Figures.decimal(value)
        case .percent: Figures.percent(value)
        }
    }

    /// The value in `document` as written, without its note.
    public func text(in document: MetricsDocument?) -> String {
        formatted(value(in: document))
    }

    /// The value with its note, as a table cell shows it: `42 (Tue 17 Nov)`.
    public func textWithNote(in document: MetricsDocument?) -> String {
        text(in: document) + (note(in: document).map { " (\($0))" } ?? "")
    }

    /// The change from `previous` to `current`: points for a ratio, percent
    /// otherwise; nil when either value is missing (or the base is zero).
    public func change(from previous: MetricsDocument?, to current: MetricsDocument?) -> FigureChange? {
        let before = value(in: previous), now = value(in: current)
        return format == .percent ? .points(from: before, to: now) : .relative(from: before, to: now)
    }

    /// Good or bad news, given which way is good.
    public func tone(of change: FigureChange) -> Tone {
        switch change.direction {
        case .flat: .flat
        case .up: higherIsBetter ? .good : .bad
        case .down: higherIsBetter ? .bad : .good
        }
    }
}
